/**
 * The numbers tell the truth: played as the game shows it, every bundled seat's gauges equal the
 * start plus every ledger line shown so far — at each result screen (the decision's own ledger,
 * lobbying included, before the next step's news) and at each step (with its news). Every change
 * of a run is shown exactly once.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Game, type GameView, type LedgerEntry, type Scenario } from '../../src/engine';
import { nextRandom, seedState } from '../../src/engine/rng';
import { bundledScenarioFiles, loadOrThrow } from '../helpers';

const RUNS = 12;

function gauges(view: { meters: GameView['meters'] }): Record<string, number> {
  return Object.fromEntries(view.meters.map((m) => [m.id, m.value]));
}

function startPlus(s: Scenario, shown: readonly LedgerEntry[]): Record<string, number> {
  const out = Object.fromEntries(s.meters.map((m) => [m.id, m.start]));
  for (const e of shown) out[e.meter] = (out[e.meter] ?? 0) + e.delta;
  return out;
}

/** Plays a run as a player sees it, checking the gauges against the ledger at every screen. */
function playAndCheck(s: Scenario, role: string, seed: number): { screens: number } {
  const game = Game.start(s, { role, seed });
  let policy = seedState(seed * 31 + 5);
  const draw = () => {
    const r = nextRandom(policy);
    policy = r.state;
    return r.value;
  };
  const shown: LedgerEntry[] = [];
  let screens = 0;
  const openStep = (view: GameView) => {
    for (const n of view.step?.news ?? []) shown.push(...n.entries);
    expect(gauges(view), `step ${view.step?.id}`).toEqual(startPlus(s, shown));
    screens++;
  };
  openStep(game.view());
  while (!game.ended) {
    const before = game.view();
    const moves = game.moves();
    const move = moves[Math.floor(draw() * moves.length)];
    if (!move || !game.send(move)) throw new Error(`no move at ${before.step?.id}`);
    const after = game.view();
    if (after.turn > before.turn) {
      const last = after.last;
      if (!last) throw new Error('a decision without a result');
      shown.push(...last.entries.filter((e) => !e.cause.startsWith('lobby:')));
      expect(last.entries.filter((e) => e.cause.startsWith('lobby:'))).toEqual(
        game.state().ledger.filter((e) => e.turn === last.turn && e.cause.startsWith('lobby:')),
      );
      // The result screen: the meters as they stood right after the decision.
      expect(gauges(last), `result of decision ${last.turn} at ${last.step}`).toEqual(startPlus(s, shown));
      expect(last.date).toBe(s.steps.find((x) => x.id === last.step)?.date);
      screens++;
      if (!game.ended) openStep(after);
    } else if (move.type === 'CONTINUE') {
      openStep(after);
    } else if (move.type === 'LOBBY') {
      // Lobbying's cost shows in the member's row as it is paid; the vote's ledger lists it again.
      const cost = after.step?.council?.members.find((m) => m.actor === move.actor)?.lobby?.cost ?? [];
      shown.push(...cost);
      expect(gauges(after), `after lobbying ${move.actor}`).toEqual(startPlus(s, shown));
    }
  }
  // Every change of the run was shown once, and the end stands where the ledger says.
  expect(shown).toHaveLength(game.state().ledger.length);
  expect(game.state().meters).toEqual(startPlus(s, shown));
  game.stop();
  return { screens };
}

describe.each(bundledScenarioFiles().map((f) => [basename(f), f]))('%s', (_name, file) => {
  const s = loadOrThrow(file);
  it.each(s.roles.map((r) => r.id))('seat %s: gauges = start + ledger shown, at every screen', (role) => {
    let screens = 0;
    for (let seed = 1; seed <= RUNS; seed++) screens += playAndCheck(s, role, seed).screens;
    expect(screens).toBeGreaterThan(RUNS * 5);
  });
});
