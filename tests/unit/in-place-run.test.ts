/**
 * Automated play moves a run in place (src/engine/table-run.ts `inPlace`, run-core.ts `TableCore`):
 * what is handed out before a move — a context from `state()`, a view, a save, a fork, the run an
 * in-place run started from — stays exactly as it was, whatever moves follow, and a run moved in
 * place reaches the same states as one copied at every move.
 */
import { describe, expect, it } from 'vitest';
import { Game, type GameEvent } from '../../src/engine';
import { randomPolicy } from '../../src/engine/autoplay';
import { runTable, type TableRun } from '../../src/engine/table-run';
import { bundledScenarioFiles, loadOrThrow } from '../helpers';

const SEEDS = 6;

describe.each(bundledScenarioFiles().map((f) => [f.split('/').pop(), f]))('%s', (_name, file) => {
  const s = loadOrThrow(file as string);

  it('keeps what a Game handed out unchanged by later moves', () => {
    for (const role of s.roles) {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const game = Game.start(s, { role: role.id, seed }, 'table');
        const pick = randomPolicy(seed);
        const kept: { what: string; value: unknown; copy: unknown }[] = [];
        const keep = (what: string, value: unknown) => kept.push({ what, value, copy: structuredClone(value) });
        const forks: { fork: Game; state: unknown }[] = [];
        for (let i = 0; i < 200 && !game.ended; i++) {
          // Hand out something different at different moves, then go on moving.
          if (i % 3 === 0) keep(`state at move ${i}`, game.state());
          if (i % 4 === 1) keep(`view at move ${i}`, game.view());
          if (i % 5 === 2) keep(`save at move ${i}`, game.save());
          if (i % 6 === 3) {
            const fork = game.fork();
            forks.push({ fork, state: structuredClone(fork.state()) });
          }
          game.send(pick(game.moves()));
        }
        expect(game.ended).toBe(true);
        for (const k of kept) expect(k.value, `${role.id} seed ${seed}: ${k.what}`).toEqual(k.copy);
        for (const f of forks) {
          expect(f.fork.state(), `${role.id} seed ${seed}: a fork`).toEqual(f.state);
          f.fork.stop();
        }
        game.stop();
      }
    }
  });

  it('moves a table run in place to the states `send` copies its way to, leaving the start run as it was', () => {
    const table = runTable(s);
    for (const role of s.roles) {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const start = table.start({ role: role.id, seed });
        const startCopy = structuredClone(start);
        const inPlace = table.inPlace(start);
        let copied: TableRun = start;
        const pick = randomPolicy(seed);
        const game = Game.start(s, { role: role.id, seed }, 'table');
        for (let i = 0; i < 200 && !game.ended; i++) {
          // A move no transition takes changes nothing.
          const before = inPlace.current;
          expect(inPlace.send({ type: 'CHOOSE', choice: 'no such choice' })).toBe(false);
          expect(inPlace.current).toBe(before);
          const move: GameEvent = pick(game.moves());
          game.send(move);
          expect(inPlace.send(move)).toBe(true);
          copied = table.send(copied, move);
          expect(inPlace.current, `${role.id} seed ${seed} move ${i}`).toEqual(copied);
        }
        expect(inPlace.send({ type: 'CONTINUE' }), 'an ended run').toBe(false);
        expect(start).toEqual(startCopy);
        game.stop();
      }
    }
  });
});
