/** The app flow's context, events and dependencies (see app-machine.ts). */
import type { TeamSetup } from '../../classroom/council-teams';
import type { CouncilTeamsRecord } from '../../classroom/result-schema';
import type { ForecastMode } from '../../engine/advice';
import type { Diagnostic } from '../../engine/diagnostics';
import type { GameEvent } from '../../engine/events';
import type { Game } from '../../engine/game';
import type { Scenario } from '../../engine/schema';
import type { SaveRead, StoredRun } from '../save-store';
import type { PlayMode } from '../screens/class-vote';
import type { FromGame, GameStart } from './game-actor';
import type { Route } from './routes';

/** What the flow asks of the world around it; the app passes the real ones, tests their own. */
export interface FlowDeps {
  scenario(id: string): Scenario | undefined;
  readSave(): SaveRead;
  writeSave(run: StoredRun): boolean;
  clearSave(): void;
  /** The Council teams set up for a case. */
  teams(scenario: string): TeamSetup[];
  /** A seed for a new run (`?seed=N` in the address fixes it). */
  newSeed(): number;
  /** The local time with offset, for the result file (classroom/result-file localTimestamp). */
  timestamp(): string;
}

export interface RunState {
  scenario: Scenario;
  /** Null until the child actor has started or restored it. */
  game: Game | null;
  start: GameStart;
  /** The last decision whose result the player has read. */
  seen: number;
  mode: PlayMode;
  startedAt: string;
  teams: TeamSetup[];
  councilTeams: CouncilTeamsRecord[];
  forecast?: ForecastMode;
  /** The results of this finished run were saved to a file. */
  resultsSaved: boolean;
  /** Counts the Game's changes, so each makes a new snapshot. */
  tick: number;
}

/** The saved run a new one would replace. */
export interface AtStake {
  scenario: string;
  role: string;
  /** Finished, with results never saved to a file (else: unfinished). */
  finished: boolean;
}

export type Confirm = { kind: 'replace-run'; saved: AtStake } | { kind: 'replay'; turn: number };

export interface FlowContext {
  deps: FlowDeps;
  route: Route;
  /** How the address bar should take the latest route change. */
  history: 'push' | 'replace' | 'pop';
  notice: string | null;
  /** Chosen on the seat screen: the next run is played by a class on a projector. */
  classMode: boolean;
  /** Chosen on the seat screen: the length of the next run of each case. */
  lengths: ReadonlyMap<string, string>;
  /** Chosen on the seat screen for the next class run (null: the settings'). */
  classForecast: ForecastMode | null;
  run: RunState | null;
  /** The seat a new run is about to start in (kept while the player confirms). */
  begin: { scenario: string; role: string } | null;
  confirm: Confirm | null;
  error: string | null;
  scenarioErrors: { file: string; errors: Diagnostic[]; source: string } | null;
}

export type FlowEvent =
  | { type: 'START'; route: Route }
  /** The player went to a screen (a button or link): a new entry in the browser's history. */
  | { type: 'NAVIGATE'; route: Route; replace?: boolean }
  /** The browser moved through its history (Back, Forward). */
  | { type: 'ROUTE'; route: Route }
  | { type: 'CLASS_MODE'; on: boolean }
  | { type: 'CLASS_FORECAST'; mode: ForecastMode }
  | { type: 'LENGTH'; scenario: string; length: string }
  | { type: 'BEGIN'; scenario: string; role: string; forecast: ForecastMode }
  | { type: 'CONFIRM' }
  | { type: 'CANCEL' }
  | { type: 'MOVE'; move: GameEvent; councilTeams?: CouncilTeamsRecord }
  | { type: 'READ_RESULT' }
  | { type: 'REPLAY'; turn: number }
  | { type: 'RESULTS_SAVED' }
  | { type: 'EXIT' }
  | { type: 'FILE_FAILED'; file: string; errors: Diagnostic[]; source: string }
  | { type: 'FAIL'; message: string }
  | { type: 'NOTICE'; text: string | null }
  | FromGame;
