import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import { findExecutable } from './find-executable.js';
import { TestpmdAttachError, TestpmdExitedError, TestpmdNotInstalledError } from './errors.js';

/** How the controller talks to a testpmd process: a line-oriented command channel plus its output. */
export interface TestpmdLink {
  /** PID of testpmd, when known. */
  readonly pid: number | undefined;
  /** Sends text to testpmd's command line. */
  write(text: string): void;
  /** Registers the output listener (testpmd's stdout, decoded). */
  onOutput(listener: (chunk: string) => void): void;
  /** Registers the listener called once when testpmd goes away. */
  onClose(listener: (error: TestpmdExitedError) => void): void;
  /** Stops talking to testpmd; `quit` asks it to exit first (spawned processes only). */
  close(): Promise<void>;
  /** Sends a signal to testpmd (spawned processes only). */
  kill(signal: NodeJS.Signals): boolean;
}

const STDERR_TAIL = 2000;

/** Starts testpmd as a child with stdin kept open and stdout line-buffered (under `stdbuf -oL`). */
export function spawnTestpmd(executable: string, args: readonly string[], lineBuffered: boolean, env?: NodeJS.ProcessEnv): TestpmdLink {
  const exe = findExecutable(executable);
  if (exe === undefined) throw new TestpmdNotInstalledError(executable);
  let command = exe;
  let argv = [...args];
  if (lineBuffered) {
    const stdbuf = findExecutable('stdbuf');
    if (stdbuf !== undefined) {
      command = stdbuf;
      argv = ['-oL', exe, ...args];
    }
  }
  const child: ChildProcessWithoutNullStreams = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  let stderr = '';
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-STDERR_TAIL);
  });
  child.stdin.on('error', () => {
    // EPIPE after testpmd died: reported through 'exit'.
  });
  const closeListeners: ((e: TestpmdExitedError) => void)[] = [];
  let closed = false;
  const fire = (error: TestpmdExitedError): void => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(error);
  };
  child.on('error', (err) => fire(new TestpmdExitedError(null, null, `Could not run ${exe}: ${err.message}.`)));
  const exited = new Promise<void>((resolve) => {
    child.on('close', (code, signal) => {
      const tail = stderr.trim().split('\n').slice(-5).join(' | ');
      fire(new TestpmdExitedError(code, signal, tail === '' ? '' : `Last stderr lines: ${tail}.`));
      resolve();
    });
  });
  return {
    get pid() {
      return child.pid;
    },
    write(text) {
      if (!closed && child.stdin.writable) child.stdin.write(text);
    },
    onOutput(listener) {
      child.stdout.on('data', listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    async close() {
      if (!closed) {
        child.stdin.write('quit\n');
        child.stdin.end();
        const timer = setTimeout(() => {
          if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
        }, 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
    kill(signal) {
      return child.pid !== undefined && child.exitCode === null && child.signalCode === null ? child.kill(signal) : false;
    },
  };
}

/**
 * Talks to a testpmd started elsewhere whose stdin is a FIFO and whose stdout goes to a file, e.g.
 * `mkfifo cmd; stdbuf -oL dpdk-testpmd … -i < cmd > out.log` with something holding `cmd` open for
 * writing (testpmd exits when the last writer closes). Commands go into the FIFO; output is read by
 * following the file from its current end.
 */
export async function attachTestpmd(commandFifo: string, outputFile: string, pid?: number, pollMs = 50): Promise<TestpmdLink> {
  const info = await fs.stat(commandFifo).catch((cause: unknown) => {
    throw new TestpmdAttachError(`Command FIFO ${commandFifo} does not exist. Create it with \`mkfifo ${commandFifo}\` and start testpmd with \`-i < ${commandFifo}\`.`, { cause });
  });
  if (!info.isFIFO()) throw new TestpmdAttachError(`${commandFifo} is not a FIFO. Create one with \`mkfifo\` and start testpmd reading from it.`);
  const fifo = await fs.open(commandFifo, constants.O_WRONLY | constants.O_NONBLOCK).catch((cause: unknown) => {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new TestpmdAttachError(
      code === 'ENXIO'
        ? `No process is reading ${commandFifo}: testpmd is not running, or not started with \`-i < ${commandFifo}\`.`
        : `Cannot open ${commandFifo} for writing (${String(code)}): check its permissions.`,
      { cause },
    );
  });
  const output = await fs.open(outputFile, 'r').catch(async (cause: unknown) => {
    await fifo.close();
    throw new TestpmdAttachError(`Cannot read testpmd's output file ${outputFile}: start testpmd with \`> ${outputFile}\` (and \`stdbuf -oL\` so lines arrive at once).`, { cause });
  });
  let position = (await output.stat()).size;
  const outputListeners: ((chunk: string) => void)[] = [];
  const closeListeners: ((e: TestpmdExitedError) => void)[] = [];
  let closed = false;
  const buffer = Buffer.alloc(64 * 1024);
  let reading = false;
  const poll = async (): Promise<void> => {
    if (reading || closed) return;
    reading = true;
    try {
      for (;;) {
        const { bytesRead } = await output.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        position += bytesRead;
        const chunk = buffer.toString('utf8', 0, bytesRead);
        for (const l of outputListeners) l(chunk);
      }
      if (pid !== undefined && !isAlive(pid)) finish(new TestpmdExitedError(null, null, `Process ${pid} is gone.`));
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(() => {
    poll().catch(() => undefined);
  }, pollMs);
  const finish = (error?: TestpmdExitedError): void => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    if (error !== undefined) for (const l of closeListeners) l(error);
  };
  return {
    pid,
    write(text) {
      if (closed) return;
      fifo.write(text).catch((cause: unknown) => finish(new TestpmdExitedError(null, null, `Writing to ${commandFifo} failed: ${(cause as Error).message}.`)));
    },
    onOutput(listener) {
      outputListeners.push(listener);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    async close() {
      finish();
      await fifo.close();
      await output.close();
    },
    kill(signal) {
      if (pid === undefined || !isAlive(pid)) return false;
      process.kill(pid, signal);
      return true;
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
