/** One move enumerator: Game.moves() (no view built) lists exactly the moves the view offers. */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Game, movesOf } from '../../src/engine';
import { nextRandom, seedState } from '../../src/engine/rng';
import { bundledScenarioFiles, loadFixture, loadOrThrow } from '../helpers';

const cases = [
  ['mini.yaml', loadFixture('mini.yaml')],
  ...bundledScenarioFiles().map((f) => [basename(f), loadOrThrow(f)] as const),
] as const;

describe.each(cases)('%s', (_name, s) => {
  it.each(s.roles.map((r) => r.id))('seat %s: moves() = the view’s moves at every state of 20 runs', (role) => {
    for (let seed = 1; seed <= 20; seed++) {
      const game = Game.start(s, { role, seed });
      let policy = seedState(seed + 99);
      while (!game.ended) {
        const moves = game.moves();
        expect(moves).toEqual(movesOf(game.view()));
        const r = nextRandom(policy);
        policy = r.state;
        game.send(moves[Math.floor(r.value * moves.length)] as never);
      }
      expect(game.moves()).toEqual([]);
      game.stop();
    }
  });
});
