/**
 * The saved run as SCORM suspend data. SCORM 1.2 keeps at most 4096 characters (2004: 64000),
 * and the run the browser keeps (save-store.ts: the engine's persisted snapshot plus its moves)
 * is 17 KB at the end of the longest case. So the suspend data keeps what makes the run, not what
 * it became: the seat, seed, length, rules hash and moves, and where the player stood. The next
 * launch replays the moves from the seed (as Game.restore does anyway) to rebuild the snapshot.
 * Without reasons typed that is under 1,000 characters; when the player's reasons make it too
 * long for the LMS, the longest reasons are shortened in the copy kept (the LMS has them whole in
 * its interactions and comments).
 */
import { type GameEvent, parseGameEvent } from '../engine/events';
import { Game } from '../engine/game';
import { rulesHash, type SaveData, SaveMessage } from '../engine/save';
import type { Scenario } from '../engine/schema';
import { STORED_VERSION, type StoredRun } from '../ui/save-store';

/** The format of the suspend data this version writes. */
export const SUSPEND_FORMAT = 1;

export interface Packed {
  /** Marks Article Four's suspend data, and its format. */
  a4: typeof SUSPEND_FORMAT;
  /** The stored run, less the engine's save. */
  run: Omit<StoredRun, 'engine'>;
  /** The engine's save, less its snapshot: its moves from the seed rebuild it. */
  game: { seed: number; length?: string; rulesHash: string; events: GameEvent[] };
  /** How many of this run's decisions the LMS has been told of (interactions written). */
  reported: number;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The suspend data of `run`, `reported` decisions told, at most `limit` characters when it can be. */
export function packRun(run: StoredRun, reported: number, limit: number): string {
  const { engine, ...rest } = run;
  const save = engine as SaveData;
  const packed: Packed = {
    a4: SUSPEND_FORMAT,
    run: rest,
    game: {
      seed: save.seed,
      ...(save.length !== undefined ? { length: save.length } : {}),
      rulesHash: save.rulesHash,
      events: save.events,
    },
    reported,
  };
  return fitted(packed, limit);
}

/** The player's reasons no longer than `cap` characters (0: dropped). */
function capReasons(events: readonly GameEvent[], cap: number): GameEvent[] {
  return events.map((e) => {
    if ((e.type !== 'CHOOSE' && e.type !== 'CALL_VOTE') || e.rationale === undefined || e.rationale.length <= cap)
      return e;
    const { rationale, ...rest } = e;
    return cap > 0 ? { ...rest, rationale: rationale.slice(0, cap) } : rest;
  });
}

function fitted(packed: Packed, limit: number): string {
  const text = JSON.stringify(packed);
  if (text.length <= limit) return text;
  const withCap = (cap: number): Packed => ({
    ...packed,
    game: { ...packed.game, events: capReasons(packed.game.events, cap) },
  });
  const longest = Math.max(0, ...packed.game.events.map((e) => ('rationale' in e ? (e.rationale?.length ?? 0) : 0)));
  // The longest cap on the reasons that fits.
  let lo = 0;
  let hi = longest;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (JSON.stringify(withCap(mid)).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  let smaller = withCap(lo);
  // Still too long without any reasons (a class run's Council teams): their records go, then the teams.
  if (JSON.stringify(smaller).length > limit) {
    const { councilTeams: _votes, ...run } = smaller.run;
    smaller = { ...smaller, run };
  }
  if (JSON.stringify(smaller).length > limit) {
    const { teams: _teams, ...run } = smaller.run;
    smaller = { ...smaller, run };
  }
  return JSON.stringify(smaller);
}

/** The suspend data read back; null when it is empty or not Article Four's. */
export function unpackRun(text: string): Packed | null {
  if (text.trim() === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(data) || data.a4 !== SUSPEND_FORMAT || !isObject(data.run) || !isObject(data.game)) return null;
  const run = data.run;
  const game = data.game;
  if (
    typeof run.scenario !== 'string' ||
    typeof run.role !== 'string' ||
    typeof run.savedAt !== 'string' ||
    (run.screen !== 'play' && run.screen !== 'ending' && run.screen !== 'debrief') ||
    typeof run.seen !== 'number' ||
    !Number.isSafeInteger(game.seed) ||
    (game.length !== undefined && typeof game.length !== 'string') ||
    typeof game.rulesHash !== 'string' ||
    !Array.isArray(game.events)
  ) {
    return null;
  }
  const events: GameEvent[] = [];
  for (const e of game.events) {
    const event = parseGameEvent(e);
    if (!event) return null;
    events.push(event);
  }
  const reported =
    Number.isSafeInteger(data.reported) && (data.reported as number) >= 0 ? (data.reported as number) : 0;
  return {
    a4: SUSPEND_FORMAT,
    run: { ...(run as unknown as Omit<StoredRun, 'engine'>), version: STORED_VERSION },
    game: {
      seed: game.seed as number,
      ...(typeof game.length === 'string' ? { length: game.length } : {}),
      rulesHash: game.rulesHash,
      events,
    },
    reported,
  };
}

export type Expanded = { ok: true; run: StoredRun } | { ok: false; message: string };

/**
 * The stored run again, its engine save rebuilt by replaying the moves on `scenario`. The save
 * keeps the rules hash it was made under, so Game.restore still refuses a case whose rules changed.
 */
export function expandRun(packed: Packed, scenario: Scenario): Expanded {
  const { run, game } = packed;
  if (game.rulesHash !== rulesHash(scenario)) return { ok: false, message: SaveMessage.RulesChanged };
  let replayed: Game;
  try {
    replayed = Game.replay(
      scenario,
      { role: run.role, seed: game.seed, ...(game.length ? { length: game.length } : {}) },
      game.events,
    );
  } catch {
    return { ok: false, message: SaveMessage.Mismatch };
  }
  const save = replayed.save();
  replayed.stop();
  return { ok: true, run: { ...run, engine: { ...save, rulesHash: game.rulesHash } } };
}
