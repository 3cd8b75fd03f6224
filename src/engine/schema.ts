/**
 * Scenario format v1: the Zod schema every `scenarios/*.yaml` file is checked against.
 * The JSON Schema in `scenarios/scenario.schema.json` is generated from this file
 * (`npm run schema`), so editors autocomplete scenario files.
 *
 * Every field carries a description: `docs/authoring.md` and editor tooltips come from it.
 */

import { FULL_LENGTH } from './constants';
import { AuthorNote, Id, IsoDate, Text } from './schema-blocks';
import { PartySchema, StepSchema } from './schema-steps';
import { z } from './zod';

export { Id, IsoDate, Text } from './schema-blocks';
export { FORMAT_CURRENT, FORMAT_MIN_COMPATIBLE } from './schema-common';
export {
  BranchSchema,
  type Condition,
  ConditionSchema,
  type Effect,
  EffectSchema,
  type Next,
  NextSchema,
} from './schema-rules';
export {
  type Choice,
  ChoiceSchema,
  type Council,
  type CouncilMember,
  CouncilMemberSchema,
  CouncilSchema,
  CouncilShiftSchema,
  EventSchema,
  type History,
  HistorySchema,
  type Outcome,
  OutcomeSchema,
  PHASES,
  type Phase,
  QuoteSchema,
  type Step,
  StepSchema,
} from './schema-steps';

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
    author_note: AuthorNote,
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
      .url({ protocol: /^https?$/, error: 'a source link is an https: or http: address' })
      .refine((u) => {
        try {
          const x = new URL(u);
          return x.username === '' && x.password === '';
        } catch {
          return false;
        }
      }, 'a source link may not hold a user name or password (the part before @): write the public address alone')
      .optional()
      .describe('Where it is public (never fetched by the game).'),
    note: z
      .string()
      .max(600)
      .optional()
      .describe(
        'Shown to students beside the source: what it is used for, or its caveats. A reminder for yourself goes in `author_note`.',
      ),
    author_note: AuthorNote,
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
    sources: z.array(Id).default([]).describe('Sources for its stance and interests (source ids).'),
    place: Id.optional().describe('Where it sits on the map (a place id).'),
    author_note: AuthorNote,
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
    author_note: AuthorNote,
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

export const GlossarySchema = z.strictObject({
  term: Text('Term.', 120),
  definition: Text('Definition.', 1200),
  sources: z.array(Id).default([]).describe('Sources for the definition (source ids).'),
});

export const TeacherSchema = z
  .strictObject({
    objectives: z.array(Text('A learning objective.', 400)).min(1).describe('What students should learn.'),
    discussion: z.array(Text('A discussion question.', 600)).default([]).describe('Questions for the class.'),
    glossary: z.array(GlossarySchema).default([]).describe('Terms and their definitions.'),
    timing: z.string().max(1200).optional().describe('How to fit the case into a lesson.'),
    sources: z.array(Id).default([]).describe('Sources for the teacher’s notes: further reading (source ids).'),
  })
  .describe('Material for teachers.');

export const RelatedSchema = z
  .strictObject({
    scenario: Id.describe('Another scenario’s id.'),
    note: Text('How the two cases compare.', 800),
  })
  .describe('A cross-reference to another case.');

export const MapHighlightSchema = z
  .strictObject({
    place: Id.describe('The place at the centre of the region (a place id).'),
    radius_km: z.number().min(1).max(3000).describe('The radius of the circle drawn around it, in kilometres.'),
    label: z.string().max(120).optional().describe('A name written on the region; default: the place’s name.'),
  })
  .describe('A region drawn as a circle around a place: an invented state, or an area no country outline fits.');

export const MapSettingSchema = z
  .union([
    z.literal('none').describe('No country shaded or outlined: the map shows the region and the places only.'),
    z
      .strictObject({
        shade: z
          .boolean()
          .default(true)
          .describe(
            'Shade the real countries around the members’ and host’s places (default true); false for an invented map.',
          ),
        highlight: z
          .array(MapHighlightSchema)
          .min(1)
          .max(20)
          .optional()
          .describe('Regions drawn as circles around places, instead of outlining the country around the host.'),
      })
      .describe('How the map shades countries, and regions it draws around places.'),
  ])
  .describe(
    'What the map shades: omit it to shade the countries of member states and outline the host’s; `none` for no country at all; or `{ highlight: [...] }` to draw invented regions.',
  );
export type MapSetting = z.infer<typeof MapSettingSchema>;

export { FULL_LENGTH };

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
    parties: z
      .array(PartySchema)
      .default([])
      .describe(
        'The parties to the crisis and their roles, when there are several (e.g. two members in conflict); `host`, if not listed, is the requesting party.',
      ),
    fictional: z
      .boolean()
      .default(false)
      .describe(
        'True for an invented case: the debrief compares nothing with history, and the checker asks for no `history`.',
      ),
    map: MapSettingSchema.optional(),
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
    author_note: AuthorNote,
  })
  .describe('An Article Four scenario.');

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Role = Scenario['roles'][number];
export type Actor = Scenario['actors'][number];
export type Source = Scenario['sources'][number];
export type Place = Scenario['places'][number];
