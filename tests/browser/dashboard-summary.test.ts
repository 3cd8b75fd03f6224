/**
 * The dashboard a teacher reads at a glance (issue 12): after loading five result files, the
 * summary is the first thing on the page (counts, endings by student, groups side by side, the
 * student × decision grid in date order with history's choices marked); a "present" view for the
 * projector and each student's path have their own address, so Back works; groups can be edited;
 * nothing overflows sideways, no table's label splits a word, and axe finds no serious problem at
 * a phone's (also with Larger text), a laptop's and a projector's size. Expected values come from
 * the results the engine made.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shortLabel } from '../../src/classroom/index';
import { StorageKey } from '../../src/ui/keys';
import { CASE_FILE, classOf, fiveStudents, loadCase, type Student, writeResults } from './dashboard-fixtures';
import { hash, loadFiles, openDashboard, overflow, tooWide, visibleText, waitView } from './dashboard-page';
import { ARTIFACTS, axe, describeViolations, foreignRequests, openSite, type Site, shoot, tabTo } from './harness';
import { wordsBroken } from './words-whole';

const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const LAPTOP = SIZES[1] as { width: number; height: number };

const scenario = loadCase(CASE_FILE);
let site: Site;
let dir: string;
let paths: string[];
let five: Student[];

beforeAll(async () => {
  // The map is not this file's subject: it is off (see openSite).
  site = await openSite(inject('siteOrigin'), { map: false });
  five = fiveStudents(scenario);
  ({ dir, paths } = writeResults(five));
});

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every id of the case a person could be shown by mistake (those that are not plain words). */
function caseIds(): string[] {
  const ids = [
    scenario.id,
    ...scenario.roles.map((r) => r.id),
    ...scenario.endings.map((e) => e.id),
    ...scenario.steps.flatMap((s) => [s.id, ...s.choices.flatMap((c) => [c.id, ...c.outcomes.map((o) => o.id)])]),
  ];
  return [...new Set(ids)].filter((id) => /[-_]/.test(id));
}

describe('the dashboard’s summary', () => {
  it('is the first thing on the page after loading five files', async () => {
    const { page, context, errors } = await openDashboard(site, LAPTOP);
    try {
      const before = Date.now();
      expect(await loadFiles(page, paths)).toBe('5 results loaded.');
      const loadMs = Date.now() - before;

      // First on the page: the summary starts in the top quarter of the window, right under the
      // folded loading bar, and it is the first heading a person sees after the page's own.
      const top = await page.evaluate(() => document.getElementById('glance')?.getBoundingClientRect().top ?? -1);
      expect(top).toBeGreaterThan(0);
      expect(top).toBeLessThan(LAPTOP.height / 4);
      const headings = await page.$$eval('h1, h2', (hs) =>
        hs.filter((x) => (x as HTMLElement).offsetWidth > 1).map((x) => x.textContent ?? ''),
      );
      expect(headings.slice(0, 2)).toEqual(['Instructor dashboard', 'Summary']);
      const order = await page.evaluate(() => {
        const ids = ['glance', 'problems', 'summary'];
        const els = ids.map((id) => document.getElementById(id) as HTMLElement);
        return els.every((el, i) => i === 0 || (els[i - 1] as HTMLElement).compareDocumentPosition(el) & 4);
      });
      expect(order).toBe(true);
      // Its counts, endings and the grid's first rows are on the first screen.
      const gridTop = await page.evaluate(
        () => document.querySelector('#glance .decision-grid tbody tr.grid-row')?.getBoundingClientRect().top ?? 1e9,
      );
      expect(gridTop).toBeLessThan(LAPTOP.height);
      expect(await page.textContent('#result-count')).toBe('5');

      // Endings as counts with their titles, and who reached each.
      const endings = await page.$$eval('#glance li.glance-ending', (lis) =>
        lis.map((li) => ({
          id: (li as HTMLElement).dataset.ending ?? '',
          count: Number(li.querySelector('.ending-count')?.textContent),
          title: li.querySelector('.ending-title')?.textContent ?? '',
          names: li.querySelector('.ending-names')?.textContent ?? '',
        })),
      );
      const reached = new Map<string, Student[]>();
      for (const s of five)
        reached.set(s.result.ending?.id ?? '', [...(reached.get(s.result.ending?.id ?? '') ?? []), s]);
      expect(endings.map((e) => [e.id, e.count]).sort()).toEqual([...reached].map(([id, l]) => [id, l.length]).sort());
      for (const e of endings) {
        const who = reached.get(e.id) ?? [];
        expect(e.title).toBe(who[0]?.result.ending?.title);
        expect(e.names).toBe(who.map((s) => s.who).join(', '));
      }

      // The grid: a row per student in the order loaded, with the group read from the name or file.
      const rows = await page.$$eval('#glance tr.grid-row', (trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('.grid-name')?.textContent ?? '',
          group: tr.querySelector('.group-tag')?.textContent ?? '',
          ending: tr.querySelector('.grid-ending')?.textContent ?? '',
          matched: tr.querySelector('.grid-matched')?.textContent ?? '',
          cells: [...tr.querySelectorAll<HTMLElement>('td.grid-cell')].map((td) => ({
            step: td.dataset.step ?? '',
            match: td.classList.contains('is-match'),
            mark: td.querySelector('.mark')?.textContent ?? '',
            // biome-ignore lint/performance/useDomNodeTextContent: the text shown, not the screen reader's words
            text: td.innerText,
          })),
        })),
      );
      expect(rows.map((r) => [r.name, r.group])).toEqual(five.map((s) => [s.who, s.group]));
      const columns = await page.$$eval('#glance thead th.grid-step', (ths) =>
        ths.map((th) => ({
          step: (th as HTMLElement).dataset.step ?? '',
          number: th.querySelector('.grid-number')?.textContent ?? '',
        })),
      );
      // Columns in date order; a column's number is the one every student saw there, or says which.
      const dates = columns.map((c) => scenario.steps.find((s) => s.id === c.step)?.date ?? '');
      expect(dates).toEqual([...dates].sort());
      for (const c of columns) {
        const turns = [
          ...new Set(five.flatMap((s) => s.result.decisions.filter((d) => d.step === c.step).map((d) => d.turn))),
        ].sort((a, b) => a - b);
        expect(c.number, c.step).toBe(
          turns.length === 1 ? `Decision ${turns[0]}` : `Decision ${turns.slice(0, -1).join(', ')} or ${turns.at(-1)}`,
        );
      }
      // A branch's step sits among its day's steps, not after the last one.
      expect(new Set(columns.map((c) => c.step))).toEqual(
        new Set(five.flatMap((s) => s.result.decisions.map((d) => d.step))),
      );
      five.forEach((s, i) => {
        const row = rows[i];
        if (!row) throw new Error(`no row for ${s.who}`);
        expect(row.ending).toBe(s.result.ending?.title);
        const withHistory = s.result.decisions.filter((d) => d.history);
        expect(row.matched).toBe(`${withHistory.filter((d) => d.matched).length} of ${withHistory.length}`);
        for (const d of s.result.decisions) {
          const cell = row.cells[columns.findIndex((c) => c.step === d.step)];
          expect(cell?.step, `${s.who} ${d.step}`).toBe(d.step);
          expect(cell?.match).toBe(d.matched);
          // The mark is text, not colour alone.
          expect(cell?.mark).toBe(d.matched ? '✓' : '');
          expect(cell?.text).toContain(shortLabel(d.choice.label));
        }
        expect(row.cells.filter((c) => c.step).length).toBe(s.result.decisions.length);
      });

      // Groups side by side: P3 and P5, each with its share of history's choices.
      const groups = await page.$$eval('#glance .groups-table tbody tr', (trs) =>
        trs.map((tr) => [
          (tr as HTMLElement).dataset.group ?? '',
          tr.querySelector('td')?.textContent ?? '',
          tr.querySelector('.group-share')?.textContent ?? '',
        ]),
      );
      const share = (g: string) => {
        const ds = five.filter((s) => s.group === g).flatMap((s) => s.result.decisions.filter((d) => d.history));
        const m = ds.filter((d) => d.matched).length;
        return `${m} of ${ds.length} (${Math.round((m / ds.length) * 100)}%)`;
      };
      expect(groups).toEqual([
        ['P3', '2', share('P3')],
        ['P5', '3', share('P5')],
      ]);

      // The whole page, every decision's detail folded: a few screens, not dozens.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.info(`five files: loaded and shown in ${loadMs} ms; page ${height} px tall at 1366×768`);
      expect(height).toBeLessThan(LAPTOP.height * 6);

      // The detail below follows the same order; a decision's heading in the grid opens its detail.
      const detail = await page.$$eval('#summary .step', (as) => as.map((a) => (a as HTMLElement).dataset.step));
      expect(detail).toEqual(columns.map((c) => c.step));
      const branch = columns.findIndex((c) => c.step === 'ch-blk-stance');
      expect(branch, 'the branch step is a column').toBeGreaterThan(0);
      await page.click(`#glance thead th.grid-step:nth-of-type(${branch + 4}) a.grid-title`);
      await page.waitForFunction((i) => {
        const a = document.querySelectorAll('#summary .step')[i];
        return a?.querySelector('details')?.open === true && a.contains(document.activeElement);
      }, branch);
      expect(await hash(page)).toBe(`#decision-1-1-${branch + 1}`);

      // No id anywhere a person reads, every fold open (file names aside: they are the files').
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('#main details')) (d as HTMLDetailsElement).open = true;
        for (const f of document.querySelectorAll<HTMLElement>('#main .file-name')) f.hidden = true;
      });
      const text = await visibleText(page, '#main');
      for (const id of caseIds()) expect(text, id).not.toContain(id);

      expect(errors).toEqual([]);
      expect(foreignRequests(site)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('presents the summary large at #present, and comes back with Escape, the button or Back', async () => {
    const { page, context, errors } = await openDashboard(site, SIZES[2]);
    try {
      await loadFiles(page, paths);
      const small = await page.evaluate(() =>
        Number.parseFloat(getComputedStyle(document.querySelector('#glance .decision-grid') as Element).fontSize),
      );
      // By keyboard: Tab to Present, Enter.
      await page.focus('#main');
      await tabTo(page, '#glance .present-link');
      await page.keyboard.press('Enter');
      await waitView(page, 'present');
      expect(await hash(page)).toBe('#present');
      expect(await page.isHidden('.dash-bar')).toBe(true);
      expect(await page.isHidden('#summary')).toBe(true);
      expect(await page.isHidden('#drop')).toBe(true);
      expect(await page.isVisible('#glance .decision-grid')).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('glance-heading'))).toBe(true);
      const large = await page.evaluate(() =>
        Number.parseFloat(getComputedStyle(document.querySelector('#glance .decision-grid') as Element).fontSize),
      );
      expect(large).toBeGreaterThan(small);
      // No per-decision detail, no editor.
      expect(await page.locator('#glance .group-editor').count()).toBe(0);
      await page.keyboard.press('Escape');
      await waitView(page, 'dashboard');
      expect(await hash(page)).toBe('');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('present-link'))).toBe(true);
      // Forward, then the way back on screen; then Back in the browser.
      await page.goForward();
      await waitView(page, 'present');
      await page.click('#glance .present-exit');
      await waitView(page, 'dashboard');
      await page.click('#glance .present-link');
      await waitView(page, 'present');
      await page.goBack();
      await waitView(page, 'dashboard');
      expect(await page.isVisible('#summary')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a student’s path beside history at #path/N, from a click on their row', async () => {
    const { page, context, errors } = await openDashboard(site, LAPTOP);
    try {
      await loadFiles(page, paths);
      const chloe = five[2] as Student;
      // A click anywhere on the row (here on a cell) opens the path.
      await page.click('#glance tr.grid-row[data-index="3"] td.grid-ending');
      await waitView(page, 'path');
      expect(await hash(page)).toBe('#path/3');
      expect(await page.textContent('#path-heading')).toBe(chloe.who);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('path-heading');
      expect(await page.isHidden('#glance')).toBe(true);
      const decisions = await page.$$eval('#path-view li.path-decision', (lis) =>
        lis.map((li) => ({
          turn: Number((li as HTMLElement).dataset.turn),
          theirs: li.querySelector('.path-theirs .path-choice')?.textContent ?? '',
          history: li.querySelector('.path-history .path-choice')?.textContent ?? '',
          verdict: li.querySelector('.path-verdict')?.textContent ?? '',
          rationale: li.querySelector('.path-rationale p:last-child')?.textContent ?? '',
        })),
      );
      expect(decisions.map((d) => d.turn)).toEqual(chloe.result.decisions.map((d) => d.turn));
      chloe.result.decisions.forEach((d, i) => {
        const shown = decisions[i];
        expect(shown?.theirs).toBe(d.choice.label);
        expect(shown?.history).toBe(d.history?.label ?? 'No historical choice at this step');
        if (d.history) expect(shown?.verdict).toBe(d.matched ? '✓ Same as history' : 'Not history’s choice');
        expect(shown?.rationale).toBe(d.rationale ?? '');
      });
      const text = await visibleText(page, '#path-view');
      for (const id of caseIds()) expect(text, id).not.toContain(id);
      // The next student, then back to the summary: focus returns to Chloé's name.
      await page.click('#path-view a[rel="next"]');
      await waitView(page, 'path');
      expect(await hash(page)).toBe('#path/4');
      // "Back to the summary" goes back past both paths, as far as the dashboard.
      await page.click('#path-view [data-action="leave-path"]');
      await waitView(page, 'dashboard');
      expect(await hash(page)).toBe('');
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.index)).toBe('4');
      // Forward in the browser returns to the first path; Escape leaves it.
      await page.goForward();
      await waitView(page, 'path');
      expect(await hash(page)).toBe('#path/3');
      await page.keyboard.press('Escape');
      await waitView(page, 'dashboard');
      await page.focus('#glance tr.grid-row[data-index="2"] .grid-name');
      await page.keyboard.press('Enter');
      await waitView(page, 'path');
      expect(await hash(page)).toBe('#path/2');
      await page.goBack();
      await waitView(page, 'dashboard');
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.index)).toBe('2');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets the teacher move a result to another group', async () => {
    const { page, context, errors } = await openDashboard(site, LAPTOP);
    try {
      await loadFiles(page, paths);
      await page.click('#glance .group-editor summary');
      const box = '#glance input.group-input[data-file="p5_dmitri.json"]';
      expect(await page.inputValue(box)).toBe('P5');
      await page.fill(box, 'p3');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('live')?.textContent === 'Group set to p3.');
      const groups = await page.$$eval('#glance .groups-table tbody tr', (trs) =>
        trs.map((tr) => [(tr as HTMLElement).dataset.group, tr.querySelector('td')?.textContent]),
      );
      expect(groups).toEqual([
        ['P3', '3'],
        ['P5', '2'],
      ]);
      // The editor stays open with the focus in the box just edited.
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.file)).toBe(
        'p5_dmitri.json',
      );
      expect(await page.isVisible(box)).toBe(true);
      // Cleared: no group, so a third group, "No group".
      await page.fill(box, '');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.getElementById('live')?.textContent === 'Group cleared.');
      expect(await page.$$eval('#glance .groups-table tbody tr', (trs) => trs.length)).toBe(3);
      expect(await page.textContent('#glance tr.grid-row[data-index="5"] .grid-who')).toBe('dmitri');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('presents a class of twelve on a projector in grids of eight students, none scrolling sideways', async () => {
    const twelve = writeResults(classOf(12, scenario));
    const { page, context, errors } = await openDashboard(site, SIZES[2] as { width: number; height: number });
    try {
      expect(await loadFiles(page, twelve.paths)).toBe('12 results loaded.');
      await page.click('#glance .present-link');
      await waitView(page, 'present');
      const grids = await page.$$eval('#glance .grid-wrap', (ws) =>
        ws.map((w) => ({
          students: w.querySelectorAll('thead .grid-who-col').length,
          sideways: w.scrollWidth - w.clientWidth,
        })),
      );
      expect(grids.map((g) => g.students)).toEqual([8, 4]);
      for (const g of grids) expect(g.sideways).toBeLessThanOrEqual(0);
      expect(await page.$$eval('#glance .grid-part', (ps) => ps.map((p) => p.textContent))).toEqual([
        'Students 1–8 of 12',
        'Students 9–12 of 12',
      ]);
      await shoot(page, 'dashboard-present-twelve');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(twelve.dir, { recursive: true, force: true });
    }
  });

  it('fits a phone, a laptop and a projector in each view, and axe finds no serious problem', async () => {
    for (const size of SIZES) {
      const { page, context, errors } = await openDashboard(site, size);
      try {
        await loadFiles(page, paths);
        const check = async (view: string) => {
          await shoot(page, `dashboard-${view}`);
          expect(
            await overflow(page),
            `${view} at ${size.width}×${size.height}: ${await tooWide(page)}`,
          ).toBeLessThanOrEqual(0);
          const v = await axe(page);
          expect(v, `${view} at ${size.width}: ${describeViolations(v)}`).toEqual([]);
        };
        await check('summary');
        // The tables' labels keep their words whole ("credibility", not "credibili" above "ty").
        expect(await wordsBroken(page, '.chart-table th'), `at ${size.width}×${size.height}`).toEqual([]);
        await page.screenshot({
          path: join(ARTIFACTS, `dashboard-full-${size.width}x${size.height}.png`),
          fullPage: true,
        });
        await page.locator('#glance .grid-wrap').first().scrollIntoViewIfNeeded();
        await shoot(page, 'dashboard-grid');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.click('#glance .present-link');
        await waitView(page, 'present');
        await check('present');
        await page.keyboard.press('Escape');
        await waitView(page, 'dashboard');
        await page.click('#glance tr.grid-row[data-index="3"] .grid-name');
        await waitView(page, 'path');
        await check('path');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('on a phone with Larger text: nothing sideways, the top bar and the tables keep their words whole', async () => {
    const phone = SIZES[0] as { width: number; height: number };
    const { page, context, errors } = await openDashboard(site, phone);
    try {
      await page.evaluate(([key]) => localStorage.setItem(key, JSON.stringify({ textSize: 'larger' })), [
        StorageKey.Settings,
      ] as const);
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { __dashboard?: { ready: boolean } }).__dashboard?.ready);
      await loadFiles(page, paths);
      await shoot(page, 'dashboard-larger-text');
      // A table wider than the page scrolls in its own .table-wrap; the page does not.
      expect(await overflow(page), await tooWide(page)).toBeLessThanOrEqual(0);
      expect(await wordsBroken(page, '.dash-bar, .chart-table th')).toEqual([]);
      const v = await axe(page);
      expect(v, describeViolations(v)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
