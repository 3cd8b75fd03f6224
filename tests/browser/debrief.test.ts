/**
 * The debrief opens on one screen: for every bundled case from every seat, what shows before any
 * click (collapsed <details> left out) is at most 800 words (each seat's run played by the engine
 * and opened from storage, as a reload there would: playthrough.test.ts plays by keyboard), and holds the ending, the seat's score
 * and the path beside history as a table; a decision's whole story, sources included, is one Enter
 * away; a quote in another language shows its translation; no step, option or result id shows
 * (labels and texts only; what prints is print.test.ts). The Glossary opens from the top bar
 * mid-run and from the briefing, and Back returns to the same place.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundledScenario } from '../helpers';
import {
  ARTIFACTS,
  bundledCases,
  expectAccessible,
  foreignRequests,
  openPage,
  openSite,
  type Site,
  waitScreen,
} from './harness';
import { playOn, startRun, tabAndEnter } from './keyboard';
import { idsIn, readableIds, visibleText } from './print-helpers';
import { finishedRun, openDebrief } from './saved-run';
import { wordsBroken } from './words-whole';

const cases = bundledCases();
const MAX_WORDS = 800;
/** Set DEBRIEF_SHOTS to a folder to get a copy of the screenshots there too. */
const SHOTS = process.env.DEBRIEF_SHOTS;
let site: Site;

beforeAll(async () => {
  site = await openSite(inject('siteOrigin'), { map: false });
});

afterAll(async () => {
  await site?.close();
});

interface FirstScreen {
  /** Words shown before any click: every visible text in the panel, collapsed <details> left out. */
  words: number;
  /** Of those, the words inside the first viewport (the panel scrolled to the top). */
  inViewport: number;
  /** How tall the panel's content is, in CSS pixels. */
  height: number;
}

/** Counts the words a reader sees on the debrief before clicking or expanding anything. */
async function firstScreen(page: Page): Promise<FirstScreen> {
  return page.evaluate(() => {
    const main = document.getElementById('main') as HTMLElement;
    main.scrollTop = 0;
    const hiddenByDetails = (node: Node): boolean => {
      for (let el = node.parentElement; el && el !== main; el = el.parentElement) {
        const details = el.closest('details');
        if (!details || !main.contains(details)) return false;
        if (!details.open) {
          const summary = details.querySelector(':scope > summary');
          if (!summary?.contains(node)) return true;
        }
        el = details;
      }
      return false;
    };
    const seen = (el: Element): boolean => {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true })) {
        return false;
      }
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    const viewport = { top: main.getBoundingClientRect().top, bottom: window.innerHeight };
    let words = 0;
    let inViewport = 0;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || hiddenByDetails(n) || !seen(parent)) continue;
      const count = (n.textContent ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (count === 0) continue;
      words += count;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()];
      if (rects.some((r) => r.bottom > viewport.top && r.top < viewport.bottom)) inViewport += count;
    }
    return { words, inViewport, height: main.scrollHeight };
  });
}

const counts: string[] = [];

describe('the debrief opens on one screen', () => {
  for (const c of cases) {
    const s = bundledScenario(c.id);
    c.roles.forEach((role, seat) => {
      it(`${c.id} as ${role.id}: at most ${MAX_WORDS} words before any click; the whole story one Enter away`, async () => {
        const { page, context, errors } = await openPage(site);
        try {
          const run = finishedRun(s, role.id, 101 + seat, {
            choose: (turn, n) => (turn + seat) % n,
            lobby: seat % 2 === 1,
          });
          await openDebrief(page, site, run);
          const first = await firstScreen(page);
          counts.push(
            `${c.id} / ${role.id}: ${first.words} words (${first.inViewport} in the first view), ${first.height}px`,
          );
          expect(first.words).toBeLessThanOrEqual(MAX_WORDS);

          // The ending, the seat's score and the path beside history are on the first screen.
          const summary = await page.evaluate(() => {
            const main = document.getElementById('main') as HTMLElement;
            return {
              ending: main.querySelector('[data-debrief="ending"]')?.textContent ?? '',
              score: main.querySelector('[data-debrief="score"]')?.textContent ?? '',
              rows: main.querySelectorAll('[data-debrief="path"] tbody tr').length,
              decisions: main.querySelectorAll('.decision').length,
              replays: main.querySelectorAll('[data-replay]').length,
              closed: main.querySelectorAll('.decision details:not([open])').length,
            };
          });
          expect(summary.ending).toMatch(/\S/);
          expect(summary.score).toMatch(/\d+\D+\d+.*100/);
          expect(summary.rows).toBe(summary.decisions);
          expect(summary.replays).toBe(summary.decisions);
          expect(summary.closed).toBe(summary.decisions);

          // One Enter on a decision's summary opens its whole story, sources and all.
          const turn = await page.evaluate(
            () =>
              document.querySelector<HTMLElement>('#main .decision[data-sources]:not([data-sources="0"])')?.dataset
                .turn ?? null,
          );
          expect(turn, 'a decision with sources').not.toBeNull();
          const selector = `.decision[data-turn="${turn}"] summary`;
          await page.focus(`#main ${selector}`);
          await page.keyboard.press('Enter');
          const opened = await page.evaluate((t) => {
            const li = document.querySelector<HTMLElement>(`#main .decision[data-turn="${t}"]`);
            const details = li?.querySelector('details');
            const sources = [...(li?.querySelectorAll('.source-list li') ?? [])].filter((x) =>
              (x as HTMLElement).checkVisibility(),
            );
            return { open: details?.open ?? false, sources: sources.length, want: Number(li?.dataset.sources) };
          }, turn);
          expect(opened.open).toBe(true);
          expect(opened.sources).toBe(opened.want);

          // The decision's title in the table opens its story too, and focus goes to it.
          const other = await page.evaluate(
            () => document.querySelector<HTMLElement>('#main .decision:has(details:not([open]))')?.dataset.turn ?? null,
          );
          if (other) {
            await page.click(`#main [data-story="${other}"]`);
            const story = await page.evaluate((t) => {
              const details = document.querySelector<HTMLDetailsElement>(`#main .decision[data-turn="${t}"] details`);
              return {
                open: details?.open ?? false,
                focused: document.activeElement === details?.querySelector('summary'),
              };
            }, other);
            expect(story).toEqual({ open: true, focused: true });
          }

          // Every quote with a translation shows the original and the translation, labelled.
          await page.evaluate(() => {
            for (const d of document.querySelectorAll<HTMLDetailsElement>('#main .decision details')) d.open = true;
          });
          const quotes = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('#main .decision blockquote')].map((q) => ({
              original: q.querySelector('.quote-original')?.textContent ?? '',
              translation: q.querySelector('.quote-translation')?.textContent ?? null,
              visible: (q.querySelector('.quote-translation') as HTMLElement | null)?.checkVisibility() ?? false,
            })),
          );
          const want = s.steps.flatMap((x) => x.history?.quotes ?? []).filter((q) => q.translation);
          for (const q of quotes.filter((x) => x.translation !== null)) {
            expect(q.visible).toBe(true);
            expect(q.translation).toMatch(/^English translation/);
            const source = want.find((w) => q.original.includes(w.text));
            expect(source, `a quote with a translation: ${q.original}`).toBeDefined();
            expect(q.translation).toContain(source?.translation);
          }
          // No step, option or result id where a person reads, every story open (labels and texts only).
          expect(idsIn(await visibleText(page), readableIds(s))).toEqual([]);
          if (c.id === 'kyrgyzstan-2010' && role.id === 'alliance') {
            // Lukashenko's words (second decision from this seat): the Russian and the English.
            const lukashenko = quotes.find((q) => q.original.includes('Тишина, ноль'));
            expect(lukashenko?.translation).toContain('Silence, zero');
          }
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    });
  }

  afterAll(() => {
    console.log(`Debrief, words before any click:\n${counts.join('\n')}`);
  });
});

describe('the glossary', () => {
  const c = cases.find((x) => x.id === 'kazakhstan-2022') ?? cases[0];
  if (!c) throw new Error('no bundled case');
  const terms = bundledScenario(c.id).teacher.glossary.map((g) => g.term);

  it('opens from the top bar mid-run, lists the terms A–Z, and Back returns to the same decision', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=3' });
    try {
      await startRun(page, c.id, c.roles[0]?.id ?? '');
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 3 });
      const before = await page.evaluate(() => ({
        step: document.querySelector<HTMLElement>('#main [data-step]')?.dataset.step ?? null,
        kicker: document.querySelector('#main .kicker')?.textContent ?? null,
      }));
      expect(before.step).not.toBeNull();
      await tabAndEnter(page, '#topbar [data-action="glossary"]');
      await waitScreen(page, 'glossary');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('glossary-heading');
      const listed = await page.$$eval('#main dl.glossary dt', (dts) => dts.map((d) => d.textContent ?? ''));
      expect([...listed].sort()).toEqual([...terms].sort());
      expect(listed).toEqual([...listed].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
      await expectAccessible(page, 'glossary');
      await tabAndEnter(page, '#main [data-action="back"]');
      await waitScreen(page, 'play');
      const after = await page.evaluate(() => ({
        step: document.querySelector<HTMLElement>('#main [data-step]')?.dataset.step ?? null,
        kicker: document.querySelector('#main .kicker')?.textContent ?? null,
      }));
      expect(after).toEqual(before);
      // The run goes on from there.
      await playOn(page, { choose: () => 0, lobby: false });
      await waitScreen(page, 'debrief');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens from the briefing and goes back to it', async () => {
    const { page, context, errors } = await openPage(site);
    try {
      await tabAndEnter(page, '[data-action="new"]');
      await tabAndEnter(page, `[data-case="${c.id}"]`);
      await tabAndEnter(page, `[data-role="${c.roles[1]?.id ?? c.roles[0]?.id}"]`);
      await waitScreen(page, 'briefing');
      await tabAndEnter(page, '#main [data-action="glossary"]');
      await waitScreen(page, 'glossary');
      expect(await page.locator('#main dl.glossary dt').count()).toBe(terms.length);
      expect(await page.locator('#topbar').isHidden()).toBe(true);
      await tabAndEnter(page, '#main [data-action="back"]');
      await waitScreen(page, 'briefing');
      expect(await page.locator('#main h1').textContent()).toBe(c.roles[1]?.title ?? c.roles[0]?.title);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('screenshots', () => {
  const c = cases.find((x) => x.id === 'kyrgyzstan-2010') ?? cases[0];
  if (!c) throw new Error('no bundled case');
  // A phone, where the panel covers the map (so the map is off). At 1366×768 and 1920×1080, with
  // the map, screens.test.ts takes the same pictures and makes the same checks in its walk.
  const viewport = { width: 390, height: 844 };
  it(`the debrief and the glossary at ${viewport.width}×${viewport.height}`, async () => {
    const { page, context } = await openPage(site, { viewport, query: '?seed=101', reducedMotion: true });
    const shot = async (name: string) => {
      const file = join(ARTIFACTS, `${name}-${viewport.width}x${viewport.height}.png`);
      await page.screenshot({ path: file });
      if (SHOTS) {
        if (!existsSync(SHOTS)) mkdirSync(SHOTS, { recursive: true });
        copyFileSync(file, join(SHOTS, `${name}-${viewport.width}x${viewport.height}.png`));
      }
    };
    try {
      await startRun(page, c.id, c.roles[0]?.id ?? '');
      await playOn(page, { choose: (turn, n) => turn % n, lobby: false }, { stopAtTurn: 2 });
      await tabAndEnter(page, '#topbar [data-action="glossary"]');
      await waitScreen(page, 'glossary');
      await shot('glossary');
      await tabAndEnter(page, '#main [data-action="back"]');
      await playOn(page, { choose: (turn, n) => turn % n, lobby: false });
      await waitScreen(page, 'debrief');
      await page.waitForTimeout(300);
      await shot('debrief');
      // No word split over two lines anywhere in the debrief: the path table's, and a decision's
      // number beside a long title ("7." stood "7" above ".").
      expect(await wordsBroken(page, '#main')).toEqual([]);
      await expectAccessible(page, `debrief at ${viewport.width}×${viewport.height}`);
      // One decision opened, scrolled into view.
      await page.locator('#main .decision summary').nth(1).click();
      await page.locator('#main .decision').nth(1).scrollIntoViewIfNeeded();
      await shot('debrief-story');
      await expectAccessible(page, `debrief with a story open at ${viewport.width}×${viewport.height}`);
      await page.evaluate(() => {
        const main = document.getElementById('main') as HTMLElement;
        main.scrollTop = main.scrollHeight;
      });
      await shot('debrief-end');
    } finally {
      await context.close();
    }
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});
