/**
 * The events a player (or a test) sends to a run. A decision may carry the player's written
 * rationale and, in class mode, the room's vote tally per option: both are kept with the run.
 *
 * One Zod schema, `GameEventSchema`, defines them: the `GameEvent` type is inferred from it,
 * `isGameEvent` checks with it, and saves and result files parse their event logs with it, so
 * the limits below hold everywhere.
 */
import { z } from './zod';

/** Longest rationale kept with a decision (UTF-16 units). */
export const MAX_RATIONALE = 2000;
/** Longest id an event may name (a choice, an actor, an option in a tally): scenario ids are at most 64. */
export const MAX_EVENT_ID = 64;
/** Most options a class tally may count. */
export const MAX_TALLY_OPTIONS = 50;
/** Most votes one option of a tally may have. */
export const MAX_TALLY_VOTES = 10_000;
/** Most Council members whose team vote one CALL_VOTE may carry. */
export const MAX_TEAM_POSITIONS = 20;

const EventId = z.string().max(MAX_EVENT_ID);

/** A `__proto__` key is never an id; refused so that no record can reach an object's prototype. */
const noProtoKey = (x: unknown) => !(x !== null && typeof x === 'object' && Object.hasOwn(x, '__proto__'));

/** A record keyed by ids, with at most `max` entries. Keys such as `constructor` or `toString` are plain data. */
const idRecord = <V extends z.ZodType>(value: V, max: number) =>
  z
    .unknown()
    .refine(noProtoKey, { message: '"__proto__" is not an id' })
    .pipe(z.record(EventId, value).refine((r) => Object.keys(r).length <= max, { message: `at most ${max} entries` }));

export const PositionSchema = z.enum(['support', 'abstain', 'object']);

export const RationaleSchema = z
  .string()
  .max(MAX_RATIONALE)
  .describe('Why the player or team decided so, in their words.');

export const TallySchema = idRecord(z.number().int().min(0).max(MAX_TALLY_VOTES), MAX_TALLY_OPTIONS).describe(
  'Class mode: votes in the room per option id (as the teacher entered them).',
);

export const TeamPositionsSchema = idRecord(PositionSchema, MAX_TEAM_POSITIONS).describe(
  'Council teams: the vote each team cast for the member state it holds.',
);

export const GameEventSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('CHOOSE'),
        choice: EventId,
        rationale: RationaleSchema.optional(),
        tally: TallySchema.optional(),
      })
      .describe('The player took a choice.'),
    z.strictObject({ type: z.literal('LOBBY'), actor: EventId }).describe('The player lobbied a member.'),
    z
      .strictObject({
        type: z.literal('CALL_VOTE'),
        rationale: RationaleSchema.optional(),
        tally: TallySchema.optional(),
        positions: TeamPositionsSchema.optional(),
        position: PositionSchema.optional().describe(
          'The vote the player’s seat casts for its own member (a Council with `seat_votes`); absent: the model’s lean.',
        ),
      })
      .describe('The player called the Council vote.'),
    z.strictObject({ type: z.literal('CONTINUE') }).describe('The player read a narrative step and went on.'),
  ])
  .describe('One move of the run, as the engine received it.');

export type GameEvent = z.infer<typeof GameEventSchema>;

/** Council teams: positions the teams holding members' seats chose, overriding the model's. */
export type TeamPositions = z.infer<typeof TeamPositionsSchema>;

/** What a decision may carry besides itself. */
export interface DecisionNotes {
  /** Why the player (or team) decided so, in their words. */
  rationale?: string;
  /** Class mode: the room's votes per option (choice ids; or support/abstain/object at a Council vote). */
  tally?: Record<string, number>;
}

export function isGameEvent(e: unknown): e is GameEvent {
  return GameEventSchema.safeParse(e).success;
}

/** The event as the schema reads it (a fresh object), or undefined when it is not a move of the game. */
export function parseGameEvent(e: unknown): GameEvent | undefined {
  const r = GameEventSchema.safeParse(e);
  return r.success ? r.data : undefined;
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
