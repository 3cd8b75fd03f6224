/**
 * The dashboard's CSV export: one row per decision of every loaded result, RFC 4180 quoting
 * (CRLF line ends; a field with a comma, semicolon, quote or line break is quoted, quotes
 * doubled), and no spreadsheet formulas: a text cell that starts with = + - @ (or a tab or
 * carriage return), also after leading spaces or invisible characters or in full width, gets a leading apostrophe, so a rationale like "=HYPERLINK(...)" stays text.
 */
import type { LoadedResult } from './result-file';
import { resultFileName } from './result-file';
import type { ResultFile } from './result-schema';

export const CSV_COLUMNS = [
  'file',
  'student',
  'team',
  'scenario',
  'seat',
  'seed',
  'mode',
  'started_at',
  'finished_at',
  'turn',
  'step',
  'step_title',
  'choice',
  'choice_label',
  'outcome',
  'history_choice',
  'history_label',
  'matched',
  'rationale',
  'tally',
  'ending',
] as const;

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

function tallyText(tally: Record<string, number> | undefined): string | undefined {
  if (!tally) return undefined;
  const parts = Object.entries(tally).map(([k, n]) => `${k}: ${n}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The CSV of the results: a header, then one row per decision (a result with none gets one row). */
export function resultsToCsv(results: readonly (LoadedResult | ResultFile)[], opts: { bom?: boolean } = {}): string {
  const lines = [csvRow(CSV_COLUMNS)];
  for (const x of results) {
    const { fileName, result: r } = 'result' in x ? x : { fileName: resultFileName(x), result: x };
    const base: Partial<Record<CsvColumn, Cell>> = {
      file: fileName,
      student: r.student,
      team: r.team,
      scenario: r.scenario.id,
      seat: r.seat.id,
      seed: r.seed,
      mode: r.mode,
      started_at: r.startedAt,
      finished_at: r.finishedAt,
      ending: r.ending?.id ?? 'unfinished',
    };
    const rows: Partial<Record<CsvColumn, Cell>>[] =
      r.decisions.length === 0
        ? [base]
        : r.decisions.map((d) => ({
            ...base,
            turn: d.turn,
            step: d.step,
            step_title: d.title,
            choice: d.choice.id,
            choice_label: d.choice.label,
            outcome: d.outcome,
            history_choice: d.history?.id,
            history_label: d.history?.label,
            matched: d.matched,
            rationale: d.rationale,
            tally: tallyText(d.tally),
          }));
    for (const row of rows) lines.push(csvRow(CSV_COLUMNS.map((c) => row[c])));
  }
  return `${opts.bom ? CSV_BOM : ''}${lines.join('\r\n')}\r\n`;
}

/** `article-four_results_<YYYY-MM-DDTHH-MM-SS>.csv` for a clock value the caller passes. */
export function csvFileName(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(at);
  return `article-four_results${m ? `_${m[1]}T${m[2]}-${m[3]}-${m[4] ?? '00'}` : ''}.csv`;
}
