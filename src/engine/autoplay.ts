/**
 * Automated playthroughs, for tests and playtest statistics: a random policy with its own seeded
 * generator (independent of the game's), and an exhaustive walk over every sequence of moves.
 */

import type { GameEvent } from './events';
import { Game } from './game';
import { nextRandom, seedState } from './rng';
import type { Scenario } from './schema';

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
 * The random policy of seeded playthroughs, with its own generator (independent of the game's):
 * uniformly among the moves, except that before a vote it lobbies a random member half the time.
 */
export function randomPolicy(seed: number): (moves: readonly GameEvent[]) => GameEvent {
  let state = seedState(seed * 7919 + 13);
  const draw = () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
  return (moves) => {
    if (moves[0]?.type === 'CALL_VOTE') {
      const lobbies = moves.filter((m) => m.type === 'LOBBY');
      return lobbies.length > 0 && draw() < 0.5
        ? (lobbies[Math.floor(draw() * lobbies.length)] as GameEvent)
        : moves[0];
    }
    return moves[Math.floor(draw() * moves.length)] as GameEvent;
  };
}

/**
 * Plays a run to its end with `randomPolicy`. Throws on a dead end or a run longer than
 * `maxEvents`; `onMove` sees each move once played, with the step it was played at (e.g. to trace a run that never ends).
 */
export function randomPlaythrough(
  s: Scenario,
  role: string,
  seed: number,
  maxEvents = 1000,
  length?: string,
  onMove?: (game: Game, move: GameEvent, from: string | undefined) => void,
): Game {
  const game = Game.start(s, { role, seed, ...(length ? { length } : {}) }, 'table');
  const pick = randomPolicy(seed);
  for (let i = 0; i < maxEvents && !game.ended; i++) {
    const moves = game.moves();
    if (moves.length === 0) {
      const step = game.currentStep() ?? '';
      const events = [...game.log()];
      game.stop();
      throw new DeadEndError(step, events);
    }
    const move = pick(moves);
    const from = onMove ? game.currentStep() : undefined;
    game.send(move);
    onMove?.(game, move, from);
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
 * canonical order (members in the order listed), since order does not change a vote. The walk
 * keeps its own stack (no recursion per move) and throws a RangeError ("run did not end within N
 * moves") when a path is longer than `maxDepth` moves.
 */
export function exhaustivePlaythroughs(
  s: Scenario,
  role: string,
  seed: number,
  maxRuns: number,
  visit: (game: Game) => void,
  length?: string,
  /** `subsets` (default): every set of members lobbied; `none-or-all`: vote at once, or lobby every member first. */
  lobbying: 'subsets' | 'none-or-all' = 'subsets',
  maxDepth = 1000,
): { runs: number; complete: boolean } {
  const steps = new Map(s.steps.map((st) => [st.id, st]));
  /** The moves to try from a run that has not ended. */
  const movesOf = (game: Game): GameEvent[] => {
    const ctx = game.state();
    const step = steps.get(game.currentStep() ?? '');
    const order = step?.council?.members.map((m) => m.actor) ?? [];
    const lastLobbied = Math.max(-1, ...ctx.lobbied.map((a) => order.indexOf(a)));
    let moves = game.moves().filter((m) => m.type !== 'LOBBY' || order.indexOf(m.actor) > lastLobbied);
    if (lobbying === 'none-or-all' && moves.some((m) => m.type === 'LOBBY')) {
      // Once lobbying has begun, go on lobbying; before, either vote at once or lobby the first member.
      const lobbies = moves.filter((m) => m.type === 'LOBBY').slice(0, 1);
      moves = ctx.lobbied.length > 0 ? lobbies : [...moves.filter((m) => m.type === 'CALL_VOTE'), ...lobbies];
    }
    return moves;
  };
  let runs = 0;
  // Each branch continues from a copy of the run so far (no replay from the start).
  const stack: { game: Game; moves: GameEvent[]; next: number }[] = [];
  const enter = (game: Game): boolean => {
    if (game.ended) {
      runs++;
      visit(game);
      game.stop();
      return runs < maxRuns;
    }
    if (stack.length >= maxDepth) {
      game.stop();
      for (const f of stack) f.game.stop();
      throw new RangeError(`run did not end within ${maxDepth} moves`);
    }
    stack.push({ game, moves: movesOf(game), next: 0 });
    return true;
  };
  let complete = enter(Game.start(s, { role, seed, ...(length ? { length } : {}) }, 'table'));
  while (complete && stack.length > 0) {
    const top = stack[stack.length - 1] as { game: Game; moves: GameEvent[]; next: number };
    const move = top.moves[top.next++];
    if (move === undefined) {
      top.game.stop();
      stack.pop();
      continue;
    }
    const next = top.game.fork();
    next.send(move);
    complete = enter(next);
  }
  for (const f of stack) f.game.stop();
  return { runs, complete };
}
