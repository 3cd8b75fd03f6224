/**
 * The debrief the run screens show is rebuilt after every move (src/ui/render/run-screens.ts
 * `debriefOf`): a Continue that reaches the ending changes it without a new decision, so a
 * debrief read on the last result screen must not stand in for the ending's.
 */
import { describe, expect, it } from 'vitest';
import { Game } from '../../src/engine';
import { debriefOf } from '../../src/ui/render/run-screens';
import { bundledScenarioFiles, loadOrThrow, playThrough } from '../helpers';

describe('debriefOf', () => {
  it('names the ending once the move that reaches it is made, though no decision was taken by it', () => {
    let checked = 0;
    for (const file of bundledScenarioFiles()) {
      const s = loadOrThrow(file);
      for (const role of s.roles) {
        for (let seed = 1; seed <= 10; seed++) {
          const full = playThrough(s, role.id, seed);
          const log = full.log();
          full.stop();
          // Only runs whose last move is a Continue: the ending comes without a decision.
          if (log[log.length - 1]?.type !== 'CONTINUE') continue;
          const game = Game.replay(s, { role: role.id, seed }, log.slice(0, -1));
          expect(debriefOf(game).ending).toBeUndefined();
          expect(game.send(log[log.length - 1] as never)).toBe(true);
          expect(game.ended).toBe(true);
          expect(debriefOf(game).ending).toBeDefined();
          expect(debriefOf(game)).toBe(debriefOf(game));
          game.stop();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
