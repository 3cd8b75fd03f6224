/**
 * Where a seat's runs go: `runs` seeded random runs (the engine's fast interpreter) from each seat
 * at every length the case has, each as the set of steps it visited. What the Council teams'
 * set-up and the role sheets count Council votes from. A run that cannot end is left out (the
 * linter reports it). Cached per case and number of runs. Pure.
 */
import { randomPlaythrough } from '../engine/autoplay';
import { FULL_LENGTH } from '../engine/constants';
import type { Scenario } from '../engine/schema';

const cache = new WeakMap<Scenario, Map<number, Map<string, ReadonlySet<string>[]>>>();

export function seatRuns(s: Scenario, runs = 60): Map<string, ReadonlySet<string>[]> {
  const kept = cache.get(s)?.get(runs);
  if (kept) return kept;
  const lengths = [FULL_LENGTH, ...s.lengths.map((l) => l.id)];
  const out = new Map<string, ReadonlySet<string>[]>();
  for (const role of s.roles) {
    const visits: ReadonlySet<string>[] = [];
    for (const length of lengths) {
      for (let seed = 1; seed <= runs; seed++) {
        try {
          const game = randomPlaythrough(s, role.id, seed, 1000, length === FULL_LENGTH ? undefined : length);
          visits.push(new Set(game.state().visited));
          game.stop();
        } catch {
          // a run that cannot end is the linter's finding, not a count
        }
      }
    }
    out.set(role.id, visits);
  }
  const byRuns = cache.get(s) ?? new Map<number, Map<string, ReadonlySet<string>[]>>();
  byRuns.set(runs, out);
  cache.set(s, byRuns);
  return out;
}
