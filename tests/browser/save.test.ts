/**
 * Saving: a reload resumes exactly where the player was; a new visit offers Continue; a damaged,
 * outdated or foreign save gives a clear message and a fresh start, never a blank screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StorageKey } from '../../src/ui/keys';
import { bundledCases, foreignRequests, openPage, openSite, type Site, waitReady, waitScreen } from './harness';
import { playOn, startRun, tabAndEnter } from './keyboard';

const [first] = bundledCases();
let site: Site;

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});

afterAll(async () => {
  await site?.close();
});

async function where(
  page: Page,
): Promise<{ screen: string; step: string | null; kicker: string | null; turn: string | null }> {
  return page.evaluate(() => {
    const main = document.getElementById('main') as HTMLElement;
    return {
      screen: document.getElementById('app')?.dataset.screen ?? '',
      step: main.querySelector<HTMLElement>('[data-step]')?.dataset.step ?? null,
      kicker: main.querySelector('.kicker')?.textContent ?? null,
      turn: main.querySelector<HTMLElement>('[data-result]')?.dataset.result ?? null,
    };
  });
}

async function titleNotice(page: Page): Promise<string> {
  await waitScreen(page, 'title');
  return (await page.locator('#main [role="alert"]').textContent()) ?? '';
}

async function storeRaw(page: Page, key: string, value: string): Promise<void> {
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value] as const);
}

describe('save and resume', () => {
  if (!first) throw new Error('no bundled case');
  const role = first.roles[0]?.id ?? '';

  it('a reload in the middle of a run lands on the same decision', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=7' });
    try {
      await startRun(page, first.id, role);
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 3 });
      const before = await where(page);
      expect(before.screen).toBe('play');
      expect(before.step).not.toBeNull();
      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'play', '[data-step]');
      expect(await where(page)).toEqual(before);
      // The panel is ready for the keyboard at once: the heading has focus.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a reload on a result lands on the same result', async () => {
    const { page, context } = await openPage(site, { query: '?seed=8' });
    try {
      await startRun(page, first.id, role);
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 2 });
      // Take decision 2 and stop on its result.
      const key = await page.evaluate(
        () =>
          document.querySelector<HTMLElement>('#main [data-choice]')?.dataset.key ??
          document.querySelector<HTMLElement>('#main [data-vote]')?.dataset.key,
      );
      await page.keyboard.press(key ?? '1');
      await waitScreen(page, 'play', '[data-result]');
      const before = await where(page);
      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'play', '[data-result]');
      expect(await where(page)).toEqual(before);
    } finally {
      await context.close();
    }
  });

  it('a new visit offers Continue on the title, and it resumes the run', async () => {
    const { page, context } = await openPage(site, { query: '?seed=9' });
    try {
      await startRun(page, first.id, role);
      await playOn(page, { choose: () => 1, lobby: false }, { stopAtTurn: 2 });
      const before = await where(page);
      // A new tab: same storage, no session, so the title comes first.
      const other = await context.newPage();
      await other.goto(site.url);
      await waitReady(other);
      await waitScreen(other, 'title');
      await tabAndEnter(other, '[data-action="continue"]');
      await waitScreen(other, 'play', '[data-step]');
      expect(await where(other)).toEqual(before);
    } finally {
      await context.close();
    }
  });

  it('a corrupted save gives a clear message and a fresh start', async () => {
    const { page, context, errors } = await openPage(site);
    try {
      await storeRaw(page, StorageKey.Save, '{"version":1,"scenario":');
      await page.reload();
      await waitReady(page);
      expect(await titleNotice(page)).toMatch(/damaged/);
      expect(await page.locator('#main [data-action="continue"]').count()).toBe(0);
      expect(await page.evaluate((k) => localStorage.getItem(k), StorageKey.Save)).toBeNull();
      // A fresh start works.
      await startRun(page, first.id, role);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a save from an older version is reported and cleared', async () => {
    const { page, context } = await openPage(site);
    try {
      await storeRaw(page, StorageKey.Save, JSON.stringify({ version: 0, scenario: first.id }));
      await page.reload();
      await waitReady(page);
      expect(await titleNotice(page)).toMatch(/older version/);
      await storeRaw(page, StorageKey.OldSaves[0] as string, '{}');
      await page.reload();
      await waitReady(page);
      expect(await titleNotice(page)).toMatch(/older version/);
    } finally {
      await context.close();
    }
  });

  it('a save whose moves do not match its state cannot be continued, with a message', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=11' });
    try {
      await startRun(page, first.id, role);
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 2 });
      await page.evaluate((k) => {
        const run = JSON.parse(localStorage.getItem(k) ?? '{}');
        run.engine.events = [{ type: 'CHOOSE', choice: 'no-such-choice' }];
        localStorage.setItem(k, JSON.stringify(run));
      }, StorageKey.Save);
      await page.reload();
      await waitReady(page);
      const notice = await titleNotice(page);
      expect(notice.length).toBeGreaterThan(20);
      expect(await page.locator('#main [data-action="new"]').count()).toBe(1);
      expect(errors.filter((e) => !/SaveError/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});
