/**
 * The dashboard's CSV export: one row per decision of every loaded result, in words a person
 * reads (titles and labels), each id in a column of its own (`…_id`) for machines; RFC 4180 quoting
 * (CRLF line ends; a field with a comma, semicolon, quote or line break is quoted, quotes
 * doubled), and no spreadsheet formulas: a text cell that starts with = + - @ (or a tab or
 * carriage return), also after leading spaces or invisible characters or in full width, gets a leading apostrophe, so a rationale like "=HYPERLINK(...)" stays text.
 */
import type { Scenario } from '../engine/schema';
import { outcomeText, tallyLabels } from './dashboard-grid';
import { type GroupEdits, peopleOf } from './dashboard-people';
import type { LoadedResult } from './result-file';
import { resultFileName } from './result-file';
import type { ResultFile } from './result-schema';

export const CSV_COLUMNS = [
  'file',
  'group',
  'student',
  'team',
  'scenario',
  'scenario_id',
  'seat',
  'seat_id',
  'seed',
  'mode',
  'started_at',
  'finished_at',
  'turn',
  'date',
  'step',
  'step_id',
  'choice',
  'choice_id',
  'outcome',
  'outcome_id',
  'history_choice',
  'history_choice_id',
  'matched',
  'rationale',
  'tally',
  'tally_by_id',
  'ending',
  'ending_id',
] as const;

export interface CsvOptions {
  /** Start with a byte order mark, so Excel reads the file as UTF-8. */
  bom?: boolean;
  /** The cases played: the words of random results and of the options a class voted for. */
  scenarios?: readonly Scenario[];
  /** Groups named by hand, by file name (as on the dashboard: see dashboard-people.ts). */
  groups?: GroupEdits;
}

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type Cell = string | number | boolean | undefined;

/** A byte order mark: prepend it (or pass `bom: true`) so Excel reads the file as UTF-8. */
export const CSV_BOM = '\uFEFF';
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/**
 * A cell a spreadsheet may read as a formula: = + - @ (or their full-width forms ＝ ＋ － ＠),
 * possibly after spaces, NBSP, zero-width characters or line breaks, and any cell that starts
 * with a tab or carriage return.
 */
const FORMULA_START = /^(?:[\s\u200b-\u200d\u2060\u180e]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/u;

/** One CSV field: text is defused against formulas, then quoted when needed. */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

function tallyText(parts: readonly { key: string; votes: number }[]): string | undefined {
  return parts.length ? parts.map((p) => `${p.key}: ${p.votes}`).join('; ') : undefined;
}

/** What an unfinished run's `ending` reads. */
export const UNFINISHED = 'Saved before the end';

/**
 * The CSV of the results: a header, then one row per decision (a result with none gets one row).
 * `matched` is empty where history made no choice.
 */
export function resultsToCsv(results: readonly (LoadedResult | ResultFile)[], opts: CsvOptions = {}): string {
  const lines = [csvRow(CSV_COLUMNS)];
  const loaded = results.map((x) => ('result' in x ? x : { fileName: resultFileName(x), result: x }));
  const people = peopleOf(loaded, opts.groups);
  loaded.forEach(({ fileName, result: r }, i) => {
    const scenario = opts.scenarios?.find((s) => s.id === r.scenario.id);
    const base: Partial<Record<CsvColumn, Cell>> = {
      file: fileName,
      group: people[i]?.group?.label,
      student: r.student,
      team: r.team,
      scenario: r.scenario.title,
      scenario_id: r.scenario.id,
      seat: r.seat.title,
      seat_id: r.seat.id,
      seed: r.seed,
      mode: r.mode,
      started_at: r.startedAt,
      finished_at: r.finishedAt,
      ending: r.ending?.title ?? UNFINISHED,
      ending_id: r.ending?.id,
    };
    const rows: Partial<Record<CsvColumn, Cell>>[] =
      r.decisions.length === 0
        ? [base]
        : r.decisions.map((d) => {
            const tally = tallyLabels(scenario, d);
            return {
              ...base,
              turn: d.turn,
              date: d.date,
              step: d.title,
              step_id: d.step,
              choice: d.choice.label,
              choice_id: d.choice.id,
              outcome: outcomeText(scenario, d),
              outcome_id: d.outcome,
              history_choice: d.history?.label,
              history_choice_id: d.history?.id,
              matched: d.history ? d.matched : undefined,
              rationale: d.rationale,
              tally: tallyText(tally.map((t) => ({ key: t.label, votes: t.votes }))),
              tally_by_id: tallyText(tally.map((t) => ({ key: t.id, votes: t.votes }))),
            };
          });
    for (const row of rows) lines.push(csvRow(CSV_COLUMNS.map((c) => row[c])));
  });
  return `${opts.bom ? CSV_BOM : ''}${lines.join('\r\n')}\r\n`;
}

/** `article-four_results_<YYYY-MM-DDTHH-MM-SS>.csv` for a clock value the caller passes. */
export function csvFileName(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(at);
  return `article-four_results${m ? `_${m[1]}T${m[2]}-${m[3]}-${m[4] ?? '00'}` : ''}.csv`;
}
