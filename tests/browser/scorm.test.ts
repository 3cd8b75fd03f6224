/**
 * The SCORM packages in a real SCORM run-time, as an LMS hosts them: `npm run build:scorm`'s code
 * builds both packages pinned to a case, seat and length; each is unzipped and launched in an
 * iframe under a course page carrying scorm-again's API (scorm-host.ts). A student plays the
 * case to its debrief, and the LMS's data is read back: completion, the seat's score as the
 * debrief shows it, the session's time, every decision as an interaction (step, option, whether
 * history took it, the reasons typed) and the suspend data. Another leaves after three decisions
 * and comes back in a fresh browser: the run resumes at the same decision from the suspend data
 * alone, and the decisions are told to the LMS once each. Measures go to artifacts/scorm.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDebrief } from '../../src/engine/debrief';
import { Game } from '../../src/engine/game';
import { formatDiagnostic, loadScenario, type Scenario } from '../../src/engine/index';
import type { ScormVersion } from '../../src/lms/find-api';
import { cmiIdentifier } from '../../src/lms/scorm-session';
import { type Packed, unpackRun } from '../../src/lms/suspend-data';
import { StorageKey } from '../../src/ui/keys';
import { clickAndRender, openSite, ROOT, type Site } from './harness';
import { cmiOf, type Launched, type Lms, launch, leave, lmsState, playOn, screenIn, startLms } from './scorm-host';
import { validateManifest } from './scorm-xsd';

const PIN = { case: 'kazakhstan-2022', seat: 'chair', length: 'class' };
const VERSIONS: ScormVersion[] = ['1.2', '2004'];
/** Reasons typed at some decisions: a line break and a brace (the LMS takes one line, no leading brace), and a long one. */
const REASONS: Record<number, string> = {
  1: '{Speed} matters more than paperwork.\nTokayev asked in writing anyway.',
  3: `The alliance's word is at stake. ${'Credibility is built slowly and lost fast. '.repeat(9)}`,
};

let site: Site;
let lms: Lms;
let scenario: Scenario;
const measured: Record<string, unknown> = {};

beforeAll(async () => {
  // The LMS's data is the subject, not the map: every page starts with the map turned off.
  site = await openSite(inject('siteOrigin'), { map: false });
  const t0 = Date.now();
  lms = await startLms(PIN);
  measured.build_ms = Date.now() - t0;
  measured.packages = lms.packages.map((p) => ({
    version: p.version,
    file: p.file.split('/').pop(),
    kb: Math.round(p.bytes / 1024),
    files: p.files.length,
  }));
  const r = loadScenario(readFileSync(join(ROOT, 'scenarios', `${PIN.case}.yaml`)), `${PIN.case}.yaml`);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
  scenario = r.scenario;
});

afterAll(async () => {
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'artifacts', 'scorm.json'), `${JSON.stringify(measured, null, 2)}\n`);
  await lms?.stop();
  await site?.close();
});

/** A value of the LMS's data by its dotted path (`core.score.raw`, `interactions.0.id`). */
function at(cmi: Record<string, unknown>, path: string): string {
  let v: unknown = cmi;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v === undefined || v === null ? '' : String(v);
}

function count(cmi: Record<string, unknown>, path: string): number {
  let v: unknown = cmi;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v && typeof v === 'object' ? Object.keys(v).length : 0;
}

const names = (v: ScormVersion) =>
  v === '1.2'
    ? { status: 'core.lesson_status', score: 'core.score', time: 'core.session_time', exit: 'core.exit' }
    : { status: 'completion_status', score: 'score', time: 'session_time', exit: 'exit' };

/** The run the suspend data keeps, replayed in Node: what the LMS should have been told. */
function replayed(packed: Packed) {
  const game = Game.replay(
    scenario,
    { role: packed.run.role, seed: packed.game.seed, ...(packed.game.length ? { length: packed.game.length } : {}) },
    packed.game.events,
  );
  const debrief = buildDebrief(scenario, game.state());
  game.stop();
  return debrief;
}

async function begin(l: Launched): Promise<void> {
  // The pinned seat's briefing opens at launch: no case list, no seat to pick.
  expect(await screenIn(l.frame)).toBe('briefing');
  expect(await l.frame.evaluate(() => location.hash)).toBe(`#/case/${PIN.case}/seat/${PIN.seat}`);
  await clickAndRender(l.frame, '[data-action="begin"]');
  expect(await screenIn(l.frame)).toBe('play');
}

function noForeignRequests(): void {
  expect(lms.browserRequests.length).toBeGreaterThan(0);
  const foreign = lms.browserRequests.filter(
    (u) => !u.startsWith(`${lms.origin}/`) && !/^(data|blob):/.test(u) && u !== 'about:blank',
  );
  expect(foreign).toEqual([]);
  expect(lms.requests.filter((r) => r !== '/course.html' && !/^\/(lms|content)\//.test(r))).toEqual([]);
}

describe.each(VERSIONS)('SCORM %s package in scorm-again', (version) => {
  const n = names(version);

  it('plays the pinned case to its debrief: completion, the debrief’s score, time, every decision and the suspend data', async () => {
    const t0 = Date.now();
    const l = await launch(site, lms, version);
    try {
      await begin(l);
      const played = await playOn(l.frame, { pick: (turn, k) => turn % k, reasons: (turn) => REASONS[turn] });
      const shown = (await l.frame.locator('#main [data-debrief="score"] .debrief-big').textContent()) ?? '';
      const end = Number(/→\s*(\d+)/.exec(shown)?.[1]);
      const rows = await l.frame.locator('#main .decision').count();
      const live = await cmiOf(l.page);
      // Completed as the debrief opens, before the student leaves.
      expect(at(live, n.status)).toBe('completed');
      await leave(l.page);
      const cmi = await cmiOf(l.page);

      expect(at(cmi, n.status)).toBe('completed');
      if (version === '2004') expect(at(cmi, 'success_status')).toBe('unknown');
      expect(at(cmi, `${n.score}.raw`)).toBe(String(end));
      expect(at(cmi, `${n.score}.min`)).toBe('0');
      expect(at(cmi, `${n.score}.max`)).toBe('100');
      if (version === '2004') expect(Number(at(cmi, 'score.scaled'))).toBeCloseTo(end / 100, 5);
      const time = at(cmi, n.time);
      if (version === '1.2') expect(time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      else expect(time).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
      expect(time).not.toMatch(/^(00:00:00(\.0+)?|PT0S)$/);
      expect(at(cmi, n.exit)).toBe('suspend');

      const suspend = at(cmi, 'suspend_data');
      expect(suspend.length).toBeLessThanOrEqual(version === '1.2' ? 4096 : 64000);
      const packed = unpackRun(suspend);
      if (!packed) throw new Error(`suspend data not read back: ${suspend.slice(0, 200)}`);
      expect(packed.run.screen).toBe('debrief');
      expect(packed.run.scenario).toBe(PIN.case);
      expect(packed.run.role).toBe(PIN.seat);
      expect(packed.game.length).toBe(PIN.length);

      // Every decision once, as the debrief (replayed from the suspend data in Node) has it.
      const debrief = replayed(packed);
      expect(debrief.objectives.end).toBe(end);
      expect(debrief.decisions.length).toBe(rows);
      expect(debrief.decisions.length).toBeGreaterThanOrEqual(5);
      expect(count(cmi, 'interactions')).toBe(debrief.decisions.length);
      const response = version === '1.2' ? 'student_response' : 'learner_response';
      const results = new Set<string>();
      debrief.decisions.forEach((d, i) => {
        const x = `interactions.${i}`;
        expect(at(cmi, `${x}.id`)).toBe(cmiIdentifier(d.step));
        expect(at(cmi, `${x}.type`)).toBe('choice');
        expect(at(cmi, `${x}.${response}`)).toBe(cmiIdentifier(d.yours.id));
        const result = d.matched
          ? 'correct'
          : d.history?.choice
            ? version === '1.2'
              ? 'wrong'
              : 'incorrect'
            : 'neutral';
        expect(at(cmi, `${x}.result`)).toBe(result);
        results.add(result);
        expect(at(cmi, `${x}.correct_responses.0.pattern`)).toBe(
          d.history?.choice ? cmiIdentifier(d.history.choice.id) : '',
        );
        if (version === '2004') {
          const description = at(cmi, `${x}.description`);
          expect(description.length).toBeLessThanOrEqual(250);
          expect(description).toContain(d.yours.label.slice(0, 40));
        }
      });
      // The options taken with the mouse are the ones reported.
      const chosen = debrief.decisions.filter((d) => d.yours.id !== 'consensus' && d.yours.id !== 'blocked');
      expect(chosen.map((d) => d.yours.id)).toEqual(played.choices.map((c) => c.id));
      // The reasons: in 1.2 each decision's line in cmi.comments, in 2004 a comment from the learner.
      if (version === '1.2') {
        const comments = at(cmi, 'comments');
        expect(comments.length).toBeLessThanOrEqual(4096);
        for (const d of debrief.decisions) expect(comments).toContain(`${d.turn}. ${d.title}: ${d.yours.label}`);
        // One line: the line break typed becomes a space.
        expect(comments).toContain('Why: {Speed} matters more than paperwork. Tokayev asked in writing anyway.');
        expect(comments).toContain('Credibility is built slowly');
      } else {
        expect(count(cmi, 'comments_from_learner')).toBe(2);
        expect(at(cmi, 'comments_from_learner.0.comment')).toBe(
          `1. ${debrief.decisions[0]?.title}: {Speed} matters more than paperwork. Tokayev asked in writing anyway.`,
        );
        expect(at(cmi, 'comments_from_learner.0.location')).toBe(cmiIdentifier(debrief.decisions[0]?.step ?? ''));
        expect(at(cmi, 'comments_from_learner.1.comment')).toContain('Credibility is built slowly');
      }
      const { commits } = await lmsState(l.page);
      measured[`play ${version}`] = {
        decisions: debrief.decisions.length,
        votes: played.votes,
        results: [...results],
        score: end,
        session_time: time,
        suspend_chars: suspend.length,
        commits,
        ms: Date.now() - t0,
        // What a teacher reads in the LMS's report of this attempt: each decision in words.
        teacher_reads:
          version === '1.2'
            ? at(cmi, 'comments').split('\n')
            : debrief.decisions.map((_, i) => at(cmi, `interactions.${i}.description`)),
      };
      expect(l.errors).toEqual([]);
    } finally {
      await l.context.close();
    }
  });

  it('leaves after three decisions and resumes at the same decision from the suspend data, in a fresh browser', async () => {
    const t0 = Date.now();
    const a = await launch(site, lms, version, { seed: 11 });
    let cmi: Record<string, unknown>;
    let step: string;
    let heading: string;
    try {
      await begin(a);
      await playOn(a.frame, {
        pick: () => 0,
        stopAfter: 3,
        reasons: (turn) => (turn === 2 ? 'Mid-run reasons' : undefined),
      });
      step = await a.frame.evaluate(() => document.querySelector<HTMLElement>('#main [data-step]')?.dataset.step ?? '');
      heading = (await a.frame.locator('#main h1, #main h2').first().textContent()) ?? '';
      expect(step).not.toBe('');
      await leave(a.page);
      cmi = await cmiOf(a.page);
      expect(a.errors).toEqual([]);
    } finally {
      await a.context.close();
    }
    expect(at(cmi, n.exit)).toBe('suspend');
    expect(at(cmi, n.status)).toBe('incomplete');
    expect(count(cmi, 'interactions')).toBe(3);
    const left = unpackRun(at(cmi, 'suspend_data'));
    expect(left?.run.screen).toBe('play');
    expect(left?.reported).toBe(3);

    // A new session of the LMS with the data the last one left; another seed in the address, no local storage.
    const b = await launch(site, lms, version, { cmi, seed: 12345 });
    try {
      expect(await screenIn(b.frame)).toBe('play');
      expect(await b.frame.evaluate(() => location.hash)).toBe('#/play');
      expect(await b.frame.evaluate(() => document.querySelector<HTMLElement>('#main [data-step]')?.dataset.step)).toBe(
        step,
      );
      expect((await b.frame.locator('#main h1, #main h2').first().textContent()) ?? '').toBe(heading);
      // Nothing of the run in local storage: only the settings this profile starts with (the map off).
      expect(
        await b.frame.evaluate((kept) => Object.keys(localStorage).filter((k) => k !== kept), StorageKey.Settings),
      ).toEqual([]);
      await playOn(b.frame, { pick: () => 0 });
      await leave(b.page);
      const after = await cmiOf(b.page);
      const packed = unpackRun(at(after, 'suspend_data'));
      if (!packed) throw new Error('no suspend data after the run');
      const debrief = replayed(packed);
      // The three decisions before leaving are told once; the rest follow them.
      expect(count(after, 'interactions')).toBe(debrief.decisions.length);
      for (let i = 0; i < 3; i++) {
        expect(at(after, `interactions.${i}.id`)).toBe(at(cmi, `interactions.${i}.id`));
      }
      expect(packed.game.seed).toBe(left?.game.seed);
      expect(at(after, n.status)).toBe('completed');
      expect(at(after, `${n.score}.raw`)).toBe(String(debrief.objectives.end));
      // The reasons typed before leaving are in the resumed run.
      expect(debrief.decisions[1]?.yours.rationale).toBe('Mid-run reasons');
      expect(b.errors).toEqual([]);
      measured[`resume ${version}`] = {
        left_at: step,
        suspend_chars_when_left: at(cmi, 'suspend_data').length,
        decisions: debrief.decisions.length,
        ms: Date.now() - t0,
      };
    } finally {
      await b.context.close();
    }
  });
});

describe('the packages', () => {
  it('hold no service worker or web app manifest, and each index.html says its SCORM version and the pin', () => {
    for (const p of lms.packages) {
      const files = Object.keys(lms.unzipped[p.version]);
      expect(files).toContain('imsmanifest.xml');
      expect(files).toContain('index.html');
      expect(files.filter((f) => /(^|\/)(sw\.js|workbox-|manifest\.webmanifest|registerSW)/.test(f))).toEqual([]);
      const html = new TextDecoder().decode(lms.unzipped[p.version]['index.html']);
      expect(html).toContain(
        `<meta name="article-four-lms" content="scorm=${p.version}&amp;case=${PIN.case}&amp;seat=${PIN.seat}&amp;length=${PIN.length}">`,
      );
      expect(html).toContain('http-equiv="Content-Security-Policy"');
      expect(p.file).toMatch(
        new RegExp(`article-four-scorm${p.version === '1.2' ? '12' : '2004'}-kazakhstan-2022-chair-class\\.zip$`),
      );
    }
  });

  it('have manifests the SCORM schemas accept, listing every file of the package', async () => {
    for (const p of lms.packages) {
      const xml = new TextDecoder().decode(lms.unzipped[p.version]['imsmanifest.xml']);
      const r = await validateManifest(p.version, xml);
      expect(r.errors).toEqual([]);
      expect(r.valid).toBe(true);
      for (const f of p.files) expect(xml).toContain(`<file href="${f}"/>`);
    }
  });

  it('made no request beyond the local LMS', () => {
    noForeignRequests();
  });
});
