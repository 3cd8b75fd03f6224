/**
 * Scenario text that misbehaves, opened through the title's "Open a scenario file": an unclosed
 * right-to-left override (U+202E) and a word with no break (3,500 characters in a step's text, the
 * most the format allows there; 120–250 in the title, a seat, a choice label and a source title). The game's own text beside them (dates, labels) still reads
 * left to right, and nothing makes the page scroll sideways, on screen or in print.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, openSite, ROOT, type Site, waitScreen } from './harness';
import { playOn, tabAndEnter } from './keyboard';

const RLO = '\\u202E';
/** A word with no break, as long as each field allows (the format caps a step's text at 4,000 characters). */
const word = (n: number) => 'Lorvanborder'.repeat(Math.ceil(n / 12)).slice(0, n);
const WORD = word(3500);
const SHORT = word(120);
let site: Site;
let dir: string;

/** The tutorial with an unclosed RLO and a 5,000-character word in five kinds of text. */
function hostileTutorial(): string {
  const edits: [string, string][] = [
    ['title: "Karvenia 2025 (fictional): raiders on the border"', `title: "Karvenia 2025 ${RLO}raiders ${SHORT}"`],
    ["    title: The alliance's Secretary-General", `    title: "Secretary-General ${RLO}of ${SHORT}"`],
    ['        label: Send observers before deciding', `        label: "Send observers ${RLO}first ${SHORT}"`],
    [
      '    title: "Statement of the Government of Karvenia on the events at the Tarsk crossing"',
      `    title: "Statement of Karvenia ${RLO}on Tarsk ${word(250)}"`,
    ],
    [
      "      Armed men crossed the border at Tarsk overnight and burned the customs post. Karvenia's",
      `      Armed men ${RLO}crossed ${WORD} the border at Tarsk overnight and burned the customs post. Karvenia's`,
    ],
  ];
  let text = readFileSync(join(ROOT, 'tests', 'fixtures', 'tutorial.yaml'), 'utf8');
  for (const [from, to] of edits) {
    if (text.split(from).length !== 2) throw new Error(`"${from}" is not in the fixture once`);
    text = text.replace(from, to);
  }
  return text;
}

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
  dir = mkdtempSync(join(tmpdir(), 'article-four-hostile-'));
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Where the words of `phrase` are drawn, left to right, inside the first element matching
 * `selector` whose text contains it: measured with a DOM Range on each word's characters.
 */
async function wordLefts(page: Page, selector: string, phrase: string): Promise<number[]> {
  return page.evaluate(
    ([sel, want]) => {
      for (const el of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const data = n.textContent ?? '';
          const at = data.indexOf(want);
          if (at < 0) continue;
          let offset = at;
          return want.split(' ').map((word) => {
            const range = document.createRange();
            range.setStart(n, offset);
            range.setEnd(n, offset + word.length);
            offset += word.length + 1;
            return range.getBoundingClientRect().left;
          });
        }
      }
      throw new Error(`"${want}" is not in ${sel}`);
    },
    [selector, phrase] as const,
  );
}

function increasing(xs: number[]): boolean {
  return xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));
}

/** Nothing scrolls sideways: neither the page nor the panel. */
async function sideways(page: Page): Promise<{ page: number; width: number; panel: number; panelWidth: number }> {
  return page.evaluate(() => {
    const main = document.getElementById('main') as HTMLElement;
    return {
      page: document.scrollingElement?.scrollWidth ?? 0,
      width: window.innerWidth,
      panel: main.scrollWidth,
      panelWidth: main.clientWidth,
    };
  });
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const s = await sideways(page);
  expect(s.page, `${where}: page ${s.page} px wide in a ${s.width} px window`).toBeLessThanOrEqual(s.width);
  expect(s.panel, `${where}: panel ${s.panel} px wide in ${s.panelWidth} px`).toBeLessThanOrEqual(s.panelWidth + 1);
}

describe('scenario text that misbehaves', () => {
  it('keeps the game’s own text in order beside an unclosed RLO, and wraps a 3,500-character word', async () => {
    const file = join(dir, 'hostile-text.yaml');
    writeFileSync(file, hostileTutorial());
    const { page, context, errors } = await openPage(site, { query: '?seed=7' });
    try {
      await page.locator('#main [data-action="open-file"]').setInputFiles(file);
      await page.waitForFunction(() =>
        ['seats', 'scenario-errors'].includes(document.getElementById('app')?.dataset.screen ?? ''),
      );
      expect(await page.locator('#main .scenario-error').allTextContents()).toEqual([]);
      await waitScreen(page, 'seats', '[data-role="secretary_general"]');
      // The kicker reads "TITLE · 3 March 2025 – 20 March 2025": the dates stay left to right.
      expect(increasing(await wordLefts(page, '#main .kicker', '3 March 2025 – 20 March 2025'))).toBe(true);
      await expectNoSidewaysScroll(page, 'seats');

      await tabAndEnter(page, '[data-role="secretary_general"]');
      await waitScreen(page, 'briefing');
      await expectNoSidewaysScroll(page, 'briefing');
      await tabAndEnter(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      // The top bar: "SEAT · 3 March 2025" after a seat title with an unclosed override.
      expect(increasing(await wordLefts(page, '#topbar', '3 March 2025'))).toBe(true);
      const bidi = await page.evaluate(() => {
        const kicker = document.querySelector('#topbar .topbar-case span');
        return { text: kicker?.textContent ?? '', direction: kicker ? getComputedStyle(kicker).direction : '' };
      });
      expect(bidi.text).toContain('\u202E');
      expect(bidi.direction).toBe('ltr');
      await expectNoSidewaysScroll(page, 'play');
      // The choice labels: the option's number is still drawn before its label.
      const label = await page.evaluate(() => {
        const b = document.querySelector<HTMLElement>('#main [data-choice="send_observers"]');
        const key = b?.querySelector('.key, kbd')?.getBoundingClientRect().left ?? 0;
        return { key, width: b?.scrollWidth ?? 0, client: b?.clientWidth ?? 0 };
      });
      expect(label.width).toBeLessThanOrEqual(label.client + 1);

      await playOn(page, { choose: () => 0, lobby: true });
      await waitScreen(page, 'debrief');
      await expectNoSidewaysScroll(page, 'debrief');
      // Every decision's whole story, sources included, open as in print.
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      const printed = await sideways(page);
      expect(printed.page, `printed report ${printed.page} px wide`).toBeLessThanOrEqual(printed.width);
      await page.emulateMedia({ media: 'screen' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
