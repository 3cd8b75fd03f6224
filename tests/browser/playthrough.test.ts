/**
 * Every bundled case, from every seat, played to its debrief with the keyboard alone:
 * Tab and Enter through the menus, number keys for the options. Each case's first seat, and the
 * mouse's run, play with the map drawn; the other seats with it turned off in Settings.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  bundledCases,
  clickAndRender,
  foreignRequests,
  openPage,
  openSite,
  renders,
  type Site,
  waitScreen,
} from './harness';
import { playOn, startRun } from './keyboard';

const cases = bundledCases();
let site: Site;

beforeAll(async () => {
  site = await openSite(inject('siteOrigin'));
});

afterAll(async () => {
  await site?.close();
});

describe('keyboard playthroughs', () => {
  it('has bundled cases to play', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1);
  });

  for (const c of cases) {
    c.roles.forEach((role, seat) => {
      it(`plays ${c.id} as ${role.id} to the debrief`, async () => {
        // The first seat of each case plays with the map drawn; the others with it turned off, as a
        // player on a slow computer may (the scenes are not what differs between seats).
        const { page, context, errors } = await openPage(site, { query: `?seed=${101 + seat}`, map: seat === 0 });
        try {
          await startRun(page, c.id, role.id);
          const rendered = await renders(page);
          const moves = await playOn(page, {
            choose: (turn, n) => (turn + seat) % n,
            lobby: seat % 2 === 1,
          });
          await waitScreen(page, 'debrief');
          // Each key press renders the panel once: a move and the Game's change that follows it
          // are one render, not two.
          expect(await renders(page)).toBe(rendered + moves.length);
          expect(moves.some((m) => m.kind === 'choice' || m.kind === 'vote')).toBe(true);
          const decisions = await page.locator('#main .decision').count();
          expect(decisions).toBeGreaterThan(0);
          expect(await page.locator('#main h1').first().textContent()).toBe('Debrief');
          // Each decision offers a replay, and the charts have a data table.
          expect(await page.locator('#main [data-replay]').count()).toBe(decisions);
          expect(await page.locator('#main .data-table').count()).toBe(1);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    });
  }

  it('plays a case with the mouse alone', async () => {
    const c = cases[0];
    if (!c) throw new Error('no bundled case');
    const { page, context, errors } = await openPage(site, { query: '?seed=31' });
    try {
      const click = (selector: string) => clickAndRender(page, selector);
      await click('[data-action="new"]');
      await click(`[data-case="${c.id}"]`);
      await click(`[data-role="${c.roles[0]?.id}"]`);
      await click('[data-action="begin"]');
      for (let i = 0; i < 300; i++) {
        const screen = await page.evaluate(() => document.getElementById('app')?.dataset.screen);
        if (screen === 'debrief') break;
        for (const sel of ['[data-continue]', '[data-choice]', '[data-lobby]', '[data-vote]']) {
          if ((await page.locator(`#main ${sel}`).count()) > 0) {
            await click(sel);
            break;
          }
        }
      }
      await waitScreen(page, 'debrief');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
    expect(site.requests.length).toBeGreaterThan(0);
  });
});
