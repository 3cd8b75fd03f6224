/**
 * Every screen of a class lesson at 1366×768 and 1920×1080 with the map: an axe-core audit (no
 * serious or critical violation), a visible focus on every Tab stop, and a screenshot in
 * artifacts/screens/; a result's ledger and the ending's table of numbers keep each word whole; the ending comes before the debrief, whose path table keeps each word whole
 * and whose decisions open to their stories (the phone's size is in debrief.test.ts).
 * Also: settings are remembered between visits, and high contrast passes the audit too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  axe,
  bundledCases,
  describeViolations,
  focusVisible,
  foreignRequests,
  openPage,
  openSite,
  type Site,
  shoot,
  VIEWPORTS,
  waitReady,
  waitScreen,
  waitWorld,
} from './harness';
import { chooseLength, playOn, pressAndWait, startRun, tabAndEnter } from './keyboard';
import { wordsBroken } from './words-whole';

const cases = bundledCases();
let site: Site;

beforeAll(async () => {
  site = await openSite(inject('siteOrigin'));
});

afterAll(async () => {
  await site?.close();
});

/** Audits the page, checks focus on the first few Tab stops, and takes the screenshot. */
async function check(page: Page, name: string): Promise<void> {
  // Let the map finish moving before the picture.
  await page.waitForFunction(
    () => {
      const s = (
        window as unknown as { __articleFour: { stats(): { world: { map: { moving: boolean } | null } | null } } }
      ).__articleFour.stats();
      return !s.world?.map?.moving;
    },
    null,
    { timeout: 120_000 },
  );
  await shoot(page, name);
  const violations = await axe(page);
  expect(violations, `${name}: ${describeViolations(violations)}`).toEqual([]);
}

async function tabStopsVisible(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('Tab');
    // Past the last control focus leaves the page for the browser's own UI: nothing to see there.
    if (await page.evaluate(() => document.activeElement === document.body)) continue;
    const visible = await focusVisible(page);
    const what = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    expect(visible, `focus not visible on ${what}`).toBe(true);
  }
}

/** Plays until the panel shows a step of the given kind (or the run ends). */
async function playUntil(page: Page, selector: string): Promise<boolean> {
  for (let i = 0; i < 80; i++) {
    if ((await page.locator(`#main ${selector}`).count()) > 0) return true;
    const screen = await page.evaluate(() => document.getElementById('app')?.dataset.screen);
    if (screen !== 'play') return false;
    const key = await page.evaluate(() => {
      const main = document.getElementById('main') as HTMLElement;
      return (
        main.querySelector<HTMLElement>('[data-continue]')?.dataset.key ??
        main.querySelector<HTMLElement>('[data-choice]')?.dataset.key ??
        main.querySelector<HTMLElement>('[data-vote]')?.dataset.key ??
        '1'
      );
    });
    // Enter presses whatever has the focus (this test tabs through controls): tab to Continue first.
    if (key === 'Enter') await tabAndEnter(page, '[data-continue]');
    else await pressAndWait(page, key);
  }
  return false;
}

/** A class's laptop and a projector. */
const SIZES = { laptop: { width: 1366, height: 768 }, projector: VIEWPORTS.projector };

for (const [label, viewport] of Object.entries(SIZES)) {
  describe(`every screen at ${viewport.width}×${viewport.height}`, () => {
    const c = cases.find((x) => x.id === 'kazakhstan-2022') ?? cases[0];
    if (!c) throw new Error('no bundled case');
    const role = c.roles[0]?.id ?? '';

    it(`title, cases, seats, briefing, steps, glossary, council, result, ending, debrief (${label})`, async () => {
      // Reduced motion (the system setting): pictures of settled screens, without waiting on animations.
      const { page, context, errors } = await openPage(site, { viewport, query: '?seed=3', reducedMotion: true });
      try {
        await waitWorld(page);
        await check(page, '01-title');
        await tabStopsVisible(page, 3);
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Shift+Tab');
        await tabAndEnter(page, '[data-action="new"]');
        await waitScreen(page, 'cases');
        await page.focus(`#main [data-case="${c.id}"]`);
        await check(page, '02-cases');
        await tabAndEnter(page, `[data-case="${c.id}"]`);
        await waitScreen(page, 'seats');
        await check(page, '03-seats');
        // The class lesson, as a class plays it: every kind of screen, in fewer decisions.
        await chooseLength(page, 'class');
        await tabAndEnter(page, `[data-role="${role}"]`);
        await waitScreen(page, 'briefing');
        await check(page, '04-briefing');
        await tabAndEnter(page, '[data-action="begin"]');
        await waitScreen(page, 'play');
        await check(page, '05-step');
        await tabStopsVisible(page, 4);
        // The glossary from the top bar, mid-run, and Back to the same step.
        const step = await page.evaluate(() => document.querySelector<HTMLElement>('#main [data-step]')?.dataset.step);
        await tabAndEnter(page, '#topbar [data-action="glossary"]');
        await waitScreen(page, 'glossary');
        await check(page, '05-glossary');
        await tabAndEnter(page, '#main [data-action="back"]');
        await waitScreen(page, 'play', `[data-step="${step}"]`);
        if (await playUntil(page, '[data-choice]')) await check(page, '06-choices');
        await pressAndWait(page, '1');
        if ((await page.locator('#main [data-result]').count()) > 0) {
          await check(page, '07-result');
          // The ledger keeps its meters' names whole ("government's", not "government" above "'s").
          expect(await wordsBroken(page, '#main .ledger')).toEqual([]);
        }
        if (await playUntil(page, '[data-vote]')) {
          await check(page, '08-council');
          const lobby = await page.locator('#main [data-lobby]').first().getAttribute('data-key');
          if (lobby) {
            await pressAndWait(page, lobby);
            await check(page, '09-council-lobbied');
          }
          const vote = (await page.locator('#main [data-vote]').getAttribute('data-key')) ?? '1';
          await pressAndWait(page, vote);
          await check(page, '10-verdict');
        }
        await playOn(page, { choose: () => 0, lobby: false }, { stopAtEnding: true });
        await waitScreen(page, 'ending');
        await check(page, '11-ending');
        expect(await page.locator('#main .chart').count()).toBeGreaterThan(0);
        // The charts' numbers, opened: a word or a number stays whole ("Decision", "55").
        await page.locator('#main details:has(.data-table) summary').click();
        expect(await wordsBroken(page, '#main .data-table')).toEqual([]);
        await tabAndEnter(page, '[data-continue]');
        await waitScreen(page, 'debrief');
        await check(page, '12-debrief');
        expect(await wordsBroken(page, '#main .path-table')).toEqual([]);
        // A decision opened to its story, scrolled into view; then the foot of the debrief.
        await page.locator('#main .decision summary').nth(1).click();
        await page.locator('#main .decision').nth(1).scrollIntoViewIfNeeded();
        await check(page, '12-debrief-story');
        await page.evaluate(() => {
          const main = document.getElementById('main') as HTMLElement;
          main.scrollTop = main.scrollHeight;
        });
        await shoot(page, '12-debrief-end');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 900_000);
  });
}

describe('settings and credits', () => {
  it('settings apply at once, pass the audit in high contrast, and are remembered', async () => {
    const { page, context } = await openPage(site);
    try {
      await tabAndEnter(page, '[data-action="settings"]');
      await waitScreen(page, 'settings');
      await check(page, '13-settings');
      // A radio group is one Tab stop; arrows move within it.
      await tabTo_(page, 'input[name="text-size"]');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await tabTo_(page, '#set-motion');
      await page.keyboard.press('Space');
      await tabTo_(page, '#set-contrast');
      await page.keyboard.press('Space');
      const applied = await page.evaluate(() => ({
        size: document.documentElement.dataset.textSize,
        motion: document.documentElement.classList.contains('reduced-motion'),
        contrast: document.documentElement.classList.contains('high-contrast'),
      }));
      expect(applied).toEqual({ size: 'larger', motion: true, contrast: true });
      await check(page, '14-settings-high-contrast');
      await page.reload();
      await waitReady(page);
      expect(
        await page.evaluate(() => ({
          size: document.documentElement.dataset.textSize,
          motion: document.documentElement.classList.contains('reduced-motion'),
          contrast: document.documentElement.classList.contains('high-contrast'),
        })),
      ).toEqual(applied);
      // The reload stays on the settings screen (its address); back to the title for a run.
      await waitScreen(page, 'settings');
      await page.goto(`${site.url}#/`);
      await waitReady(page);
      await waitScreen(page, 'title');
      // A run in high contrast, larger text, without motion.
      const c0 = cases[0];
      if (c0) {
        await startRun(page, c0.id, c0.roles[0]?.id ?? '');
        await waitWorld(page);
        await check(page, '15-step-high-contrast');
      }
    } finally {
      await context.close();
    }
  });

  it('sources and credits', async () => {
    const { page, context } = await openPage(site, { map: false });
    try {
      await tabAndEnter(page, '[data-action="credits"]');
      await waitScreen(page, 'credits');
      await check(page, '16-credits');
      expect(await page.locator('#main .source-list li').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});

async function tabTo_(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
