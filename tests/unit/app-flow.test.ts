/**
 * The app's flow as a statechart, in Node: routes, the run with its Game as a child actor,
 * resume, and the questions asked before a run is replaced or rewound. Pure transitions for
 * routing; an actor with the real engine and a bundled case for the run.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import type { TeamSetup } from '../../src/classroom/council-teams';
import type { Scenario } from '../../src/engine/schema';
import { appMachine, type FlowDeps } from '../../src/ui/flow/app-machine';
import { parseRoute, type Route, routeHash } from '../../src/ui/flow/routes';
import type { SaveRead, StoredRun } from '../../src/ui/save-store';
import { loadOrThrow, SCENARIO_DIR } from '../helpers';

const kz = loadOrThrow(join(SCENARIO_DIR, 'kazakhstan-2022.yaml'));
const kg = loadOrThrow(join(SCENARIO_DIR, 'kyrgyzstan-2010.yaml'));
const cases = new Map<string, Scenario>([
  [kz.id, kz],
  [kg.id, kg],
]);

/** Deps over a save held in memory, as localStorage would hold it (JSON). */
function deps(): FlowDeps & { saved(): StoredRun | null; writes: number } {
  let raw: string | null = null;
  const d = {
    writes: 0,
    scenario: (id: string) => cases.get(id),
    readSave: (): SaveRead => (raw === null ? { kind: 'none' } : { kind: 'ok', run: JSON.parse(raw) as StoredRun }),
    writeSave: (run: StoredRun) => {
      raw = JSON.stringify(run);
      d.writes += 1;
      return true;
    },
    clearSave: () => {
      raw = null;
    },
    teams: () => [],
    newSeed: () => 7,
    timestamp: () => '2026-12-01T10:00:00+01:00',
    saved: () => (raw === null ? null : (JSON.parse(raw) as StoredRun)),
  };
  return d;
}

function boot(route: Route, d = deps()) {
  const actor = createActor(appMachine, { input: { deps: d } });
  actor.start();
  actor.send({ type: 'START', route });
  return { actor, d };
}

const role = kz.roles[0]?.id ?? '';

function beginRun(d = deps()) {
  const { actor } = boot({ screen: 'briefing', scenario: kz.id, role }, d);
  actor.send({ type: 'BEGIN', scenario: kz.id, role, forecast: 'advisers' });
  return { actor, d };
}

/** Plays the first legal move. */
function move(actor: ReturnType<typeof boot>['actor']) {
  const game = actor.getSnapshot().context.run?.game;
  const m = game?.moves()[0];
  if (!game || !m) throw new Error('no move');
  actor.send({ type: 'MOVE', move: m });
}

describe('routes', () => {
  it('round-trips every kind of route', () => {
    const routes: Route[] = [
      { screen: 'title' },
      { screen: 'cases' },
      { screen: 'credits' },
      { screen: 'settings' },
      { screen: 'timeline' },
      { screen: 'timeline', scenario: kz.id },
      { screen: 'timeline', scenario: kz.id, all: true },
      { screen: 'seats', scenario: kz.id },
      { screen: 'briefing', scenario: kz.id, role },
      { screen: 'guide', scenario: kz.id },
      { screen: 'teams', scenario: kz.id },
      { screen: 'role-sheets', scenario: kz.id },
      { screen: 'glossary', scenario: kz.id },
      { screen: 'play' },
      { screen: 'ending' },
      { screen: 'debrief' },
      { screen: 'run-settings' },
      { screen: 'run-glossary' },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it('reads anything else as the title, never throwing', () => {
    for (const h of [
      '',
      '#',
      '#/nowhere',
      '#/case',
      '#/case/%E0%A4%A',
      '#/case/a b',
      '#/case/x/guide/extra',
      '#/play/x',
    ]) {
      expect(parseRoute(h)).toEqual({ screen: 'title' });
    }
    expect(parseRoute('#/case/__proto__')).toEqual({ screen: 'seats', scenario: '__proto__' });
  });
});

describe('routing (pure transitions)', () => {
  const start = (route: Route) => {
    const d = deps();
    const [s0] = initialTransition(appMachine, { deps: d });
    const [s1] = transition(appMachine, s0, { type: 'START', route });
    return s1;
  };

  it('opens each linkable screen from its address', () => {
    const expected: [Route, string][] = [
      [{ screen: 'cases' }, 'cases'],
      [{ screen: 'seats', scenario: kz.id }, 'seats'],
      [{ screen: 'briefing', scenario: kz.id, role }, 'briefing'],
      [{ screen: 'guide', scenario: kz.id }, 'guide'],
      [{ screen: 'teams', scenario: kz.id }, 'teams'],
      [{ screen: 'role-sheets', scenario: kz.id }, 'roleSheets'],
      [{ screen: 'glossary', scenario: kz.id }, 'glossary'],
      [{ screen: 'timeline', scenario: kz.id }, 'timeline'],
      [{ screen: 'settings' }, 'settings'],
    ];
    for (const [route, state] of expected) {
      const s = start(route);
      expect(s.matches(state as never), `${routeHash(route)} → ${JSON.stringify(s.value)}`).toBe(true);
      expect(s.context.route).toEqual(route);
    }
  });

  it('sends an unknown case to the title with a notice, replacing the address', () => {
    const s = start({ screen: 'seats', scenario: 'atlantis-1999' });
    expect(s.matches('title')).toBe(true);
    expect(s.context.notice).toMatch(/no case "atlantis-1999"/);
    expect(s.context.route).toEqual({ screen: 'title' });
    expect(s.context.history).toBe('replace');
  });

  it('sends an unknown seat to the case’s seats', () => {
    const s = start({ screen: 'briefing', scenario: kz.id, role: 'nobody' });
    expect(s.matches('seats')).toBe(true);
    expect(s.context.route).toEqual({ screen: 'seats', scenario: kz.id });
  });

  it('a saved run whose case is gone (an opened file evicted) is kept, and the title asks for the file', () => {
    const d = deps();
    d.writeSave({ scenario: 'my-opened-case', role: 'x', screen: 'play' } as StoredRun);
    const { actor } = boot({ screen: 'play' }, d);
    const s = actor.getSnapshot();
    expect(s.matches('title')).toBe(true);
    expect(s.context.notice).toMatch(/"my-opened-case".*Open that file again.*kept/);
    expect(d.saved()?.scenario).toBe('my-opened-case');
  });

  it('a link to the run with no saved run goes to the title and says so', () => {
    const s = start({ screen: 'play' });
    expect(s.matches('title')).toBe(true);
    expect(s.context.notice).toMatch(/no game in progress/);
  });

  it('Back and Forward (ROUTE) move between screens without pushing history', () => {
    let s = start({ screen: 'cases' });
    [s] = transition(appMachine, s, { type: 'NAVIGATE', route: { screen: 'seats', scenario: kz.id } });
    expect(s.context.history).toBe('push');
    [s] = transition(appMachine, s, { type: 'ROUTE', route: { screen: 'cases' } });
    expect(s.matches('cases')).toBe(true);
    expect(s.context.history).toBe('pop');
  });

  it('class mode is state: leaving the team set-up with teams turns it on, however one leaves', () => {
    const teams: TeamSetup[] = [];
    const d = { ...deps(), teams: () => teams };
    let [s] = initialTransition(appMachine, { deps: d });
    [s] = transition(appMachine, s, { type: 'START', route: { screen: 'teams', scenario: kz.id } });
    // No teams: leaving changes nothing.
    [s] = transition(appMachine, s, { type: 'ROUTE', route: { screen: 'seats', scenario: kz.id } });
    expect(s.context.classMode).toBe(false);
    [s] = transition(appMachine, s, { type: 'NAVIGATE', route: { screen: 'teams', scenario: kz.id } });
    teams.push({ team: 'A', actor: 'russia' });
    expect(s.context.classMode).toBe(false);
    // Back (a ROUTE) leaves the set-up as well as its own buttons do.
    [s] = transition(appMachine, s, { type: 'ROUTE', route: { screen: 'seats', scenario: kz.id } });
    expect(s.context.classMode).toBe(true);
    [s] = transition(appMachine, s, { type: 'CLASS_MODE', on: false });
    expect(s.context.classMode).toBe(false);
  });
});

describe('the run', () => {
  it('begins a run with its Game as the child actor, and saves it', () => {
    const { actor, d } = beginRun();
    const s = actor.getSnapshot();
    expect(s.matches({ run: 'play' })).toBe(true);
    expect(s.context.route).toEqual({ screen: 'play' });
    expect(s.children.game).toBeDefined();
    expect(s.context.run?.game?.view().role).toBe(role);
    expect(d.saved()?.scenario).toBe(kz.id);
  });

  it('stops the Game when the flow leaves the run, and restores it on coming back', () => {
    const { actor, d } = beginRun();
    move(actor);
    const game = actor.getSnapshot().context.run?.game;
    const turn = game?.view().turn;
    actor.send({ type: 'ROUTE', route: { screen: 'briefing', scenario: kz.id, role } });
    expect(actor.getSnapshot().matches('briefing')).toBe(true);
    expect(actor.getSnapshot().children.game).toBeUndefined();
    expect(actor.getSnapshot().context.run).toBeNull();
    actor.send({ type: 'ROUTE', route: { screen: 'play' } });
    const back = actor.getSnapshot();
    expect(back.matches({ run: 'play' })).toBe(true);
    expect(back.context.run?.game).not.toBe(game);
    expect(back.context.run?.game?.view().turn).toBe(turn);
    expect(d.saved()?.seen).toBe(back.context.run?.seen);
  });

  it('a reload at the run (START at #/play) resumes it where it stood', () => {
    const d = deps();
    const { actor } = beginRun(d);
    move(actor);
    actor.send({ type: 'READ_RESULT' });
    const before = actor.getSnapshot().context.run?.game?.view();
    actor.stop();
    const again = boot({ screen: 'play' }, d).actor.getSnapshot();
    expect(again.matches({ run: 'play' })).toBe(true);
    const view = again.context.run?.game?.view();
    expect(view?.turn).toBe(before?.turn);
    expect(view?.step?.id).toBe(before?.step?.id);
    expect(again.context.run?.seen).toBe(before?.turn);
  });

  it('settings and the glossary open over the run without stopping its Game', () => {
    const { actor } = beginRun();
    const game = actor.getSnapshot().context.run?.game;
    actor.send({ type: 'NAVIGATE', route: { screen: 'run-settings' } });
    expect(actor.getSnapshot().matches({ run: 'settings' })).toBe(true);
    actor.send({ type: 'ROUTE', route: { screen: 'play' } });
    expect(actor.getSnapshot().matches({ run: 'play' })).toBe(true);
    expect(actor.getSnapshot().context.run?.game).toBe(game);
    actor.send({ type: 'NAVIGATE', route: { screen: 'run-glossary' } });
    expect(actor.getSnapshot().matches({ run: 'glossary' })).toBe(true);
  });

  it('an unfinished run has no ending or debrief: those addresses show the play screen', () => {
    const { actor } = beginRun();
    actor.send({ type: 'NAVIGATE', route: { screen: 'debrief' } });
    expect(actor.getSnapshot().matches({ run: 'play' })).toBe(true);
    expect(actor.getSnapshot().context.route).toEqual({ screen: 'play' });
  });

  function playToEnd(actor: ReturnType<typeof boot>['actor']) {
    for (let i = 0; i < 200 && !actor.getSnapshot().matches({ run: 'ending' }); i++) {
      const run = actor.getSnapshot().context.run;
      const view = run?.game?.view();
      if (run && view?.last && view.last.turn > run.seen) actor.send({ type: 'READ_RESULT' });
      else move(actor);
    }
    expect(actor.getSnapshot().matches({ run: 'ending' })).toBe(true);
  }

  it('plays to the ending and the debrief, each with its address', () => {
    const { actor, d } = beginRun();
    playToEnd(actor);
    expect(actor.getSnapshot().context.route).toEqual({ screen: 'ending' });
    expect(d.saved()?.screen).toBe('ending');
    actor.send({ type: 'NAVIGATE', route: { screen: 'debrief' } });
    expect(actor.getSnapshot().matches({ run: 'debrief' })).toBe(true);
    expect(d.saved()?.screen).toBe('debrief');
  });

  it('asks before replaying from a decision, and replays only when confirmed', () => {
    const { actor } = beginRun();
    playToEnd(actor);
    actor.send({ type: 'NAVIGATE', route: { screen: 'debrief' } });
    const ended = actor.getSnapshot().context.run?.game;
    actor.send({ type: 'REPLAY', turn: 1 });
    expect(actor.getSnapshot().matches({ run: { debrief: 'confirming' } })).toBe(true);
    expect(actor.getSnapshot().context.confirm).toEqual({ kind: 'replay', turn: 1 });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().matches({ run: { debrief: 'reading' } })).toBe(true);
    expect(actor.getSnapshot().context.run?.game).toBe(ended);
    actor.send({ type: 'REPLAY', turn: 2 });
    actor.send({ type: 'CONFIRM' });
    const s = actor.getSnapshot();
    expect(s.matches({ run: 'play' })).toBe(true);
    expect(s.context.route).toEqual({ screen: 'play' });
    expect(s.context.run?.game).not.toBe(ended);
    // Back at decision 2: one decision made, its result already read.
    expect(s.context.run?.game?.view().turn).toBe(1);
    expect(s.context.run?.seen).toBe(1);
    expect(s.context.confirm).toBeNull();
  });

  it('asks before a new run replaces an unfinished one; Cancel keeps it', () => {
    const d = deps();
    const { actor } = beginRun(d);
    move(actor);
    const saved = JSON.stringify(d.saved());
    actor.send({ type: 'NAVIGATE', route: { screen: 'briefing', scenario: kg.id, role: kg.roles[0]?.id ?? '' } });
    actor.send({ type: 'BEGIN', scenario: kg.id, role: kg.roles[0]?.id ?? '', forecast: 'advisers' });
    const s = actor.getSnapshot();
    expect(s.matches({ briefing: 'confirming' })).toBe(true);
    expect(s.context.confirm).toMatchObject({ kind: 'replace-run', saved: { scenario: kz.id, finished: false } });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().matches({ briefing: 'reading' })).toBe(true);
    expect(JSON.stringify(d.saved())).toBe(saved);
    actor.send({ type: 'BEGIN', scenario: kg.id, role: kg.roles[0]?.id ?? '', forecast: 'advisers' });
    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().matches({ run: 'play' })).toBe(true);
    expect(d.saved()?.scenario).toBe(kg.id);
  });

  it('a finished run asks too until its results are saved, then not', () => {
    const d = deps();
    const { actor } = beginRun(d);
    playToEnd(actor);
    actor.send({ type: 'EXIT' });
    actor.send({ type: 'NAVIGATE', route: { screen: 'briefing', scenario: kz.id, role } });
    actor.send({ type: 'BEGIN', scenario: kz.id, role, forecast: 'advisers' });
    expect(actor.getSnapshot().context.confirm).toMatchObject({ saved: { finished: true } });
    actor.send({ type: 'CANCEL' });
    actor.send({ type: 'NAVIGATE', route: { screen: 'debrief' } });
    actor.send({ type: 'RESULTS_SAVED' });
    expect(d.saved()?.resultsSaved).toBe(true);
    actor.send({ type: 'NAVIGATE', route: { screen: 'briefing', scenario: kz.id, role } });
    actor.send({ type: 'BEGIN', scenario: kz.id, role, forecast: 'advisers' });
    expect(actor.getSnapshot().matches({ run: 'play' })).toBe(true);
  });

  it('a save that cannot be restored is cleared with its reason on the title', () => {
    const d = deps();
    d.writeSave({
      version: 2,
      scenario: kz.id,
      role,
      savedAt: '2026-12-01T10:00:00Z',
      screen: 'play',
      seen: 0,
      engine: { kind: 'not-a-save' },
    });
    const s = boot({ screen: 'play' }, d).actor.getSnapshot();
    expect(s.matches('title')).toBe(true);
    expect(s.context.notice).toMatch(/damaged|could not/);
    expect(d.saved()).toBeNull();
  });
});
