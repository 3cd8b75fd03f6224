/**
 * A class lesson as a teacher runs it: on the seat screen the length is chosen (a control labelled
 * "Class lesson" with its measured time), then the case is played to the debrief with the
 * keyboard alone. The run takes 5–8 decisions with a Council vote, and the words the panel asks
 * the class to read (narrative, options, news, results and ledgers; not the meters, sources,
 * forecasts or hints, which are there to consult) stay within the lesson's budget.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundledCases, clickAndRender, openPage, openSite, type Site, shoot, waitScreen } from './harness';
import { pressAndWait, tabAndEnter } from './keyboard';

let site: Site;

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});
afterAll(async () => {
  await site?.close();
});

/** Words in the panel a player must read, once per screen. */
async function panelWords(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = (document.getElementById('main') as HTMLElement).cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll(
      'ul.meters, [data-forecast], .hint, .sources-inline, .kicker, kbd, .sr-only',
    ))
      el.remove();
    return (main.textContent ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  });
}

describe('the class lesson', () => {
  it.each(bundledCases().flatMap((c) => c.roles.map((r) => [c.id, r.id] as const)))(
    '%s from seat %s: chosen on the seat screen, 5–8 decisions with a Council vote, within its words',
    async (caseId, roleId) => {
      const { page, context, errors } = await openPage(site, { query: '?seed=11', reducedMotion: true });
      await tabAndEnter(page, '[data-action="new"]');
      await waitScreen(page, 'cases');
      await tabAndEnter(page, `[data-case="${caseId}"]`);
      await waitScreen(page, 'seats');
      // The control names the lesson and, once measured, its time.
      const lesson = page.locator('#main label', { hasText: 'Class lesson' });
      await expect
        .poll(() => lesson.textContent(), { timeout: 20_000 })
        .toMatch(/Class lesson · about \d+(–\d+)? min alone/);
      await page.locator('[data-length-choice="class"]').check();
      if (caseId === 'kazakhstan-2022' && roleId === 'chair') await shoot(page, 'seats-lengths');
      await clickAndRender(page, `[data-role="${roleId}"]`);
      await waitScreen(page, 'briefing');
      await clickAndRender(page, '[data-action="begin"]');
      await waitScreen(page, 'play');

      let words = 0;
      let decisions = 0;
      let votes = 0;
      for (let i = 0; i < 200; i++) {
        const state = await page.evaluate(() => {
          const main = document.getElementById('main') as HTMLElement;
          return {
            screen: document.getElementById('app')?.dataset.screen ?? '',
            result: main.querySelector<HTMLElement>('[data-result]') !== null,
            choices: main.querySelectorAll('[data-choice]').length,
            vote: main.querySelector('[data-vote]') !== null,
          };
        });
        if (state.screen !== 'play') break;
        words += await panelWords(page);
        if (state.result) {
          decisions++;
          await pressAndWait(page, 'Enter');
        } else if (state.choices > 0) await pressAndWait(page, String(Math.min(state.choices, 1 + (i % 3))));
        else if (state.vote) {
          votes++;
          await clickAndRender(page, '[data-vote]');
        } else await pressAndWait(page, 'Enter');
      }
      await waitScreen(page, 'ending');
      expect(decisions).toBeGreaterThanOrEqual(5);
      expect(decisions).toBeLessThanOrEqual(8);
      expect(votes).toBeGreaterThanOrEqual(1);
      expect(words).toBeLessThanOrEqual(3000);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
