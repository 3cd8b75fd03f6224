/**
 * The table interpreter (src/engine/table-run.ts) gives XState's answers: from every seat of every
 * bundled case and the fixtures (hostile cycles included), along random runs, the same status,
 * state and context after every move, and the same moves accepted or refused at every state. A
 * Game run by either interpreter saves the same file.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { Game, randomPlaythrough } from '../../src/engine';
import { randomPolicy } from '../../src/engine/autoplay';
import { machineFor } from '../../src/engine/game';
import { candidateMoves } from '../../src/engine/moves';
import { runTable } from '../../src/engine/table-run';
import { bundledScenarioFiles, fixture, loadOrThrow } from '../helpers';

const FILES = [
  ...bundledScenarioFiles(),
  fixture('mini.yaml'),
  fixture('tutorial.yaml'),
  ...['cycle', 'loop', 'guarded-exit'].map((f) => fixture(`hostile/${f}.yaml`)),
];
const SEEDS = 12;

describe.each(FILES.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', (_name, file) => {
  const s = loadOrThrow(file as string);
  const table = runTable(s);
  const machine = machineFor(s);

  it('every state and every move answer as XState does', () => {
    let compared = 0;
    for (const role of s.roles) {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const input = { role: role.id, seed };
        const actor = createActor(machine, { input });
        actor.start();
        let run = table.start(input);
        const pick = randomPolicy(seed);
        for (let i = 0; i < 150; i++) {
          const snap = actor.getSnapshot();
          const xs = { status: snap.status, value: snap.value, context: snap.context };
          const ts = { status: run.status, value: run.value, context: run.context };
          if (!isDeepStrictEqual(xs, ts)) expect(ts, `${role.id} seed ${seed} move ${i}`).toEqual(xs);
          compared++;
          if (snap.status === 'done') break;
          const accepted = candidateMoves(s.steps.find((x) => x.id === snap.value)).filter((m) => {
            const probe = createActor(machine, { snapshot: actor.getPersistedSnapshot() as never, input });
            probe.start();
            probe.send(m);
            const byXState = probe.getSnapshot().context.handled !== snap.context.handled;
            probe.stop();
            expect(table.send(run, m) !== run, `${role.id} seed ${seed} at ${snap.value}: ${JSON.stringify(m)}`).toBe(
              byXState,
            );
            return byXState;
          });
          if (accepted.length === 0) break;
          const move = pick(accepted);
          actor.send(move);
          run = table.send(run, move);
        }
        actor.stop();
      }
    }
    expect(compared).toBeGreaterThan(s.roles.length * SEEDS);
  });
});

describe('Games run by the table interpreter', () => {
  const s = loadOrThrow(bundledScenarioFiles()[0] as string);
  const role = s.roles[0]?.id as string;

  it('save the same file as XState-run Games, and restore into XState', () => {
    const fast = randomPlaythrough(s, role, 7);
    const slow = Game.replay(s, { role, seed: 7 }, fast.log());
    expect(fast.save()).toEqual(slow.save());
    const restored = Game.restore(s, JSON.parse(JSON.stringify(fast.save())));
    expect(restored.ended).toBe(true);
    expect(restored.state()).toEqual(fast.state());
    for (const g of [fast, slow, restored]) g.stop();
  });

  it('fork independently: moving a copy leaves the original where it was', () => {
    const g = Game.start(s, { role, seed: 3 }, 'table');
    const before = g.state();
    const copy = g.fork();
    expect(copy.send(copy.moves()[0] as never)).toBe(true);
    expect(g.state()).toBe(before);
    expect(copy.state()).not.toEqual(before);
  });

  it('views, debriefs and vote replays match the XState-run Game', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const fast = randomPlaythrough(s, role, seed);
      const slow = Game.replay(s, { role, seed }, fast.log());
      expect(fast.view()).toEqual(slow.view());
      expect(fast.debrief()).toEqual(slow.debrief());
      fast.stop();
      slow.stop();
    }
  });
});
