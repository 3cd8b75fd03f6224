/** What the flow reads of the open run and the saved one: pure functions of its context. */
import { teamsForSeat } from '../../classroom/team-seats';
import { FULL_LENGTH } from '../../engine/constants';
import { runMeta, STORED_VERSION, type StoredRun, type StoredScreen } from '../save-store';
import type { PlayMode } from '../screens/class-vote';
import type { AtStake, FlowContext, FlowDeps, RunState } from './flow-types';
import type { Route, RouteScreen } from './routes';

export const RUN_SCREEN: Partial<Record<RouteScreen, StoredScreen>> = {
  play: 'play',
  ending: 'ending',
  debrief: 'debrief',
};

export function ended(run: RunState | null): boolean {
  return run?.game?.view().status === 'ended';
}

/** A result the player has not read yet is on screen. */
export function unreadResult(run: RunState): boolean {
  const last = run.game?.view().last;
  return !!last && last.turn > run.seen;
}

/** The saved run a new one would replace, when that loses something: it is unfinished, or its results were never saved. */
export function runAtStake(deps: FlowDeps): AtStake | null {
  const saved = deps.readSave();
  if (saved.kind !== 'ok') return null;
  const finished = saved.run.screen !== 'play';
  if (finished && saved.run.resultsSaved) return null;
  return { scenario: saved.run.scenario, role: saved.run.role, finished };
}

/** What localStorage keeps of the run, standing on `screen`. */
export function storedRun(run: RunState, screen: StoredScreen): StoredRun | null {
  if (!run.game) return null;
  return {
    version: STORED_VERSION,
    scenario: run.scenario.id,
    role: run.game.view().role,
    savedAt: new Date().toISOString(),
    screen,
    seen: run.seen,
    engine: run.game.save(),
    startedAt: run.startedAt,
    mode: run.mode,
    ...(run.teams.length > 0 ? { teams: run.teams } : {}),
    ...(run.councilTeams.length > 0 ? { councilTeams: run.councilTeams } : {}),
    ...(run.forecast ? { forecast: run.forecast } : {}),
    ...(run.resultsSaved ? { resultsSaved: true } : {}),
  };
}

export function caseOf(route: Route): string | undefined {
  return 'scenario' in route ? route.scenario : undefined;
}

/** The screen of the run a route asks for, once the Game is ready (an unfinished run has no ending yet). */
export function runScreenFor(context: FlowContext): RouteScreen {
  const run = context.run;
  const want = context.route.screen;
  if (!run) return 'play';
  const over = ended(run) && !unreadResult(run);
  if (want === 'run-settings' || want === 'run-glossary') return want;
  if (want === 'debrief') return over ? 'debrief' : 'play';
  return over ? (want === 'play' || want === 'ending' ? 'ending' : 'play') : 'play';
}

/** The run about to start in the seat the player chose (`context.begin`), with the class settings chosen. */
export function newRunState(context: FlowContext): RunState | null {
  const begin = context.begin;
  const scenario = begin ? context.deps.scenario(begin.scenario) : undefined;
  if (!begin || !scenario) return null;
  const chosen = context.lengths.get(scenario.id);
  const length = chosen && scenario.lengths.some((l) => l.id === chosen) ? chosen : FULL_LENGTH;
  const mode: PlayMode = context.classMode ? 'class' : 'solo';
  return {
    scenario,
    game: null,
    start: {
      kind: 'new',
      role: begin.role,
      seed: context.deps.newSeed(),
      ...(length !== FULL_LENGTH ? { length } : {}),
    },
    seen: 0,
    mode,
    startedAt: context.deps.timestamp(),
    // Never a team for the member whose seat the class plays: the class casts that vote.
    teams: mode === 'class' ? teamsForSeat(scenario, begin.role, context.deps.teams(scenario.id)).teams : [],
    councilTeams: [],
    ...(mode === 'class' && context.classForecast ? { forecast: context.classForecast } : {}),
    resultsSaved: false,
    tick: 0,
  };
}

/** The saved run, to be restored by the game actor. */
export function savedRunState(deps: FlowDeps): RunState | null {
  const saved = deps.readSave();
  if (saved.kind !== 'ok') return null;
  const scenario = deps.scenario(saved.run.scenario);
  if (!scenario) return null;
  return {
    scenario,
    game: null,
    start: { kind: 'restore', engine: saved.run.engine },
    seen: saved.run.seen,
    ...runMeta(saved.run),
    resultsSaved: saved.run.resultsSaved === true,
    tick: 0,
  };
}

/**
 * Said when a run is saved but its case is not here (an opened file this browser no longer keeps):
 * the save is kept, and the file it came from is asked for. Null when the case is here, or no run is saved.
 */
export function missingCaseNotice(deps: FlowDeps): string | null {
  const saved = deps.readSave();
  if (saved.kind !== 'ok' || deps.scenario(saved.run.scenario)) return null;
  return (
    `Your saved game is of the case "${saved.run.scenario}", which this browser no longer has: it came from a scenario file ` +
    'that is no longer kept here. Open that file again (Open a scenario file) to continue. Your saved game is kept.'
  );
}
