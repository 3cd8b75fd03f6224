/**
 * A result and the case it was played on: whether the case has changed since, and the run rebuilt
 * from the result's seed and moves, to open it in the game.
 */
import { Game } from '../engine/game';
import { rulesHash, scenarioHash } from '../engine/save';
import type { Scenario } from '../engine/schema';
import type { ResultFile } from './result-schema';

const hashes = new WeakMap<Scenario, { rules: string; content?: string }>();

function hashesOf(s: Scenario): { rules: string; content?: string } {
  let h = hashes.get(s);
  if (!h) {
    h = { rules: rulesHash(s) };
    hashes.set(s, h);
  }
  return h;
}

/** The case's rules hash, computed once per scenario object (hashing a case takes milliseconds). */
export function cachedRulesHash(s: Scenario): string {
  return hashesOf(s).rules;
}

/** The whole-case hash, needed only for files of format 1–2. */
function contentHashOf(s: Scenario): string {
  const h = hashesOf(s);
  h.content ??= scenarioHash(s);
  return h.content;
}

/**
 * True when the result was made with another version of the case: other rules (its rules hash
 * differs), or, for a file of format 1–2 that carries only a hash of the whole case, other text.
 */
export function madeWithOtherVersion(result: Pick<ResultFile, 'scenario'>, scenario: Scenario): boolean {
  const { hash, contentHash } = result.scenario;
  return hash !== undefined ? hash !== hashesOf(scenario).rules : contentHash !== contentHashOf(scenario);
}

/** The replayed run ends with the meters the result saved. */
function sameMeters(game: Game, result: ResultFile): boolean {
  const now = new Map(game.view().meters.map((m) => [m.id, m.value]));
  return result.meters.length === now.size && result.meters.every((m) => now.get(m.id) === m.value);
}

/**
 * Rebuilds the run of a result from its seed and moves, to open it in the game. Fails with a
 * reason when the case is another or its rules have changed, or the moves do not give the saved
 * decisions, ending and meters. A file of format 1–2 made with another text of the case opens
 * when its moves give them. The caller stops the returned game when done with it.
 */
export function replayResult(
  result: ResultFile,
  scenario: Scenario,
): { ok: true; game: Game } | { ok: false; reason: string } {
  if (result.scenario.id !== scenario.id) {
    return { ok: false, reason: `belongs to another case ("${result.scenario.id}")` };
  }
  if (result.scenario.hash !== undefined && result.scenario.hash !== hashesOf(scenario).rules) {
    return {
      ok: false,
      reason:
        'was made with a different version of this case (its rules have changed), so it cannot be replayed exactly',
    };
  }
  // Only a format-1–2 file of another text of the case: whether the rules changed shows in the replay.
  const changed =
    result.scenario.hash === undefined && madeWithOtherVersion(result, scenario)
      ? 'was made with a different version of this case, so it cannot be replayed exactly'
      : undefined;
  let game: Game;
  try {
    game = Game.replay(
      scenario,
      { role: result.seat.id, seed: result.seed, ...(result.length ? { length: result.length } : {}) },
      result.events,
    );
  } catch {
    return { ok: false, reason: changed ?? 'has moves that do not apply to this case' };
  }
  const debrief = game.debrief();
  const same =
    debrief.decisions.length === result.decisions.length &&
    debrief.decisions.every((d, i) => {
      const r = result.decisions[i];
      return r && r.step === d.step && r.choice.id === d.yours.id && r.outcome === d.yours.outcome;
    }) &&
    (debrief.ending?.id ?? null) === (result.ending?.id ?? null) &&
    sameMeters(game, result);
  if (!same) {
    game.stop();
    return { ok: false, reason: changed ?? 'does not match its own moves (it may have been edited)' };
  }
  return { ok: true, game };
}
