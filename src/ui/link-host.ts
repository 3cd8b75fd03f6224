/**
 * The real host of a link a scenario plants, shown beside the link's title so "Official UN report"
 * cannot hide where it goes. Pure: no DOM. Internationalised names are shown as the browser
 * resolves them (punycode, `xn--…`), so a look-alike name cannot pass for another.
 */
export function linkHost(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return u.host;
  } catch {
    return null;
  }
}

/** Whether a scenario's link may be rendered as a link at all: http(s), a host, no credentials. */
export function safeLink(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host !== '' && !u.username && !u.password;
  } catch {
    return false;
  }
}
