/**
 * Path coverage of a compiled scenario with `xstate/graph`: from each seat and several seeds,
 * the shortest path to every reachable state of the real machine. Reports the endings reached
 * and any dead end (a running state in which no event is accepted).
 */
import { transition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { compileScenario } from './compiler';
import type { GameEvent } from './events';
import type { RunContext } from './run-context';
import type { Scenario } from './schema';

export interface Coverage {
  endings: Set<string>;
  states: number;
  deadEnds: { role: string; seed: number; step: string; path: GameEvent[] }[];
  steps: Set<string>;
}

/** Every event that could apply at a step (guards decide which do). */
export function candidateEvents(s: Scenario, step: string): GameEvent[] {
  const st = s.steps.find((x) => x.id === step);
  if (!st) return [];
  if (st.choices.length > 0) return st.choices.map((c) => ({ type: 'CHOOSE', choice: c.id }));
  if (st.council) {
    return [
      { type: 'CALL_VOTE' },
      ...st.council.members.filter((m) => m.lobby).map((m) => ({ type: 'LOBBY' as const, actor: m.actor })),
    ];
  }
  return [{ type: 'CONTINUE' }];
}

/** What decides the future of a run: where it is and what its guards can read (not the ledger). */
function stateKey(value: unknown, ctx: RunContext): string {
  return JSON.stringify([value, ctx.meters, ctx.flags, ctx.chosen, ctx.lobbied, [...ctx.visited].sort()]);
}

export function graphCoverage(s: Scenario, seeds: readonly number[], limit = 200_000): Coverage {
  const machine = compileScenario(s);
  const cov: Coverage = { endings: new Set(), states: 0, deadEnds: [], steps: new Set() };
  for (const role of s.roles) {
    for (const seed of seeds) {
      const paths = getShortestPaths(machine, {
        input: { role: role.id, seed },
        events: (snap) => candidateEvents(s, String(snap.value)),
        serializeState: (snap) => stateKey(snap.value, snap.context as RunContext),
        limit,
      });
      cov.states += paths.length;
      for (const p of paths) {
        const snap = p.state;
        const ctx = snap.context as RunContext;
        if (snap.status === 'done') {
          if (ctx.ending) cov.endings.add(ctx.ending);
          continue;
        }
        const step = String(snap.value);
        cov.steps.add(step);
        const accepted = candidateEvents(s, step).some(
          (e) => (transition(machine, snap, e)[0].context as RunContext).handled !== ctx.handled,
        );
        if (!accepted) {
          cov.deadEnds.push({ role: role.id, seed, step, path: p.steps.map((x) => x.event as GameEvent) });
        }
      }
    }
  }
  return cov;
}
