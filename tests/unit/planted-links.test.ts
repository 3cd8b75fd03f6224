/**
 * Links a scenario can plant (issue 17): only http(s) addresses without credentials load; `check`
 * warns on IP addresses, local-network names and hosts that only borrow a publisher's labels; the
 * game shows each link's real host beside its title.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine';
import { hostMatchesPublisher, localHost } from '../../src/engine/lint-sources';
import { linkHost, safeLink } from '../../src/ui/link-host';
import { fixture } from '../helpers';

const MINI = readFileSync(fixture('mini.yaml'), 'utf8');
const SRC_B = '{ id: src-b, title: Source B, publisher: Test Press }';

/** The mini fixture with source B's link (and publisher) replaced. */
function planted(url: string, publisher = 'Test Press') {
  const text = MINI.replace(SRC_B, `{ id: src-b, title: Official UN report, publisher: ${publisher}, url: "${url}" }`);
  return { text, line: text.split('\n').findIndex((l) => l.includes('Official UN report')) + 1 };
}

describe('source links the loader refuses', () => {
  const refused = [
    'https://user:password@www.un.org/',
    'https://un.org@evil.example/',
    'https://:secret@test.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://test.example/file',
    'vbscript:msgbox',
  ];
  for (const url of refused) {
    it(`refuses ${url} with FILE:LINE:COL`, () => {
      const { text, line } = planted(url);
      const r = loadScenario(text, 'links.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]?.line).toBe(line);
      expect(r.errors[0]?.message).toMatch(/sources\[1\]\.url|url/);
      expect(r.errors[0]?.message).toMatch(/user name or password|https: or http:/);
    });
  }
});

describe('check warns on links to local or look-alike hosts', () => {
  const local: [string, string][] = [
    ['http://192.168.1.1/', 'an address on a local network'],
    ['http://10.0.0.5/admin', 'an address on a local network'],
    ['http://172.20.1.1/', 'an address on a local network'],
    ['http://127.0.0.1:8080/', 'an address on a local network'],
    ['http://2130706433/', 'an address on a local network'],
    ['http://0x7f.1/', 'an address on a local network'],
    ['http://[::1]/', 'an address on a local network'],
    ['http://[fd00::1]/', 'an address on a local network'],
    ['http://[fe80::1]/', 'an address on a local network'],
    ['http://localhost:5173/', 'this computer (localhost)'],
    ['http://printer.local/', 'a local-network name'],
    ['http://router/', 'a local-network name'],
    ['https://8.8.8.8/report', 'an IP address, not a name'],
    ['https://[2001:4860::8888]/', 'an IP address, not a name'],
  ];
  for (const [url, why] of local) {
    it(`${url}: ${why}`, () => {
      const { text, line } = planted(url);
      const r = loadScenario(text, 'links.yaml', { lint: { seeds: [] } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const w = r.warnings.filter((x) => x.code === 'source-local-host');
      expect(w, JSON.stringify(r.warnings)).toHaveLength(1);
      expect(w[0]?.line).toBe(line);
      expect(w[0]?.message).toContain(why);
      expect(r.warnings.some((x) => x.code === 'source-host-mismatch')).toBe(false);
    });
  }

  it('a host that borrows the publisher’s labels in its subdomains is a mismatch', () => {
    expect(hostMatchesPublisher('https://www.un.org/report', 'United Nations')).toBe(true);
    expect(hostMatchesPublisher('https://un.org.evil.example/report', 'United Nations')).toBe(false);
    expect(hostMatchesPublisher('https://www.kremlin.ru.phish.example/', 'President of Russia (kremlin.ru)')).toBe(
      false,
    );
    // Subdomains still count on an ordinary host.
    expect(hostMatchesPublisher('https://zeenews.india.com/x', 'Zee News')).toBe(true);
    expect(hostMatchesPublisher('https://www.bbc.co.uk/news', 'BBC')).toBe(true);
    const { text } = planted('https://un.org.evil.example/report', 'United Nations');
    const r = loadScenario(text, 'links.yaml', { lint: { seeds: [] } });
    expect(r.warnings.filter((x) => x.code === 'source-host-mismatch')).toHaveLength(1);
  });

  it('a public host matching its publisher draws no warning', () => {
    const { text } = planted('https://www.un.org/en/report', 'United Nations');
    const r = loadScenario(text, 'links.yaml', { lint: { seeds: [] } });
    expect(r.warnings.filter((x) => /^source-(local-host|host-mismatch)$/.test(x.code ?? ''))).toEqual([]);
    expect(localHost('www.un.org')).toBeNull();
  });
});

describe('the game shows each link’s real host', () => {
  it('linkHost gives the host as the browser resolves it', () => {
    expect(linkHost('https://www.un.org/en/report')).toBe('www.un.org');
    expect(linkHost('http://192.168.1.1:8080/x')).toBe('192.168.1.1:8080');
    expect(linkHost('https://xn--n-0tb.org/')).toBe('xn--n-0tb.org');
    // A Cyrillic look-alike is shown in punycode, not as "un.org".
    expect(linkHost('https://\u0443n.org/')).toMatch(/^xn--/);
    expect(linkHost('javascript:alert(1)')).toBeNull();
  });

  it('safeLink renders only http(s) links without credentials', () => {
    expect(safeLink('https://www.un.org/')).toBe(true);
    expect(safeLink('https://un.org@evil.example/')).toBe(false);
    expect(safeLink('javascript:alert(1)')).toBe(false);
    expect(safeLink(undefined)).toBe(false);
  });
});
