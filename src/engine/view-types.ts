/**
 * What a front end (Phaser scenes, the HTML panel, the terminal) reads from a run.
 * Everything here is plain data derived from the scenario and the actor's snapshot.
 */
import type { Actor, Phase, Place, Source } from './schema';
import type { ClaimLabel } from './schema-common';

export interface LedgerEntry {
  /** Decision number (1-based) the change belongs to; 0 for the start. */
  turn: number;
  step: string;
  /** The choice, lobbying, vote or event that caused it. */
  cause: string;
  meter: string;
  /** The change actually applied (after clamping). */
  delta: number;
  reason: string;
}

export interface MeterView {
  id: string;
  label: string;
  description: string;
  value: number;
  min: number;
  max: number;
  higherIs: 'better' | 'worse';
}

export interface MeterForecast {
  meter: string;
  label: string;
  expected: number;
  min: number;
  max: number;
}

export interface Forecast {
  meters: MeterForecast[];
  outcomes: { id: string; probability: number }[];
}

/**
 * An option as the player sees it before deciding. Whether it is invented is not here: that, and
 * history's choice, are shown only after the decision (the result and the debrief), so the one
 * untagged option cannot be spotted as history's.
 */
export interface ChoiceView {
  id: string;
  label: string;
  detail?: string;
  forecast: Forecast;
}

export type Position = 'support' | 'abstain' | 'object';

/** A Council vote's result: consensus when no member objects (see `verdictOf` in council.ts). */
export type Verdict = 'consensus' | 'blocked';

export interface CouncilMemberView {
  actor: string;
  name: string;
  leader?: string;
  lean: number;
  position: Position;
  /** Why the lean is what it is: the shifts that hold, and lobbying. */
  reasons: string[];
  /** `reply` is what the member says once lobbied; `cost` what lobbying it moved. */
  lobby?: { label: string; done: boolean; forecast: Forecast; reply?: string; cost: LedgerEntry[] };
  /** True when a Council team cast this position (class mode), not the member's lean. */
  team?: true;
  /** True when the player's seat cast this position (`seat_votes`), not the member's lean. */
  own?: true;
  /** True when the member's lean is the author's estimate (shown as "author's estimate"). */
  estimate?: true;
  /** The member's part in the crisis, when it is a party (the case's `parties`, or its `host`: requesting). */
  party?: 'requesting' | 'accused' | 'affected';
}

export interface CouncilView {
  proposal: string;
  supportAt: number;
  objectAt: number;
  members: CouncilMemberView[];
  /** True when calling the vote now reaches consensus. */
  wouldPass: boolean;
  /**
   * The member whose vote the player's seat casts (`seat_votes`), and the verdict each position
   * would reach as things stand. Absent: the model votes for every member.
   */
  seatVote?: { actor: string; name: string; verdicts: Record<Position, Verdict> };
  /** What each verdict would do to the meters (`on_consensus`, `on_blocked`), when either does anything. */
  results?: Record<Verdict, Forecast>;
}

/** A member's vote as the engine counted it. */
export interface VoteMemberView {
  actor: string;
  name: string;
  position: Position;
  /** True when a Council team cast this seat's position (class mode); absent: the member's own lean. */
  team?: true;
  /** True when the player's seat cast this position (`seat_votes`). */
  own?: true;
}

/** A Council vote as the engine decided it: positions as cast (after lobbying, teams' votes in place). */
export interface CouncilVoteView {
  members: VoteMemberView[];
  verdict: Verdict;
  /**
   * The chamber as it stood when the vote was called (lobbying done, the teams' positions in
   * place); its `wouldPass` is the verdict. What a front end draws on the vote's result.
   */
  council: CouncilView;
}

export interface NewsItem {
  id: string;
  text: string;
  counterfactual: boolean;
  sources: Source[];
  /** What the event moved, and why. */
  entries: LedgerEntry[];
}

export interface StepView {
  id: string;
  phase: Phase;
  date: string;
  place?: Place;
  title: string;
  text: string;
  counterfactual: boolean;
  sources: Source[];
  decider?: Actor;
  kind: 'choices' | 'council' | 'narrative';
  /** Movements of forces to draw on the map. */
  moves: { from: Place; to: Place; label: string }[];
  choices: ChoiceView[];
  council?: CouncilView;
  /** Events that happened on entering this step. */
  news: NewsItem[];
}

/** What the last decision did: shown after it, before the next step is read. */
export interface ResultView {
  turn: number;
  step: string;
  title: string;
  /** The text of the outcome, the council's verdict or the choice's result. */
  text?: string;
  label: string;
  /** True when the result shown is invented (a counterfactual choice or outcome). */
  counterfactual: boolean;
  /**
   * Everything the decision moved: its lobbying costs, its effects and its drawn outcome's. The news
   * of the steps it leads to is listed on those steps, when they open.
   */
  entries: LedgerEntry[];
  /** The meters as they stood right after the decision: the start plus every entry up to this result. */
  meters: MeterView[];
  /** The decided step's date, phase and place: the result is shown where the decision was taken. */
  date: string;
  phase: Phase;
  place?: Place;
  /** Steps passed up to the decided one (the map's track at the result). */
  visited: string[];
  /** What history did at this decision, if the case says (shown only after the decision). */
  history?: { label: string; matched: boolean };
  /** The labels the option taken and its result carry (`uncertain`, `inferred`, `simplified`): badges. */
  labels?: ClaimLabel[];
  /** A Council vote's result: each member's position as cast and the verdict the engine reached. */
  vote?: CouncilVoteView;
}

export interface EndingView {
  id: string;
  title: string;
  tone: 'good' | 'mixed' | 'bad';
  text: string;
  counterfactual: boolean;
  historical: boolean;
  sources: Source[];
}

export interface GameView {
  scenario: string;
  role: string;
  seed: number;
  /** The length played: `full`, or a length the scenario declares. */
  length: string;
  /** Number of decisions taken so far. */
  turn: number;
  status: 'playing' | 'ended';
  step?: StepView;
  ending?: EndingView;
  meters: MeterView[];
  ledger: LedgerEntry[];
  /** Steps passed so far, in order (the map draws them as a track). */
  visited: string[];
  last?: ResultView;
}
