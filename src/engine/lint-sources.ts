/** Lint rules over the sources: each one cited, and each link's host plausibly its publisher's. */
import type { Report } from './lint-rules';
import type { Scenario } from './schema';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

const SQUASH = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const GENERIC_LABELS = new Set(['www', 'en', 'eng', 'english', 'news', 'm', 'ru', 'am', 'rus', 'mobile', 'web']);

/**
 * Whether a link's host plausibly belongs to the publisher: a label of the host (e.g. "rferl" of
 * www.rferl.org) appears in the publisher's name run together, the name (or its initials, or one of
 * its longer words) appears in a label, e.g. "Business Recorder" and brecorder.com.
 */
export function hostMatchesPublisher(url: string, publisher: string): boolean {
  const host = hostOf(url);
  if (!host) return true;
  const labels = host
    .split('.')
    .slice(0, -1)
    .filter((l) => l.length >= 2 && !GENERIC_LABELS.has(l));
  const name = SQUASH(publisher);
  const words = publisher.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const initials = SQUASH(words.map((w) => w[0] ?? '').join(''));
  // A publisher named by its site ("news.am").
  if (name.includes(SQUASH(host.replace(/^www\./, '')))) return true;
  return labels.some((label) => {
    const l = SQUASH(label);
    if (l.length < 2) return false;
    return (
      name.includes(l) ||
      (l.length >= 3 && l.includes(name)) ||
      (initials.length >= 2 && l.includes(initials)) ||
      words.some((w) => w.length >= 4 && l.includes(SQUASH(w)))
    );
  });
}

/** Sources nothing cites, and sources whose link points elsewhere than their publisher. */
export function lintSources(s: Scenario, report: Report): void {
  const cited = new Set<string>([
    ...s.steps.flatMap((st) => [
      ...st.sources,
      ...st.events.flatMap((e) => e.sources),
      ...(st.history?.sources ?? []),
      ...(st.history?.quotes.map((q) => q.source) ?? []),
    ]),
    ...s.endings.flatMap((e) => e.sources),
  ]);
  s.sources.forEach((src, i) => {
    if (!cited.has(src.id)) report.warn('source-uncited', ['sources', i, 'id'], `source "${src.id}" is never cited`);
  });

  // ---- sources whose link points elsewhere than their publisher
  s.sources.forEach((src, i) => {
    if (src.url && !hostMatchesPublisher(src.url, src.publisher)) {
      report.warn(
        'source-host-mismatch',
        ['sources', i, 'url'],
        `source "${src.id}": its link goes to ${hostOf(src.url)}, which does not look like its publisher "${src.publisher}": is it the right link? (If it is, name the site in the publisher, e.g. "President of Russia (kremlin.ru)".)`,
        true,
      );
    }
  });
}
