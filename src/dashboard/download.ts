/** The CSV export: made in the page and handed to the browser as a download (no server). */
import {
  CSV_MIME_TYPE,
  type CsvOptions,
  csvFileName,
  type LoadedResult,
  localTimestamp,
  resultsToCsv,
} from '../classroom/index';

/** Downloads the results as CSV; returns the file name given to the browser. */
export function downloadCsv(
  results: readonly LoadedResult[],
  opts: Omit<CsvOptions, 'bom'> = {},
  now: Date = new Date(),
): string {
  const name = csvFileName(localTimestamp(now));
  const blob = new Blob([resultsToCsv(results, { ...opts, bom: true })], { type: CSV_MIME_TYPE });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}
