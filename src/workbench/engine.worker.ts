/**
 * The Author page's engine worker: the same functions the command line runs, on the page's text.
 * `check` is `npm run scenario -- check` (the loader with its linter); `play-*` a run of the
 * engine's Game (its XState machine, as the game plays it), started at the seat's first step or at
 * any step by replaying the fewest moves that reach it (the engine's search); `figures` is
 * `stats` and `balance` with their default runs; `graph` the statechart as SVG (graph-pane.ts).
 * The page only renders what it gets back.
 */
import { balanceSeat } from '../authoring/balance';
import { playtestStats, type SeatStats, unendedRuns, unendedText, unreachedEndings } from '../authoring/stats';
import { type GameEvent, loadScenario, type Scenario } from '../engine';
import { Game } from '../engine/game';
import { shortestPathToStep } from '../engine/shortest-path';
import { councilMemberOrder, optionKey, optionMove, stepOptions } from '../engine/step-options';
import type { GameView } from '../engine/view-types';
import { paragraphs, parseInline } from '../ui/markup';
import { POSITION_ICON, POSITION_WORD } from '../ui/screens/play-parts';
import { statechartSvg } from './graph-pane';
import type {
  CheckResult,
  FiguresResult,
  Para,
  PlayOption,
  PlayStart,
  PlayState,
  RunOptions,
  SeatFigures,
  WorkerRequest,
  WorkerResponse,
} from './protocol';

/** Runs per seat `balance` plays first to see that runs end (as the command does). */
const PROBE_RUNS = 20;

const post = (m: WorkerResponse) => (self as unknown as { postMessage(m: WorkerResponse): void }).postMessage(m);

function check(text: string, file: string): CheckResult {
  const t = performance.now();
  const r = loadScenario(text, file, { lint: true });
  return {
    errors: r.ok ? [] : r.errors,
    warnings: r.warnings,
    scenario: r.ok ? r.scenario : null,
    ms: Math.round(performance.now() - t),
  };
}

function figures(id: number, s: Scenario, statsRuns: number, balanceRuns: number): FiguresResult {
  const t = performance.now();
  const seats: SeatFigures[] = [];
  const all: SeatStats[] = [];
  const unended: string[] = [];
  const total = s.roles.length * 2;
  let done = 0;
  for (const role of s.roles) {
    post({ id, type: 'progress', done, total, label: `Playtests for seat “${role.title}”` });
    const [stats] = playtestStats(s, { runs: statsRuns, roles: [role.id] }) as [SeatStats];
    all.push(stats);
    for (const u of stats.unended)
      unended.push(`seat “${role.id}”${u.length === 'full' ? '' : `, length “${u.length}”`}: ${unendedText(u)}`);
    done++;
    post({ id, type: 'progress', done, total, label: `Balance for seat “${role.title}”` });
    const probe = unendedRuns(s, role.id, PROBE_RUNS);
    const seat: SeatFigures = probe
      ? { role: role.id, stats, balance: null, balanceSkipped: `balance needs runs that end: ${unendedText(probe)}` }
      : { role: role.id, stats, balance: balanceSeat(s, role.id, { runs: balanceRuns }) };
    seats.push(seat);
    done++;
  }
  return {
    seats,
    unreached: unreachedEndings(s, all),
    unended,
    statsRuns,
    balanceRuns,
    ms: Math.round(performance.now() - t),
  };
}

/** The run this worker plays (one per play pane). */
let run: { game: Game; options: RunOptions } | null = null;
/** The Council members' order, fixed (as the game fixes it) when the decision opens. */
let order: { key: string; actors: string[] } = { key: '', actors: [] };

const prose = (text: string | undefined): Para[] => (text ? paragraphs(text).map(parseInline) : []);

const positions = {
  support: `${POSITION_ICON.support} ${POSITION_WORD.support}`,
  abstain: `${POSITION_ICON.abstain} ${POSITION_WORD.abstain}`,
  object: `${POSITION_ICON.object} ${POSITION_WORD.object}`,
};

function memberOrder(view: GameView): string[] {
  const council = view.step?.council;
  if (!council || view.status === 'ended') return [];
  const key = `${view.turn}:${view.step?.id}`;
  if (order.key !== key) order = { key, actors: councilMemberOrder(council) };
  return order.actors;
}

function options(view: GameView, memberOrder: string[]): PlayOption[] {
  if (view.status === 'ended' || !view.step) return [];
  return stepOptions(view.step, { memberOrder }).map((o) => ({
    kind: o.kind,
    key: optionKey(o),
    move: optionMove(o),
    ...(o.kind === 'choose' ? { choice: o.choice } : {}),
    ...(o.kind === 'lobby' ? { member: o.member } : {}),
    ...(o.kind === 'vote' && o.position ? { position: o.position } : {}),
  }));
}

function state(): PlayState | null {
  if (!run) return null;
  const view = run.game.view();
  const members = memberOrder(view);
  return {
    view,
    moves: [...run.game.log()],
    prose: {
      step: prose(view.step?.text),
      news: (view.step?.news ?? []).map((n) => prose(n.text)),
      last: prose(view.last?.text),
      ending: prose(view.ending?.text),
    },
    memberOrder: members,
    options: options(view, members),
    positions,
  };
}

function replace(game: Game, options: RunOptions): PlayState | null {
  run?.game.stop();
  run = { game, options };
  return state();
}

function playStart(s: Scenario, options: RunOptions, step: string): PlayStart {
  order = { key: '', actors: [] };
  if (step === '') return { path: null, state: replace(Game.start(s, options), options) };
  const path = shortestPathToStep(s, { ...options, step });
  if (!path.found) return { path, state: null };
  return { path, state: replace(Game.replay(s, options, path.events), options) };
}

/** The run's moves on a new version of the scenario, or null (and no run) when they no longer apply. */
function playUpdate(s: Scenario): PlayState | null {
  if (!run) return null;
  const { options } = run;
  const moves: GameEvent[] = [...run.game.log()];
  try {
    return replace(Game.replay(s, options, moves), options);
  } catch {
    run.game.stop();
    run = null;
    return null;
  }
}

function playUndo(): PlayState | null {
  if (!run) return null;
  const moves = run.game.log().slice(0, -1);
  return replace(Game.replay(run.game.scenario, run.options, moves), run.options);
}

function handle(req: WorkerRequest): unknown {
  switch (req.type) {
    case 'check':
      return check(req.text, req.file);
    case 'play-start':
      return playStart(req.scenario, req.options, req.step);
    case 'play-move':
      return run?.game.send(req.event) ? state() : null;
    case 'play-undo':
      return playUndo();
    case 'play-update':
      return playUpdate(req.scenario);
    case 'graph':
      return statechartSvg(req.scenario, req.role, req.current);
    case 'figures':
      return figures(req.id, req.scenario, req.statsRuns, req.balanceRuns);
  }
}

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    post({ id: req.id, type: 'result', result: handle(req) });
  } catch (err) {
    post({ id: req.id, type: 'error', message: (err as Error)?.message ?? String(err) });
  }
});
