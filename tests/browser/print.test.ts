/**
 * What prints (issue 12, "On paper"), measured on A4 PDFs Chromium prints with the page's own
 * @page size: the Council role sheets for a team at every Council seat take one page a team and the
 * glossary prints once, on its own sheet, each Council vote under a seat whose runs meet it; the
 * printed report of the longest run of the bundled cases (a class run: tallies and reasons) takes
 * at most four pages and gives the name typed, the date, the case and the seat, the path beside
 * history in labels, no control, and no id. The PDFs go to artifacts/print/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { councilSeats } from '../../src/classroom/council-teams';
import { councilStepsBySeat } from '../../src/classroom/role-sheet';
import { bundledScenario } from '../helpers';
import {
  ARTIFACTS,
  bundledCases,
  clickAndRender,
  foreignRequests,
  openPage,
  openSite,
  type Site,
  waitScreen,
} from './harness';
import { idsIn, longestRun, pdfPages, printedPdf, readableIds, visibleText } from './print-helpers';

const OUT = join(ARTIFACTS, '..', 'print');
const SEED = 1;
let site: Site;

const cases = bundledCases().map((c) => bundledScenario(c.id));

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
});

afterAll(async () => {
  await site?.close();
});

/** Prints the page as the browser's Print would: A4 from the page's @page rule. */
async function printPdf(page: Page, name: string): Promise<number> {
  const pdf = await printedPdf(page);
  writeFileSync(join(OUT, name), pdf);
  return pdfPages(pdf);
}

const pages: string[] = [];

describe('Council role sheets on paper', () => {
  for (const s of cases) {
    const seats = councilSeats(s);
    it(`${s.id}: a team at each of its ${seats.length} Council seats prints one page a team, then the glossary once`, async () => {
      const { page, context, errors } = await openPage(site);
      try {
        await clickAndRender(page, '[data-action="new"]');
        await clickAndRender(page, `[data-case="${s.id}"]`);
        await waitScreen(page, 'seats');
        await clickAndRender(page, '[data-action="council-teams"]');
        await waitScreen(page, 'council-teams');
        await page.click('#main [data-action="name-teams"]');
        await clickAndRender(page, '[data-action="role-sheets"]');
        await waitScreen(page, 'role-sheets');
        expect(await page.locator('#main [data-role-sheet]').count()).toBe(seats.length);

        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => {
          const sheets = [
            ...document.querySelectorAll<HTMLElement>('#main [data-role-sheet], #main [data-glossary-sheet]'),
          ];
          return {
            order: sheets.map((x) => (x.dataset.roleSheet !== undefined ? 'team' : 'glossary')),
            // Every sheet after the first starts a page.
            breaks: sheets.slice(1).every((x) => getComputedStyle(x).breakBefore === 'page'),
            controls: [...document.querySelectorAll<HTMLElement>('#main button, #main input')].filter((b) =>
              b.checkVisibility(),
            ).length,
            glossaries: [...document.querySelectorAll<HTMLElement>('#main dl.glossary')].filter((d) =>
              d.checkVisibility(),
            ).length,
            groups: [...document.querySelectorAll<HTMLElement>('#main .role-sheet-group')].map((g) => ({
              seats: (g.dataset.seats ?? '').split(' '),
              steps: [...g.querySelectorAll<HTMLElement>('[data-step]')].map((li) => li.dataset.step ?? ''),
            })),
          };
        });
        expect(printed.order).toEqual([...seats.map(() => 'team'), 'glossary']);
        expect(printed.breaks).toBe(true);
        expect(printed.controls).toBe(0);
        expect(printed.glossaries).toBe(1);
        // Each vote under a seat whose runs meet it (never under the other seat's heading).
        const met = councilStepsBySeat(s);
        expect(printed.groups.length).toBeGreaterThan(0);
        for (const g of printed.groups)
          for (const step of g.steps)
            for (const seat of g.seats) expect(met.get(seat)?.some.has(step), `${step} under ${seat}`).toBe(true);
        // Every glossary definition is printed exactly once.
        const text = await visibleText(page);
        for (const g of s.teacher.glossary) {
          const needle = g.definition.replace(/\s+/g, ' ').slice(0, 60);
          expect(text.split(needle).length - 1, g.term).toBe(1);
        }

        const n = await printPdf(page, `role-sheets-${s.id}.pdf`);
        pages.push(`role sheets, ${s.id}, ${seats.length} teams: ${n} pages`);
        // One page a team (each starts a page, so none takes two), and the glossary's one.
        expect(n).toBeLessThanOrEqual(seats.length + 1);
        await page.emulateMedia({ media: 'screen' });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the printed report', () => {
  const longest = longestRun(cases, SEED);
  const s = longest.scenario;
  const role = s.roles.find((r) => r.id === longest.role);
  const NAME = 'Ana García-Nowak';

  it(`${s.id} as ${longest.role}, ${longest.decisions} decisions in class mode: at most four A4 pages, with the name, the date, the case and the seat; no id, no control`, async () => {
    const { page, context, errors } = await openPage(site, { query: `?seed=${SEED}` });
    try {
      await clickAndRender(page, '[data-action="new"]');
      await clickAndRender(page, `[data-case="${s.id}"]`);
      await waitScreen(page, 'seats');
      await page.check('#class-mode');
      await clickAndRender(page, `[data-role="${longest.role}"]`);
      await clickAndRender(page, '[data-action="begin"]');
      let decisions = 0;
      for (let i = 0; i < 300; i++) {
        const at = await page.evaluate(() => ({
          screen: document.getElementById('app')?.dataset.screen ?? '',
          step: document.querySelector<HTMLElement>('#main [data-step]')?.dataset.step ?? '',
          tallies: [...document.querySelectorAll<HTMLElement>('#main [data-tally]')].map((x) => x.dataset.tally ?? ''),
          take: document.querySelector('#main [data-class-take]') !== null,
          vote: document.querySelector('#main [data-vote]') !== null,
          next: document.querySelector('#main [data-continue]') !== null,
        }));
        if (at.screen === 'debrief') break;
        if (at.next) await clickAndRender(page, '[data-continue]');
        else if (at.take) {
          // The room votes for the planned option (12) over another (3); the teacher's pick follows.
          const want = longest.plan.get(at.step) ?? at.tallies[0] ?? '';
          expect(at.tallies, `option ${want} at ${at.step}`).toContain(want);
          await page.fill(`#main [data-tally="${want}"]`, '12');
          const other = at.tallies.find((x) => x !== want);
          if (other) await page.fill(`#main [data-tally="${other}"]`, '3');
          await page.check(`#main [data-pick="${want}"]`);
          await page.fill('#rationale', `Reason ${++decisions}: the cost of waiting.`);
          await clickAndRender(page, '[data-class-take]');
        } else if (at.vote) {
          if (at.tallies.includes('support')) await page.fill('#main [data-tally="support"]', '9');
          await page.fill('#rationale', `Reason ${++decisions}: the Council.`);
          await clickAndRender(page, '[data-vote]');
        } else await clickAndRender(page, 'button.btn-primary');
      }
      await waitScreen(page, 'debrief');
      expect(await page.locator('#main [data-debrief="path"] tbody tr').count()).toBe(longest.decisions);
      await page.fill('#result-student', NAME);

      const ids = readableIds(s);
      expect(ids.length).toBeGreaterThan(10);
      const pdfName = `report-${s.id}-${longest.role}.pdf`;
      const n = await printPdf(page, pdfName);
      pages.push(`report, ${s.id} as ${longest.role}, ${longest.decisions} decisions: ${n} pages`);
      expect(n).toBeLessThanOrEqual(4);

      // What the page shows on paper (print emulated): who, when, which case and seat.
      const paper = await visibleText(page);
      const today = await page.evaluate(() =>
        new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
      );
      expect(paper).toContain(NAME);
      expect(await page.textContent('#main [data-report="date"]')).toBe(today);
      expect(paper).toContain(today);
      expect(paper).toContain(s.title.replace(/\s+/g, ' '));
      expect(paper).toContain(role?.title);
      // The path beside history, in labels: every decision's title and both choices.
      const rows = await page.$$eval('#main [data-debrief="path"] tbody tr', (trs) =>
        trs.map((tr) => ({
          step: tr.querySelector('.step')?.textContent ?? '',
          yours: tr.querySelector('.yours')?.textContent ?? '',
        })),
      );
      for (const r of rows) {
        expect(r.step.trim()).not.toBe('');
        expect(paper).toContain(r.step.replace(/Invented$/, '').trim());
      }
      expect(paper).toContain('Reason 1: the cost of waiting.');
      // No control printed (the numbers table's toggle, Replay, Save results, Print report).
      const controls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#main button:not(.link-button), #main input, #main summary')]
          .filter((x) => x.checkVisibility())
          .map((x) => x.textContent?.trim() || x.outerHTML.slice(0, 60)),
      );
      expect(controls.filter((x) => !x.startsWith('How it ended'))).toEqual([]);
      expect(paper).not.toContain('Show the numbers as a table');
      expect(paper).not.toContain('Replay');
      expect(paper).not.toContain('Save results');
      expect(idsIn(paper, ids)).toEqual([]);

      // On screen, with every story open (tallies and results drawn included): no id either.
      await page.emulateMedia({ media: 'screen' });
      await page.click('#main [data-action="whole-story"]');
      await page.evaluate(() => {
        for (const d of document.querySelectorAll<HTMLDetailsElement>('#main details')) d.open = true;
      });
      const screen = await visibleText(page);
      expect(screen).toMatch(/Class vote: (\d+ for “[^”]+”, )*12 for “[^”]+”/);
      expect(idsIn(screen, ids)).toEqual([]);
      // Opened stories print too (more pages: the reader's choice).
      const all = await printPdf(page, pdfName.replace('.pdf', '-stories.pdf'));
      pages.push(`report with every story opened: ${all} pages`);
      expect(all).toBeGreaterThan(n);
      expect(idsIn(await visibleText(page), ids)).toEqual([]);
      await page.emulateMedia({ media: 'screen' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without a name typed, a line to write one on; a team’s name alone stands for it', async () => {
    const { page, context, errors } = await openPage(site, { query: `?seed=${SEED}` });
    try {
      const small = cases.find((c) => c.id === 'kazakhstan-2022') ?? cases[0];
      if (!small) throw new Error('no bundled case');
      await clickAndRender(page, '[data-action="new"]');
      await clickAndRender(page, `[data-case="${small.id}"]`);
      // The class lesson, when the case has one: a shorter run.
      const lesson = small.lengths[0]?.id;
      if (lesson) await page.check(`#main [data-length-choice="${lesson}"]`);
      await clickAndRender(page, `[data-role="${small.roles[0]?.id}"]`);
      await clickAndRender(page, '[data-action="begin"]');
      for (let i = 0; i < 200; i++) {
        const screen = await page.evaluate(() => document.getElementById('app')?.dataset.screen ?? '');
        if (screen === 'debrief') break;
        const main = page.locator('#main');
        if ((await main.locator('[data-continue]').count()) > 0) await clickAndRender(page, '[data-continue]');
        else if ((await main.locator('[data-choice]').count()) > 0) await clickAndRender(page, '[data-choice]');
        else if ((await main.locator('[data-vote]').count()) > 0) await clickAndRender(page, '[data-vote]');
        else await clickAndRender(page, 'button.btn-primary');
      }
      await waitScreen(page, 'debrief');
      await page.emulateMedia({ media: 'print' });
      const blank = await page.evaluate(() => {
        const dd = document.querySelector<HTMLElement>('#main [data-report="student"]');
        return {
          visible: dd?.checkVisibility() ?? false,
          text: dd?.textContent ?? null,
          rule: dd ? getComputedStyle(dd).borderBottomStyle : '',
          team: document.querySelector<HTMLElement>('#main [data-report="team"]')?.checkVisibility() ?? true,
        };
      });
      expect(blank).toEqual({ visible: true, text: '', rule: 'solid', team: false });
      await page.emulateMedia({ media: 'screen' });
      await page.fill('#result-team', 'Team Blue');
      await page.emulateMedia({ media: 'print' });
      const team = await visibleText(page, '#main [data-report="head"]');
      expect(team).toContain('Team Blue');
      expect(team).not.toContain('Name');
      await page.emulateMedia({ media: 'screen' });
      // On screen the report's head is not shown.
      expect(await page.locator('#main [data-report="head"]').isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  afterAll(() => {
    console.log(`Printed pages:\n${pages.join('\n')}`);
  });
});

describe('requests', () => {
  it('made no request to another host', () => {
    expect(foreignRequests(site)).toEqual([]);
  });
});
