/** The dashboard's wording and number formats: pure, so the page and its tests agree. */

/** "1 result", "3 results". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the live region says after files were loaded: "3 results loaded, 1 file skipped". */
export function loadedMessage(loaded: number, skipped: number, total: number): string {
  let text = `${plural(loaded, 'result')} loaded`;
  if (skipped > 0) text += `, ${plural(skipped, 'file')} skipped`;
  if (total !== loaded) text += ` (${plural(total, 'result')} in all)`;
  return text;
}

/** A share (0–1) as a whole percentage: "67%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A number with at most one decimal: 61.666 → "61.7", 60 → "60". */
export function decimal(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

export const TONE_WORDS = { good: 'Good outcome', mixed: 'Mixed outcome', bad: 'Bad outcome' } as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A case date, short: "5 Jan", or with its year "5 Jan 2022"; "May 2021"; "2021". */
export function shortDate(date: string, withYear: boolean): string {
  const [y, m, d] = date.split('-').map(Number);
  const month = m ? MONTHS[m - 1] : undefined;
  if (!month) return String(y ?? date);
  if (!d) return `${month} ${y}`;
  return withYear ? `${d} ${month} ${y}` : `${d} ${month}`;
}

/** "2 of 5", with the share: "2 of 5 (40%)". */
export function ofText(n: number, total: number): string {
  return total ? `${n} of ${total} (${percent(n / total)})` : '—';
}
