/**
 * The scenario format's rules: conditions, meter changes and branches (where a step leads).
 * Part of the format in schema.ts.
 */
import { Id, Text } from './schema-blocks';
import { z } from './zod';

export type Condition =
  | { meter: string; gt?: number; gte?: number; lt?: number; lte?: number; eq?: number }
  | { flag: string; is?: boolean }
  | { chose: string }
  | { visited: string }
  | { role: string }
  | { length: string }
  | { decisions: { gte?: number; lte?: number } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const MeterTest = z
  .strictObject({
    meter: Id.describe('The meter to test.'),
    gt: z.number().optional().describe('True when the meter is greater than this.'),
    gte: z.number().optional().describe('True when the meter is at least this.'),
    lt: z.number().optional().describe('True when the meter is less than this.'),
    lte: z.number().optional().describe('True when the meter is at most this.'),
    eq: z.number().optional().describe('True when the meter equals this.'),
  })
  .refine((t) => ['gt', 'gte', 'lt', 'lte', 'eq'].some((k) => k in t), {
    message: 'a meter test needs one of gt, gte, lt, lte, eq',
  })
  .describe('Compares a meter with numbers; every comparison given must hold.');

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    MeterTest,
    z
      .strictObject({
        flag: Id.describe('The flag to test.'),
        is: z.boolean().optional().describe('The value wanted (default true).'),
      })
      .describe('True when the flag is set (or, with is: false, when it is not).'),
    z.strictObject({ chose: Id.describe('A choice id.') }).describe('True when the player took this choice.'),
    z.strictObject({ visited: Id.describe('A step id.') }).describe('True when the run has passed this step.'),
    z.strictObject({ role: Id.describe('A role id.') }).describe('True when the player holds this seat.'),
    z
      .strictObject({ length: Id.describe('A length id (`full` for the whole case).') })
      .describe('True when the run is played at this length (a class lesson, or the full case).'),
    z
      .strictObject({
        decisions: z
          .strictObject({
            gte: z
              .number()
              .int()
              .min(0)
              .optional()
              .describe('True when the run has taken at least this many decisions.'),
            lte: z
              .number()
              .int()
              .min(0)
              .optional()
              .describe('True when the run has taken at most this many decisions.'),
          })
          .refine((t) => t.gte !== undefined || t.lte !== undefined, {
            message: 'a decisions test needs gte or lte',
          })
          .refine((t) => t.gte === undefined || t.lte === undefined || t.gte <= t.lte, {
            message: 'decisions: gte is above lte, so the condition never holds',
          })
          .describe('Compares the number of decisions taken so far (choices and Council votes) with numbers.'),
      })
      .describe(
        'True when the number of decisions the run has taken (choices and Council votes, not Continue or lobbying) is in range: a deadline.',
      ),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }).describe('True when every condition holds.'),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }).describe('True when at least one condition holds.'),
    z.strictObject({ not: ConditionSchema }).describe('True when the condition does not hold.'),
  ]),
);

// ---------------------------------------------------------------- effects

export const EffectSchema = z
  .strictObject({
    meter: Id.describe('The meter that moves.'),
    delta: z.number().min(-1000).max(1000).describe('How much it moves (negative to lower it).'),
    reason: Text('The one-line reason the ledger shows for this change.', 240),
  })
  .describe('A change to one meter, with the reason the game shows in its ledger.');
export type Effect = z.infer<typeof EffectSchema>;

export const Effects = z.array(EffectSchema).default([]).describe('Meter changes, each with its reason.');
export const FlagList = (what: string) => z.array(Id).default([]).describe(what);

export const BranchSchema = z
  .strictObject({
    when: ConditionSchema.optional().describe('Take this branch when the condition holds; omit on the last branch.'),
    to: Id.describe('The step or ending to go to.'),
  })
  .describe('One conditional branch: the first whose condition holds is taken.');

export const NextSchema = z
  .union([Id, z.array(BranchSchema).min(1)])
  .describe('Where to go next: a step or ending id, or a list of branches (the last without `when`).');
export type Next = z.infer<typeof NextSchema>;
