/**
 * The app's flow in the browser: each screen has an address; Back and Forward move between
 * screens; a copied link opens the same screen in a fresh browser; a reload anywhere (a class's
 * Council vote with teams half-voted included) lands on the same screen with its scenes, panel
 * and drafts; a new run or a replay asks before it loses a run; and with storage refused the
 * game still starts, plays and says once that progress will not be kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StorageKey } from '../../src/ui/keys';
import { bundledScenario } from '../helpers';
import { clickAndRender, openPage, openSite, ROOT, type Site, VIEWPORTS, waitReady, waitScreen } from './harness';
import { playOn, startRun } from './keyboard';
import { finishedRun, openDebrief } from './saved-run';

const CASE = 'kazakhstan-2022';
const SEAT = 'chair';
let site: Site;

beforeAll(async () => {
  site = await openSite(inject('siteOrigin'));
});

const dir = mkdtempSync(join(tmpdir(), 'article-four-flow-'));

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const hash = (page: Page) => page.evaluate(() => location.hash);

/** Waits until the Phaser scenes running include `want` (the world starts the gauges and the chamber as screens need them); returns them. */
async function scenes(page: Page, want: string[]): Promise<string[]> {
  const running = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { __articleFour: { stats(): { world: { scenes: string[] } | null } } }
        ).__articleFour.stats().world?.scenes ?? [],
    );
  for (let i = 0; i < 120; i++) {
    const now = await running();
    if (want.every((w) => now.includes(w))) return now;
    await page.waitForTimeout(250);
  }
  return running();
}

async function historyBack(page: Page, want: string): Promise<void> {
  await page.goBack();
  await waitScreen(page, want);
}

describe('addresses, Back and Forward', () => {
  it('every screen on the way to a run has its own address, and Back and Forward walk them', async () => {
    const { page, context, errors } = await openPage(site, { map: false });
    try {
      // The title is the bare address.
      expect(['', '#/']).toContain(await hash(page));
      await clickAndRender(page, '[data-action="new"]');
      await waitScreen(page, 'cases');
      expect(await hash(page)).toBe('#/cases');
      await clickAndRender(page, `[data-case="${CASE}"]`);
      await waitScreen(page, 'seats');
      expect(await hash(page)).toBe(`#/case/${CASE}`);
      await clickAndRender(page, '[data-action="teacher-guide"]');
      await waitScreen(page, 'teacher-guide');
      expect(await hash(page)).toBe(`#/case/${CASE}/guide`);
      await clickAndRender(page, '[data-action="role-sheets"]');
      await waitScreen(page, 'role-sheets');
      expect(await hash(page)).toBe(`#/case/${CASE}/role-sheets`);

      await historyBack(page, 'teacher-guide');
      await historyBack(page, 'seats');
      await historyBack(page, 'cases');
      await historyBack(page, 'title');
      await page.goForward();
      await waitScreen(page, 'cases');
      await page.goForward();
      await waitScreen(page, 'seats');
      expect(await hash(page)).toBe(`#/case/${CASE}`);

      // The screen's own Back button goes back in history too (no new entry).
      await clickAndRender(page, `[data-role="${SEAT}"]`);
      await waitScreen(page, 'briefing');
      expect(await hash(page)).toBe(`#/case/${CASE}/seat/${SEAT}`);
      const length = await page.evaluate(() => history.length);
      await clickAndRender(page, 'button.back');
      await waitScreen(page, 'seats');
      expect(await page.evaluate(() => history.length)).toBe(length);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('Back from the game goes to the briefing, keeping the run; Forward resumes it', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=5', map: false });
    try {
      await startRun(page, CASE, SEAT);
      expect(await hash(page)).toBe('#/play');
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 2 });
      const step = await page.locator('#main [data-step]').getAttribute('data-step');
      await historyBack(page, 'briefing');
      await page.goForward();
      await waitScreen(page, 'play', '[data-step]');
      expect(await page.locator('#main [data-step]').getAttribute('data-step')).toBe(step);
      // Settings over the run, and Back to the game.
      await clickAndRender(page, '[data-action="settings"]', '#topbar');
      await waitScreen(page, 'settings');
      expect(await hash(page)).toBe('#/play/settings');
      await page.goBack();
      await waitScreen(page, 'play', '[data-step]');
      expect(await page.locator('#main [data-step]').getAttribute('data-step')).toBe(step);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a copied link opens the same screen in a fresh browser', async () => {
    const links: [string, string, string][] = [
      [`#/case/${CASE}`, 'seats', `[data-role="${SEAT}"]`],
      [`#/case/${CASE}/guide`, 'teacher-guide', 'h1'],
      [`#/case/${CASE}/role-sheets`, 'role-sheets', 'h1'],
      [`#/case/${CASE}/seat/${SEAT}`, 'briefing', '[data-action="begin"]'],
      [`#/case/${CASE}/glossary`, 'glossary', 'h1'],
      [`#/timeline/${CASE}`, 'timeline', 'h1'],
      ['#/credits', 'credits', 'h1'],
    ];
    for (const [link, want, selector] of links) {
      const { page, context, errors } = await openPage(site, { query: link, map: false });
      try {
        await waitScreen(page, want, selector);
        expect(await hash(page)).toBe(link);
        // Its Back button leads to the screen it sits under.
        expect(await page.locator('#main button.back').count()).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    // A link to a case this copy does not have, or to a run this browser does not hold: the title says so.
    for (const [link, message] of [
      ['#/case/atlantis-1999/guide', /no case "atlantis-1999"/],
      ['#/play', /no game in progress/],
    ] as const) {
      const { page, context } = await openPage(site, { query: link, map: false });
      try {
        await waitScreen(page, 'title');
        expect(['', '#/']).toContain(await hash(page));
        expect(await page.textContent('#main [role="alert"]')).toMatch(message);
      } finally {
        await context.close();
      }
    }
  });
});

describe('reloads', () => {
  it('a reload at each kind of screen lands on the same screen, with its scenes', async () => {
    // The screens outside a run have no scenes of their own: their reloads run with the map off.
    const outside = await openPage(site, { query: '?seed=3', map: false });
    try {
      for (const [link, want] of [
        [`#/case/${CASE}`, 'seats'],
        [`#/case/${CASE}/guide`, 'teacher-guide'],
        ['#/timeline', 'timeline'],
      ] as const) {
        // A new hash on the same page is a same-document navigation: wait for its screen (its case may load first).
        await outside.page.goto(`${site.url}?seed=3${link}`);
        await waitReady(outside.page);
        await waitScreen(outside.page, want);
        await outside.page.reload();
        await waitReady(outside.page);
        await waitScreen(outside.page, want);
        expect(await hash(outside.page)).toBe(link);
      }
      expect(outside.errors).toEqual([]);
    } finally {
      await outside.context.close();
    }
    // Reduced motion (the system setting), here and below: what a reload keeps is the subject, not
    // the map's animations, which in software WebGL drew frames for seconds after each step.
    const { page, context, errors } = await openPage(site, { query: '?seed=3', reducedMotion: true });
    try {
      await startRun(page, CASE, SEAT);
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 2 });
      expect(await scenes(page, ['gauges'])).toContain('gauges');
      const panelMeters = () =>
        page.evaluate(() => {
          const list = document.querySelector('#main [data-meter]')?.closest('ul, ol, dl');
          return list ? getComputedStyle(list).display !== 'none' : null;
        });
      const shown = await panelMeters();
      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'play', '[data-step]');
      expect(await scenes(page, ['gauges'])).toContain('gauges');
      expect(await panelMeters()).toBe(shown);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a class Council vote with teams half-voted survives a reload: votes, reasons, chamber', async () => {
    const { page, context, errors } = await openPage(site, {
      viewport: VIEWPORTS.projector,
      query: '?seed=11',
      reducedMotion: true,
    });
    try {
      const teams = [
        { team: 'Team Bear', actor: 'russia' },
        // Not Armenia: the class plays Armenia's seat (the chair), so a team holding it sits out.
        { team: 'Team Steppe', actor: 'kazakhstan' },
        { team: 'Team Pamir', actor: 'tajikistan' },
      ];
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
        StorageKey.Teams,
        JSON.stringify({ [CASE]: teams }),
      ] as const);
      await page.goto(`${site.url}?seed=11#/case/${CASE}`);
      await waitReady(page);
      await waitScreen(page, 'seats');
      await page.check('#class-mode');
      await clickAndRender(page, `[data-role="${SEAT}"]`);
      await clickAndRender(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      for (let i = 0; i < 60 && (await page.locator('#main [data-vote]').count()) === 0; i++) {
        if ((await page.locator('#main [data-continue]').count()) > 0) await clickAndRender(page, '[data-continue]');
        else await clickAndRender(page, '[data-class-take]');
      }
      const main = page.locator('#main');
      await main.locator('#team-vote-russia-object').check();
      await main.locator('#team-vote-kazakhstan-support').check();
      await main.locator('[data-team-rationale="russia"]').fill('A free hand, not a mandate.');
      await page.fill('#rationale', 'The chair heard two teams so far.');
      expect(await scenes(page, ['gauges', 'council'])).toEqual(expect.arrayContaining(['gauges', 'council']));

      await page.reload();
      await waitReady(page);
      await waitScreen(page, 'play', '[data-vote]');
      expect(await main.locator('#team-vote-russia-object').isChecked()).toBe(true);
      expect(await main.locator('#team-vote-kazakhstan-support').isChecked()).toBe(true);
      expect(await main.locator('[data-team-rationale="russia"]').inputValue()).toBe('A free hand, not a mandate.');
      expect(await page.inputValue('#rationale')).toBe('The chair heard two teams so far.');
      const chamber = await page.evaluate(
        () =>
          (
            window as unknown as { __articleFour: { screen(): { teams: { actor: string; voted: boolean }[] } } }
          ).__articleFour.screen().teams,
      );
      expect(
        chamber
          .filter((t) => t.voted)
          .map((t) => t.actor)
          .sort(),
      ).toEqual(['kazakhstan', 'russia']);
      expect(await scenes(page, ['gauges', 'council'])).toEqual(expect.arrayContaining(['gauges', 'council']));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('asking before a run is lost', () => {
  it('a new run asks before replacing an unfinished one; Keep keeps it', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=4', map: false });
    try {
      await startRun(page, CASE, SEAT);
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 2 });
      const saved = await page.evaluate((k) => localStorage.getItem(k), StorageKey.Save);
      await clickAndRender(page, '[data-action="exit"]', '#topbar');
      await waitScreen(page, 'title');
      await clickAndRender(page, '[data-action="new"]');
      await clickAndRender(page, '[data-case="kyrgyzstan-2010"]');
      await clickAndRender(page, '[data-role]');
      await clickAndRender(page, '[data-action="begin"]');
      await waitScreen(page, 'confirm');
      expect(await page.textContent('#main')).toMatch(/unfinished run of .*Kazakhstan/);
      await clickAndRender(page, '[data-action="cancel"]');
      await waitScreen(page, 'briefing');
      expect(await page.evaluate((k) => localStorage.getItem(k), StorageKey.Save)).toBe(saved);
      await clickAndRender(page, '[data-action="begin"]');
      await waitScreen(page, 'confirm');
      await clickAndRender(page, '[data-action="confirm"]');
      await waitScreen(page, 'play');
      const now = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').scenario, StorageKey.Save);
      expect(now).toBe('kyrgyzstan-2010');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('"Replay from here" asks first, then rewinds', async () => {
    const { page, context, errors } = await openPage(site, { query: '?seed=6', map: false });
    try {
      await startRun(page, CASE, SEAT);
      await playOn(page, { choose: () => 0, lobby: false });
      await waitScreen(page, 'debrief');
      const replay = page.locator('#main [data-replay]').first();
      await replay.click();
      await waitScreen(page, 'confirm');
      expect(await page.textContent('#main h1')).toMatch(/Replay from decision \d+\?/);
      await clickAndRender(page, '[data-action="cancel"]');
      await waitScreen(page, 'debrief');
      await page.locator('#main [data-replay]').first().click();
      await waitScreen(page, 'confirm');
      await clickAndRender(page, '[data-action="confirm"]');
      await waitScreen(page, 'play');
      expect(await hash(page)).toBe('#/play');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** A context whose pages cannot use Web Storage, as in a sandboxed frame or with cookies blocked. */
async function withoutStorage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // Reduced motion (the system setting): storage is the subject. Without it the setting that turns
  // the map off cannot be kept, so the map is drawn, as it would be for this player.
  const context = await site.browser.newContext({ viewport: VIEWPORTS.laptop, reducedMotion: 'reduce' });
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException(`Access to '${name}' is denied for this document.`, 'SecurityError');
        },
      });
    }
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}?seed=2`);
  await waitReady(page);
  return { context, page, errors };
}

describe('storage refused', () => {
  it('the game starts, plays to the debrief, says once that progress is not kept, and still saves results', async () => {
    const { page, context, errors } = await withoutStorage();
    try {
      await waitScreen(page, 'title');
      expect(await page.locator('.storage-banner').count()).toBe(1);
      expect(await page.textContent('.storage-banner')).toMatch(/will not be kept/);
      await page.click('.storage-banner [data-action="dismiss-storage"]');
      await startRun(page, CASE, SEAT);
      await playOn(page, { choose: () => 0, lobby: false });
      await waitScreen(page, 'debrief');
      expect(await page.locator('.storage-banner').count()).toBe(0);
      expect(await page.locator('#main [data-action="save-results"]').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('saves that survive', () => {
  it('while the app starts, the address keeps the screen it names: a reload then lands there too', async () => {
    const { page, context, errors } = await openPage(site, { map: false });
    try {
      // Every address the page writes into its history, from its first script on.
      await context.addInitScript(() => {
        const written: string[] = [];
        (window as unknown as { __written: string[] }).__written = written;
        for (const name of ['pushState', 'replaceState'] as const) {
          const original = history[name].bind(history);
          history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
            written.push(String(url ?? location.hash));
            original(data, unused, url);
          };
        }
      });
      // A finished run, stored, opened at its debrief and reloaded there.
      await openDebrief(page, site, finishedRun(bundledScenario(CASE), SEAT, 5, { choose: () => 0, lobby: false }));
      expect(await hash(page)).toBe('#/play/debrief');
      // Before the fix, the starting app wrote "#/" (its title) until the case had loaded.
      const written = await page.evaluate(() => (window as unknown as { __written: string[] }).__written);
      expect(written.filter((url) => url.endsWith('#/'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a run saved in the oldest stored format (golden fixture) resumes', async () => {
    const golden = JSON.parse(
      readFileSync(join(ROOT, 'tests', 'fixtures', 'golden', 'stored-run.v1.json'), 'utf8'),
    ) as {
      key: string;
      value: string;
    };
    const { page, context, errors } = await openPage(site, { map: false });
    try {
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [golden.key, golden.value] as const);
      await page.goto(`${site.url}#/play`);
      await waitReady(page);
      await waitScreen(page, 'play', '[data-step], [data-result]');
      expect(await page.textContent('#topbar')).toContain('Kazakhstan');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a run resumes after its case’s wording changed, and shows the new wording', async () => {
    const tutorial = readFileSync(join(ROOT, 'tests', 'fixtures', 'tutorial.yaml'), 'utf8');
    const first = join(dir, 'karvenia.yaml');
    const edited = join(dir, 'karvenia-edited.yaml');
    writeFileSync(first, tutorial);
    writeFileSync(edited, tutorial.replace('raiders on the border', 'raiders at the border'));
    const { page, context, errors } = await openPage(site, { query: '?seed=3', map: false });
    try {
      await page.locator('#main [data-action="open-file"]').setInputFiles(first);
      await waitScreen(page, 'seats');
      await clickAndRender(page, '[data-role]');
      await clickAndRender(page, '[data-action="begin"]');
      await waitScreen(page, 'play');
      await playOn(page, { choose: () => 0, lobby: false }, { stopAtTurn: 2 });
      const step = await page.locator('#main [data-step]').getAttribute('data-step');
      await clickAndRender(page, '[data-action="exit"]', '#topbar');
      await waitScreen(page, 'title');
      await page.locator('#main [data-action="open-file"]').setInputFiles(edited);
      await waitScreen(page, 'seats');
      await page.reload();
      await waitReady(page);
      await page.evaluate(() => {
        location.hash = '#/play';
      });
      await waitScreen(page, 'play', '[data-step]');
      expect(await page.locator('#main [data-step]').getAttribute('data-step')).toBe(step);
      expect(await page.textContent('#topbar')).toContain('raiders at the border');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
