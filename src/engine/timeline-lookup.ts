/**
 * Reading a loaded timeline (src/engine/timeline.ts loads and checks it): the Article 4 wording in
 * force on a date, dates in order, and the sources an entry cites. Apart from the loader, so that
 * the game, which gets the bundled timeline compiled at build time, loads neither YAML nor Zod.
 */
import type { Article4Version, Timeline } from './timeline';

/** The first day a date (YYYY, YYYY-MM or YYYY-MM-DD) can mean. */
function firstDay(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** The Article 4 wording in force on `date` (a partial date means its first day), or undefined. */
export function article4At(timeline: Pick<Timeline, 'article4'>, date: string): Article4Version | undefined {
  const day = firstDay(date);
  return timeline.article4.find((v) => v.in_force <= day && (v.until === undefined || day < v.until));
}

/** Compares two timeline dates by their first day; a less precise date sorts first on a tie. */
export function compareDates(a: string, b: string): number {
  return firstDay(a).localeCompare(firstDay(b)) || a.length - b.length;
}

/** The sources an entry or a wording cites, in the order cited (unknown ids are skipped). */
export function sourcesOf(t: Timeline, ids: readonly string[]): Timeline['sources'] {
  const seen = new Set<string>();
  return ids.flatMap((id) => {
    const s = t.sources.find((x) => x.id.toLowerCase() === id.toLowerCase());
    if (!s || seen.has(s.id)) return [];
    seen.add(s.id);
    return [s];
  });
}
