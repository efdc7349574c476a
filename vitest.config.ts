import { defineConfig } from 'vitest/config';

// Two projects. `integration`: tests that run the built bundles (dist/) in child processes, the corpus sample,
// the npm pack check, and the tests that talk HTTP to the fake GitHub backed by a real git repository; they
// take most of the suite's time and the bundle tests need `npm run build` first. `unit`: everything else, the
// fast edit-test loop (`npm run test:unit`). `npm test` and a plain `vitest run` run both.
const INTEGRATION = [
  'test/e2e/**/*.test.ts',
  'test/corpus/**/*.test.ts',
  'test/projects/**/*.test.ts',
  'test/hostile/**/*.test.ts',
  'test/cli/cli.test.ts',
  'test/package/**/*.test.ts',
  'test/fake-github/**/*.test.ts',
  'test/deliver/rest-swap.test.ts',
  'test/deliver/at-most-once.test.ts',
  'test/deliver/identity.test.ts',
];

const shared = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/**/*.test.ts'], exclude: INTEGRATION } },
      { test: { ...shared, name: 'integration', include: INTEGRATION } },
    ],
  },
});
