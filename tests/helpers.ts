/** Shared test helpers: loading fixtures and bundled scenarios, and playing runs headless. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, Game, loadScenario, type Scenario } from '../src/engine';
import { nextRandom, seedState } from '../src/engine/rng';

export const ROOT = join(import.meta.dirname, '..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');

export function loadOrThrow(path: string): Scenario {
  const r = loadScenario(readFileSync(path), path);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  return r.scenario;
}

export const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', name);
export const loadFixture = (name: string) => loadOrThrow(fixture(name));

export function bundledScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

/**
 * Plays a run to its end with a policy driven by its own seeded generator (independent of the
 * game's), lobbying sometimes before council votes. Returns the finished game.
 */
export function playThrough(s: Scenario, role: string, seed: number, maxEvents = 500): Game {
  const game = Game.start(s, { role, seed });
  let policy = seedState(seed * 7919 + 13);
  const draw = () => {
    const r = nextRandom(policy);
    policy = r.state;
    return r.value;
  };
  for (let i = 0; i < maxEvents && !game.ended; i++) {
    const step = game.view().step;
    if (!step) throw new Error('a running game has no step');
    if (step.kind === 'choices') {
      const c = step.choices[Math.floor(draw() * step.choices.length)];
      if (!c) throw new Error(`dead end: no choice available at ${step.id}`);
      game.choose(c.id);
    } else if (step.kind === 'council') {
      const open = step.council?.members.filter((m) => m.lobby && !m.lobby.done) ?? [];
      const pick = open[Math.floor(draw() * open.length)];
      if (pick && draw() < 0.5) game.lobby(pick.actor);
      else game.callVote();
    } else {
      game.continue();
    }
  }
  if (!game.ended) throw new Error(`run did not end within ${maxEvents} events`);
  return game;
}
