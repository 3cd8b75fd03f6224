/** The name a result file is downloaded under. */
import type { ResultFile } from './result-schema';

/**
 * A name for a string in a file name: letters and digits of any script, lower case, Latin accents
 * dropped (é → e), everything else a single "-"; at most 40 characters.
 */
export function slug(text: string): string {
  const out = [...text.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFKD');
      return /^[A-Za-z]/.test(d) ? d.replace(/\p{M}/gu, '') : ch;
    })
    .join('')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...out].slice(0, 40).join('').replace(/-+$/, '');
}

/**
 * `article-four_<case>_<seat>[_<student>][_<team>]_<YYYY-MM-DDTHH-MM-SS>.json`, the time being
 * `finishedAt` as written (so local when the caller passed local time). Seconds are kept so
 * unnamed results saved on different laptops in the same minute do not overwrite each other.
 */
export function resultFileName(result: Pick<ResultFile, 'scenario' | 'seat' | 'student' | 'team' | 'finishedAt'>) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(result.finishedAt);
  const stamp = m ? `${m[1]}T${m[2]}-${m[3]}-${m[4] ?? '00'}` : 'undated';
  const parts = ['article-four', result.scenario.id, result.seat.id];
  for (const name of [result.student, result.team]) {
    const s = name ? slug(name) : '';
    if (s) parts.push(s);
  }
  parts.push(stamp);
  return `${parts.join('_')}.json`;
}
