/**
 * The alliance timeline: a short, cited history of the treaty and its members, shared by every
 * case (`scenarios/timeline/alliance.yaml`), and the wording of Article 4 as it stood at each
 * date. Loaded with the same YAML reader and diagnostics as scenarios, so every error comes
 * as FILE:LINE:COL; nothing is thrown for any input. Pure: no DOM, no I/O.
 */
import { bySeverity, type Diagnostic, sortDiagnostics } from './diagnostics';
import { describePath } from './loader';
import { Id, IsoDate, SourceSchema, Text } from './schema';
import { compareDates } from './timeline-lookup';
import { decodeSource, type ParsedYaml, type PathKey, parseYamlSource, positionOf, positionOfKey } from './yaml-source';
import { z } from './zod';

export { article4At, compareDates, sourcesOf } from './timeline-lookup';

export const TIMELINE_FORMAT = 1;

const FullDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'this date is written YYYY-MM-DD (a day is needed to tell which wording applied)')
  .describe('A day: YYYY-MM-DD.');

export const ENTRY_KINDS = ['treaty', 'membership', 'forces', 'amendment', 'case'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const TimelineEntrySchema = z
  .strictObject({
    date: IsoDate.describe('When it happened: YYYY, YYYY-MM or YYYY-MM-DD (as precise as the sources allow).'),
    kind: z
      .enum(ENTRY_KINDS)
      .default('treaty')
      .describe(
        'What sort of moment: treaty (the treaty and the organisation), membership (who joined, left or froze), forces (the agreements on forces), amendment (changes to the treaty), case (a request for help that a case plays).',
      ),
    title: Text('A one-line headline.', 160),
    text: Text('What happened, in a few sentences; quotes only exactly as a cited source gives them.', 2000),
    scenario: Id.optional().describe(
      'On a `case` entry: the id of the case that plays it (the timeline links to its seats).',
    ),
    sources: z.array(Id).min(1, 'every entry cites at least one source').describe('Source ids backing the text.'),
    contested: z.boolean().default(false).describe('True when the sources disagree on the date or the facts given.'),
    contested_note: z.string().max(600).optional().describe('How the sources disagree; shown beside the entry.'),
  })
  .describe('One dated moment in the alliance’s history.');
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const Article4VersionSchema = z
  .strictObject({
    id: Id.describe('Stable id of this wording.'),
    title: Text('A short name for this wording, such as "The 1992 wording".', 160),
    in_force: FullDate.describe('The first day this wording applied.'),
    until: FullDate.optional().describe(
      'The first day it no longer applied (the next wording’s `in_force`); omit for the wording in force today.',
    ),
    test: Text('The legal test in plain words, without quotation marks: what counts, and what the others owe.', 600),
    text: Text('The wording exactly as `source` prints it, or a paraphrase when `paraphrase` is true.', 2000),
    paraphrase: z
      .boolean()
      .default(false)
      .describe('True when `text` is a paraphrase, not the exact wording (shown without quotation marks).'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'a language code such as en or ru')
      .default('en')
      .describe('The language of `text`: en, ru, …'),
    translation: Text('An English translation of `text`, exactly as `translation_source` prints it.', 2000).optional(),
    translation_source: Id.optional().describe('The source of `translation`; required with a translation.'),
    translation_note: z.string().max(400).optional().describe('Whose translation it is, and whether it is official.'),
    source: Id.describe('The source of `text`.'),
    note: z.string().max(600).optional().describe('Caveats: a cut in the quotation, an unofficial text, …'),
    sources: z
      .array(Id)
      .min(1, 'cite the sources for the dates in force')
      .describe('Sources for `in_force` and `until`.'),
  })
  .describe('Article 4 as it stood for a span of time.');
export type Article4Version = z.infer<typeof Article4VersionSchema>;

export const TimelineSchema = z
  .strictObject({
    format: z.number().int().describe('The version of the timeline format; this game reads 1.'),
    title: Text('The timeline’s title.', 160),
    summary: Text('One or two sentences shown under the title.', 600),
    sources: z.array(SourceSchema).min(1).describe('Every source the timeline cites (the same shape as a scenario’s).'),
    entries: z
      .array(TimelineEntrySchema)
      .min(1)
      .describe('The moments, oldest first (entries of the same date keep their order).'),
    article4: z
      .array(Article4VersionSchema)
      .min(1)
      .describe('The wordings of Article 4, oldest first, each with the days it applied.'),
  })
  .describe('The alliance timeline shared by the cases.');
export type Timeline = z.infer<typeof TimelineSchema>;

export type TimelineLoadResult =
  | { ok: true; timeline: Timeline; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

interface Finding {
  path: PathKey[];
  message: string;
  code: string;
  severity: 'error' | 'warning';
  atKey?: boolean;
}

/** What the schema cannot see: citations, order, overlapping wordings. */
export function checkTimeline(t: Timeline): Finding[] {
  const out: Finding[] = [];
  const err = (path: PathKey[], message: string, code = 'reference') =>
    out.push({ path, message, code, severity: 'error' });
  const declared = new Set<string>();
  const cited = new Set<string>();
  t.sources.forEach((s, i) => {
    if (declared.has(s.id.toLowerCase()))
      err(['sources', i, 'id'], `source "${s.id}" is declared twice`, 'duplicate-id');
    declared.add(s.id.toLowerCase());
  });
  const cite = (id: string, path: PathKey[]) => {
    cited.add(id.toLowerCase());
    if (!declared.has(id.toLowerCase())) err(path, `cites source "${id}", which is not declared in sources`);
  };
  t.entries.forEach((e, i) => {
    e.sources.forEach((id, k) => {
      cite(id, ['entries', i, 'sources', k]);
    });
    if (e.contested && !e.contested_note) {
      err(
        ['entries', i, 'contested'],
        'a contested entry needs a contested_note saying how the sources disagree',
        'contested-note',
      );
    }
    if (e.scenario && e.kind !== 'case')
      err(['entries', i, 'scenario'], 'only a `case` entry names a scenario', 'schema');
    const prev = t.entries[i - 1];
    if (prev && compareDates(prev.date, e.date) > 0) {
      err(['entries', i, 'date'], `entries go oldest first: ${e.date} comes after ${prev.date}`, 'order');
    }
  });
  const ids = new Set<string>();
  t.article4.forEach((v, i) => {
    if (ids.has(v.id)) err(['article4', i, 'id'], `wording "${v.id}" is declared twice`, 'duplicate-id');
    ids.add(v.id);
    cite(v.source, ['article4', i, 'source']);
    v.sources.forEach((id, k) => {
      cite(id, ['article4', i, 'sources', k]);
    });
    if (v.translation && !v.translation_source) {
      err(['article4', i, 'translation'], 'a translation needs its translation_source', 'schema');
    }
    if (v.translation_source) cite(v.translation_source, ['article4', i, 'translation_source']);
    if (v.until !== undefined && v.until <= v.in_force) {
      err(['article4', i, 'until'], `until (${v.until}) must be after in_force (${v.in_force})`, 'order');
    }
    const prev = t.article4[i - 1];
    if (prev) {
      if (prev.until === undefined) {
        err(['article4', i - 1], `"${prev.id}" has no until, yet a later wording follows it`, 'order');
      } else if (v.in_force < prev.until) {
        err(['article4', i, 'in_force'], `overlaps "${prev.id}", in force until ${prev.until}`, 'order');
      }
    }
  });
  t.sources.forEach((s, i) => {
    if (!cited.has(s.id.toLowerCase())) {
      out.push({
        path: ['sources', i, 'id'],
        message: `source "${s.id}" is declared but never cited`,
        code: 'source-uncited',
        severity: 'warning',
      });
    }
  });
  return out;
}

type Issue = z.core.$ZodIssue;

function issueDiagnostics(parsed: ParsedYaml, issue: Issue): Diagnostic[] {
  const path = issue.path as PathKey[];
  const mk = (message: string, pos: { line: number; column: number }): Diagnostic => ({
    file: parsed.file,
    ...pos,
    severity: 'error',
    message,
    code: 'schema',
  });
  const where = describePath(parsed.data, path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => mk(`${where || 'the file'}: unknown key "${k}"`, positionOfKey(parsed, path, k)));
  }
  let value: unknown = parsed.data;
  for (const k of path) value = value && typeof value === 'object' ? (value as Record<PathKey, unknown>)[k] : undefined;
  if (issue.code === 'invalid_type' && value === undefined) {
    const parent = path.slice(0, -1);
    return [
      mk(
        `${describePath(parsed.data, parent) || 'the file'}: missing "${String(path[path.length - 1])}"`,
        positionOf(parsed, parent),
      ),
    ];
  }
  return [mk(`${where ? `${where}: ` : ''}${issue.message}`, positionOf(parsed, path))];
}

function fail(file: string, message: string, code = 'file'): TimelineLoadResult {
  return { ok: false, errors: [{ file, line: 1, column: 1, severity: 'error', message, code }], warnings: [] };
}

/** Loads a timeline from text or bytes. `file` names it in every diagnostic. */
export function loadTimeline(input: string | Uint8Array, file: string): TimelineLoadResult {
  try {
    const decoded = decodeSource(input, file);
    if ('severity' in decoded) return { ok: false, errors: [decoded], warnings: [] };
    const parsed = parseYamlSource(decoded);
    if (Array.isArray(parsed)) return { ok: false, errors: parsed, warnings: [] };
    const data = parsed.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return fail(file, `a timeline is a YAML mapping that starts with "format: ${TIMELINE_FORMAT}"`, 'format');
    }
    if (data.format !== TIMELINE_FORMAT) {
      const at = positionOf(parsed, data.format === undefined ? [] : ['format']);
      return {
        ok: false,
        errors: [
          {
            file,
            ...at,
            severity: 'error',
            message: `this game reads timeline format ${TIMELINE_FORMAT}; write "format: ${TIMELINE_FORMAT}"`,
            code: 'format',
          },
        ],
        warnings: [],
      };
    }
    const result = TimelineSchema.safeParse(data);
    if (!result.success) {
      return {
        ok: false,
        errors: sortDiagnostics(result.error.issues.flatMap((i) => issueDiagnostics(parsed, i))),
        warnings: [],
      };
    }
    const found = checkTimeline(result.data).map(
      (f): Diagnostic => ({
        file,
        ...positionOf(parsed, f.path, f.atKey),
        severity: f.severity,
        message: `${describePath(parsed.data, f.path)}: ${f.message}`,
        code: f.code,
      }),
    );
    const { errors, warnings } = bySeverity(found);
    if (errors.length > 0) return { ok: false, errors, warnings };
    return { ok: true, timeline: result.data, warnings };
  } catch (e) {
    return fail(file, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}
