/** The CSV export: made in the page and handed to the browser as a download (no server). */
import {
  CSV_MIME_TYPE,
  type CsvOptions,
  csvFileName,
  type LoadedResult,
  localTimestamp,
  resultsToCsv,
} from '../classroom/index';
import { downloadText } from '../ui/dom';

/** Downloads the results as CSV; returns the file name given to the browser. */
export function downloadCsv(
  results: readonly LoadedResult[],
  opts: Omit<CsvOptions, 'bom'> = {},
  now: Date = new Date(),
): string {
  const name = csvFileName(localTimestamp(now));
  downloadText(name, resultsToCsv(results, { ...opts, bom: true }), CSV_MIME_TYPE);
  return name;
}
