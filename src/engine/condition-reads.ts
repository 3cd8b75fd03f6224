/**
 * What a scenario's conditions read: the meters, flags, choices and steps any `when` or branch
 * looks at. Only these (with where the run is, who was lobbied and the generator) change where a
 * run can go, so the walks that tell states apart (graph-coverage.ts, shortest-path.ts) key on
 * them alone. Pure.
 */
import { allConditions } from './conditions';
import type { Scenario } from './schema';

export interface ConditionReads {
  meters: ReadonlySet<string>;
  flags: ReadonlySet<string>;
  chosen: ReadonlySet<string>;
  visited: ReadonlySet<string>;
}

export function conditionReads(s: Scenario): ConditionReads {
  const meters = new Set<string>();
  const flags = new Set<string>();
  const chosen = new Set<string>();
  const visited = new Set<string>();
  for (const c of allConditions(s)) {
    if ('meter' in c) meters.add(c.meter);
    else if ('flag' in c) flags.add(c.flag);
    else if ('chose' in c) chosen.add(c.chose);
    else if ('visited' in c) visited.add(c.visited);
  }
  return { meters, flags, chosen, visited };
}
