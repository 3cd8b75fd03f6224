/**
 * The shortest sequence of moves to a step (src/engine/shortest-path.ts), which the Author page
 * replays to start a run at any step: the moves replay in the real game to a run standing at the
 * step, and no shorter sequence of legal moves gets there (checked by brute force on small cases).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Game, type GameEvent, loadScenario, type Scenario } from '../../src/engine';
import { shortestPathToStep } from '../../src/engine/shortest-path';
import { bundledScenario, loadFixture, ROOT } from '../helpers';

function template(): Scenario {
  const r = loadScenario(readFileSync(join(ROOT, 'src', 'authoring', 'template.yaml')), 'template.yaml');
  if (!r.ok) throw new Error('the template does not load');
  return r.scenario;
}

/** The fewest legal moves (any order of lobbying) after which a run stands at `step`, up to `max`; null past it. */
function bruteForce(s: Scenario, role: string, seed: number, step: string, max: number): number | null {
  let frontier: GameEvent[][] = [[]];
  for (let depth = 0; depth <= max; depth++) {
    const next: GameEvent[][] = [];
    for (const moves of frontier) {
      const game = Game.replay(s, { role, seed }, moves, 'table');
      if (!game.ended && game.currentStep() === step) return depth;
      for (const m of game.moves()) next.push([...moves, m]);
      game.stop();
    }
    frontier = next;
  }
  return null;
}

const small = [
  ['template', template()],
  ['mini.yaml', loadFixture('mini.yaml')],
  ['tutorial.yaml', loadFixture('tutorial.yaml')],
] as const;

describe.each(small)('%s', (_name, s) => {
  it('reaches every step a seat can reach, in the fewest moves, and the game accepts the moves', () => {
    let reached = 0;
    for (const role of s.roles) {
      for (const seed of [1, 2, 7]) {
        for (const step of s.steps) {
          const r = shortestPathToStep(s, { role: role.id, seed, step: step.id });
          const fewest = bruteForce(s, role.id, seed, step.id, 8);
          if (!r.found) {
            expect(r.complete).toBe(true);
            expect(fewest).toBeNull();
            continue;
          }
          reached++;
          expect(r.exact).toBe(true);
          expect(r.events.length).toBe(fewest);
          // The moves replay in the XState game (what the page plays) to the step.
          const game = Game.replay(s, { role: role.id, seed }, r.events);
          expect(game.currentStep()).toBe(step.id);
          game.stop();
        }
      }
    }
    expect(reached).toBeGreaterThan(s.roles.length);
  });
});

describe('shortestPathToStep', () => {
  it('returns no moves for the seat’s first step', () => {
    const s = template();
    const r = shortestPathToStep(s, { role: 'alliance', seed: 1, step: 'request' });
    expect(r).toEqual({ found: true, events: [], exact: true, states: 1 });
  });

  it('finds the Council by its choice, and the step after it by a vote that passes', () => {
    const s = template();
    const council = shortestPathToStep(s, { role: 'alliance', seed: 1, step: 'council' });
    expect(council.found && council.events).toEqual([{ type: 'CHOOSE', choice: 'send_to_council' }]);
    // member_b objects unless lobbied: the shortest way to "deploy" lobbies it, then calls the vote.
    const deploy = shortestPathToStep(s, { role: 'alliance', seed: 1, step: 'deploy' });
    expect(deploy.found && deploy.events).toEqual([
      { type: 'CHOOSE', choice: 'send_to_council' },
      { type: 'LOBBY', actor: 'member_b' },
      { type: 'CALL_VOTE' },
    ]);
  });

  it('falls back to the coarse walk when the exact one runs out of states, and says the path may not be shortest', () => {
    const s = bundledScenario('kazakhstan-2022');
    const role = s.roles[0]?.id ?? '';
    // A step a few decisions into a run of the first options.
    const game = Game.start(s, { role, seed: 3 }, 'table');
    while (!game.ended && game.state().turn < 4) game.send(game.moves()[0] as GameEvent);
    const target = game.currentStep() ?? '';
    game.stop();
    // A budget the exact walk runs out of and the coarse one (which merges states) does not.
    const coarse = [5, 10, 20, 40, 80, 160, 320, 640, 1280]
      .map((maxStates) => shortestPathToStep(s, { role, seed: 3, step: target }, { maxStates }))
      .find((r) => r.found);
    expect(coarse?.found).toBe(true);
    if (!coarse?.found) return;
    expect(coarse.exact).toBe(false);
    const replayed = Game.replay(s, { role, seed: 3 }, coarse.events);
    expect(replayed.currentStep()).toBe(target);
    replayed.stop();
    // With room enough, the exact walk finds a path no longer than the coarse one.
    const exact = shortestPathToStep(s, { role, seed: 3, step: target });
    expect(exact.found && exact.exact).toBe(true);
    if (exact.found) expect(exact.events.length).toBeLessThanOrEqual(coarse.events.length);
  });

  it('says when no sequence of moves reaches a step, and refuses unknown seats, steps and lengths', () => {
    // The template with a step nothing leads to.
    const text = readFileSync(join(ROOT, 'src', 'authoring', 'template.yaml'), 'utf8').replace(
      '\nendings:',
      '\n  - id: orphan\n    phase: aftermath\n    date: 2024-01-21\n    title: Nobody comes here\n    text: No step leads here.\n    next: quiet\n\nendings:',
    );
    const loaded = loadScenario(text, 'orphan.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
    const s = loaded.scenario;
    const r = shortestPathToStep(s, { role: 'alliance', seed: 1, step: 'orphan' });
    expect(r.found).toBe(false);
    expect(!r.found && r.complete).toBe(true);
    expect(bruteForce(s, 'alliance', 1, 'orphan', 8)).toBeNull();
    expect(() => shortestPathToStep(s, { role: 'nobody', seed: 1, step: 'request' })).toThrow(/no seat/);
    expect(() => shortestPathToStep(s, { role: 'alliance', seed: 1, step: 'nowhere' })).toThrow(/no step/);
    expect(() => shortestPathToStep(s, { role: 'alliance', seed: 1, step: 'request', length: 'x' })).toThrow(
      /no length/,
    );
  });
});
