import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          // Tests assert what happens, not how fast (that is npm run bench): the property and fuzz suites take a
          // few seconds on an idle machine and must not fail for taking longer beside another heavy job.
          testTimeout: 30_000,
          setupFiles: ['test/unit/support/fast-check-seed.ts'],
        },
      },
      {
        test: {
          // Electronegativity over the built app (needs out/: `npm run test:security` builds it).
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // A page that evaluates a roadmap after a reload can take seconds beside another heavy job: every
          // expect.poll waits up to 10 s (it still returns the moment the page is right).
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
