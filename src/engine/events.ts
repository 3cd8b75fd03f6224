/**
 * The events a player (or a test) sends to a run. A decision may carry the player's written
 * rationale and, in class mode, the room's vote tally per option: both are kept with the run.
 *
 * The game reads events with `parseGameEvent`, written out here so that playing and resuming a
 * run load no Zod. Result files and the JSON Schema use `GameEventSchema` (events-schema.ts);
 * the type check there and tests/unit/hand-readers.test.ts keep the two the same: the same
 * events accepted, read to the same objects, under the limits below.
 */
import { isJsonObject } from './migrations';
import {
  type Field,
  int,
  isPlainObject,
  NO,
  oneOf,
  optional,
  type Reader,
  readObject,
  required,
  text,
} from './value-readers';
import type { Position } from './view-types';

/** Longest rationale kept with a decision, in characters as Zod counts them (see `fitsLength` in value-readers.ts). */
export const MAX_RATIONALE = 2000;
/** Longest id an event may name (a choice, an actor, an option in a tally): scenario ids are at most 64. */
export const MAX_EVENT_ID = 64;
/** Most options a class tally may count. */
export const MAX_TALLY_OPTIONS = 50;
/** Most votes one option of a tally may have. */
export const MAX_TALLY_VOTES = 10_000;
/** Most Council members whose team vote one CALL_VOTE may carry. */
export const MAX_TEAM_POSITIONS = 20;

/** The votes a member may cast at a Council step. */
export const POSITIONS = ['support', 'abstain', 'object'] as const satisfies readonly Position[];

/** Council teams: positions the teams holding members' seats chose, overriding the model's. */
export type TeamPositions = Record<string, Position>;

/** One move of the run, as the engine received it. */
export type GameEvent =
  /** The player took a choice. */
  | { type: 'CHOOSE'; choice: string; rationale?: string; tally?: Record<string, number> }
  /** The player lobbied a member. */
  | { type: 'LOBBY'; actor: string }
  /** The player called the Council vote; `position`: the seat's own vote (a Council with `seat_votes`). */
  | {
      type: 'CALL_VOTE';
      rationale?: string;
      tally?: Record<string, number>;
      positions?: TeamPositions;
      position?: Position;
    }
  /** The player read a narrative step and went on. */
  | { type: 'CONTINUE' };

/** What a decision may carry besides itself. */
export interface DecisionNotes {
  /** Why the player (or team) decided so, in their words. */
  rationale?: string;
  /** Class mode: the room's votes per option (choice ids; or support/abstain/object at a Council vote). */
  tally?: Record<string, number>;
}

const eventId = text(MAX_EVENT_ID);
const rationale = text(MAX_RATIONALE);
const position = oneOf(POSITIONS);

/**
 * A record keyed by event ids with at most `max` entries, each value read by `read`. Keys such as
 * `constructor` are plain data; a `__proto__` key is never an id, and is refused so that no record
 * can reach an object's prototype.
 */
const idRecord =
  (read: Reader, max: number): Reader =>
  (x) => {
    if (!isPlainObject(x) || Object.hasOwn(x, '__proto__')) return NO;
    const out: Record<string, unknown> = {};
    let n = 0;
    for (const key of Reflect.ownKeys(x)) {
      if (!Object.prototype.propertyIsEnumerable.call(x, key)) continue;
      if (typeof key !== 'string' || eventId(key) === NO || ++n > max) return NO;
      const value = read(x[key]);
      if (value === NO) return NO;
      out[key] = value;
    }
    return out;
  };

const tally = idRecord(int(0, MAX_TALLY_VOTES), MAX_TALLY_OPTIONS);
const positions = idRecord(position, MAX_TEAM_POSITIONS);

/** Each move's fields, in the order they are read (and written back). */
const MOVES = new Map<unknown, Record<string, Field>>([
  [
    'CHOOSE',
    {
      type: required(oneOf(['CHOOSE'])),
      choice: required(eventId),
      rationale: optional(rationale),
      tally: optional(tally),
    },
  ],
  ['LOBBY', { type: required(oneOf(['LOBBY'])), actor: required(eventId) }],
  [
    'CALL_VOTE',
    {
      type: required(oneOf(['CALL_VOTE'])),
      rationale: optional(rationale),
      tally: optional(tally),
      positions: optional(positions),
      position: optional(position),
    },
  ],
  ['CONTINUE', { type: required(oneOf(['CONTINUE'])) }],
]);

/**
 * The event read afresh (its fields in a fixed order, nothing else), or undefined when it is not a
 * move of the game: an unknown type, a missing, extra or ill-typed field, or a limit passed.
 */
export function parseGameEvent(e: unknown): GameEvent | undefined {
  const fields = isJsonObject(e) ? MOVES.get(e.type) : undefined;
  const event = fields ? readObject(e, fields) : NO;
  return event === NO ? undefined : (event as GameEvent);
}

export function isGameEvent(e: unknown): e is GameEvent {
  return parseGameEvent(e) !== undefined;
}

/** The notes a decision event carries, trimmed; empty notes are left out. */
export function notesOf(e: GameEvent): DecisionNotes {
  return withNotes({}, e);
}

/** `record` with the notes `e` carries (see `notesOf`) added in place, without building them apart. */
export function withNotes<T extends DecisionNotes>(record: T, e: GameEvent): T {
  if (e.type !== 'CHOOSE' && e.type !== 'CALL_VOTE') return record;
  const rationale = e.rationale?.trim();
  if (rationale) record.rationale = rationale.slice(0, MAX_RATIONALE);
  if (e.tally && Object.keys(e.tally).length > 0) record.tally = e.tally;
  return record;
}
