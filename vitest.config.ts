import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './src/build/scenarios-plugin';

/** Unit tests that play or mutate thousands of runs: they run in the `scenarios` project. */
const HEAVY = [
  'tests/unit/loader.property.test.ts',
  'tests/unit/cli-hostile.test.ts',
  'tests/unit/council-verdict.test.ts',
  'tests/unit/cli-check-bounds.test.ts',
  'tests/unit/table-run.test.ts',
];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        // The bundled timeline and cases as the game imports them (compiled when first imported).
        plugins: [scenariosPlugin()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: HEAVY,
          environment: 'node',
          // Threads that keep their modules from file to file: the engine, Zod, YAML and the loaded
          // cases (tests/helpers.ts) are imported once a worker, not once a file. A test file that
          // changes a global restores it.
          pool: 'threads',
          isolate: false,
          // Under load (two cores shared with a browser run) a test may wait for the CPU.
          testTimeout: 30_000,
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
        },
      },
      {
        // Tests that play thousands of runs or walk every path of every bundled case: `npm test`
        // runs them (`npx vitest run --project scenarios`), `npm run test:unit` does not.
        test: {
          name: 'scenarios',
          include: ['tests/scenarios/**/*.test.ts', ...HEAVY],
          environment: 'node',
          // As the unit project: modules kept from file to file (none of these files changes a
          // global). With a fresh fork a file, the unit and scenario files took 52 s instead of 46 s.
          pool: 'threads',
          isolate: false,
          testTimeout: 180_000,
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
          // Two files at a time (`maxWorkers`, one per core): one file kept two cores 80 % busy,
          // waiting between the test, the browser and the page; two kept them 98 % busy, and the
          // browser files took 452 s and 475 s instead of 512 s. A worker's files share its browsers
          // (tests/browser/harness.ts).
          fileParallelism: true,
          // A worker keeps its modules from file to file: playwright-core and the engine were
          // imported again for each of the 27 files (about 1.5 s a file). Vitest runs projects with
          // different isolation in separate groups: the browser files run after the unit and
          // scenario files (which took about as long beside them as after them: all are CPU-bound).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
