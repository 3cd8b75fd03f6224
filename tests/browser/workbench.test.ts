/**
 * The Author page (author.html, src/workbench/): a scenario written from the template with the
 * checker's findings as you type (in the problems list and as the editor's lint marks, with their
 * lines), played to an ending in the play pane and from a chosen step, its statechart, its text
 * kept across a reload (IndexedDB) and a note where IndexedDB is refused, files opened and saved
 * where the browser has no File System Access API, axe at 1366×768 and 390×844, and the game's
 * first load untouched by any of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadScenario } from '../../src/engine';
import {
  ARTIFACTS,
  axe,
  BASE_PATH,
  describeViolations,
  foreignRequests,
  openPage,
  openSite,
  ROOT,
  type Site,
  tabTo,
} from './harness';
import { wordsBroken } from './words-whole';

const TEMPLATE = readFileSync(join(ROOT, 'src', 'authoring', 'template.yaml'), 'utf8');
const TUTORIAL = join(ROOT, 'tests', 'fixtures', 'tutorial.yaml');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

interface Workbench {
  ready: boolean;
  version: number;
  checked: number;
  errors: number;
  warnings: number;
  kept: number;
  storage: string;
  text(): string;
  cursor(): { line: number; column: number };
}

let site: Site;

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});

afterAll(async () => {
  await site?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh profile with author.html loaded and its first check answered. `init` runs before the page's scripts. */
async function openAuthor(
  opts: { viewport?: { width: number; height: number }; init?: () => void; context?: BrowserContext } = {},
): Promise<Opened> {
  const context = opts.context ?? (await site.browser.newContext({ viewport: opts.viewport ?? DESKTOP }));
  if (opts.init) await context.addInitScript(opts.init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('request', (r) => site.requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${site.url}author.html`);
  await ready(page);
  return { context, page, errors };
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __workbench?: Workbench }).__workbench?.ready);
  await checked(page);
}

/** Waits until the checker has answered for the text as it is now. */
async function checked(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = (window as unknown as { __workbench: Workbench }).__workbench;
      return w.checked === w.version;
    },
    null,
    { timeout: 60_000 },
  );
}

const wb = <T>(page: Page, read: (w: Workbench) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__workbench)`) as Promise<T>;

/** Selects the first match of `text` in the editor with its search panel (keyboard only), then closes the panel. */
async function find(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const field = page.locator('.cm-search input[name="search"]');
  await field.waitFor();
  await field.fill('');
  // Typed, not filled: the panel takes its query on key events.
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.classList.contains('cm-content'));
}

/** Plays the run in the play pane to its ending with the keyboard: Tab to the first option, Enter. */
async function playToEnding(page: Page): Promise<void> {
  const option = '#play-view button[data-choice], #play-view button[data-vote], #play-view button[data-continue]';
  for (let moves = 0; moves < 40; moves++) {
    if (await page.locator('#play-view [data-status="ended"]').count()) return;
    const before = await wb(page, (w) => (w as unknown as { moves(): unknown[] }).moves().length);
    await page.focus('#wb-play-heading');
    await tabTo(page, option, 20);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (n) => (window as unknown as { __workbench: { moves(): unknown[] } }).__workbench.moves().length > n,
      before,
    );
  }
  throw new Error('the run did not end within 40 moves');
}

function shot(page: Page, name: string): Promise<Buffer> {
  const vp = page.viewportSize();
  return page.screenshot({ path: join(ARTIFACTS, `workbench-${name}-${vp?.width}x${vp?.height}.png`) });
}

describe('the Author page', () => {
  it('checks as you type, lists and marks the problem, plays to an ending, and keeps the text over a reload', async () => {
    const { page, context, errors } = await openAuthor();
    try {
      // A first visit starts from the template.
      expect(await wb(page, (w) => w.text())).toBe(TEMPLATE);
      expect(await page.textContent('#notice')).toContain('from the template');
      expect(await wb(page, (w) => w.errors)).toBe(0);
      expect(await wb(page, (w) => w.storage)).toBe('indexeddb');
      const baseWarnings = await wb(page, (w) => w.warnings);

      // A misspelt key: the checker's error appears in the list and in the editor, at its line.
      const line = TEMPLATE.split('\n').findIndex((l) => l.includes('title: A request arrives')) + 1;
      await find(page, 'title: A request arrives');
      await page.keyboard.press('ArrowLeft');
      for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('titel');
      await checked(page);
      expect(await wb(page, (w) => w.errors)).toBeGreaterThan(0);
      const problem = page.locator('#problems button', { hasText: 'unknown key "titel"' });
      await expect.poll(() => problem.count()).toBe(1);
      expect(await problem.getAttribute('data-line')).toBe(String(line));
      expect(await problem.textContent()).toContain(`Line ${line}, column 5`);
      expect(await page.locator('.cm-lintRange-error', { hasText: 'titel' }).count()).toBeGreaterThan(0);
      // The lint gutter marks the same line.
      const marked = await page.evaluate(() => {
        const lineOf = (el: Element) => el.getBoundingClientRect().top;
        const range = document.querySelector('.cm-lintRange-error');
        const marker = [...document.querySelectorAll('.cm-gutter-lint .cm-gutterElement')].find((g) =>
          g.querySelector('.cm-lint-marker-error'),
        );
        return range && marker ? Math.abs(lineOf(marker) - lineOf(range.closest('.cm-line') as Element)) < 4 : false;
      });
      expect(marked).toBe(true);
      const count = (await page.textContent('#check-status')) ?? '';
      expect(count).toMatch(/^\d+ errors?/);
      expect(await page.getAttribute('#check-status', 'aria-live')).toBe('polite');
      expect(await page.textContent('#problem-badge')).not.toBe('');
      await shot(page, 'error');
      expect(describeViolations(await axe(page))).toBe('');

      // The problem is a button that takes the cursor to it.
      await page.locator('.cm-content').press('Control+End');
      await problem.click();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
      expect(await wb(page, (w) => w.cursor().line)).toBe(line);
      // The play pane waits for the fix.
      await page.click('#tab-play');
      expect(await page.textContent('#play-status')).toMatch(/fix/);
      expect(await page.locator('#play-start').isDisabled()).toBe(true);

      // Fixed (the misspelt word is selected: typing replaces it): the error goes.
      await page.locator('.cm-content').focus();
      await page.keyboard.type('title');
      await checked(page);
      expect(await wb(page, (w) => w.errors)).toBe(0);
      expect(await wb(page, (w) => w.warnings)).toBe(baseWarnings);
      expect(await page.locator('#problems button', { hasText: 'titel' }).count()).toBe(0);
      expect(await page.locator('.cm-lintRange-error').count()).toBe(0);

      // An edit that stays, for the reload below.
      await find(page, 'minutes: 10');
      await page.keyboard.press('End');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('2');
      await checked(page);
      const edited = await wb(page, (w) => w.text());
      expect(edited).toContain('minutes: 12');
      const cursor = await wb(page, (w) => w.cursor());

      // Play to an ending, with the keyboard, from the seat's first step.
      await page.click('#tab-play');
      await page.waitForSelector('#play-view [data-status="playing"]');
      expect(await page.textContent('#wb-play-heading')).toBe('A request arrives');
      // The options are the game's, in its order.
      expect(
        await page.locator('#play-view [data-choice]').evaluateAll((b) => b.map((x) => x.getAttribute('data-choice'))),
      ).toEqual(['send_to_council', 'call_it_internal']);
      await shot(page, 'play');
      expect(describeViolations(await axe(page))).toBe('');
      await playToEnding(page);
      const endingId = await page.getAttribute('#play-view [data-ending]', 'data-ending');
      const loaded = loadScenario(edited, 'edited.yaml');
      if (!loaded.ok) throw new Error('the edited text does not load');
      const ending = loaded.scenario.endings.find((e) => e.id === endingId);
      expect(ending).toBeDefined();
      expect(await page.textContent('#wb-play-heading')).toBe(`Ending: ${ending?.title}`);
      expect(await page.textContent('#play-view .wb-ending .prose')).toContain(ending?.text.trim().split('\n')[0]);
      await shot(page, 'ending');

      // From a chosen step: the fewest moves from the start are replayed to it.
      await page.selectOption('#play-step', 'deploy');
      await page.click('#play-start');
      await page.waitForFunction(() => document.querySelector('#play-view [data-step="deploy"]'));
      expect(await page.textContent('#play-status')).toContain('after 3 moves from the start (the fewest)');
      expect(await page.textContent('#wb-play-heading')).toBe('Troops arrive');

      // The statechart marks where the run stands.
      await page.click('#tab-graph');
      await page.waitForSelector('#graph svg [aria-current="step"]');
      expect(await page.getAttribute('#graph svg [aria-current="step"]', 'data-id')).toBe('deploy');
      expect(await page.locator('#graph svg script, #graph svg foreignObject').count()).toBe(0);
      await shot(page, 'statechart');

      // The text is kept: a reload restores it, and the cursor, and says so.
      await page.reload();
      await ready(page);
      expect(await wb(page, (w) => w.text())).toBe(edited);
      expect(await wb(page, (w) => w.cursor())).toEqual(cursor);
      expect(await page.textContent('#notice')).toContain('Restored your text');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers the schema’s keys as completions and explains a key on hover', async () => {
    const { page, context, errors } = await openAuthor();
    try {
      await find(page, 'phase: response');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('short_t');
      const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'short_text' });
      await option.waitFor();
      // CodeMirror takes Enter for the popup only once it has been open a moment (`interactionDelay`, 75 ms).
      await page.waitForTimeout(250);
      await page.keyboard.press('Enter');
      const typed = (await wb(page, (w) => w.text())).split('\n').find((l) => l.includes('short_t'));
      expect(typed).toBe('    short_text: ');
      // Hover help on a key (the editor draws only the lines in view: find it first).
      await find(page, 'higher_is: worse');
      await page.locator('.cm-line', { hasText: 'higher_is: worse' }).locator('text=higher_is').hover();
      const tip = page.locator('.cm-tooltip-hover .wb-help');
      await tip.waitFor();
      expect(await tip.textContent()).toContain('one of: better, worse');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs the playtest figures (stats and balance) in the worker and shows them as tables', async () => {
    const { page, context, errors } = await openAuthor();
    try {
      await page.click('#tab-figures');
      expect(await page.inputValue('#stats-runs')).toBe('500');
      expect(await page.inputValue('#balance-runs')).toBe('300');
      await page.fill('#stats-runs', '60');
      await page.fill('#balance-runs', '20');
      await page.click('#figures-run');
      await page.waitForSelector('#figures .wb-seat', { timeout: 120_000 });
      expect(await page.textContent('#figures-status')).toContain('Figures ready for 1 seat');
      const captions = await page.locator('#figures caption').allTextContents();
      expect(captions).toEqual(
        expect.arrayContaining([
          'Endings reached',
          'Meters at the end',
          'Targets',
          expect.stringMatching(/^Final objectives score \(0–100\), 20 runs per policy$/),
        ]),
      );
      // Every run ends somewhere: the endings' runs add up to the runs played.
      const endings = await page
        .locator('#figures table')
        .first()
        .locator('tbody tr td:nth-child(2)')
        .allTextContents();
      expect(endings.map(Number).reduce((a, b) => a + b, 0)).toBe(60);
      // Headings and cells keep their words whole: a column too narrow scrolls with its table.
      expect(await wordsBroken(page, '#figures .wb-table')).toEqual([]);
      expect(describeViolations(await axe(page))).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says when the browser keeps nothing, and still checks and plays', async () => {
    const { page, context, errors } = await openAuthor({
      init: () => {
        Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      },
    });
    try {
      expect(await wb(page, (w) => w.storage)).toBe('none');
      expect(await page.isVisible('#storage-note')).toBe(true);
      expect(await page.textContent('#storage-note')).toContain('does not keep your text');
      expect(await page.textContent('#keep-status')).toBe('Not kept in this browser');
      await page.click('#tab-play');
      await page.waitForSelector('#play-view [data-status="playing"]');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens and saves files without the File System Access API, and starts again from the template', async () => {
    const { page, context, errors } = await openAuthor({
      init: () => {
        const w = window as unknown as Record<string, unknown>;
        delete w.showOpenFilePicker;
        delete w.showSaveFilePicker;
      },
    });
    try {
      const tutorial = readFileSync(TUTORIAL, 'utf8');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open')]);
      await chooser.setFiles(TUTORIAL);
      await page.waitForFunction(() => document.getElementById('file-name')?.textContent === 'tutorial.yaml');
      expect(await wb(page, (w) => w.text())).toBe(tutorial);
      await checked(page);
      expect(await wb(page, (w) => w.errors)).toBe(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
      expect(download.suggestedFilename()).toBe('tutorial.yaml');
      const path = await download.path();
      expect(readFileSync(path, 'utf8')).toBe(tutorial);
      expect(await page.textContent('#notice')).toContain('download tutorial.yaml');
      await page.click('#new');
      expect(await wb(page, (w) => w.text())).toBe(TEMPLATE);
      expect(await page.textContent('#file-name')).toBe('new-scenario.yaml');
      // Undo brings back the file's text.
      await page.locator('.cm-content').press('Control+z');
      expect(await wb(page, (w) => w.text())).toBe(tutorial);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('stacks on a phone (390×844) with nothing sideways, and axe finds nothing serious', async () => {
    const { page, context, errors } = await openAuthor({ viewport: PHONE });
    try {
      const boxes = await page.evaluate(() => {
        const box = (s: string) => document.querySelector(s)?.getBoundingClientRect();
        return { editor: box('.wb-editor'), side: box('.wb-side'), width: document.documentElement.scrollWidth };
      });
      expect(boxes.width).toBeLessThanOrEqual(PHONE.width);
      expect((boxes.side?.top ?? 0) >= (boxes.editor?.bottom ?? 1)).toBe(true);
      // An error, then play, as on the desktop.
      await find(page, 'title: A request arrives');
      await page.keyboard.press('ArrowLeft');
      for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('titel');
      await checked(page);
      await page.locator('.wb-side').scrollIntoViewIfNeeded();
      await shot(page, 'error');
      expect(describeViolations(await axe(page))).toBe('');
      for (let i = 0; i < 10 && (await wb(page, (w) => w.text())) !== TEMPLATE; i++) {
        await page.locator('.cm-content').press('Control+z');
      }
      expect(await wb(page, (w) => w.text())).toBe(TEMPLATE);
      await checked(page);
      expect(await wb(page, (w) => w.errors)).toBe(0);
      await page.click('#tab-play');
      await page.waitForSelector('#play-view [data-status="playing"]');
      await page.click('#play-view [data-choice="send_to_council"]');
      await page.waitForSelector('#play-view [data-vote]');
      await page.locator('#panel-play').scrollIntoViewIfNeeded();
      await shot(page, 'play');
      expect(describeViolations(await axe(page))).toBe('');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is precached for offline use, and the game’s first load fetches nothing of it', async () => {
    // The service worker's precache lists the page and everything it loads, its worker included.
    const sw = await (await fetch(`${site.url}sw.js`)).text();
    const html = await (await fetch(`${site.url}author.html`)).text();
    const own = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
    expect(own.length).toBeGreaterThan(1);
    for (const f of own) expect(sw).toContain(`"${f}"`);
    expect(sw).toContain('"author.html"');
    expect(sw).toMatch(/"assets\/engine\.worker-[^"]+\.js"/);
    expect(sw).toMatch(/"assets\/editor-[^"]+\.js"/);

    // The game: every request it makes until its title is usable, none of them the Author page's.
    const before = site.requests.length;
    const { page, context, errors } = await openPage(site, { viewport: DESKTOP });
    try {
      await page.waitForTimeout(500);
      const requests = site.requests.slice(before).filter((u) => u.startsWith(`${site.origin}${BASE_PATH}`));
      expect(requests.some((u) => u.includes('/assets/index-'))).toBe(true);
      const scripts = requests.filter((u) => u.endsWith('.js'));
      for (const u of scripts) {
        expect(u).not.toMatch(/\/(author|editor|engine\.worker)-/);
        const code = await (await fetch(u)).text();
        expect(code.includes('cm-content'), `${u} carries CodeMirror`).toBe(false);
        expect(code.includes('__workbench'), `${u} carries the Author page`).toBe(false);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
    expect(site.requests.some((u) => u.endsWith('author.html'))).toBe(true);
  });
});
