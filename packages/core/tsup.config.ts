import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.js';

// One entry per subpath export (see package.json "exports"): the main entry and `./testing` (test
// builders; the main entry never imports them). dist mirrors src.
export default defineConfig({
  ...packageBuild,
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
});
