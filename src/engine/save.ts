/**
 * Save data: the persisted XState snapshot plus the event log, under a versioned format.
 * A save is checked before use: its version (an older one is migrated), its scenario (by id and
 * rules hash: the prose may have changed, the rules may not), and that replaying its events from
 * the seed gives the saved state (see `Game.restore`).
 *
 * Formats: 1 carried `scenarioHash`, a hash of the whole case (prose included); 2 carries
 * `rulesHash` (see rules-hash.ts). A format-1 save keeps its old hash as `contentHash`: when it
 * differs from the case's, the save is accepted only if its moves replay to its saved state.
 */

import { type GameEvent, parseGameEvent } from './events';
import { isJsonObject, type MigrationChain, migrate } from './migrations';
import { fnv1a, rulesHash } from './rules-hash';
import type { Scenario } from './schema';
import { anything, int, list, NO, oneOf, optional, readObject, required, text } from './value-readers';

export { rulesHash, scenarioRules } from './rules-hash';

export const SAVE_VERSION = 2;
/** The oldest save format still resumed (migrated to SAVE_VERSION). */
export const SAVE_MIN_VERSION = 1;

export class SaveError extends Error {
  override name = 'SaveError';
}

/** What the player reads when a save cannot be resumed. */
export const SaveMessage = {
  Damaged: 'The saved game is damaged and cannot be read.',
  Newer: 'The saved game was made by a newer version of Article Four.',
  Older: 'The saved game was made by an older version of Article Four and cannot be resumed.',
  RulesChanged:
    'The rules of this case have changed since this game was saved, so it cannot be resumed. Start a new game to play the new version.',
  CaseChanged: 'The case has changed since this game was saved, so it cannot be resumed exactly.',
  NoSeat: 'The saved game names a seat this case does not have.',
  NoLength: 'The saved game was played at a length this case does not have.',
  Mismatch: 'The saved game does not match this case and cannot be resumed.',
  StateMismatch: 'The saved game is damaged: its state does not match its moves.',
  otherCase: (id: string) => `The saved game belongs to another case ("${id}").`,
} as const;

/** A save as `Game.save` writes it (format SAVE_VERSION). */
export interface SaveData {
  kind: 'article-four-save';
  version: number;
  scenario: string;
  /** `rulesHash` of the case the run was played on. */
  rulesHash: string;
  role: string;
  seed: number;
  /** The length played, when not the full case. */
  length?: string;
  events: GameEvent[];
  snapshot: unknown;
}

/** A save read back and checked against a case, ready to replay. */
export interface CheckedSave {
  role: string;
  seed: number;
  length?: string;
  events: GameEvent[];
  snapshot: unknown;
  /**
   * True when the save's hash vouches for this case's rules. False for a format-1 save of a case
   * whose text changed since: only replaying its moves can tell whether the rules did.
   */
  rulesMatch: boolean;
}

/** Format 1 → 2: the whole-case hash is kept as `contentHash`; a format-1 save has no rules hash. */
function v1to2({ scenarioHash, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return { ...rest, contentHash: scenarioHash };
}

export const SAVE_MIGRATIONS: MigrationChain = {
  current: SAVE_VERSION,
  minimum: SAVE_MIN_VERSION,
  steps: { 1: v1to2 },
};

/** What `parseSave` reads of a save of format SAVE_VERSION (any other field is left out). */
interface SaveFields {
  scenario: string;
  rulesHash?: string;
  /** Only in a save migrated from format 1: its whole-case hash. */
  contentHash?: string;
  role: string;
  seed: number;
  length?: string;
  events: unknown[];
  snapshot: unknown;
}

const anyText = text(Number.POSITIVE_INFINITY);

const SAVE_FIELDS = {
  kind: required(oneOf(['article-four-save'])),
  version: required(oneOf([SAVE_VERSION])),
  scenario: required(anyText),
  rulesHash: optional(anyText),
  contentHash: optional(anyText),
  role: required(anyText),
  seed: required(int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
  length: optional(text(64)),
  events: required(list(anything, 10_000)),
  snapshot: required(anything),
};

/**
 * The fields of a save of format SAVE_VERSION, or undefined when one is missing or of the wrong
 * kind, or the save has both or neither of `rulesHash` and `contentHash`. It reads as the Zod
 * object it replaced (see tests/unit/hand-readers.test.ts), so that resuming loads no Zod.
 */
export function saveFields(x: unknown): SaveFields | undefined {
  const save = readObject(x, SAVE_FIELDS, false);
  if (save === NO || (save.rulesHash === undefined) === (save.contentHash === undefined)) return undefined;
  return save as unknown as SaveFields;
}

/**
 * FNV-1a over the scenario's whole JSON, prose included: the hash format-1 saves and result files
 * of format 1–2 carry. New saves and results carry `rulesHash` instead.
 */
export function scenarioHash(s: Scenario): string {
  return fnv1a(JSON.stringify(s));
}

/** Brings a save of any format still read up to SAVE_VERSION; throws SaveError with a message for the player. */
export function migrateSave(raw: unknown): Record<string, unknown> {
  if (!isJsonObject(raw) || raw.kind !== 'article-four-save') throw new SaveError(SaveMessage.Damaged);
  const m = migrate(SAVE_MIGRATIONS, raw);
  if (m.ok) return m.value;
  if (m.problem === 'too-new') throw new SaveError(SaveMessage.Newer);
  if (m.problem === 'too-old') throw new SaveError(SaveMessage.Older);
  throw new SaveError(SaveMessage.Damaged);
}

/** Checks a save (of any format still read) against the scenario; throws SaveError with a message for the player. */
export function parseSave(s: Scenario, raw: unknown): CheckedSave {
  const save = saveFields(migrateSave(raw));
  if (!save) throw new SaveError(SaveMessage.Damaged);
  if (save.scenario !== s.id) throw new SaveError(SaveMessage.otherCase(save.scenario));
  let rulesMatch: boolean;
  if (save.rulesHash !== undefined) {
    if (save.rulesHash !== rulesHash(s)) throw new SaveError(SaveMessage.RulesChanged);
    rulesMatch = true;
  } else {
    rulesMatch = save.contentHash === scenarioHash(s);
  }
  if (!s.roles.some((r) => r.id === save.role)) throw new SaveError(SaveMessage.NoSeat);
  if (save.length !== undefined && !s.lengths.some((l) => l.id === save.length)) {
    throw new SaveError(SaveMessage.NoLength);
  }
  const events: GameEvent[] = [];
  for (const e of save.events) {
    const event = parseGameEvent(e);
    if (!event) throw new SaveError(SaveMessage.Damaged);
    events.push(event);
  }
  return {
    role: save.role,
    seed: save.seed,
    ...(save.length !== undefined ? { length: save.length } : {}),
    events,
    snapshot: save.snapshot,
    rulesMatch,
  };
}

const asObject = (x: unknown): Record<string, unknown> => (isJsonObject(x) ? x : {});
const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/**
 * The part of a persisted run snapshot that play decides: its state, meters, flags, generator,
 * path, decisions (with the players' notes), news and ledger by ids and numbers. Prose the run
 * copied from the case (labels, results, ledger reasons) is left out, so a save whose case had
 * only its wording changed still matches its replay.
 */
export function playState(snapshot: unknown): string {
  const snap = asObject(snapshot);
  const c = asObject(snap.context);
  return JSON.stringify({
    status: snap.status,
    value: snap.value,
    context: {
      scenario: c.scenario,
      role: c.role,
      seed: c.seed,
      length: c.length,
      rng: c.rng,
      meters: c.meters,
      flags: c.flags,
      turn: c.turn,
      handled: c.handled,
      visited: c.visited,
      chosen: c.chosen,
      lobbied: c.lobbied,
      ending: c.ending,
      news: c.news,
      ledger: asList(c.ledger).map((e) => {
        const x = asObject(e);
        return { turn: x.turn, step: x.step, cause: x.cause, meter: x.meter, delta: x.delta };
      }),
      decisions: asList(c.decisions).map((d) => {
        const x = asObject(d);
        const { turn, step, eventIndex, kind, choice, outcome, position, rationale, tally } = x;
        return { turn, step, eventIndex, kind, choice, outcome, position, rationale, tally };
      }),
      last: c.last === undefined ? undefined : { turn: asObject(c.last).turn, step: asObject(c.last).step },
    },
  });
}
