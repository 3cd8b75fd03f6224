/**
 * The moves of a run, read from the scenario and the run's context (no view is built). Pure.
 * The one enumerator of moves: `Game.moves()`, automated play and the graph walks call it.
 */
import { holds } from './conditions';
import { lobbyOpen, seatMember } from './council';
import type { GameEvent } from './events';
import type { RunContext } from './run-context';
import type { Scenario, Step } from './schema';
import type { Position } from './view-types';

const POSITIONS: readonly Position[] = ['support', 'abstain', 'object'];

/**
 * Every move a step's transitions name, whatever the run's state: each choice, the vote and
 * each lobbying, or Continue. The machine's guards decide which of them apply. Given the scenario
 * and the seat, a Council where the seat casts its own member's vote (`seat_votes`) adds a vote
 * with each position after the plain vote (which casts the model's lean).
 */
export function candidateMoves(step: Step | undefined): GameEvent[] {
  if (!step) return [];
  if (step.choices.length > 0) return step.choices.map((c) => ({ type: 'CHOOSE', choice: c.id }));
  if (step.council) {
    const own = step.council.seat_votes !== false;
    return [
      { type: 'CALL_VOTE' },
      ...(own ? POSITIONS.map((position) => ({ type: 'CALL_VOTE' as const, position })) : []),
      ...step.council.members.filter((m) => m.lobby).map((m) => ({ type: 'LOBBY' as const, actor: m.actor })),
    ];
  }
  return [{ type: 'CONTINUE' }];
}

/**
 * The moves at a step in a state: the candidates whose condition holds (a choice's `when`), and
 * lobbying only of members not lobbied yet whose lobby is open to the seat (`roles`, `when`), and
 * the votes casting the seat's own member's position only where the seat casts one (given
 * `scenario`; without it, none). What a player may do, and what automated players pick from.
 */
export function legalMoves(step: Step | undefined, ctx: RunContext, scenario?: Pick<Scenario, 'roles'>): GameEvent[] {
  if (!step) return [];
  // The same moves as filtering `candidateMoves(step)`, in the same order, built without the
  // candidates or lookup maps: automated play calls this at every move of every run.
  if (step.choices.length > 0) {
    const out: GameEvent[] = [];
    for (const c of step.choices) if (holds(c.when, ctx)) out.push({ type: 'CHOOSE', choice: c.id });
    return out;
  }
  const council = step.council;
  if (!council) return [{ type: 'CONTINUE' }];
  const out: GameEvent[] = [{ type: 'CALL_VOTE' }];
  if (council.seat_votes !== false && scenario && seatMember(scenario, council, ctx.role) !== undefined) {
    for (const position of POSITIONS) out.push({ type: 'CALL_VOTE', position });
  }
  for (const m of council.members) {
    if (m.lobby && !ctx.lobbied.includes(m.actor) && lobbyOpen(m, ctx)) out.push({ type: 'LOBBY', actor: m.actor });
  }
  return out;
}
