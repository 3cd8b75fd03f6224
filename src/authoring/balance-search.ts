/**
 * The best fixed policy for a seat (one option per step) that a coordinate search finds: each sweep
 * tries every option of every step visited, keeping what raises the mean score over the seeds.
 */
import type { Scenario } from '../engine';
import { type Pick, playWith, policyPick } from './balance-play';
import { mean } from './balance-stats';

function councilKeys(s: Scenario, step: string): string[] {
  const c = s.steps.find((x) => x.id === step)?.council;
  if (!c) return [];
  const lobbyable = c.members.filter((m) => m.lobby).map((m) => `lobby:${m.actor}`);
  return ['vote', ...(lobbyable.length > 1 ? ['lobby:all'] : []), ...lobbyable];
}

/** Most moves the policy search may make in all (about a minute's work on a slow machine). */
const MAX_SEARCH_MOVES = 1_500_000;

export function searchBest(
  s: Scenario,
  role: string,
  seeds: readonly number[],
  start: Map<string, string>,
  fallback: Pick,
  budget: number,
): { policy: Map<string, string>; value: number; evaluations: number } {
  let evaluations = 0;
  // A bound on the work, in moves, whatever the scenario (a case whose runs never end stops it soon).
  let moves = 0;
  const visitedSteps = new Set<string>();
  const evaluate = (policy: ReadonlyMap<string, string>) => {
    evaluations++;
    const pick = policyPick(policy, fallback);
    return mean(
      seeds.map((seed) => {
        const r = playWith(s, role, seed, pick);
        moves += r.moves;
        for (const st of r.decisions.keys()) visitedSteps.add(st);
        return r.score;
      }),
    );
  };
  const spent = () => evaluations >= budget || moves >= MAX_SEARCH_MOVES;
  let policy = new Map(start);
  let value = evaluate(policy);
  for (let sweep = 0; sweep < 4 && !spent(); sweep++) {
    let improved = false;
    const order = s.steps.filter((st) => visitedSteps.has(st.id));
    for (const st of order) {
      const keys = st.council ? councilKeys(s, st.id) : st.choices.map((c) => c.id);
      for (const key of keys) {
        if (spent()) break;
        if (policy.get(st.id) === key) continue;
        const trial = new Map(policy).set(st.id, key);
        const v = evaluate(trial);
        if (v > value + 1e-9) {
          policy = trial;
          value = v;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { policy, value, evaluations };
}
