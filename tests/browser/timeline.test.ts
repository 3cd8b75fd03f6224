/**
 * The alliance timeline, with the keyboard alone: opened from the title, from a briefing (where it
 * stops at the case's start, and the briefing shows the Article 4 wording in force then) and from
 * the teacher guide; Back returns where the player came from. axe finds no serious or critical
 * problem on the timeline; no request leaves the local server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { article4At, loadTimeline, type Timeline } from '../../src/engine/timeline';
import {
  bundledCases,
  expectAccessible,
  foreignRequests,
  openPage,
  openSite,
  ROOT,
  type Site,
  shoot,
  tabTo,
  VIEWPORTS,
  waitScreen,
} from './harness';
import { pressAndWait, tabAndEnter } from './keyboard';

let site: Site;
const cases = bundledCases();

function timeline(): Timeline {
  const r = loadTimeline(readFileSync(join(ROOT, 'scenarios', 'timeline', 'alliance.yaml'), 'utf8'), 'alliance.yaml');
  if (!r.ok) throw new Error('the bundled timeline does not load');
  return r.timeline;
}

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});

afterAll(async () => {
  await site?.close();
});

async function headingText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('#main h1')?.textContent ?? '');
}

/** From the heading, Shift+Tab reaches the Back button just above it; Enter goes back. */
async function backByKeyboard(page: Page): Promise<void> {
  await page.focus('#timeline-heading');
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('back');
  await pressAndWait(page, 'Enter');
}

async function shown(page: Page) {
  return page.evaluate(() => ({
    entries: [...document.querySelectorAll<HTMLElement>('#main .tl-entry')].map((e) => ({
      date: e.dataset.date ?? '',
      kind: e.dataset.kind ?? '',
    })),
    versions: [...document.querySelectorAll<HTMLElement>('#main .tl-version')].map((v) => ({
      id: v.dataset.version ?? '',
      current: v.classList.contains('is-current'),
    })),
    spoilerNote: document.querySelector('#main .tl-spoiler-note') !== null,
    focused: document.activeElement?.id ?? '',
  }));
}

describe('the alliance timeline', () => {
  const t = timeline();

  it('opens from the title with every entry and both wordings, and goes back', async () => {
    const { page, context, errors } = await openPage(site, { viewport: VIEWPORTS.laptop, reducedMotion: true });
    try {
      await tabAndEnter(page, '[data-action="timeline"]');
      await waitScreen(page, 'timeline', '.tl-list');
      const s = await shown(page);
      expect(s.focused).toBe('timeline-heading');
      expect(s.spoilerNote).toBe(false);
      expect(s.entries.map((e) => e.date)).toEqual(t.entries.map((e) => e.date));
      expect(s.entries.filter((e) => e.kind === 'case')).toHaveLength(4);
      expect(s.versions.map((v) => v.id)).toEqual(['cst-1992', 'cst-2010']);
      const text = (await page.locator('#main').textContent()) ?? '';
      expect(text).toContain('aggression by any state or group of states');
      expect(text).toContain('an armed attack threatening security, stability, territorial integrity and sovereignty');
      expect(text).toContain('In force from 20 April 1994 to 18 December 2012.');
      expect(text).toContain('In force from 19 December 2012; still in force.');
      // The Russian original is marked as Russian for screen readers.
      expect(await page.locator('#main .tl-version[data-version="cst-1992"] blockquote[lang="ru"]').count()).toBe(1);
      await expectAccessible(page, 'timeline from the title');
      await shoot(page, 'timeline-title');
      // The skip button takes focus to the wordings (no new render: only focus moves).
      await tabTo(page, '[data-action="jump-article4"]');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tl-article4');
      await backByKeyboard(page);
      await waitScreen(page, 'title');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens from a briefing up to the case’s start, with the wording in force then, and goes back', async () => {
    const c = cases.find((x) => x.id === 'kyrgyzstan-2010');
    if (!c) throw new Error('no kyrgyzstan-2010');
    const role = c.roles[0]?.id ?? '';
    const { page, context, errors } = await openPage(site, { viewport: VIEWPORTS.laptop, reducedMotion: true });
    try {
      await tabAndEnter(page, '[data-action="new"]');
      await waitScreen(page, 'cases');
      await tabAndEnter(page, `[data-case="${c.id}"]`);
      await waitScreen(page, 'seats');
      await tabAndEnter(page, `[data-role="${role}"]`);
      await waitScreen(page, 'briefing', '.treaty-test');
      const briefingTitle = await headingText(page);
      expect(await page.locator('#main .treaty-test').getAttribute('data-version')).toBe('cst-1992');
      expect(await page.locator('#main .treaty-test').textContent()).toContain('by any state or group of states');
      await expectAccessible(page, 'briefing with the treaty test');
      await tabAndEnter(page, '.treaty-test [data-action="timeline"]');
      await waitScreen(page, 'timeline', '.tl-list');
      const start = await page.evaluate(() => document.querySelector('#main .tl-spoiler-note p')?.textContent ?? '');
      expect(start).toContain('when this case begins');
      const s = await shown(page);
      expect(s.spoilerNote).toBe(true);
      // Nothing from the case's start on: the Kyrgyz appeal of June 2010 and everything after are hidden.
      expect(s.entries.length).toBeGreaterThan(5);
      expect(s.entries.length).toBeLessThan(t.entries.length);
      expect(s.entries.every((e) => e.date < '2010-06')).toBe(true);
      expect(s.versions).toEqual([{ id: 'cst-1992', current: true }]);
      await expectAccessible(page, 'timeline from a briefing');
      await shoot(page, 'timeline-briefing');
      // Asked for, everything shows.
      await tabAndEnter(page, '[data-action="show-all"]');
      const all = await shown(page);
      expect(all.spoilerNote).toBe(false);
      expect(all.entries).toHaveLength(t.entries.length);
      expect(all.versions.map((v) => v.id)).toEqual(['cst-1992', 'cst-2010']);
      await backByKeyboard(page);
      await waitScreen(page, 'briefing', '.treaty-test');
      expect(await headingText(page)).toBe(briefingTitle);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the amended wording on the Kazakhstan and Armenia briefings', async () => {
    for (const id of ['kazakhstan-2022', 'armenia-2021']) {
      const c = cases.find((x) => x.id === id);
      if (!c) throw new Error(`no ${id}`);
      const { page, context } = await openPage(site, { viewport: VIEWPORTS.laptop, reducedMotion: true });
      try {
        await tabAndEnter(page, '[data-action="new"]');
        await waitScreen(page, 'cases');
        await tabAndEnter(page, `[data-case="${c.id}"]`);
        await waitScreen(page, 'seats');
        await tabAndEnter(page, `[data-role="${c.roles[0]?.id ?? ''}"]`);
        await waitScreen(page, 'briefing', '.treaty-test');
        const start = await page.evaluate(() => document.querySelector('#main .treaty-test strong')?.textContent ?? '');
        expect(start).toContain('As amended by the protocol of 10 December 2010');
        expect(await page.locator('#main .treaty-test').getAttribute('data-version')).toBe('cst-2010');
      } finally {
        await context.close();
      }
    }
    expect(article4At(t, '2022-01-02')?.id).toBe('cst-2010');
  });

  it('opens from the teacher guide, links a case to its seats, and goes back', async () => {
    const c = cases.find((x) => x.id === 'armenia-2021') ?? cases[0];
    if (!c) throw new Error('no case');
    const { page, context, errors } = await openPage(site, { viewport: VIEWPORTS.projector, reducedMotion: true });
    try {
      await tabAndEnter(page, '[data-action="new"]');
      await waitScreen(page, 'cases');
      await tabAndEnter(page, `[data-case="${c.id}"]`);
      await waitScreen(page, 'seats');
      await tabAndEnter(page, '[data-action="teacher-guide"]');
      await waitScreen(page, 'teacher-guide');
      const guideTitle = await headingText(page);
      await tabAndEnter(page, '[data-action="timeline"]');
      await waitScreen(page, 'timeline', '.tl-list');
      const s = await shown(page);
      expect(s.spoilerNote).toBe(false);
      expect(s.entries).toHaveLength(t.entries.length);
      expect(await page.locator('#main [data-action="back"]').textContent()).toContain('Back to the teacher guide');
      await expectAccessible(page, 'timeline from the teacher guide');
      await backByKeyboard(page);
      await waitScreen(page, 'teacher-guide');
      expect(await headingText(page)).toBe(guideTitle);
      // A case entry opens its case's seats.
      await tabAndEnter(page, '[data-action="timeline"]');
      await waitScreen(page, 'timeline', '.tl-list');
      await tabAndEnter(page, '[data-action="open-case"][data-case="kazakhstan-2022"]');
      await waitScreen(page, 'seats');
      const kicker = await page.evaluate(() => document.querySelector('#main .kicker')?.textContent ?? '');
      expect(kicker).toContain(cases.find((x) => x.id === 'kazakhstan-2022')?.title ?? 'kazakhstan-2022');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sent no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});
