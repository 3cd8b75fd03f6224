/** The instructor dashboard's summary types (see dashboard-model.ts). */
import type { Position } from '../engine/view-types';
import type { LoadedResult } from './result-read';
import type { FlaggedResult } from './result-verify';

export interface Stats {
  /** How many values. */
  n: number;
  min: number;
  mean: number;
  max: number;
}

export interface OptionCount {
  id: string;
  label: string;
  /** Decisions at this step that took this option. */
  count: number;
  /** count / decisions at the step (0 when there were none). */
  share: number;
  /** True for history's choice. */
  history: boolean;
  counterfactual: boolean;
  /** Class mode: votes in the room for this option, summed over the results (0 when none were entered). */
  votes: number;
}

export interface RationaleEntry {
  fileName: string;
  /** Student, team, "student (team)", or the file name when neither was typed. */
  who: string;
  student?: string;
  team?: string;
  turn: number;
  choice: { id: string; label: string };
  /** The random result the choice drew, as the case words it (absent without the case). */
  outcome?: string;
  rationale: string;
}

export interface TeamVoteEntry {
  fileName: string;
  /** Whose result: the student and team typed, else the file name (as for rationales). */
  who: string;
  turn: number;
  team: string;
  actor: string;
  /** The member's name (from the case when loaded). */
  name: string;
  position: Position;
  rationale?: string;
}

/** Class mode at a Council vote: the room's votes on the proposal, summed over the results. */
export interface ProposalVotes {
  support: number;
  abstain: number;
  object: number;
}

export interface StepSummary {
  /** The step's id: for data attributes, never shown. */
  step: string;
  /** The decision numbers students saw at this step, ascending (see GridColumn). */
  turns: number[];
  /** "Decision 9", or "Decision 7 or 9" where paths differ. */
  numberText: string;
  title: string;
  date: string;
  kind: 'choice' | 'vote';
  /** Decisions taken at this step (a run that passes a step twice counts twice). */
  decisions: number;
  /** Every option, the chosen ones and (with the case loaded) the others with count 0. */
  options: OptionCount[];
  /** What history did here, if the step has a historical choice. */
  history?: { id: string; label: string };
  /** Decisions that took history's choice. */
  matched: number;
  /** Class mode: votes per option id (or per position at a Council vote) summed over the results. */
  tally: Record<string, number>;
  /** A Council vote whose tallies count positions: the room's votes on the proposal (from `tally`). */
  proposalVotes?: ProposalVotes;
  /** Rationales written at this step, in the order the files were loaded. */
  rationales: RationaleEntry[];
  /** Council teams on one screen: each team's vote at this step. */
  teamVotes: TeamVoteEntry[];
}

export interface EndingCount {
  id: string;
  title: string;
  tone: 'good' | 'mixed' | 'bad';
  historical: boolean;
  counterfactual: boolean;
  count: number;
  /** count / finished runs (0 when none finished). */
  share: number;
}

export interface EndingsSummary {
  /** Every ending (with the case loaded, also those nobody reached). */
  endings: EndingCount[];
  finished: number;
  /** Results saved before the run ended. */
  unfinished: number;
}

export interface MeterSummary {
  id: string;
  label: string;
  /** The meter's range. */
  scale: { min: number; max: number };
  higherIs: 'better' | 'worse';
  /** The values at the end over the results. */
  end: Stats;
}

export interface SeatSummary extends EndingsSummary {
  id: string;
  title: string;
  count: number;
  /** The student × decision grid, and the groups side by side. */
  grid: SeatGrid;
  steps: StepSummary[];
  meters: MeterSummary[];
  /** The seat's objectives score (0–100) at the end. */
  objectives: Stats;
}

export interface ScenarioSummary extends EndingsSummary {
  id: string;
  title: string;
  /** True when the case was passed in (labels, order and unchosen options come from it). */
  known: boolean;
  count: number;
  /** Results made with a different version of the case (another rules hash): flagged, not counted. */
  otherVersions: number;
  seats: SeatSummary[];
}

export interface DashboardSummary {
  /** How many results are counted: those that replay against their case (or, without it, pass the checks). */
  count: number;
  modes: { solo: number; class: number };
  scenarios: ScenarioSummary[];
  /** The results counted, as rebuilt from their replays (names, times, rationales and tallies from the files). */
  files: LoadedResult[];
  /** Who each counted result is from, and its group (same order as `files`). */
  people: { fileName: string; name: string; group?: GroupTag }[];
  /** The groups among the counted results, in natural order, with how many results each. */
  groups: { key: string; label: string; count: number }[];
  /** Files not counted: they do not replay, claim values out of range, or repeat a name. */
  flagged: FlaggedResult[];
}

/** A person's group, as read from the names or edited (dashboard-people.ts). */
export interface GroupTag {
  key: string;
  label: string;
  source: 'name' | 'file' | 'team' | 'edited';
}

/** A column of the student × decision grid: one decision step. */
export interface GridColumn {
  /** The step's id: for data attributes and the CSV, never shown. */
  step: string;
  title: string;
  date: string;
  kind: 'choice' | 'vote';
  /** The decision numbers students saw at this step ("Decision N" in their run), ascending. */
  turns: number[];
  /** The number every run that took this step saw, when they all saw the same. */
  number?: number;
  /** "Decision 9", or "Decision 7 or 9" where paths differ. */
  numberText: string;
  /** History's option here, if the step has one. */
  history?: { id: string; label: string; short: string };
  /** Results that took this step. */
  taken: number;
  /** Results that took history's option here. */
  matched: number;
}

/** One decision of one result in the grid. */
export interface GridCell {
  /** The decision's number in the student's run. */
  turn: number;
  choice: { id: string; label: string; short: string };
  /** Whether it was history's choice; absent when history made none here. */
  matched?: boolean;
  /** The random result drawn, as the case words it. */
  outcome?: string;
  rationale?: string;
  /** Class mode: the room's votes, by option label. */
  tally?: { id: string; label: string; votes: number }[];
}

/** A row of the grid: one result (a student or a team). */
export interface GridRow {
  /** 1-based place among the counted results (`DashboardSummary.files`): the per-student view's address. */
  index: number;
  fileName: string;
  name: string;
  group?: GroupTag;
  mode: 'solo' | 'class';
  ending: { id: string; title: string; tone: 'good' | 'mixed' | 'bad'; historical: boolean } | null;
  /** Per column, the decisions taken at that step (none when the run did not pass it; more when it came back). */
  cells: GridCell[][];
  decisions: number;
  /** Decisions at steps where history made a choice. */
  comparable: number;
  /** Of those, how many took history's choice. */
  matched: number;
  /** The objectives score at the end (0–100). */
  objectives: number;
}

/** One group's results at one seat, beside the other groups. */
export interface GroupSummary {
  /** "" for the results without a group. */
  key: string;
  label: string;
  results: number;
  names: string[];
  /** Every ending of the seat's summary, with this group's count. */
  endings: { id: string; title: string; tone: 'good' | 'mixed' | 'bad'; count: number }[];
  unfinished: number;
  matched: number;
  comparable: number;
  /** matched / comparable (0 when none). */
  share: number;
  /** Mean objectives score at the end. */
  objectives: number;
}

/** The grid of one seat, and its groups side by side (empty with fewer than two groups). */
export interface SeatGrid {
  columns: GridColumn[];
  rows: GridRow[];
  groups: GroupSummary[];
}
