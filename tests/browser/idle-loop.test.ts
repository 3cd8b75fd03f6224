/**
 * The canvas's game loop sleeps while nothing on it moves, and wakes for what changes it
 * (src/scenes/idle-loop.ts). Without a GPU driver, as here (SwiftShader) and on many classroom
 * laptops, every frame is drawn by the CPU: a still map drawn 30 times a second kept two cores busy.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundledCases, openPage, openSite, type Site, waitScreen, waitWorld } from './harness';
import { startRun, tabAndEnter } from './keyboard';

interface Loop {
  frames: number;
  sleeps: number;
  asleep: boolean;
}
interface World {
  loop: Loop;
  tweens: number;
  scenes: string[];
}

let site: Site;
const [first, second] = bundledCases();

beforeAll(async () => {
  site = await openSite(inject('siteOrigin'));
});
afterAll(async () => {
  await site?.close();
});

async function world(page: Page): Promise<World> {
  return page.evaluate(
    () => (window as unknown as { __articleFour: { stats(): { world: World } } }).__articleFour.stats().world,
  );
}

/** Waits until the loop sleeps (the pulse of the current place takes about 4 s). */
async function asleep(page: Page): Promise<World> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __articleFour: { stats(): { world: World | null } } }).__articleFour.stats().world?.loop
        .asleep === true,
    null,
    { timeout: 30_000 },
  );
  return world(page);
}

/** Does `act` and waits until the loop has drawn at least one more frame and gone back to sleep. */
async function wakesAndSleeps(page: Page, act: () => Promise<unknown>): Promise<{ before: World; after: World }> {
  const before = await asleep(page);
  await act();
  await page.waitForFunction(
    (n) => {
      const w = (window as unknown as { __articleFour: { stats(): { world: World } } }).__articleFour.stats().world;
      return w.loop.frames > n && w.loop.asleep;
    },
    before.loop.frames,
    { timeout: 30_000 },
  );
  return { before, after: await world(page) };
}

/** The map's part of the screen, as a PNG. */
function mapShot(page: Page): Promise<Buffer> {
  const vp = page.viewportSize() ?? { width: 1280, height: 800 };
  return page.screenshot({ clip: { x: vp.width * 0.55, y: 0, width: vp.width * 0.45, height: vp.height * 0.6 } });
}

describe('the idle game loop', () => {
  if (!first) throw new Error('no bundled case');

  it('sleeps on a still screen, and asleep the canvas keeps showing the map', async () => {
    const { page, context, errors } = await openPage(site);
    try {
      await waitWorld(page);
      const still = await asleep(page);
      expect(still.tweens).toBe(0);
      const asleepShot = await mapShot(page);
      // Nothing is drawn while the screen stands still: the page's own work does not wake it.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      expect((await world(page)).loop.frames).toBe(still.loop.frames);
      // A resize of the same size wakes the loop and draws the same picture again: what the
      // sleeping canvas showed was the map, not a cleared buffer.
      const { after } = await wakesAndSleeps(page, () =>
        page.evaluate(() => window.dispatchEvent(new Event('resize'))),
      );
      expect(after.loop.sleeps).toBeGreaterThan(still.loop.sleeps);
      const redrawn = await mapShot(page);
      expect(asleepShot.equals(redrawn)).toBe(true);
      // And it was the canvas's picture: without the canvas the same part of the page differs.
      await page.evaluate(() => {
        for (const c of document.querySelectorAll('canvas')) c.style.visibility = 'hidden';
      });
      expect(asleepShot.equals(await mapShot(page))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('wakes for the pointer over the map and for a new screen, then sleeps again', async () => {
    const { page, context, errors } = await openPage(site);
    try {
      await waitWorld(page);
      const vp = page.viewportSize() ?? { width: 1280, height: 800 };
      await wakesAndSleeps(page, () => page.mouse.move(vp.width * 0.8, vp.height * 0.5));
      // A run's first step: the current place pulses twice, then the map stands still.
      const { after } = await wakesAndSleeps(page, () => startRun(page, first.id, first.roles[0]?.id ?? ''));
      expect(after.scenes).toContain('gauges');
      expect(after.tweens).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sleeps on the picture a redraw would draw: the case focused in the list, larger on the map', async () => {
    if (!second) throw new Error('two bundled cases needed');
    // Reduced motion: nothing tweens, so the loop draws the change and sleeps on it at once.
    const { page, context, errors } = await openPage(site, { reducedMotion: true });
    try {
      await waitWorld(page);
      await tabAndEnter(page, '[data-action="new"]');
      await waitScreen(page, 'cases');
      // The map's part of the page, left of the case list.
      const clip = await page.evaluate(() => {
        const left = (document.getElementById('main') as HTMLElement).getBoundingClientRect().left;
        return { x: 0, y: 0, width: Math.floor(left), height: window.innerHeight };
      });
      expect(clip.width).toBeGreaterThan(300);
      const shot = () => page.screenshot({ clip });
      // The map marks the focused case larger: a focus moves the mark from case to case.
      await wakesAndSleeps(page, () => page.focus(`#main [data-case="${first.id}"]`));
      await wakesAndSleeps(page, () => page.focus(`#main [data-case="${second.id}"]`));
      const one = await shot();
      await wakesAndSleeps(page, () => page.focus(`#main [data-case="${first.id}"]`));
      const other = await shot();
      // The frame it slept on drew the newly focused case ...
      expect(other.equals(one)).toBe(false);
      // ... and all of the map for where the panel is now: a redraw of the same screen (the map
      // drawn anew for the canvas's size) draws the same picture.
      await wakesAndSleeps(page, () => page.evaluate(() => window.dispatchEvent(new Event('resize'))));
      expect((await shot()).equals(other)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('draws a new view in tasks between frames, and wakes to show it once it is drawn', async () => {
    // Reduced motion: the view jumps, so all that moves is the drawing of the new view.
    const { page, context, errors } = await openPage(site, { reducedMotion: true });
    try {
      await waitWorld(page);
      const still = await asleep(page);
      const title = await mapShot(page);
      // The case's seats frame its region: a new view. Sampled in the page after each task.
      const samples = await page.evaluate(async (id) => {
        type W = { loop: { frames: number; asleep: boolean }; map: { moving: boolean } | null };
        const stats = () =>
          (window as unknown as { __articleFour: { stats(): { world: W } } }).__articleFour.stats().world;
        const out: { moving: boolean; asleep: boolean; frames: number }[] = [];
        location.hash = `#/case/${id}`;
        const t0 = performance.now();
        while (performance.now() - t0 < 30_000) {
          const w = stats();
          out.push({ moving: w.map?.moving ?? false, asleep: w.loop.asleep, frames: w.loop.frames });
          if (out.some((x) => x.moving) && !w.map?.moving && w.loop.asleep) break;
          await new Promise((r) => setTimeout(r, 0));
        }
        return out;
      }, first.id);
      const drawing = samples.filter((x) => x.moving);
      // The new view took tasks of its own to draw (the map said it was moving meanwhile) ...
      expect(drawing.length).toBeGreaterThan(0);
      const last = samples[samples.length - 1];
      expect(last?.moving).toBe(false);
      expect(last?.asleep).toBe(true);
      // ... and once drawn, the loop drew it, then slept again.
      expect(last?.frames ?? 0).toBeGreaterThan(Math.max(...drawing.map((x) => x.frames)));
      expect(last?.frames ?? 0).toBeGreaterThan(still.loop.frames);
      expect((await mapShot(page)).equals(title)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
