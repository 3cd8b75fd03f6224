/**
 * "Open a scenario file": a local YAML file read in the browser with the engine's loader. A
 * valid file plays from a seat; a broken one lists its errors with line numbers and the
 * offending lines; a file carrying HTML or script is shown as plain text and runs nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  axe,
  describeViolations,
  foreignRequests,
  openPage,
  openSite,
  ROOT,
  type Site,
  shoot,
  tabTo,
  waitReady,
  waitScreen,
} from './harness';
import { playOn, tabAndEnter } from './keyboard';

const TUTORIAL = join(ROOT, 'tests', 'fixtures', 'tutorial.yaml');
const tutorial = readFileSync(TUTORIAL, 'utf8');
let site: Site;
let dir: string;

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
  dir = mkdtempSync(join(tmpdir(), 'article-four-open-'));
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Replaces the one line matching `match` (asserting it exists once); returns its 1-based number. */
function editLine(text: string, match: string, replace: (line: string) => string): { text: string; line: number } {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(match) ? [i] : []));
  if (hits.length !== 1) throw new Error(`"${match}" occurs ${hits.length} times in the fixture`);
  const i = hits[0] as number;
  lines[i] = replace(lines[i] as string);
  return { text: lines.join('\n'), line: i + 1 };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function ignoreChooser(): void {}

/** Tabs to the file input and opens the chooser with the keyboard (Enter, else Space), then picks `path`. */
async function openWithKeyboard(page: Page, path: string): Promise<void> {
  // Playwright intercepts the chooser once the page has a listener, which it sets up in the
  // browser asynchronously: a key pressed at once opened headless Chromium's own chooser (nothing)
  // in 6 of 8 tries, and the loop below then waited 5 s. A listener before tabbing gives it time.
  page.on('filechooser', ignoreChooser);
  await tabTo(page, '[data-action="open-file"]');
  for (const key of ['Enter', 'Space', 'Enter']) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => null);
    await page.keyboard.press(key);
    const opened = await chooser;
    if (opened) {
      await opened.setFiles(path);
      return;
    }
  }
  throw new Error('the file chooser did not open from the keyboard');
}

async function openDirect(page: Page, path: string): Promise<void> {
  await page.locator('#main [data-action="open-file"]').setInputFiles(path);
}

interface ShownError {
  line: number;
  column: number;
  text: string;
  excerpt: string;
  caret: string;
}

async function shownErrors(page: Page): Promise<ShownError[]> {
  return page.$$eval('#main .scenario-error', (items) =>
    items.map((li) => {
      const el = li as HTMLElement;
      return {
        line: Number(el.dataset.line),
        column: Number(el.dataset.column),
        text: el.querySelector('p')?.textContent ?? '',
        excerpt: el.querySelector('.source-excerpt code')?.textContent ?? '',
        caret: el.querySelector('.source-excerpt .caret')?.textContent ?? '',
      };
    }),
  );
}

describe('open a scenario file', () => {
  it('plays an opened file to its debrief from a seat, keyboard only', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=7' });
    try {
      await openWithKeyboard(page, TUTORIAL);
      await waitScreen(page, 'seats', '[data-role="secretary_general"]');
      await tabAndEnter(page, '[data-role="secretary_general"]');
      await waitScreen(page, 'briefing');
      await tabAndEnter(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      expect(await page.locator('#topbar').textContent()).toContain('Karvenia 2025');
      await playOn(page, { choose: () => 0, lobby: true });
      await waitScreen(page, 'debrief');
      expect(await page.locator('#main h1').first().textContent()).toBe('Debrief');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps an opened file across a reload, resumes its run, and forgets it on request', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=7' });
    try {
      await openWithKeyboard(page, TUTORIAL);
      await waitScreen(page, 'seats', '[data-role="secretary_general"]');
      await tabAndEnter(page, '[data-role="secretary_general"]');
      await tabAndEnter(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      // A reload in the middle of the run goes straight back to it.
      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'play');
      expect(await page.locator('#topbar').textContent()).toContain('Karvenia 2025');
      await tabAndEnter(page, '[data-action="exit"]');
      await waitScreen(page, 'title');
      // The case stays in the list, marked as opened from a file, until forgotten.
      await page.reload();
      await waitReady(page);
      await tabAndEnter(page, '[data-action="new"]');
      await waitScreen(page, 'cases', '[data-case="karvenia-2025"]');
      expect(await page.textContent('#main')).toContain('Opened from your file');
      await tabAndEnter(page, '[data-forget="karvenia-2025"]');
      expect(await page.locator('#main [data-case="karvenia-2025"]').count()).toBe(0);
      // A reload stays on the case list (#/cases), without the file.
      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'cases');
      expect(await page.locator('#main [data-case="karvenia-2025"]').count()).toBe(0);
      expect(await page.locator('#main [data-case]').count()).toBe(3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('also opens a file dropped on the case screen', async () => {
    const { page, context, errors } = await openPage(site);
    try {
      await tabAndEnter(page, '[data-action="new"]');
      await waitScreen(page, 'cases');
      await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.yaml', { type: 'application/yaml' }));
        for (const type of ['dragover', 'drop']) {
          document
            .getElementById('main')
            ?.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        }
      }, tutorial);
      await waitScreen(page, 'seats', '[data-role="secretary_general"]');
      await tabAndEnter(page, '#main .back');
      await waitScreen(page, 'cases', '[data-case="karvenia-2025"]');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lists every error with its line, column and the offending line', async () => {
    // A typo in a meter id and an unknown step: the loader reports both.
    const typo = editLine(tutorial, 'meter: credibility, delta: -5, reason: "Karvenia waits', (l) =>
      l.replace('credibility', 'credibilty'),
    );
    const step = editLine(typo.text, 'next: wider_war', (l) => l.replace('wider_war', 'wider_wra'));
    const refs = write('broken-refs.yaml', step.text);
    // A YAML trap (a colon and a space in unquoted text): one error that says to quote the text, and no other.
    const syntax = editLine(tutorial, 'title: Karvenia asks for help', (l) => l.replace('Karvenia', 'Karvenia:'));
    const yaml = write('broken-yaml.yml', syntax.text);

    const { page, context, errors } = await openPage(site);
    try {
      await openWithKeyboard(page, refs);
      await waitScreen(page, 'scenario-errors', '.scenario-error');
      expect(await page.locator('#main h1').textContent()).toBe('broken-refs.yaml could not be opened');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(await page.locator('#main [data-error-count]').textContent()).toContain('2 errors');
      const shown = await shownErrors(page);
      expect(shown.map((e) => e.line)).toEqual([typo.line, step.line]);
      const [meter, next] = shown as [ShownError, ShownError];
      expect(meter.text).toMatch(new RegExp(`^${typo.line}:\\d+ — .*unknown meter "credibilty"`));
      expect(meter.excerpt).toContain('meter: credibilty, delta: -5');
      // The caret sits under the column the loader gave (after the "LINE | " gutter).
      const gutter = `${typo.line} | `.length;
      expect(meter.excerpt[meter.caret.length - gutter - 1]).toBe('c');
      expect(meter.excerpt.startsWith('…')).toBe(true); // a long line is cut to fit
      expect(next.text).toContain('wider_wra');
      expect(next.excerpt).toContain('next: wider_wra');
      expect(next.excerpt[next.caret.length - `${step.line} | `.length - 1]).toBe('w');
      await shoot(page, 'open-file-errors');
      expect(describeViolations(await axe(page))).toBe('');

      // Open the syntax error from the error screen itself.
      await openDirect(page, yaml);
      await page.waitForFunction(() => document.querySelector('#main h1')?.textContent?.startsWith('broken-yaml.yml'));
      const [bad] = await shownErrors(page);
      expect(await page.locator('#main [data-error-count]').textContent()).toContain('1 error.');
      expect(bad?.line).toBe(syntax.line);
      expect(bad?.text).toContain('YAML');
      expect(bad?.text).toContain('put this text in quotes');
      expect(bad?.excerpt).toContain('title: Karvenia: asks for help');
      await shoot(page, 'open-file-yaml-error');

      // A file that is not YAML at all is refused with a message, not read.
      await openDirect(page, write('notes.txt', 'hello'));
      await page.waitForFunction(() => document.querySelector('#main h1')?.textContent?.startsWith('notes.txt'));
      expect(await page.locator('#main .scenario-error p').textContent()).toContain('.yaml');

      // And a way back.
      await tabAndEnter(page, '#main [data-action="title"]');
      await waitScreen(page, 'title');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows HTML and script in a scenario as plain text, and runs nothing', async () => {
    const img = '<img src=x onerror="window.__pwned=1">';
    const script = '<script>window.__pwned=2</script>';
    const remote = '<img src="http://evil.example/pixel.png" onerror="window.__pwned=3">';
    const link = '<a href="http://evil.example/">go</a><script src="http://evil.example/x.js"></script>';
    let text = tutorial;
    // Step text (a block scalar): HTML on its own lines.
    text = editLine(text, 'Armed men crossed the border at Tarsk', (l) => `      ${img} ${script}\n${l}`).text;
    // A choice label and the title (quoted YAML strings).
    text = editLine(text, 'label: Send observers before deciding', (l) =>
      l.replace('Send observers before deciding', `'Send observers ${remote}'`),
    ).text;
    text = editLine(text, 'title: "Karvenia 2025', () => `title: 'Karvenia ${script}'`).text;
    // Every ending's text.
    for (const id of [
      'The force kept the peace',
      'The force stayed, but',
      'By crossing into Lorvan',
      'The alliance kept out',
    ]) {
      text = editLine(text, id, () => `    text: '${link} ${img}'`).text;
    }
    const path = write('hostile.yaml', text);

    const { page, context, errors } = await openPage(site, { query: '?seed=3' });
    try {
      // Record every element added to the app, and the panel's text on each screen.
      await page.evaluate(() => {
        const w = window as unknown as { __added: string[]; __texts: Record<string, string> };
        w.__added = [];
        w.__texts = {};
        const app = document.getElementById('app') as HTMLElement;
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of r.addedNodes) {
              if (!(n instanceof Element)) continue;
              for (const el of [n, ...n.querySelectorAll('*')]) {
                if (['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'LINK', 'STYLE'].includes(el.tagName)) {
                  w.__added.push(el.outerHTML);
                }
                const href = el.getAttribute('href');
                if (href && /evil|^javascript:/i.test(href)) w.__added.push(el.outerHTML);
              }
            }
          }
          w.__texts[app.dataset.screen ?? ''] = document.getElementById('main')?.textContent ?? '';
        }).observe(app, { childList: true, subtree: true });
      });
      await openDirect(page, path);
      await waitScreen(page, 'seats');
      expect(await page.locator('#main').textContent()).toContain(`Karvenia ${script}`);
      await tabAndEnter(page, '[data-role="secretary_general"]');
      await tabAndEnter(page, '[data-action="begin"]');
      await waitScreen(page, 'play', '[data-choice]');
      const step = (await page.locator('#main').textContent()) ?? '';
      expect(step).toContain(img);
      expect(step).toContain(script);
      expect(await page.locator('#main [data-choice="send_observers"]').textContent()).toContain(remote);
      expect(await page.locator('#topbar').textContent()).toContain(`Karvenia ${script}`);
      expect(await page.title()).not.toContain('<');
      await playOn(page, { choose: () => 0, lobby: true });
      await waitScreen(page, 'debrief');
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __added: string[]; __texts: Record<string, string>; __pwned?: unknown };
        return { added: w.__added, texts: w.__texts, pwned: w.__pwned ?? null };
      });
      expect(seen.pwned).toBeNull();
      expect(seen.added).toEqual([]);
      expect(seen.texts.ending).toContain(link);
      expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
      expect(await page.locator('a[href*="evil"], script[src*="evil"]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    expect(site.requests.filter((u) => u.includes('evil.example') || u.endsWith('/x'))).toEqual([]);
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
    expect(site.requests.length).toBeGreaterThan(0);
  });
});
