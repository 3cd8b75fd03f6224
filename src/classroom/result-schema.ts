/**
 * Result files, format v3: what "Save results" writes on the debrief and what the instructor
 * dashboard reads. A result is everything needed to discuss (and replay) one run: the case and
 * its rules hash, the seat, the seed, each decision beside history (with the rationale and the
 * class vote tally), the ending, the meters, and the event log.
 *
 * Files of an older format are migrated to this one before they are checked (result-migrations.ts).
 * `docs/result.schema.json` is generated from this file (see `docs/results.md`); a test keeps the
 * two in step. Privacy: a student or team name is in a file only if someone typed it.
 */

import { GameEventSchema, PositionSchema, RationaleSchema, TallySchema } from '../engine/events-schema';
import { Id } from '../engine/schema-blocks';
import type { Holds, Same } from '../engine/value-readers';
import { z } from '../engine/zod';
import type { CouncilTeamsRecord, CouncilTeamVote } from './council-teams-record';
import { MAX_EVENTS, MAX_NAME, MAX_TEAM_VOTES, RESULT_KIND, RESULT_VERSION } from './result-limits';

export type { CouncilTeamsRecord, CouncilTeamVote } from './council-teams-record';
export {
  MAX_EVENTS,
  MAX_NAME,
  MAX_RESULT_BYTES,
  RESULT_KIND,
  RESULT_MIN_VERSION,
  RESULT_VERSION,
} from './result-limits';

const Timestamp = z.iso
  .datetime({ offset: true })
  .describe('An ISO 8601 date and time with a UTC offset or Z, e.g. 2026-11-27T10:31:05.000Z.');

const Rationale = RationaleSchema.min(1);

const Hash = z.string().regex(/^[0-9a-f]{8}$/);

const Name = (what: string) =>
  z.string().min(1).max(MAX_NAME).describe(`${what}, exactly as typed (trimmed); absent when nothing was typed.`);

const Label = (what: string) => z.string().max(1000).describe(what);

/** A move of the run: the engine's own event schema (src/engine/events-schema.ts). */
export const ResultEventSchema = GameEventSchema;

export const ResultDecisionSchema = z
  .strictObject({
    turn: z.number().int().min(1).describe('Decision number in the run, from 1.'),
    step: Id.describe('The step id.'),
    title: Label('The step’s heading.'),
    date: z.string().max(10).describe('The step’s date in the case (YYYY, YYYY-MM or YYYY-MM-DD).'),
    kind: z.enum(['choice', 'vote']).describe('A choice among options, or a Council vote.'),
    choice: z
      .strictObject({
        id: Id.describe('The choice id, or `consensus` / `blocked` for a Council vote.'),
        label: Label('The choice as the player saw it.'),
      })
      .describe('What the player (or the class) decided.'),
    outcome: Id.optional().describe('The outcome drawn for the choice, when it had random outcomes.'),
    rationale: Rationale.optional(),
    tally: TallySchema.optional(),
    history: z
      .strictObject({
        id: Id.describe('The choice id (or `consensus` / `blocked`) closest to what really happened.'),
        label: Label('Its label.'),
      })
      .optional()
      .describe('What history did at this step; absent when the step is invented or history fits no option.'),
    matched: z.boolean().describe('True when the choice is the one history took.'),
  })
  .describe('One decision of the run beside what history did.');

export const CouncilTeamVoteSchema = z
  .strictObject({
    team: z.string().min(1).max(MAX_NAME).describe('The team’s name as typed, or as the game named it.'),
    actor: Id.describe('The member state whose seat the team held.'),
    position: PositionSchema.describe('The team’s vote on the proposal.'),
    rationale: Rationale.optional(),
  })
  .describe('How one team voted at a Council step.');

export const CouncilTeamsRecordSchema = z
  .strictObject({
    turn: z.number().int().min(1).describe('The decision (turn) of the Council vote.'),
    step: Id.describe('The Council step id.'),
    consensus: z.boolean().describe('True when no team (and no member without a team) objected.'),
    votes: z.array(CouncilTeamVoteSchema).max(MAX_TEAM_VOTES),
  })
  .describe('Council teams on one screen: each team’s vote at one Council step.');

export const ResultSchema = z
  .strictObject({
    kind: z.literal(RESULT_KIND).describe('Always "article-four-result": marks the file as an Article Four result.'),
    version: z
      .literal(RESULT_VERSION)
      .describe('Format version of this file. Older formats are read too: they are migrated to this one.'),
    appVersion: z.string().min(1).max(64).describe('Version of Article Four that wrote the file.'),
    scenario: z
      .strictObject({
        id: Id.describe('The case’s id.'),
        title: Label('The case’s title.'),
        hash: Hash.optional().describe(
          'Rules hash of the case as played (ids, conditions, effects, outcomes, the Council; not its prose): a different hash means the rules have changed since. Every file the game writes has it.',
        ),
        contentHash: Hash.optional().describe(
          'Only in a file of format 1 or 2, once read: the hash of the whole case as played, prose included (those formats called it `hash`).',
        ),
      })
      .refine((x) => (x.hash === undefined) !== (x.contentHash === undefined), {
        message: 'a case has either a rules hash (`hash`) or, from an older file, a `contentHash`',
      })
      .describe('The case played.'),
    seat: z
      .strictObject({ id: Id.describe('The seat (role) id.'), title: Label('The seat’s name.') })
      .describe('The seat played.'),
    seed: z.number().int().describe('The run’s seed: with the events it replays the run exactly.'),
    length: Id.optional().describe('The length played when not the full case, e.g. `class` (a class lesson).'),
    student: Name('The student’s name').optional(),
    team: Name('The team’s name').optional(),
    mode: z.enum(['solo', 'class']).describe('`solo`: one player; `class`: played on a projector by a class.'),
    startedAt: Timestamp.describe('When the run started (ISO 8601 with offset).'),
    finishedAt: Timestamp.describe('When the result was saved (ISO 8601 with offset).'),
    decisions: z.array(ResultDecisionSchema).max(MAX_EVENTS).describe('The decisions in order.'),
    ending: z
      .strictObject({
        id: Id,
        title: Label('The ending’s heading.'),
        tone: z.enum(['good', 'mixed', 'bad']).describe('How the ending reads for the alliance.'),
        historical: z.boolean().describe('True for the ending closest to what happened.'),
        counterfactual: z.boolean().describe('True when the ending did not happen.'),
      })
      .nullable()
      .describe('The ending reached; null when the run was saved before it ended.'),
    meters: z
      .array(
        z.strictObject({
          id: Id,
          label: Label('The meter’s label.'),
          value: z.number().describe('Value when the result was saved.'),
          min: z.number(),
          max: z.number(),
          higherIs: z.enum(['better', 'worse']).describe('Whether a high value is good or bad.'),
        }),
      )
      .max(100)
      .describe('Every meter when the result was saved.'),
    series: z
      .array(
        z.strictObject({
          meter: Id,
          label: Label('The meter’s label.'),
          values: z
            .array(z.number())
            .max(MAX_EVENTS + 1)
            .describe('At the start (index 0), then after each decision.'),
        }),
      )
      .max(100)
      .describe('Each meter over the run.'),
    objectives: z
      .strictObject({
        start: z.number().min(0).max(100),
        end: z.number().min(0).max(100),
      })
      .describe('0–100: how the meters the seat cares about stood at the start and at the end.'),
    councilTeams: z
      .array(CouncilTeamsRecordSchema)
      .max(MAX_EVENTS)
      .optional()
      .describe('Council teams on one screen: each team’s vote per Council step; absent when not used.'),
    events: z
      .array(ResultEventSchema)
      .max(MAX_EVENTS)
      .describe('The run’s moves in order: Game.replay(scenario, {role: seat.id, seed}, events) rebuilds it.'),
  })
  .meta({ title: 'Article Four result file', description: 'One run of an Article Four case, saved on the debrief.' });

export type ResultFile = z.infer<typeof ResultSchema>;
export type ResultDecision = z.infer<typeof ResultDecisionSchema>;
export type ResultEvent = z.infer<typeof ResultEventSchema>;
export type ResultMode = ResultFile['mode'];

/** The Council-teams record written out in council-teams-record.ts (read by the game without Zod) is this schema's type. */
export type CouncilTeamsRecordAgrees = Holds<Same<CouncilTeamsRecord, z.infer<typeof CouncilTeamsRecordSchema>>>;
export type CouncilTeamVoteAgrees = Holds<Same<CouncilTeamVote, z.infer<typeof CouncilTeamVoteSchema>>>;

/** The JSON Schema of result files (committed as docs/result.schema.json). */
export function resultJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ResultSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The text of docs/result.schema.json. */
export function resultJsonSchemaText(): string {
  return `${JSON.stringify(resultJsonSchema(), null, 2)}\n`;
}
