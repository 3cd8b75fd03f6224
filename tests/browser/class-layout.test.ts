/**
 * Class mode on the screens a class uses (issue 12): at 390×844, 1366×768 and 1920×1080 (each
 * also with Larger text) and 1024×768 nothing overflows the viewport sideways and axe finds no
 * serious or critical problem at a choice and at the Council; the room's controls (the countdown
 * and the button that takes the room's choice, or calls the Council's vote) and the top bar's
 * buttons are inside the viewport when the decision renders; no meter is hidden under the top bar or the panel; the choice and the
 * Council's members keep their words whole; the result shows the room's vote and its reasons.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StorageKey } from '../../src/ui/keys';
import type { TextSize } from '../../src/ui/settings';
import {
  clickAndRender,
  expectAccessible,
  foreignRequests,
  openPage,
  openSite,
  type Site,
  shoot,
  waitReady,
  waitScreen,
} from './harness';
import { pressAndWait } from './keyboard';
import { wordsBroken } from './words-whole';

let site: Site;
beforeAll(async () => {
  // The layout with the gauges in the panel, as before the map is drawn (the longer panel): with
  // the map on, when it was drawn depended on the test's pauses.
  site = await openSite(inject('siteOrigin'), { map: false });
});
afterAll(async () => {
  await site?.close();
});

const SIZES: { name: string; width: number; height: number; text?: TextSize }[] = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'projector', width: 1920, height: 1080 },
  // Larger text on a laptop driving the projector: one column (two were a dozen letters wide);
  // on a phone, the player's own text size (125 % of Larger left 13em of panel).
  { name: 'laptop-larger-text', width: 1366, height: 768, text: 'larger' },
  { name: 'phone-larger-text', width: 390, height: 844, text: 'larger' },
  // Larger text on a projector: the top bar's phases give way to its buttons (they pushed "Save
  // and exit" 61 px off the screen).
  { name: 'projector-larger-text', width: 1920, height: 1080, text: 'larger' },
];

/** Widths wider than the viewport, and the room's controls outside it. */
async function measure(page: Page, controls: string) {
  return page.evaluate((sel) => {
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const main = document.getElementById('main') as HTMLElement;
    const outside = [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.top < 0 || r.bottom > vh || r.left < 0 || r.right > vw;
      })
      .map((e) => e.outerHTML.slice(0, 80));
    return {
      page: document.documentElement.scrollWidth - vw,
      panel: main.scrollWidth - main.clientWidth,
      outside,
    };
  }, controls);
}

/**
 * The meters beside the panel (the map off) where the top bar, the panel or the screen's edge hides
 * part of them: their box, or null. In the panel's flow (src/ui/meters-place.ts) they scroll with it.
 */
async function metersHidden(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const meters = document.querySelector<HTMLElement>('#main .meters');
    if (!meters || getComputedStyle(meters).position !== 'fixed') return null;
    const bar = document.getElementById('topbar') as HTMLElement;
    const top = bar.hidden ? 0 : bar.getBoundingClientRect().bottom;
    const panelLeft = (document.getElementById('main') as HTMLElement).getBoundingClientRect().left;
    const r = meters.getBoundingClientRect();
    return r.top < top || r.bottom > window.innerHeight || r.right > panelLeft
      ? `meters ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}, top bar to ${Math.round(top)}, panel from ${Math.round(panelLeft)}`
      : null;
  });
}

async function toClassRun(page: Page): Promise<void> {
  await clickAndRender(page, '[data-action="new"]');
  await clickAndRender(page, '[data-case="kazakhstan-2022"]');
  await waitScreen(page, 'seats');
  await page.check('#class-mode');
  await clickAndRender(page, '[data-role="chair"]');
  await waitScreen(page, 'briefing');
  await clickAndRender(page, '[data-action="begin"]');
  await waitScreen(page, 'play');
}

describe('class mode on phones, tablets, laptops and projectors', () => {
  for (const size of SIZES) {
    it(`${size.name} ${size.width}×${size.height}: no sideways overflow; the room's controls in view; axe clean`, async () => {
      const { page, context, errors } = await openPage(site, {
        query: '?seed=3',
        reducedMotion: true,
        viewport: { width: size.width, height: size.height },
      });
      try {
        if (size.text) {
          await page.evaluate(
            ([key, text]) => localStorage.setItem(key, JSON.stringify({ map: false, textSize: text })),
            [StorageKey.Settings, size.text] as const,
          );
          await page.reload();
          await waitReady(page);
        }
        await toClassRun(page);
        for (let i = 0; i < 30 && (await page.locator('#main [data-class-option]').count()) === 0; i++) {
          await pressAndWait(page, 'Enter');
        }
        const choice = await measure(
          page,
          '#main .class-panel .countdown, #main [data-class-take], #topbar .topbar-actions .btn',
        );
        expect(choice.page, 'the page scrolls sideways at a choice').toBeLessThanOrEqual(0);
        expect(choice.panel, 'the panel scrolls sideways at a choice').toBeLessThanOrEqual(0);
        expect(choice.outside).toEqual([]);
        expect(await metersHidden(page)).toBeNull();
        expect(await wordsBroken(page, '#main')).toEqual([]);
        await expectAccessible(page, `class choice at ${size.name}`);
        await shoot(page, `class-choice-${size.name}`);

        // The room votes 12 / 7 / 3 with a reason, and the result says so.
        const options = page.locator(
          '#main [data-class-option] input[type="number"], #main [data-class-option] .tally-input',
        );
        const counts = [12, 7, 3];
        for (let i = 0; i < Math.min(3, await options.count()); i++) await options.nth(i).fill(String(counts[i]));
        await page.fill('#rationale', 'The room wants the leaders on the phone first.');
        await clickAndRender(page, '[data-class-take]');
        const room = (await page.textContent('#main [data-room-result]')) ?? '';
        expect(room).toMatch(/The room voted \(\d+ in all\)/);
        expect(room).toContain(': 12');
        expect(room).toContain('Why: The room wants the leaders on the phone first.');

        for (let i = 0; i < 40 && (await page.locator('#main [data-vote]').count()) === 0; i++) {
          if ((await page.locator('#main [data-class-take]').count()) > 0)
            await clickAndRender(page, '[data-class-take]');
          else await pressAndWait(page, 'Enter');
        }
        const council = await measure(
          page,
          '#main .class-panel .countdown, #main [data-vote], #topbar .topbar-actions .btn',
        );
        expect(council.page, 'the page scrolls sideways at the Council').toBeLessThanOrEqual(0);
        expect(council.panel, 'the panel scrolls sideways at the Council').toBeLessThanOrEqual(0);
        expect(council.outside).toEqual([]);
        expect(await metersHidden(page)).toBeNull();
        await expectAccessible(page, `class Council at ${size.name}`);
        // The members' cards keep their words whole ("President", "abstains"), and a member's
        // position is a one-line chip beside a name that wraps, not an oval as tall as the name.
        expect(await wordsBroken(page, '#main .lean-scale, #main .members')).toEqual([]);
        const tallChips = await page.$$eval('#main .member .position', (chips) =>
          chips.filter((c) => c.getBoundingClientRect().height > 3 * Number.parseFloat(getComputedStyle(c).fontSize)),
        );
        expect(tallChips.length).toBe(0);
        await shoot(page, `class-council-${size.name}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});
