import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/scenarios/**/*.test.ts'],
          environment: 'node',
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the site once and serves it from a subfolder on 127.0.0.1.
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // One Chromium and one static server for the whole project.
          fileParallelism: false,
        },
      },
    ],
  },
});
