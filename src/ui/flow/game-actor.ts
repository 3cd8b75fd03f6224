/**
 * The running Game as a child actor of the app flow: invoked when the flow enters the run and
 * stopped (with its Game) when the flow leaves it. It starts or restores the Game, forwards the
 * player's moves to it, and tells the flow when the Game is ready, changed or failed.
 */
import { fromCallback } from 'xstate';
import type { GameEvent } from '../../engine/events';
import { Game } from '../../engine/game';
import { SaveError } from '../../engine/save';
import type { Scenario } from '../../engine/schema';

export type GameStart =
  | { kind: 'new'; role: string; seed: number; length?: string }
  | { kind: 'restore'; engine: unknown };

export interface GameActorInput {
  scenario: Scenario;
  start: GameStart;
}

/** What the flow sends its game. */
export type ToGame = { type: 'MOVE'; move: GameEvent } | { type: 'REPLAY'; turn: number };

/** What the game tells the flow. */
export type FromGame =
  | { type: 'GAME.READY'; game: Game; replayedFrom?: number }
  | { type: 'GAME.CHANGED' }
  | { type: 'GAME.FAILED'; message: string }
  | { type: 'GAME.ERROR'; message: string };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const gameActor = fromCallback<ToGame, GameActorInput, FromGame>(({ input, sendBack, receive }) => {
  let game: Game | null = null;
  let off: () => void = () => {};
  const attach = (next: Game, replayedFrom?: number) => {
    off();
    game?.stop();
    game = next;
    off = next.subscribe(() => sendBack({ type: 'GAME.CHANGED' }));
    sendBack({ type: 'GAME.READY', game: next, ...(replayedFrom !== undefined ? { replayedFrom } : {}) });
  };
  try {
    const { scenario, start } = input;
    attach(
      start.kind === 'new'
        ? Game.start(scenario, {
            role: start.role,
            seed: start.seed,
            ...(start.length ? { length: start.length } : {}),
          })
        : Game.restore(scenario, start.engine),
    );
  } catch (e) {
    sendBack({
      type: 'GAME.FAILED',
      message: e instanceof SaveError ? e.message : `The saved game could not be resumed (${message(e)}).`,
    });
  }
  receive((event) => {
    if (!game) return;
    try {
      if (event.type === 'MOVE') game.send(event.move);
      else attach(game.replayFrom(event.turn), event.turn);
    } catch (e) {
      console.error(e);
      sendBack({ type: 'GAME.ERROR', message: message(e) });
    }
  });
  return () => {
    off();
    game?.stop();
    game = null;
  };
});
