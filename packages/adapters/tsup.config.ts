import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.js';

// One entry per subpath export (see package.json "exports"); dist mirrors src.
export default defineConfig({
  ...packageBuild,
  entry: {
    index: 'src/index.ts',
    'dpdk/index': 'src/dpdk/index.ts',
    'haproxy/index': 'src/haproxy/index.ts',
    'openwhisk/index': 'src/openwhisk/index.ts',
    'host/index': 'src/host/index.ts',
  },
});
