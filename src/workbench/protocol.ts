/**
 * Messages between the Author page and its engine worker (engine.worker.ts): the checker, the
 * search for the moves that reach a step, and the playtest figures all run there, off the page's
 * thread, so typing never waits for them.
 */
import type { SeatBalance } from '../authoring/balance';
import type { SeatStats } from '../authoring/stats';
import type { Diagnostic, GameEvent, GameView, Scenario } from '../engine';
import type { PathResult } from '../engine/shortest-path';
import type { ChoiceView, CouncilMemberView, Position } from '../engine/view-types';
import type { Inline } from '../ui/markup';

/** A seat, seed and length to play. */
export interface RunOptions {
  role: string;
  seed: number;
  length?: string;
}

export type WorkerRequest =
  | { id: number; type: 'check'; text: string; file: string }
  | { id: number; type: 'play-start'; scenario: Scenario; options: RunOptions; step: string }
  | { id: number; type: 'play-move'; event: GameEvent }
  | { id: number; type: 'play-undo' }
  | { id: number; type: 'play-update'; scenario: Scenario }
  | { id: number; type: 'graph'; scenario: Scenario; role: string; current?: string }
  | { id: number; type: 'figures'; scenario: Scenario; statsRuns: number; balanceRuns: number };

/** An option as the game offers it: its key ("1"…"9", "Enter" or none) and the move it sends. */
export interface PlayOption {
  kind: 'choose' | 'lobby' | 'vote' | 'continue';
  key: string | null;
  move: GameEvent;
  choice?: ChoiceView;
  member?: CouncilMemberView;
  /** A vote the seat casts for its own member. */
  position?: Position;
}

/** A paragraph of scenario text, as the game's one renderer of it (src/ui/markup.ts) reads it. */
export type Para = Inline[];

/**
 * The run the worker plays: the engine's view of it and its moves so far, with what the game's
 * own pure helpers make of the view (run in the worker, which is bundled apart from the game).
 */
export interface PlayState {
  view: GameView;
  moves: GameEvent[];
  /** The view's scenario texts in paragraphs (`**bold**`, `*italic*`; everything else text). */
  prose: { step: Para[]; news: Para[][]; last: Para[]; ending: Para[] };
  /** At a Council step, its members in the order the game lists them (objecting first). */
  memberOrder: string[];
  /** The options open, in the order and with the keys the game shows them (src/engine/step-options.ts). */
  options: PlayOption[];
  /** Each position as the game words it: "✓ Supports". */
  positions: Record<Position, string>;
}

/** A run started at a step: the search's answer, and the run when it found a way. */
export interface PlayStart {
  path: PathResult | null;
  state: PlayState | null;
}

/** What `npm run scenario -- check` reports for a text, and the scenario when it has no error. */
export interface CheckResult {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  scenario: Scenario | null;
  /** Milliseconds the check took in the worker. */
  ms: number;
}

/** One seat's playtest figures: `stats` and, when its runs end, `balance`. */
export interface SeatFigures {
  role: string;
  stats: SeatStats;
  balance: SeatBalance | null;
  /** Why balance was not run for this seat (runs that do not end). */
  balanceSkipped?: string;
}

export interface FiguresResult {
  seats: SeatFigures[];
  /** Endings no run of any seat reached. */
  unreached: string[];
  /** Runs that did not end, as `stats` words them. */
  unended: string[];
  statsRuns: number;
  balanceRuns: number;
  ms: number;
}

export interface ResultOf {
  check: CheckResult;
  'play-start': PlayStart;
  /** Null when the run refused the move (it does not apply where the run stands). */
  'play-move': PlayState | null;
  'play-undo': PlayState | null;
  /** The run's moves replayed on the new version, or null when they no longer apply. */
  'play-update': PlayState | null;
  /** The statechart as SVG text. */
  graph: string;
  figures: FiguresResult;
}

export type WorkerResponse =
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'progress'; done: number; total: number; label: string };
