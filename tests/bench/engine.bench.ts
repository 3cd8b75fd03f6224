/** Speed of the engine's hot paths: `npm run bench`. Targets are read here, never asserted in tests. */
import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { balanceReport } from '../../src/authoring/balance';
import { compileScenario, Game, loadScenario } from '../../src/engine';
import { randomPlaythrough } from '../../src/engine/autoplay';
import { lengthEstimates } from '../../src/engine/estimates';
import { bundledScenarioFiles, fixture, loadOrThrow, playThrough } from '../helpers';

const files = [fixture('mini.yaml'), ...bundledScenarioFiles()];

describe.each(files.map((f) => [f.split('/').pop(), f]))('%s', (_name, file) => {
  const text = readFileSync(file as string, 'utf8');
  const r = loadScenario(text, file as string);
  if (!r.ok) throw new Error(`${file} does not load`);
  const s = r.scenario;
  const role = s.roles[0]?.id ?? '';

  bench('load and validate', () => {
    loadScenario(text, file as string);
  });
  bench('compile to an XState machine', () => {
    compileScenario(s);
  });
  bench('play a run to its ending', () => {
    playThrough(s, role, 1).stop();
  });
  bench('view after each event (what a front end renders)', () => {
    const g = Game.start(s, { role, seed: 2 });
    g.view();
    g.stop();
  });
});

// A random playthrough per seat (what `stats`, `balance` and the time estimates run by the
// thousand): the goal is at least 10,000 a second on one core for every bundled seat.
describe('a random playthrough of each bundled seat', () => {
  for (const file of bundledScenarioFiles()) {
    const s = loadOrThrow(file);
    for (const role of s.roles) {
      let seed = 0;
      bench(`${s.id} as ${role.id}`, () => {
        seed += 1;
        randomPlaythrough(s, role.id, seed).stop();
      });
    }
  }
});

describe('authoring tools on the bundled cases', () => {
  for (const file of bundledScenarioFiles()) {
    const r = loadScenario(readFileSync(file, 'utf8'), file);
    if (!r.ok) throw new Error(`${file} does not load`);
    const s = r.scenario;
    bench(
      `${s.id}: balance report, 50 runs per policy, every seat`,
      () => {
        balanceReport(s, { runs: 50, searchRuns: 20, searchBudget: 150 });
      },
      { iterations: 3, time: 0 },
    );
    bench(
      `${s.id}: time estimates for every length`,
      () => {
        lengthEstimates(s);
      },
      { iterations: 5, time: 0 },
    );
  }
});
