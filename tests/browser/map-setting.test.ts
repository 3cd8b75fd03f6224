/**
 * The map setting (Settings → Map): off, a visit loads neither Phaser nor the map data and the
 * game plays in the panel, its gauges in HTML; turned off mid-visit, the map stops and its canvas
 * goes; turned on again, it is drawn again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  afterRender,
  bundledCases,
  openPage,
  openSite,
  type Site,
  turnMapOff,
  waitReady,
  waitScreen,
  waitWorld,
} from './harness';
import { startRun } from './keyboard';

let site: Site;
const [first] = bundledCases();

beforeAll(async () => {
  site = await openSite(inject('siteOrigin'));
});
afterAll(async () => {
  await site?.close();
});

interface Drawn {
  world: boolean;
  canvases: number;
  canvasReady: boolean;
}

function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => ({
    world: (window as unknown as { __articleFour: { world: boolean } }).__articleFour.world,
    canvases: document.querySelectorAll('#stage canvas').length,
    canvasReady: document.documentElement.classList.contains('canvas-ready'),
  }));
}

/** Opens Settings from the title and sets the map checkbox (the app re-renders the screen). */
async function setMap(page: Page, on: boolean): Promise<void> {
  await page.goto(`${site.url}#/settings`);
  await waitScreen(page, 'settings', '#set-map');
  const box = page.locator('#main #set-map');
  if ((await box.isChecked()) !== on) await box.click();
  expect(await page.locator('#main #set-map').isChecked()).toBe(on);
}

/** Whether the app waits for a pause to start the map, is loading it or has drawn it. */
async function planned(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (window as unknown as { __articleFour: { worldPlanned(): boolean } }).__articleFour.worldPlanned(),
  );
}

describe('the map setting', () => {
  it('off: a visit loads neither Phaser nor the map, and a case plays with its gauges in the panel', async () => {
    if (!first) throw new Error('no bundled case');
    const context = await site.browser.newContext();
    await turnMapOff(context);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(site.url);
      await waitReady(page);
      await startRun(page, first.id, first.roles[0]?.id ?? '');
      await waitScreen(page, 'play', '[data-choice], [data-continue], [data-vote]');
      // Nothing waits to start the map (main.ts decides when the app starts, from the setting).
      expect(await planned(page)).toBe(false);
      expect(requests.filter((p) => /\/(phaser|start)-[^/]*\.js$|region-atlas/.test(p))).toEqual([]);
      expect(await drawn(page)).toEqual({ world: false, canvases: 0, canvasReady: false });
      // The gauges are read in the panel.
      expect(await page.locator('#main .meters').isVisible()).toBe(true);
      expect(await page.locator('#main ul.meters li').count()).toBeGreaterThan(0);
      // A move is made and drawn in the panel.
      await afterRender(page, () => page.locator('#main [data-choice], #main [data-continue]').first().click());
      expect(await page.locator('#loading-note').textContent()).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('turned off, stops the map and takes its canvas away; turned on, draws it again', async () => {
    const { page, context, errors } = await openPage(site);
    try {
      // With the map on, the app waits for the player's first pause to start it.
      expect(await planned(page)).toBe(true);
      await waitWorld(page);
      expect(await drawn(page)).toEqual({ world: true, canvases: 1, canvasReady: true });
      await setMap(page, false);
      await page.waitForFunction(() => document.querySelectorAll('#stage canvas').length === 0);
      expect(await drawn(page)).toEqual({ world: false, canvases: 0, canvasReady: false });
      expect(await page.locator('#loading-note').textContent()).toBe('');
      // Kept for the next visit.
      await page.reload();
      await waitReady(page);
      expect(await planned(page)).toBe(false);
      expect(await drawn(page)).toEqual({ world: false, canvases: 0, canvasReady: false });
      await setMap(page, true);
      await waitWorld(page);
      expect(await drawn(page)).toEqual({ world: true, canvases: 1, canvasReady: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
