/**
 * The scenario format's steps: choices and their outcomes, news events, the Council and its
 * members, and what really happened at each decision. Part of the format in schema.ts.
 */

import { PHASES, type Phase } from './constants';
import { AuthorNote, ClaimLabels, Id, IsoDate, Text } from './schema-blocks';
import { ConditionSchema, Effects, FlagList, NextSchema } from './schema-rules';
import { z } from './zod';

export const OutcomeSchema = z
  .strictObject({
    id: Id.describe('Stable id of this outcome (never shown to players: they read its `label` or `text`).'),
    label: z
      .string()
      .min(1)
      .max(120)
      .optional()
      .describe(
        'A short name for the result, shown where the whole text does not fit (the debrief’s path, the dashboard); default: the start of its text.',
      ),
    weight: z.number().positive().max(1000).describe('Relative likelihood (weights of a choice are normalised).'),
    text: Text('What happens, shown after the choice.'),
    counterfactual: z.boolean().default(false).describe('True when this result is invented (did not happen).'),
    labels: ClaimLabels,
    effects: Effects,
    set: FlagList('Flags this outcome sets.'),
    clear: FlagList('Flags this outcome clears.'),
    next: NextSchema.optional().describe("Overrides the choice's `next` (and the step's) for this outcome."),
    author_note: AuthorNote,
  })
  .describe('One possible result of a choice, drawn with the run’s seeded random numbers.');
export type Outcome = z.infer<typeof OutcomeSchema>;

export const ChoiceSchema = z
  .strictObject({
    id: Id.describe('Stable id, unique in the scenario.'),
    label: Text('The button text.', 160),
    detail: z.string().max(600).optional().describe('One or two sentences under the label.'),
    when: ConditionSchema.optional().describe('Offered only when this holds.'),
    counterfactual: z.boolean().default(false).describe('True when this option is invented (did not happen).'),
    labels: ClaimLabels,
    effects: Effects,
    set: FlagList('Flags this choice sets.'),
    clear: FlagList('Flags this choice clears.'),
    outcomes: z.array(OutcomeSchema).default([]).describe('Random results (seeded); none for a certain result.'),
    result: z.string().max(2000).optional().describe('What happens, shown after the choice when it has no outcomes.'),
    next: NextSchema.optional().describe(
      "Where the choice leads (an outcome may override it); default: the step's `next`, shared by its choices.",
    ),
    author_note: AuthorNote,
  })
  .describe('An option the player can take at a step.');
export type Choice = z.infer<typeof ChoiceSchema>;

export const QuoteSchema = z
  .strictObject({
    text: Text('The words exactly as the source gives them.', 600),
    translation: z
      .string()
      .max(600)
      .optional()
      .describe('An English translation, when the source gives the words in another language.'),
    speaker: Text('Who said it.', 120),
    date: IsoDate.optional(),
    source: Id.describe('The source id the quote is taken from.'),
  })
  .describe('A quotation, exactly as a declared source gives it.');

export const HistorySchema = z
  .strictObject({
    choice: Id.optional().describe(
      'The choice id closest to what really happened, if one is; on a council step, `consensus` or `blocked`.',
    ),
    also: z
      .array(Id)
      .default([])
      .describe(
        'Other choices of the step that really happened too, in part: not invented, though not history’s main `choice`.',
      ),
    text: Text('What really happened at this point.'),
    sources: z.array(Id).min(1, 'history needs at least one source').describe('Source ids backing the text.'),
    contested: z.boolean().default(false).describe('True when sources disagree on the facts given here.'),
    contested_note: z.string().max(600).optional().describe('How the sources disagree.'),
    labels: ClaimLabels,
    quotes: z.array(QuoteSchema).default([]).describe('Quotations, each from a declared source.'),
  })
  .describe('What really happened at a decision, with sources.');
export type History = z.infer<typeof HistorySchema>;

export { PHASES, type Phase };

export const EventSchema = z
  .strictObject({
    id: Id.describe('Stable id of this event.'),
    when: ConditionSchema.optional().describe('The event happens only when this holds.'),
    chance: z.number().min(0).max(1).optional().describe('Probability (seeded) that it happens; default 1.'),
    text: Text('The news the player reads.', 1200),
    counterfactual: z.boolean().default(false).describe('True when the event is invented.'),
    sources: z.array(Id).default([]).describe('Sources for a historical event.'),
    effects: Effects,
    set: FlagList('Flags the event sets.'),
    clear: FlagList('Flags the event clears.'),
    author_note: AuthorNote,
  })
  .describe('Something that happens on entering a step: a consequence of the state so far.');

export const CouncilShiftSchema = z
  .strictObject({
    when: ConditionSchema.describe('When this holds...'),
    add: z.number().min(-200).max(200).describe('...add this to the member’s lean.'),
    reason: Text('Why the member moves, shown in the chamber.', 240),
  })
  .describe('A change of a member’s lean that follows the state of the run.');

export const COUNCIL_PARTY_ROLES = ['requesting', 'accused', 'affected'] as const;
export type PartyRole = (typeof COUNCIL_PARTY_ROLES)[number];

export const PartySchema = z
  .strictObject({
    actor: Id.describe('The actor id of the party.'),
    role: z
      .enum(COUNCIL_PARTY_ROLES)
      .describe(
        '`requesting` asks the alliance for help; `accused` is accused by it; `affected` is otherwise drawn in.',
      ),
  })
  .describe('A party to the crisis, shown as such in the Council and on the map.');

export const CouncilMemberSchema = z
  .strictObject({
    actor: Id.describe('The member state (an actor id).'),
    lean: z.number().min(-100).max(100).describe('Starting lean on the proposal: -100 against … 100 for.'),
    estimate: z
      .boolean()
      .default(false)
      .describe('True when the lean is the author’s estimate, not sourced: students see “author’s estimate”.'),
    sources: z.array(Id).default([]).describe('Sources for the lean (source ids), when it rests on them.'),
    shifts: z.array(CouncilShiftSchema).default([]).describe('How its lean follows the meters and flags.'),
    lobby: z
      .strictObject({
        label: Text('The lobbying option as the player sees it.', 160),
        add: z.number().min(-200).max(200).describe('Lean gained by lobbying.'),
        effects: Effects,
        text: z.string().max(600).optional().describe('What the member says when lobbied.'),
        roles: z
          .array(Id)
          .min(1)
          .optional()
          .describe('Only these seats (role ids) can lobby this member; omit for every seat.'),
        when: ConditionSchema.optional().describe('Lobbying is offered only when this holds.'),
      })
      .optional()
      .describe('How the player can lobby this member, and at what cost; omit if it cannot be lobbied.'),
  })
  .describe('One member of the Collective Security Council on this proposal.');

export const CouncilResultSchema = z
  .strictObject({
    effects: Effects,
    set: FlagList('Flags this result sets.'),
    clear: FlagList('Flags this result clears.'),
  })
  .describe('What a vote’s result does to the meters and flags, applied when the vote is called.');

export const CouncilSchema = z
  .strictObject({
    proposal: Text('The proposal before the Council.', 400),
    support_at: z.number().min(-100).max(100).default(20).describe('Lean at or above which a member supports.'),
    object_at: z.number().min(-100).max(100).default(-20).describe('Lean at or below which a member objects.'),
    members: z.array(CouncilMemberSchema).min(1).describe('The members who take part.'),
    consensus: NextSchema.describe('Where to go when no member objects.'),
    blocked: NextSchema.describe('Where to go when at least one member objects.'),
    on_consensus: CouncilResultSchema.optional().describe('Effects and flags applied when consensus is reached.'),
    on_blocked: CouncilResultSchema.optional().describe('Effects and flags applied when the proposal is blocked.'),
    seat_votes: z
      .union([z.boolean(), z.record(Id, Id)])
      .default(false)
      .describe(
        'Whether the player casts a member’s vote: `true` for the member that is the seat’s own actor; or a mapping of seat (role id) to member (actor id), for seats that speak for a member under another id. Default false: the model votes for every member.',
      ),
    consensus_text: z.string().max(1200).optional().describe('Shown when consensus is reached.'),
    blocked_text: z.string().max(1200).optional().describe('Shown when the proposal is blocked.'),
  })
  .describe('A Council decision by consensus: members take positions and the player may lobby them.');
export type Council = z.infer<typeof CouncilSchema>;
export type CouncilMember = Council['members'][number];

export const StepSchema = z
  .strictObject({
    id: Id.describe('Stable id, unique among steps and endings.'),
    phase: z.enum(PHASES).describe('Where the step sits in the alliance’s decision process.'),
    date: IsoDate,
    place: Id.optional().describe('A place id, shown on the map.'),
    title: Text('The step’s heading.', 120),
    text: Text('The narrative the player reads (blank lines separate paragraphs; **bold** and *italic*).', 4000),
    short_text: Text('A shorter narrative, shown instead of `text` in lengths that ask for short texts.', 4000)
      .optional()
      .describe('A shorter narrative, shown instead of `text` in lengths with `short_text: true`.'),
    sources: z.array(Id).default([]).describe('Sources for the historical claims in the text.'),
    counterfactual: z.boolean().default(false).describe('True when this step did not happen.'),
    decider: Id.optional().describe('The actor who decides here (shown to the player).'),
    moves: z
      .array(
        z.strictObject({
          from: Id.describe('The place the forces leave (a place id).'),
          to: Id.describe('The place they go to (a place id).'),
          label: Text('What moves, shown on the map, e.g. "Russian paratroopers".', 120),
        }),
      )
      .default([])
      .describe('Movements of forces to draw on the map at this step.'),
    events: z.array(EventSchema).default([]).describe('Consequences that may happen on entering the step.'),
    choices: z.array(ChoiceSchema).default([]).describe('The options; none for a narrative step with `next`.'),
    council: CouncilSchema.optional().describe('Makes this step a Council decision by consensus.'),
    next: NextSchema.optional().describe(
      'For a narrative step: where Continue leads. For a step with choices: where every choice and outcome without its own `next` leads.',
    ),
    history: HistorySchema.optional().describe('What really happened at this decision.'),
    author_note: AuthorNote,
  })
  .describe('One moment of the crisis: narrative, then choices, a Council vote, or Continue.');
export type Step = z.infer<typeof StepSchema>;
