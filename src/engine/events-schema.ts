/**
 * The Zod schema of game events, for result files and the JSON Schema (the game reads events with
 * `parseGameEvent` in events.ts, without Zod). The two describe the same events: the types below
 * fail to compile if `GameEvent` and the schema's type part, and tests/unit/hand-readers.test.ts
 * checks that both accept the same values and read them to the same objects.
 */
import {
  type GameEvent,
  MAX_EVENT_ID,
  MAX_RATIONALE,
  MAX_TALLY_OPTIONS,
  MAX_TALLY_VOTES,
  MAX_TEAM_POSITIONS,
  POSITIONS,
  type TeamPositions,
} from './events';
import type { Holds, Same } from './value-readers';
import { z } from './zod';

const EventId = z.string().max(MAX_EVENT_ID);

/** A `__proto__` key is never an id; refused so that no record can reach an object's prototype. */
const noProtoKey = (x: unknown) => !(x !== null && typeof x === 'object' && Object.hasOwn(x, '__proto__'));

/** A record keyed by ids, with at most `max` entries. Keys such as `constructor` or `toString` are plain data. */
const idRecord = <V extends z.ZodType>(value: V, max: number) =>
  z
    .unknown()
    .refine(noProtoKey, { message: '"__proto__" is not an id' })
    .pipe(z.record(EventId, value).refine((r) => Object.keys(r).length <= max, { message: `at most ${max} entries` }));

export const PositionSchema = z.enum(POSITIONS);

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

/** `GameEvent`, written out in events.ts, is the schema's type. */
export type GameEventAgrees = Holds<Same<GameEvent, z.infer<typeof GameEventSchema>>>;
export type TeamPositionsAgree = Holds<Same<TeamPositions, z.infer<typeof TeamPositionsSchema>>>;
