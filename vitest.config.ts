import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources of the workspace packages (no stale dist); the CLI's end-to-end
    // tests spawn the built `nss` binary, which `pnpm test` builds first.
    alias: [
      { find: /^@nss\/core\/testing$/, replacement: src('./packages/core/src/testing/index.ts') },
      { find: /^@nss\/core$/, replacement: src('./packages/core/src/index.ts') },
      { find: /^@nss\/ml$/, replacement: src('./packages/ml/src/index.ts') },
      { find: /^@nss\/adapters$/, replacement: src('./packages/adapters/src/index.ts') },
      { find: /^@nss\/adapters\/(dpdk|haproxy|openwhisk|host)$/, replacement: src('./packages/adapters/src/$1/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `default` for people, `json` for .ci/run, which prints the `N passed, N failed` line from it.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
  },
});
