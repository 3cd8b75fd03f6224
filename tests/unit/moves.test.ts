/**
 * One move enumerator: `legalMoves` (moves.ts) is the only list of a run's moves. Game.moves()
 * and Game.peekStep() (what playtest policies read) return it; it lists exactly the options the
 * view offers, the machine accepts every one of them and refuses every other candidate.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateMoves, Game, type GameEvent, type GameView, legalMoves } from '../../src/engine';
import { nextRandom, seedState } from '../../src/engine/rng';
import { bundledScenarioFiles, loadFixture, loadOrThrow } from '../helpers';

const cases = [
  ['mini.yaml', loadFixture('mini.yaml')],
  ...bundledScenarioFiles().map((f) => [basename(f), loadOrThrow(f)] as const),
] as const;

/** The options a view shows, as moves (what a front end offers the player). */
function offered(view: GameView): GameEvent[] {
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

const key = (m: GameEvent) => JSON.stringify(m);

describe.each(cases)('%s', (_name, s) => {
  it.each(s.roles.map((r) => r.id))(
    'seat %s: moves() = peekStep() = legalMoves = the view’s options, and the machine agrees',
    (role) => {
      for (let seed = 1; seed <= 12; seed++) {
        const game = Game.start(s, { role, seed });
        let policy = seedState(seed + 99);
        while (!game.ended) {
          const moves = game.moves();
          const step = s.steps.find((x) => x.id === game.currentStep());
          expect(moves).toEqual(legalMoves(step, game.state()));
          expect(moves).toEqual(offered(game.view()));
          const peeked = game.peekStep();
          expect(peeked.step).toBe(step);
          expect(peeked.moves).toEqual(moves);
          expect(peeked.context).toEqual(game.state());
          const legal = new Set(moves.map(key));
          for (const m of candidateMoves(step)) {
            const probe = game.fork();
            expect(probe.send(m), `${key(m)} at ${step?.id}`).toBe(legal.has(key(m)));
            probe.stop();
          }
          const r = nextRandom(policy);
          policy = r.state;
          expect(game.send(moves[Math.floor(r.value * moves.length)] as GameEvent)).toBe(true);
        }
        expect(game.moves()).toEqual([]);
        expect(game.peekStep()).toMatchObject({ step: undefined, moves: [] });
        expect(legalMoves(undefined, game.state())).toEqual([]);
        game.stop();
      }
    },
  );
});

describe('candidateMoves', () => {
  const mini = loadFixture('mini.yaml');
  it('names every move of a step whatever the state; nothing for no step', () => {
    expect(candidateMoves(undefined)).toEqual([]);
    for (const step of mini.steps) {
      const moves = candidateMoves(step);
      if (step.choices.length > 0)
        expect(moves.map((m) => m.type === 'CHOOSE' && m.choice)).toEqual(step.choices.map((c) => c.id));
      else if (step.council) expect(moves[0]).toEqual({ type: 'CALL_VOTE' });
      else expect(moves).toEqual([{ type: 'CONTINUE' }]);
    }
  });
});
