/**
 * Scenario format v1: the Zod schema every `scenarios/*.yaml` file is checked against.
 * The JSON Schema in `scenarios/scenario.schema.json` is generated from this file
 * (`npm run schema`), so editors autocomplete scenario files.
 *
 * Every field carries a description: `docs/authoring.md` and editor tooltips come from it.
 */
import { z } from './zod';

export const FORMAT_CURRENT = 1;
export const FORMAT_MIN_COMPATIBLE = 1;

const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, 'ids are lower-case letters, digits, "_" and "-", starting with a letter (at most 64)')
  .describe('A stable id: lower-case letters, digits, "_" and "-", starting with a letter.');

export const Text = (what: string, max = 4000) =>
  z.string().min(1, `${what} must not be empty`).max(max).describe(what);

export const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are written YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('A date: YYYY, YYYY-MM or YYYY-MM-DD.');

// ---------------------------------------------------------------- conditions

export type Condition =
  | { meter: string; gt?: number; gte?: number; lt?: number; lte?: number; eq?: number }
  | { flag: string; is?: boolean }
  | { chose: string }
  | { visited: string }
  | { role: string }
  | { length: string }
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

const Effects = z.array(EffectSchema).default([]).describe('Meter changes, each with its reason.');
const FlagList = (what: string) => z.array(Id).default([]).describe(what);

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

export const OutcomeSchema = z
  .strictObject({
    id: Id.describe('Stable id of this outcome.'),
    weight: z.number().positive().max(1000).describe('Relative likelihood (weights of a choice are normalised).'),
    text: Text('What happens, shown after the choice.'),
    counterfactual: z.boolean().default(false).describe('True when this result is invented (did not happen).'),
    effects: Effects,
    set: FlagList('Flags this outcome sets.'),
    clear: FlagList('Flags this outcome clears.'),
    next: NextSchema.optional().describe("Overrides the choice's `next` for this outcome."),
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
    effects: Effects,
    set: FlagList('Flags this choice sets.'),
    clear: FlagList('Flags this choice clears.'),
    outcomes: z.array(OutcomeSchema).default([]).describe('Random results (seeded); none for a certain result.'),
    result: z.string().max(2000).optional().describe('What happens, shown after the choice when it has no outcomes.'),
    next: NextSchema.optional().describe('Where the choice leads (an outcome may override it).'),
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
    text: Text('What really happened at this point.'),
    sources: z.array(Id).min(1, 'history needs at least one source').describe('Source ids backing the text.'),
    contested: z.boolean().default(false).describe('True when sources disagree on the facts given here.'),
    contested_note: z.string().max(600).optional().describe('How the sources disagree.'),
    quotes: z.array(QuoteSchema).default([]).describe('Quotations, each from a declared source.'),
  })
  .describe('What really happened at a decision, with sources.');
export type History = z.infer<typeof HistorySchema>;

export const PHASES = [
  'request',
  'assessment',
  'consultation',
  'council',
  'response',
  'consequences',
  'withdrawal',
  'aftermath',
] as const;
export type Phase = (typeof PHASES)[number];

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
  })
  .describe('Something that happens on entering a step: a consequence of the state so far.');

export const CouncilShiftSchema = z
  .strictObject({
    when: ConditionSchema.describe('When this holds...'),
    add: z.number().min(-200).max(200).describe('...add this to the member’s lean.'),
    reason: Text('Why the member moves, shown in the chamber.', 240),
  })
  .describe('A change of a member’s lean that follows the state of the run.');

export const CouncilMemberSchema = z
  .strictObject({
    actor: Id.describe('The member state (an actor id).'),
    lean: z.number().min(-100).max(100).describe('Starting lean on the proposal: -100 against … 100 for.'),
    shifts: z.array(CouncilShiftSchema).default([]).describe('How its lean follows the meters and flags.'),
    lobby: z
      .strictObject({
        label: Text('The lobbying option as the player sees it.', 160),
        add: z.number().min(-200).max(200).describe('Lean gained by lobbying.'),
        effects: Effects,
        text: z.string().max(600).optional().describe('What the member says when lobbied.'),
      })
      .optional()
      .describe('How the player can lobby this member, and at what cost; omit if it cannot be lobbied.'),
  })
  .describe('One member of the Collective Security Council on this proposal.');

export const CouncilSchema = z
  .strictObject({
    proposal: Text('The proposal before the Council.', 400),
    support_at: z.number().min(-100).max(100).default(20).describe('Lean at or above which a member supports.'),
    object_at: z.number().min(-100).max(100).default(-20).describe('Lean at or below which a member objects.'),
    members: z.array(CouncilMemberSchema).min(1).describe('The members who take part.'),
    consensus: NextSchema.describe('Where to go when no member objects.'),
    blocked: NextSchema.describe('Where to go when at least one member objects.'),
    consensus_text: z.string().max(1200).optional().describe('Shown when consensus is reached.'),
    blocked_text: z.string().max(1200).optional().describe('Shown when the proposal is blocked.'),
  })
  .describe('A Council decision by consensus: members take positions and the player may lobby them.');
export type Council = z.infer<typeof CouncilSchema>;

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
    next: NextSchema.optional().describe('For a narrative step: where Continue leads.'),
    history: HistorySchema.optional().describe('What really happened at this decision.'),
  })
  .describe('One moment of the crisis: narrative, then choices, a Council vote, or Continue.');
export type Step = z.infer<typeof StepSchema>;

const Tone = z.enum(['good', 'mixed', 'bad']);

export const EndingSchema = z
  .strictObject({
    id: Id.describe('Stable id, unique among steps and endings.'),
    title: Text('The ending’s heading.', 120),
    tone: Tone.describe('How the ending reads for the alliance (and for every seat not named in `tone_for`).'),
    tone_for: z
      .record(Id, Tone)
      .optional()
      .describe('How the ending reads for a particular seat, where it differs: `{ armenia: bad }` (seat ids).'),
    text: Text('The debrief text for this ending.', 4000),
    counterfactual: z.boolean().default(false).describe('True when this ending did not happen.'),
    historical: z.boolean().default(false).describe('True for the ending closest to what happened.'),
    sources: z.array(Id).default([]).describe('Sources for claims in the text.'),
  })
  .describe('An end of the run, with its debrief.');
export type Ending = z.infer<typeof EndingSchema>;

export const SourceSchema = z
  .strictObject({
    id: Id,
    title: Text('Title of the work.', 300),
    publisher: Text('Publisher or author.', 200),
    date: IsoDate.optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('Where it is public (never fetched by the game).'),
    note: z.string().max(600).optional().describe('What the source is used for, or caveats.'),
  })
  .describe('A source cited by the scenario.');

export const MeterSchema = z
  .strictObject({
    id: Id,
    label: Text('Short label shown on the gauge.', 60),
    description: Text('One line: what the meter measures.', 300),
    min: z.number().default(0),
    max: z.number().default(100),
    start: z.number().describe('Value at the start of a run.'),
    higher_is: z.enum(['better', 'worse']).default('better').describe('How to colour the gauge.'),
  })
  .refine((m) => m.min < m.max, { message: 'min must be less than max', path: ['max'] })
  .refine((m) => m.start >= m.min && m.start <= m.max, { message: 'start must lie within min..max', path: ['start'] })
  .describe('A quantity the run tracks, such as the alliance’s credibility.');
export type Meter = z.infer<typeof MeterSchema>;

export const FlagSchema = z
  .strictObject({ id: Id, description: Text('What the flag records.', 300), start: z.boolean().default(false) })
  .describe('A yes/no fact the run tracks.');

export const ActorSchema = z
  .strictObject({
    id: Id,
    name: Text('Name shown to players.', 120),
    kind: z.enum(['member', 'host', 'outside', 'secretariat', 'organisation']).describe('What kind of actor.'),
    leader: z.string().max(160).optional().describe('Who speaks for it in this case.'),
    stance: Text('Its stance, in a sentence.', 400),
    interests: Text('What it wants, in a sentence or two.', 600),
    place: Id.optional().describe('Where it sits on the map (a place id).'),
  })
  .describe('A state, organisation or person in the crisis.');

export const RoleSchema = z
  .strictObject({
    id: Id,
    title: Text('The seat’s name.', 160),
    actor: Id.describe('The actor whose seat this is.'),
    summary: Text('What this seat wants, in a sentence.', 300),
    brief: Text('The briefing the player reads before starting.', 4000),
    start: Id.describe('The first step for this seat.'),
    objectives: z
      .record(Id, z.number().min(-10).max(10))
      .describe('Weights over meters: positive wants the meter high, negative wants it low.'),
  })
  .describe('A seat a player can take.');

export const PlaceSchema = z
  .strictObject({
    id: Id,
    name: Text('Place name.', 120),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .describe('A place on the map.');

export const GlossarySchema = z.strictObject({ term: Text('Term.', 120), definition: Text('Definition.', 1200) });

export const TeacherSchema = z
  .strictObject({
    objectives: z.array(Text('A learning objective.', 400)).min(1).describe('What students should learn.'),
    discussion: z.array(Text('A discussion question.', 600)).default([]).describe('Questions for the class.'),
    glossary: z.array(GlossarySchema).default([]).describe('Terms and their definitions.'),
    timing: z.string().max(1200).optional().describe('How to fit the case into a lesson.'),
  })
  .describe('Material for teachers.');

export const RelatedSchema = z
  .strictObject({
    scenario: Id.describe('Another scenario’s id.'),
    note: Text('How the two cases compare.', 800),
  })
  .describe('A cross-reference to another case.');

/** The whole case, always available: the length a run has unless another is chosen. */
export const FULL_LENGTH = 'full';

export const LengthSchema = z
  .strictObject({
    id: Id.refine((id) => id !== FULL_LENGTH, {
      message: '`full` is the whole case: give a shorter length another id',
    }),
    label: Text('The length as the seat screen offers it, e.g. "Class lesson".', 60),
    description: z.string().max(300).optional().describe('One line under the label: what is left out.'),
    short_text: z
      .boolean()
      .default(false)
      .describe('Show each step’s `short_text` (where it has one) instead of its `text`.'),
    max_words: z
      .number()
      .int()
      .min(100)
      .max(100_000)
      .default(3000)
      .describe('Most words a path may show before its ending; the checker warns past it.'),
    decisions: z
      .strictObject({
        min: z.number().int().min(1).max(100).describe('Fewest decisions on a path.'),
        max: z.number().int().min(1).max(100).describe('Most decisions on a path.'),
      })
      .default({ min: 5, max: 8 })
      .describe('How many decisions every path takes; the checker warns outside it.'),
  })
  .describe(
    'A shorter way through the case (e.g. a 45-minute class lesson). Steps and branches choose the route with `{ length: id }` conditions.',
  );
export type Length = z.infer<typeof LengthSchema>;

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema, for editors.'),
    format: z.number().int().describe('Format version of this file.'),
    id: Id,
    title: Text('Title of the case.', 160),
    dates: z.strictObject({ start: IsoDate, end: IsoDate }).describe('First and last date the case covers.'),
    region: Text('Region.', 120),
    host: Id.optional().describe('The actor id of the state in crisis (outlined on the map).'),
    summary: Text('One-line summary for the case list.', 300),
    minutes: z.number().int().min(1).max(240).describe('Expected minutes of play.'),
    teacher: TeacherSchema,
    related: z.array(RelatedSchema).default([]),
    sources: z.array(SourceSchema).min(1),
    meters: z.array(MeterSchema).min(1),
    flags: z.array(FlagSchema).default([]),
    actors: z.array(ActorSchema).min(1),
    places: z.array(PlaceSchema).default([]),
    roles: z.array(RoleSchema).min(1),
    lengths: z
      .array(LengthSchema)
      .default([])
      .describe('Shorter ways through the case besides the full one (id `full`), such as a class lesson.'),
    steps: z.array(StepSchema).min(1),
    endings: z.array(EndingSchema).min(1),
  })
  .describe('An Article Four scenario.');

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Role = Scenario['roles'][number];
export type Actor = Scenario['actors'][number];
export type Source = Scenario['sources'][number];
export type Place = Scenario['places'][number];
