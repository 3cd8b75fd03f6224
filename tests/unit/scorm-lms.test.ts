/**
 * The game's LMS code without a browser: SCORM times and identifiers, finding the API up the
 * frames, the launch's pin and screen, the session's mapping to SCORM 1.2 and 2004 elements (in
 * scorm-again, the run-time LMSs embed, run in Node), the reporter's journal of decisions (a
 * replay and a new run included), and the saved run kept in the LMS and read back. The browser
 * test (tests/browser/scorm.test.ts) plays the built packages in scorm-again for real.
 */
import { join } from 'node:path';
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GameEvent } from '../../src/engine/events';
import { Game } from '../../src/engine/game';
import { playState } from '../../src/engine/save';
import type { Scenario } from '../../src/engine/schema';
import { findScormApi, type Scorm12Api, type Scorm2004Api, type WindowLike } from '../../src/lms/find-api';
import { launchMeta, launchRoute, readLaunchConfig } from '../../src/lms/launch-config';
import { Reporter, runFacts } from '../../src/lms/reporter';
import { type SaveSession, ScormSaves } from '../../src/lms/scorm-saves';
import { cmiIdentifier, cmiText, type DecisionReport, ScormSession } from '../../src/lms/scorm-session';
import { iso8601Duration, scorm12Time, scorm12Timespan, scorm2004Time } from '../../src/lms/scorm-time';
import { packRun, unpackRun } from '../../src/lms/suspend-data';
import type { StoredRun } from '../../src/ui/save-store';
import { loadOrThrow, SCENARIO_DIR } from '../helpers';

const KZ = loadOrThrow(join(SCENARIO_DIR, 'kazakhstan-2022.yaml'));

afterEach(() => {
  vi.restoreAllMocks();
});

/** scorm-again's run-times (its types say default export, its ES modules export them by name). */
interface LmsApi {
  renderCMIToJSONObject(): { cmi: unknown };
}
type LmsCtor<T> = new (settings: object) => T & LmsApi;
const pick = <T>(m: object, name: string): LmsCtor<T> =>
  ((m as Record<string, unknown>)[name] ?? (m as { default: unknown }).default) as LmsCtor<T>;
const Scorm12API = pick<Scorm12Api>(scorm12, 'Scorm12API');
const Scorm2004API = pick<Scorm2004Api>(scorm2004, 'Scorm2004API');

/** Plays `decisions` decisions (first legal move each time; `why` typed at each), then returns the run as the flow stores it. */
function playRun(s: Scenario, opts: { role: string; seed: number; length?: string; decisions: number; why?: string }) {
  const game = Game.start(s, { role: opts.role, seed: opts.seed, ...(opts.length ? { length: opts.length } : {}) });
  for (let i = 0; i < 500 && !game.ended && game.state().decisions.length < opts.decisions; i++) {
    const move = game.moves()[0] as GameEvent;
    game.send(
      (move.type === 'CHOOSE' || move.type === 'CALL_VOTE') && opts.why ? { ...move, rationale: opts.why } : move,
    );
  }
  return game;
}

function stored(game: Game, screen: StoredRun['screen'], startedAt = '2026-03-02T10:00:00+01:00'): StoredRun {
  return {
    version: 2,
    scenario: game.scenario.id,
    role: game.state().role,
    savedAt: '2026-03-02T10:20:00.000Z',
    screen,
    seen: game.state().turn,
    engine: game.save(),
    startedAt,
    mode: 'solo',
  };
}

describe('SCORM times and strings', () => {
  it('writes session times and moments in each version’s form', () => {
    expect(scorm12Timespan(0)).toBe('00:00:00.00');
    expect(scorm12Timespan(3_723_450)).toBe('01:02:03.45');
    expect(scorm12Timespan(200 * 3_600_000)).toBe('200:00:00.00');
    expect(scorm12Timespan(-5)).toBe('00:00:00.00');
    expect(iso8601Duration(0)).toBe('PT0S');
    expect(iso8601Duration(3_723_450)).toBe('PT1H2M3.45S');
    expect(iso8601Duration(60_000)).toBe('PT1M');
    const d = new Date(2026, 0, 2, 3, 4, 5);
    expect(scorm12Time(d)).toBe('03:04:05');
    expect(scorm2004Time(d)).toBe('2026-01-02T03:04:05');
  });

  it('makes identifiers the strictest LMS takes, and text one line without a leading brace', () => {
    expect(cmiIdentifier('ch-req-consult')).toBe('ch_req_consult');
    expect(cmiIdentifier('a.b_c')).toBe('a.b_c');
    expect(cmiIdentifier('')).toBe('_');
    expect(cmiText('{lang=fr} Bonjour\n  monde\t!', 250)).toBe('(lang=fr} Bonjour monde !');
    const long = cmiText('x'.repeat(300), 250);
    expect(long).toHaveLength(250);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('finding the API', () => {
  const win = (props: Record<string, unknown>, parent: WindowLike | null = null): WindowLike => {
    const w = { ...props, parent } as unknown as { parent: WindowLike | null };
    if (!parent) w.parent = w as unknown as WindowLike;
    return w as unknown as WindowLike;
  };
  const api12 = { LMSInitialize: () => 'true' };
  const api2004 = { Initialize: () => 'true' };

  it('looks up the frames, then the opener, for the version the package prefers first', () => {
    const top = win({ API: api12, API_1484_11: api2004 });
    const frame = win({}, win({}, top));
    expect(findScormApi(frame, '1.2')).toEqual({ version: '1.2', api: api12 });
    expect(findScormApi(frame, '2004')).toEqual({ version: '2004', api: api2004 });
    expect(findScormApi(win({}, win({ API: api12 })), '2004')?.version).toBe('1.2');
    const popup = { ...win({}), opener: win({ API_1484_11: api2004 }) } as unknown as WindowLike;
    expect(findScormApi(popup)?.version).toBe('2004');
    expect(findScormApi(win({}))).toBeNull();
    // Not an API: no Initialize function.
    expect(findScormApi(win({ API_1484_11: { Initialize: 'no' } }))).toBeNull();
  });

  it('passes over a window of another origin (reading it throws) and goes on up', () => {
    const top = win({ API_1484_11: api2004 });
    const foreign = {
      get parent() {
        return top;
      },
      get API_1484_11(): unknown {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    } as unknown as WindowLike;
    expect(findScormApi(win({}, foreign))?.version).toBe('2004');
  });
});

describe('the launch', () => {
  it('reads the version and the pin the package carries', () => {
    const meta = launchMeta({ scorm: '1.2', pin: { case: 'kazakhstan-2022', seat: 'chair', length: 'class' } });
    expect(meta).toBe('scorm=1.2&case=kazakhstan-2022&seat=chair&length=class');
    expect(readLaunchConfig(meta)).toEqual({
      scorm: '1.2',
      pin: { case: 'kazakhstan-2022', seat: 'chair', length: 'class' },
    });
    expect(readLaunchConfig(null)).toEqual({ scorm: '2004', pin: null });
    expect(readLaunchConfig('scorm=2004&case=<script>&seat=chair')).toEqual({ scorm: '2004', pin: null });
  });

  it('opens the run where it was left, else the pinned seat, else what the address says', () => {
    const pin = { case: 'kazakhstan-2022', seat: 'chair', length: 'class' };
    const title = { screen: 'title' } as const;
    const none = { kind: 'none' } as const;
    const length = [{ type: 'LENGTH', scenario: 'kazakhstan-2022', length: 'class' }];
    expect(launchRoute(pin, title, none, false)).toEqual({
      route: { screen: 'briefing', scenario: 'kazakhstan-2022', role: 'chair' },
      events: length,
    });
    expect(launchRoute({ case: 'kazakhstan-2022' }, title, none, false).route).toEqual({
      screen: 'seats',
      scenario: 'kazakhstan-2022',
    });
    const run = stored(playRun(KZ, { role: 'chair', seed: 1, decisions: 1 }), 'debrief');
    expect(launchRoute(pin, title, { kind: 'ok', run }, false).route).toEqual({ screen: 'debrief' });
    expect(launchRoute(pin, { screen: 'credits' }, { kind: 'ok', run }, true).route).toEqual({ screen: 'credits' });
    expect(launchRoute(null, title, none, false)).toEqual({ route: title, events: [] });
  });
});

/** The LMS's data as scorm-again renders it: records of records of strings. */
type Cmi = { readonly [key: string]: Cmi };

const DECISION: DecisionReport = {
  turn: 2,
  step: 'ch-basis',
  title: 'On what basis?',
  choice: { id: 'ch-basis-art2', label: 'Article 2 and the peacekeeping agreement' },
  history: { id: 'ch-basis-art4', label: 'Article 4: treat it as aggression from outside' },
  result: 'incorrect',
  rationale: 'No attack\nfrom outside.',
  at: new Date(2026, 2, 2, 10, 5, 0),
};

describe('the session, in scorm-again', () => {
  it('SCORM 1.2: incomplete, then completed with the score; each decision an interaction and a line of the comments', () => {
    const errors = vi.spyOn(console, 'error');
    const api = new Scorm12API({ logLevel: 5 });
    let now = 1_000;
    const session = ScormSession.open({ version: '1.2', api }, () => now);
    if (!session) throw new Error('no session');
    session.begin();
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    session.addDecision(DECISION);
    session.addDecision({
      ...DECISION,
      turn: 3,
      step: 'ch-council',
      choice: { id: 'consensus', label: 'Consensus reached' },
      history: { id: 'consensus', label: 'Consensus reached' },
      result: 'correct',
      rationale: undefined,
    });
    session.complete(63.4);
    expect(session.setSuspendData('{"a4":1}')).toBe(true);
    now += 754_320;
    session.finish(true);
    const cmi = api.renderCMIToJSONObject().cmi as Cmi;
    expect(cmi.core.lesson_status).toBe('completed');
    expect(cmi.core.score).toMatchObject({ raw: '63', min: '0', max: '100' });
    expect(String(cmi.core.session_time)).toMatch(/^00:12:34\.3/);
    expect(cmi.core.exit).toBe('suspend');
    expect(cmi.interactions['0']).toMatchObject({
      id: 'ch_basis',
      type: 'choice',
      student_response: 'ch_basis_art2',
      result: 'wrong',
      time: '10:05:00',
    });
    expect(cmi.interactions['0'].correct_responses['0'].pattern).toBe('ch_basis_art4');
    expect(cmi.interactions['1']).toMatchObject({ student_response: 'consensus', result: 'correct' });
    expect(cmi.comments).toBe(
      '2. On what basis?: Article 2 and the peacekeeping agreement (history chose: Article 4: treat it as aggression from outside). Why: No attack from outside.\n' +
        '3. On what basis?: Consensus reached (history chose this too)',
    );
    expect(errors).not.toHaveBeenCalled();
  });

  it('SCORM 2004: the decision described in words, the reasons a comment from the learner; no pass or fail', () => {
    const errors = vi.spyOn(console, 'error');
    const api = new Scorm2004API({ logLevel: 5 });
    const session = ScormSession.open({ version: '2004', api }, () => 0);
    if (!session) throw new Error('no session');
    session.begin();
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete');
    session.addDecision(DECISION);
    session.addDecision({ ...DECISION, turn: 3, history: undefined, result: 'neutral', rationale: undefined });
    session.complete(40);
    session.finish(false);
    const cmi = api.renderCMIToJSONObject().cmi as Cmi;
    expect(cmi.completion_status).toBe('completed');
    expect(cmi.success_status).toBe('unknown');
    expect(cmi.score).toMatchObject({ raw: '40', min: '0', max: '100', scaled: '0.4' });
    expect(cmi.session_time).toBe('PT0S');
    expect(cmi.exit).toBe('normal');
    expect(cmi.interactions['0']).toMatchObject({
      id: 'ch_basis',
      type: 'choice',
      learner_response: 'ch_basis_art2',
      result: 'incorrect',
      timestamp: '2026-03-02T10:05:00',
      description:
        '2. On what basis?: Article 2 and the peacekeeping agreement (history chose: Article 4: treat it as aggression from outside)',
    });
    expect(cmi.interactions['1']).toMatchObject({ result: 'neutral' });
    expect(cmi.interactions['1'].description).toContain('(history made no such choice)');
    expect(cmi.comments_from_learner['0']).toMatchObject({
      comment: '2. On what basis?: No attack from outside.',
      location: 'ch_basis',
    });
    expect(Object.keys(cmi.comments_from_learner)).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
  });

  it('does nothing after the session ended, and says when the LMS refuses to start', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refusing = {
      Initialize: () => 'false',
      GetLastError: () => '103',
      GetErrorString: () => 'Already terminated',
      GetDiagnostic: () => '',
    };
    expect(ScormSession.open({ version: '2004', api: refusing as unknown as Scorm2004Api })).toBeNull();
    expect(errors.mock.calls[0]?.[0]).toMatch(/refused to start a SCORM session: 103 Already terminated/);
  });
});

/** An LMS's session in memory, for the reporter and the saves. */
class FakeSession implements SaveSession {
  decisions: DecisionReport[] = [];
  scores: number[] = [];
  commits = 0;
  constructor(
    public suspend = '',
    readonly suspendLimit = 4096,
  ) {}
  suspendData() {
    return this.suspend;
  }
  setSuspendData(text: string) {
    this.suspend = text;
    return true;
  }
  addDecision(d: DecisionReport) {
    this.decisions.push(d);
  }
  complete(score: number) {
    this.scores.push(score);
  }
  commit() {
    this.commits += 1;
    return true;
  }
}

describe('the reporter', () => {
  it('reads each decision as the debrief has it, and the debrief’s score at the debrief only', () => {
    const game = playRun(KZ, { role: 'chair', seed: 3, decisions: 99, why: 'Because.' });
    expect(game.ended).toBe(true);
    const debrief = game.debrief();
    const facts = runFacts(KZ, stored(game, 'debrief'), new Date(0));
    expect(facts?.score).toBe(debrief.objectives.end);
    expect(facts?.decisions.map((d) => [d.step, d.choice.id, d.result, d.rationale])).toEqual(
      debrief.decisions.map((d) => [
        d.step,
        d.yours.id,
        d.matched ? 'correct' : d.history?.choice ? 'incorrect' : 'neutral',
        'Because.',
      ]),
    );
    expect(runFacts(KZ, stored(game, 'ending'), new Date(0))?.score).toBeNull();
    expect(runFacts(KZ, { ...stored(game, 'debrief'), engine: null }, new Date(0))).toBeNull();
  });

  it('tells each decision once; a replay tells its new decisions after; a new run starts again', () => {
    const target = new FakeSession();
    const reporter = new Reporter(target);
    const game = playRun(KZ, { role: 'chair', seed: 5, decisions: 3 });
    reporter.report(KZ, stored(game, 'play'));
    reporter.report(KZ, stored(game, 'play'));
    expect(target.decisions.map((d) => d.turn)).toEqual([1, 2, 3]);
    // Replay from decision 2: the run has decision 1; the next decisions are new ones.
    const replay = game.replayFrom(2);
    reporter.report(KZ, stored(replay, 'play'));
    expect(reporter.reported).toBe(1);
    replay.send(replay.moves().at(-1) as GameEvent);
    for (let i = 0; i < 20 && replay.state().decisions.length < 2; i++) replay.send(replay.moves()[0] as GameEvent);
    reporter.report(KZ, stored(replay, 'play'));
    expect(target.decisions.map((d) => d.turn)).toEqual([1, 2, 3, 2]);
    // A new run (another start): its decisions are told from the first.
    const other = playRun(KZ, { role: 'chair', seed: 6, decisions: 1 });
    reporter.report(KZ, stored(other, 'play', '2026-03-02T11:00:00+01:00'));
    expect(target.decisions.map((d) => d.turn)).toEqual([1, 2, 3, 2, 1]);
    expect(target.scores).toEqual([]);
  });

  it('completes once per debrief reached', () => {
    const target = new FakeSession();
    const reporter = new Reporter(target);
    const game = playRun(KZ, { role: 'chair', seed: 7, decisions: 99 });
    reporter.report(KZ, stored(game, 'ending'));
    reporter.report(KZ, stored(game, 'debrief'));
    reporter.report(KZ, stored(game, 'debrief'));
    expect(target.scores).toEqual([game.debrief().objectives.end]);
  });
});

describe('the run kept in the LMS', () => {
  const loadCase = async (id: string) => (id === KZ.id ? KZ : undefined);

  it('is written as suspend data with each save, committed, and read back into a run the game restores', async () => {
    const session = new FakeSession();
    const saves = await ScormSaves.open(session, loadCase);
    expect(saves.read()).toEqual({ kind: 'none' });
    const deps = saves.deps({
      scenario: (id) => (id === KZ.id ? KZ : undefined),
      readSave: () => ({ kind: 'none' }),
      writeSave: () => true,
      clearSave: () => {},
      teams: () => [],
      newSeed: () => 1,
      timestamp: () => '',
    });
    const game = playRun(KZ, { role: 'chair', seed: 9, length: 'class', decisions: 4, why: 'Reasons\nkept.' });
    const run = stored(game, 'play');
    expect(deps.writeSave(run)).toBe(true);
    expect(session.commits).toBe(1);
    expect(session.decisions).toHaveLength(4);
    expect(deps.readSave()).toEqual({ kind: 'ok', run });
    const packed = unpackRun(session.suspend);
    expect(packed?.reported).toBe(4);
    expect(packed?.game.length).toBe('class');

    // The next launch: the suspend data alone gives the same run back, and the decisions told are not told again.
    const next = new FakeSession(session.suspend);
    const again = await ScormSaves.open(next, loadCase);
    const read = again.read();
    if (read.kind !== 'ok') throw new Error('not resumed');
    expect(read.run.screen).toBe('play');
    expect(read.run.startedAt).toBe(run.startedAt);
    const restored = Game.restore(KZ, read.run.engine);
    expect(playState(restored.save().snapshot)).toBe(playState(game.save().snapshot));
    again.deps({ ...deps }).writeSave(stored(restored, 'play'));
    expect(next.decisions).toHaveLength(0);
    again.clear();
    expect(next.suspend).toBe('');
    expect(again.read()).toEqual({ kind: 'none' });
  });

  it('says once when the kept run cannot be resumed: its case missing, or its rules changed', async () => {
    const game = playRun(KZ, { role: 'chair', seed: 2, decisions: 2 });
    const text = packRun(stored(game, 'play'), 2, 4096);
    const missing = await ScormSaves.open(new FakeSession(text), async () => undefined);
    expect(missing.read()).toMatchObject({ kind: 'problem', message: expect.stringContaining('"kazakhstan-2022"') });
    expect(missing.read()).toEqual({ kind: 'none' });
    const changed = await ScormSaves.open(
      new FakeSession(text.replace(/"rulesHash":"[^"]*"/, '"rulesHash":"0"')),
      loadCase,
    );
    expect(changed.read()).toMatchObject({
      kind: 'problem',
      message: expect.stringMatching(/rules of this case have changed/),
    });
    const foreign = await ScormSaves.open(new FakeSession('viewed=1,2,3|lastslide=4'), loadCase);
    expect(foreign.read()).toEqual({ kind: 'none' });
  });
});

describe('the suspend data’s size', () => {
  const files = ['armenia-2021', 'kazakhstan-2022', 'kyrgyzstan-2010'].map((id) =>
    loadOrThrow(join(SCENARIO_DIR, `${id}.yaml`)),
  );

  it('at the end of every bundled case, seat and length, fits SCORM 1.2’s 4096 characters with room to spare', async () => {
    const { randomPlaythrough } = await import('../../src/engine/autoplay');
    let longest = { chars: 0, full: 0, what: '' };
    for (const s of files) {
      for (const role of s.roles) {
        for (const length of [undefined, ...s.lengths.map((l) => l.id)]) {
          for (let seed = 1; seed <= 15; seed++) {
            const game = randomPlaythrough(s, role.id, seed, 1000, length);
            const run = stored(game, 'debrief');
            const text = packRun(run, game.state().decisions.length, 4096);
            if (text.length > longest.chars) {
              longest = {
                chars: text.length,
                full: JSON.stringify(run).length,
                what: `${s.id} ${role.id} ${length ?? 'full'} seed ${seed}`,
              };
            }
            game.stop();
          }
        }
      }
    }
    console.log(
      `suspend data at the end of the longest run: ${longest.chars} characters (${longest.what}); the browser's stored run: ${longest.full}`,
    );
    expect(longest.chars).toBeLessThanOrEqual(2048);
    expect(longest.full).toBeGreaterThan(4096);
  });

  it('shortens the longest reasons in the copy kept when they would not fit, and the run still resumes', async () => {
    const long = 'A long reason. '.repeat(133).trim();
    const game = playRun(KZ, { role: 'chair', seed: 4, decisions: 99, why: long });
    const run = stored(game, 'debrief');
    const text = packRun(run, 5, 4096);
    expect(text.length).toBeLessThanOrEqual(4096);
    const packed = unpackRun(text);
    if (!packed) throw new Error('unreadable');
    const reasons = packed.game.events.flatMap((e) => ('rationale' in e && e.rationale ? [e.rationale] : []));
    expect(reasons.length).toBe(game.state().decisions.length);
    expect(Math.max(...reasons.map((r) => r.length))).toBeLessThan(long.length);
    expect(reasons.every((r) => long.startsWith(r))).toBe(true);
    const back = await ScormSaves.open(new FakeSession(text), async () => KZ);
    const read = back.read();
    expect(read.kind).toBe('ok');
    if (read.kind === 'ok') expect(Game.restore(KZ, read.run.engine).state().decisions).toHaveLength(reasons.length);
    // SCORM 2004 keeps 64000 characters: the reasons whole.
    const whole = unpackRun(packRun(run, 5, 64000));
    expect(whole?.game.events.some((e) => 'rationale' in e && e.rationale === long)).toBe(true);
  });
});
