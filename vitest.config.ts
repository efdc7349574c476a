import { defineConfig } from 'vitest/config';

// `integration`: tests that run the built bundles (dist/) in child processes (verify's against real servers
// on loopback among them), the corpus sample, the npm pack
// check, and the tests that talk HTTP to the fake GitHub backed by a real git repository. They take most of the
// suite's time, and the bundle tests need `npm run build` first.
export const INTEGRATION = [
  'test/e2e/**/*.test.ts',
  'test/corpus/**/*.test.ts',
  'test/projects/**/*.test.ts',
  'test/hostile/**/*.test.ts',
  'test/cli/cli.test.ts',
  'test/cli/scan-output.test.ts',
  'test/cli/options.test.ts',
  'test/cli/baseline.test.ts',
  'test/package/**/*.test.ts',
  'test/verify/browser.test.ts',
  'test/verify/browser-cli.test.ts',
  'test/fake-github/**/*.test.ts',
  'test/deliver/rest-swap.test.ts',
  'test/deliver/at-most-once.test.ts',
  'test/deliver/identity.test.ts',
  'test/verify/examples.test.ts',
  'test/verify/servers.test.ts',
];

// The fast loop (`npm run test:unit`) is everything else. Most of its time went into every file importing the
// parsers and rules afresh, so `unit` shares loaded modules between the files a worker runs (isolate: false).
// A file that replaces a module (vi.mock) would leak the replacement into the next file: such files run in
// `unit-isolated` (a test checks that every one is listed here).
export const MOCKING_MODULES = ['test/evidence/project.test.ts'];

const shared = { testTimeout: 60_000, hookTimeout: 60_000, setupFiles: ['test/setup/parsers.ts'] };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...INTEGRATION, ...MOCKING_MODULES],
          isolate: false,
        },
      },
      { test: { ...shared, name: 'unit-isolated', include: MOCKING_MODULES } },
      { test: { ...shared, name: 'integration', include: INTEGRATION } },
    ],
  },
});
