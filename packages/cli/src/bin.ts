/** The `nss` executable: runs {@link main} on the process's command line and sets the exit code. */
import { main } from './main.js';

// `nss run | head`: once the reader has gone, further output is pointless, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv);
