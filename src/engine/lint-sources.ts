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

/** Labels that end a domain name: seen before the last two labels, a host imitates another domain. */
const DOMAIN_LIKE = new Set(['com', 'org', 'net', 'gov', 'edu', 'int', 'mil', 'info', 'io']);

/**
 * Why a link's host is not a public name, or null: an IP address (a private or loopback one says
 * so), `localhost`, or a local-network name (.local, .lan, .internal, .home.arpa, one label).
 */
export function localHost(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    const local =
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127);
    return local ? 'an address on a local network' : 'an IP address, not a name';
  }
  if (h.startsWith('[')) {
    const v6 = h.slice(1, -1);
    const local =
      v6 === '::1' ||
      v6 === '::' ||
      /^f[cd][0-9a-f]{0,2}:/.test(v6) ||
      /^fe[89ab][0-9a-f]?:/.test(v6) ||
      /^::ffff:(7f|a|c0a8|ac1)/.test(v6);
    return local ? 'an address on a local network' : 'an IP address, not a name';
  }
  if (h === 'localhost' || h.endsWith('.localhost')) return 'this computer (localhost)';
  if (/\.(local|lan|internal|intranet|home\.arpa|corp)$/.test(h) || !h.includes('.')) return 'a local-network name';
  return null;
}

/**
 * Whether a link's host plausibly belongs to the publisher: a label of the host (e.g. "rferl" of
 * www.rferl.org) appears in the publisher's name run together, the name (or its initials, or one of
 * its longer words) appears in a label, e.g. "Business Recorder" and brecorder.com.
 */
export function hostMatchesPublisher(url: string, publisher: string): boolean {
  const host = hostOf(url);
  if (!host) return true;
  if (localHost(host) !== null) return false;
  const all = host.split('.');
  // A host that spells another domain in its subdomains (un.org.example.net) matches only by the
  // name it is registered under, never by the labels it borrows.
  const imitates = all.slice(0, -2).some((l, i) => DOMAIN_LIKE.has(l) || (i > 0 && l.length === 2));
  const secondLevel = DOMAIN_LIKE.has(all.at(-2) ?? '') || ['co', 'ac'].includes(all.at(-2) ?? '');
  const registered = secondLevel ? all.slice(-3, -1) : all.slice(-2, -1);
  const labels = (imitates ? registered : all.slice(0, -1)).filter(
    (l) => l.length >= 2 && !GENERIC_LABELS.has(l) && !DOMAIN_LIKE.has(l),
  );
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
      ...(st.council?.members.flatMap((m) => m.sources) ?? []),
      ...(st.history?.sources ?? []),
      ...(st.history?.quotes.map((q) => q.source) ?? []),
    ]),
    ...s.endings.flatMap((e) => e.sources),
    ...s.teacher.sources,
    ...s.teacher.glossary.flatMap((g) => g.sources),
    ...s.actors.flatMap((a) => a.sources),
  ]);
  s.sources.forEach((src, i) => {
    if (!cited.has(src.id)) report.warn('source-uncited', ['sources', i, 'id'], `source "${src.id}" is never cited`);
  });

  // ---- sources whose link points elsewhere than their publisher, or to no public name
  s.sources.forEach((src, i) => {
    const local = src.url ? localHost(hostOf(src.url)) : null;
    if (local) {
      report.warn(
        'source-local-host',
        ['sources', i, 'url'],
        `source "${src.id}": its link goes to ${hostOf(src.url ?? '')}, ${local}: students' browsers would open a machine on their own network; link to the publisher's public site`,
        true,
      );
    } else if (src.url && !hostMatchesPublisher(src.url, src.publisher)) {
      report.warn(
        'source-host-mismatch',
        ['sources', i, 'url'],
        `source "${src.id}": its link goes to ${hostOf(src.url)}, which does not look like its publisher "${src.publisher}": is it the right link? (If it is, name the site in the publisher, e.g. "President of Russia (kremlin.ru)".)`,
        true,
      );
    }
  });
}
