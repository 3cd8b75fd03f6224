/**
 * Whether a seat has more than one way to a good ending: distinct paths among the runs that reach
 * one, and the two that differ in the most decisions.
 */
import type { Scenario } from '../engine';
import { seatTone } from '../engine/view';
import type { RunRecord } from './balance-play';
import { round1 } from './balance-stats';
import type { SeatBalance } from './balance-types';

/** Decisions in which two paths differ: steps taken by one only, or answered differently. */
export function pathDifference(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [step, choice] of a) if (b.get(step) !== choice) n++;
  for (const step of b.keys()) if (!a.has(step)) n++;
  return n;
}

/** Two strategies that differ in three or more decisions and both reach a good ending for the seat. */
export function goodStrategies(
  s: Scenario,
  role: string,
  pool: RunRecord[],
  random: RunRecord[],
): SeatBalance['strategies'] {
  const good = new Set(s.endings.filter((e) => seatTone(e, role) === 'good').map((e) => e.id));
  const goodRuns = pool.filter((r) => good.has(r.ending));
  const distinct = new Map<string, Map<string, string>>();
  for (const r of goodRuns) {
    const key = [...r.decisions].map(([a, b]) => `${a}=${b}`).join(',');
    if (!distinct.has(key) && distinct.size < 300) distinct.set(key, r.decisions);
  }
  const paths = [...distinct.values()];
  let maxDifference = 0;
  let examples: string[][] = [];
  for (let i = 0; i < paths.length; i++) {
    for (let j = 0; j < i; j++) {
      const d = pathDifference(paths[i] as Map<string, string>, paths[j] as Map<string, string>);
      if (d > maxDifference) {
        maxDifference = d;
        examples = [paths[i], paths[j]].map((p) => [...(p as Map<string, string>)].map(([a, b]) => `${a}=${b}`));
      }
    }
  }
  return {
    goodEndings: [...good],
    goodShare: round1((100 * random.filter((r) => good.has(r.ending)).length) / Math.max(1, random.length)),
    distinctGoodPaths: paths.length,
    maxDifference,
    examples,
  };
}
