/**
 * The moves of a run, read from the scenario and the run's context (no view is built). Pure.
 * The one enumerator of moves: `Game.moves()`, automated play and the graph walks call it.
 */
import { holds } from './conditions';
import type { GameEvent } from './events';
import type { RunContext } from './run-context';
import type { Step } from './schema';

/**
 * Every move a step's transitions name, whatever the run's state: each choice, the vote and
 * each lobbying, or Continue. The machine's guards decide which of them apply.
 */
export function candidateMoves(step: Step | undefined): GameEvent[] {
  if (!step) return [];
  if (step.choices.length > 0) return step.choices.map((c) => ({ type: 'CHOOSE', choice: c.id }));
  if (step.council) {
    return [
      { type: 'CALL_VOTE' },
      ...step.council.members.filter((m) => m.lobby).map((m) => ({ type: 'LOBBY' as const, actor: m.actor })),
    ];
  }
  return [{ type: 'CONTINUE' }];
}

/**
 * The moves at a step in a state: the candidates whose condition holds (a choice's `when`), and
 * lobbying only of members not lobbied yet. What a player may do, and what automated players pick from.
 */
export function legalMoves(step: Step | undefined, ctx: RunContext): GameEvent[] {
  if (!step) return [];
  const when = new Map(step.choices.map((c) => [c.id, c.when]));
  return candidateMoves(step).filter((m) => {
    if (m.type === 'CHOOSE') return holds(when.get(m.choice), ctx);
    if (m.type === 'LOBBY') return !ctx.lobbied.includes(m.actor);
    return true;
  });
}
