/**
 * Automated playthroughs, for tests and playtest statistics: a random policy with its own seeded
 * generator (independent of the game's), and an exhaustive walk over every sequence of moves.
 */

import type { GameEvent } from './events';
import { Game } from './game';
import { nextRandom, seedState } from './rng';
import type { Scenario } from './schema';
import type { GameView } from './view-types';

/** The moves a player can make in a view (the same as `Game.moves()`, read from a view). */
export function movesOf(view: GameView): GameEvent[] {
  const step = view.step;
  if (!step || view.status === 'ended') return [];
  if (step.kind === 'choices') return step.choices.map((c) => ({ type: 'CHOOSE', choice: c.id }));
  if (step.kind === 'council') {
    return [
      { type: 'CALL_VOTE' },
      ...(step.council?.members ?? [])
        .filter((m) => m.lobby && !m.lobby.done)
        .map((m) => ({ type: 'LOBBY' as const, actor: m.actor })),
    ];
  }
  return [{ type: 'CONTINUE' }];
}

/** A run reached a step where no move is possible. */
export class DeadEndError extends Error {
  constructor(
    readonly step: string,
    readonly events: GameEvent[],
  ) {
    super(`dead end at step "${step}"`);
  }
}

/**
 * Plays a run to its end, picking uniformly among choices and lobbying before a vote half the
 * time. Throws on a dead end or a run longer than `maxEvents`.
 */
export function randomPlaythrough(s: Scenario, role: string, seed: number, maxEvents = 1000, length?: string): Game {
  const game = Game.start(s, { role, seed, ...(length ? { length } : {}) });
  let policy = seedState(seed * 7919 + 13);
  const draw = () => {
    const r = nextRandom(policy);
    policy = r.state;
    return r.value;
  };
  for (let i = 0; i < maxEvents && !game.ended; i++) {
    const moves = game.moves();
    if (moves.length === 0) {
      const step = game.currentStep() ?? '';
      const events = [...game.log()];
      game.stop();
      throw new DeadEndError(step, events);
    }
    const lobbies = moves.filter((m) => m.type === 'LOBBY');
    let move: GameEvent;
    if (moves[0]?.type === 'CALL_VOTE') {
      move =
        lobbies.length > 0 && draw() < 0.5 ? (lobbies[Math.floor(draw() * lobbies.length)] as GameEvent) : moves[0];
    } else {
      move = moves[Math.floor(draw() * moves.length)] as GameEvent;
    }
    game.send(move);
  }
  if (!game.ended) {
    game.stop();
    throw new Error(`run did not end within ${maxEvents} moves`);
  }
  return game;
}

/**
 * Every sequence of moves from a seat with one seed (depth first), up to `maxRuns` finished
 * runs; `complete` is false when the cap cut the walk short. Lobbying is explored in one
 * canonical order (members in the order listed), since order does not change a vote.
 */
export function exhaustivePlaythroughs(
  s: Scenario,
  role: string,
  seed: number,
  maxRuns: number,
  visit: (game: Game) => void,
  length?: string,
): { runs: number; complete: boolean } {
  let runs = 0;
  const walk = (events: GameEvent[]): boolean => {
    const game = Game.replay(s, { role, seed, ...(length ? { length } : {}) }, events);
    if (game.ended) {
      runs++;
      visit(game);
      game.stop();
      return runs < maxRuns;
    }
    const view = game.view();
    game.stop();
    const lobbied = new Set(view.step?.council?.members.filter((m) => m.lobby?.done).map((m) => m.actor));
    const order = view.step?.council?.members.map((m) => m.actor) ?? [];
    const lastLobbied = Math.max(-1, ...[...lobbied].map((a) => order.indexOf(a)));
    for (const move of movesOf(view)) {
      if (move.type === 'LOBBY' && order.indexOf(move.actor) < lastLobbied) continue;
      if (!walk([...events, move])) return false;
    }
    return true;
  };
  const complete = walk([]);
  return { runs, complete };
}
