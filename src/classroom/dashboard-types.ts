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
  step: string;
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
  /** Files not counted: they do not replay, claim values out of range, or repeat a name. */
  flagged: FlaggedResult[];
}
