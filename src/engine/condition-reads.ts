/**
 * What a scenario's conditions read: the meters, flags, choices and steps any `when` or branch
 * looks at, and how far a `decisions` test counts. Only these (with where the run is, who was
 * lobbied and the generator) change where a run can go, so the walks that tell states apart
 * (graph-coverage.ts, shortest-path.ts) key on them alone. Pure.
 */
import { allConditions } from './conditions';
import type { Scenario } from './schema';

export interface ConditionReads {
  meters: ReadonlySet<string>;
  flags: ReadonlySet<string>;
  chosen: ReadonlySet<string>;
  visited: ReadonlySet<string>;
  /**
   * The decision count past which no `decisions` test changes its answer (the largest `gte`, or
   * `lte` + 1); 0 when no condition counts decisions. The count only grows, so a walk keys on
   * `min(turn, decisionsCap)` and still tells apart every state a condition can.
   */
  decisionsCap: number;
}

/** The decision count a walk keys on: the run's, up to where no condition tells counts apart. */
export function decisionsKey(reads: ConditionReads, turn: number): number {
  return Math.min(turn, reads.decisionsCap);
}

export function conditionReads(s: Scenario): ConditionReads {
  const meters = new Set<string>();
  const flags = new Set<string>();
  const chosen = new Set<string>();
  const visited = new Set<string>();
  let decisionsCap = 0;
  for (const c of allConditions(s)) {
    if ('meter' in c) meters.add(c.meter);
    else if ('flag' in c) flags.add(c.flag);
    else if ('chose' in c) chosen.add(c.chose);
    else if ('visited' in c) visited.add(c.visited);
    else if ('decisions' in c) {
      const { gte, lte } = c.decisions;
      decisionsCap = Math.max(decisionsCap, gte ?? 0, lte === undefined ? 0 : lte + 1);
    }
  }
  return { meters, flags, chosen, visited, decisionsCap };
}
