import { defineConfig } from 'vitest/config';

/**
 * The coverage floor of the pure domain (src/lib), enforced by `./fieldkit test`, which runs the
 * unit project with `--coverage.enabled`: vitest fails the run below it. Off by default so a
 * targeted `npx vitest run --project unit <files>` stays fast (add `--coverage.enabled` to see
 * per-file numbers for a subset; the floor then applies to that subset too).
 */
export const COVERAGE_FLOOR = { lines: 90, branches: 80 };

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      enabled: false,
      include: ['src/lib/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.fixture.ts', '**/fixtures/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.fieldkit/coverage',
      reportOnFailure: true,
      thresholds: { ...COVERAGE_FLOOR },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Stops the run with one line when a built site a queued test reads is missing.
          globalSetup: ['tests/browser/global-setup.ts'],
        },
      },
    ],
  },
});
