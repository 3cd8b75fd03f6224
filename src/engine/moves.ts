/** The legal moves of a run, read from the scenario and the run's context (no view is built). Pure. */
import { holds } from './conditions';
import type { GameEvent } from './events';
import type { RunContext } from './run-context';
import type { Step } from './schema';

/** The moves at a step in a state, without building a view: what automated players enumerate. */
export function legalMoves(step: Step | undefined, ctx: RunContext): GameEvent[] {
  if (!step) return [];
  if (step.choices.length > 0) {
    return step.choices.filter((c) => holds(c.when, ctx)).map((c) => ({ type: 'CHOOSE', choice: c.id }));
  }
  if (step.council) {
    return [
      { type: 'CALL_VOTE' },
      ...step.council.members
        .filter((m) => m.lobby && !ctx.lobbied.includes(m.actor))
        .map((m) => ({ type: 'LOBBY' as const, actor: m.actor })),
    ];
  }
  return [{ type: 'CONTINUE' }];
}
