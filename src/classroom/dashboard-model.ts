/**
 * The instructor dashboard's numbers, from the result files a teacher loaded: how many; per case
 * and seat, per decision step the distribution of choices beside history's choice, the endings
 * reached, the meters at the end, and the rationales side by side. Pure: the page renders this.
 *
 * Scenarios are optional: with the case loaded, options nobody chose and endings nobody reached
 * are listed too (with count 0) and steps follow the case's order; without it, everything comes
 * from the files themselves.
 */
import { scenarioHash } from '../engine/save';
import type { Scenario } from '../engine/schema';
import type { Position } from '../engine/view-types';
import type { LoadedResult } from './result-file';
import { resultFileName } from './result-file';
import type { ResultFile } from './result-schema';

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
  /** Results made with a different version of the case (another content hash). */
  otherVersions: number;
  seats: SeatSummary[];
}

export interface DashboardSummary {
  /** How many results were loaded. */
  count: number;
  modes: { solo: number; class: number };
  scenarios: ScenarioSummary[];
}

const VOTE_OPTIONS = [
  { id: 'consensus', label: 'Consensus reached' },
  { id: 'blocked', label: 'Blocked: no consensus' },
];

const POSITIONS = ['support', 'abstain', 'object'] as const;

/** The positions in a vote step's summed tally, or undefined when it counts none. */
function proposalVotesOf(tally: Readonly<Record<string, number>>): ProposalVotes | undefined {
  if (!POSITIONS.some((p) => p in tally)) return undefined;
  return { support: tally.support ?? 0, abstain: tally.abstain ?? 0, object: tally.object ?? 0 };
}

function stats(values: readonly number[]): Stats {
  if (values.length === 0) return { n: 0, min: 0, mean: 0, max: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  return { n: values.length, min: Math.min(...values), mean: sum / values.length, max: Math.max(...values) };
}

/** Who wrote a result, for the rationales side by side. */
export function whoOf(r: LoadedResult): string {
  const { student, team } = r.result;
  if (student && team) return `${student} (${team})`;
  return student ?? team ?? r.fileName;
}

function normalise(x: LoadedResult | ResultFile): LoadedResult {
  return 'result' in x ? x : { fileName: resultFileName(x), result: x };
}

/** Groups keeping first-seen order. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

function summariseEndings(group: readonly LoadedResult[], scenario: Scenario | undefined): EndingsSummary {
  const counts = new Map<string, EndingCount>();
  for (const e of scenario?.endings ?? []) {
    counts.set(e.id, {
      id: e.id,
      title: e.title,
      tone: e.tone,
      historical: e.historical,
      counterfactual: e.counterfactual,
      count: 0,
      share: 0,
    });
  }
  let finished = 0;
  for (const { result } of group) {
    const e = result.ending;
    if (!e) continue;
    finished++;
    const c = counts.get(e.id) ?? { ...e, count: 0, share: 0 };
    c.count++;
    counts.set(e.id, c);
  }
  const endings = [...counts.values()].map((c) => ({ ...c, share: finished ? c.count / finished : 0 }));
  return { endings, finished, unfinished: group.length - finished };
}

function summariseSteps(group: readonly LoadedResult[], scenario: Scenario | undefined): StepSummary[] {
  type Seen = { order: number; minTurn: number; entries: { lr: LoadedResult; d: ResultFile['decisions'][number] }[] };
  const bySteps = new Map<string, Seen>();
  let order = 0;
  for (const lr of group) {
    for (const d of lr.result.decisions) {
      let seen = bySteps.get(d.step);
      if (!seen) {
        seen = { order: order++, minTurn: d.turn, entries: [] };
        bySteps.set(d.step, seen);
      }
      seen.minTurn = Math.min(seen.minTurn, d.turn);
      seen.entries.push({ lr, d });
    }
  }
  const indexOf = (id: string) => {
    const i = scenario?.steps.findIndex((s) => s.id === id) ?? -1;
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const ids = [...bySteps.keys()].sort((a, b) => {
    const sa = bySteps.get(a) as Seen;
    const sb = bySteps.get(b) as Seen;
    return indexOf(a) - indexOf(b) || sa.minTurn - sb.minTurn || sa.order - sb.order;
  });

  return ids.map((id): StepSummary => {
    const { entries } = bySteps.get(id) as Seen;
    const step = scenario?.steps.find((s) => s.id === id);
    const first = entries[0]?.d;
    const kind = step ? (step.council ? 'vote' : 'choice') : (first?.kind ?? 'choice');
    const options = new Map<string, OptionCount>();
    const addOption = (o: { id: string; label: string; counterfactual?: boolean }) => {
      if (!options.has(o.id)) {
        options.set(o.id, {
          id: o.id,
          label: o.label,
          count: 0,
          share: 0,
          history: false,
          counterfactual: o.counterfactual ?? false,
          votes: 0,
        });
      }
    };
    if (step) {
      if (kind === 'vote') for (const o of VOTE_OPTIONS) addOption(o);
      for (const c of step.choices) addOption(c);
    }
    let history: StepSummary['history'];
    if (step?.history?.choice) {
      const h = step.history.choice;
      const label =
        step.choices.find((c) => c.id === h)?.label ??
        VOTE_OPTIONS.find((o) => o.id === h)?.label ??
        entries.find((e) => e.d.history?.id === h)?.d.history?.label ??
        h;
      history = { id: h, label };
    } else if (!step) {
      history = entries.find((e) => e.d.history)?.d.history;
    }
    const tally: Record<string, number> = {};
    const rationales: RationaleEntry[] = [];
    let matched = 0;
    for (const { lr, d } of entries) {
      addOption(d.choice);
      const o = options.get(d.choice.id) as OptionCount;
      o.count++;
      if (history && d.choice.id === history.id) matched++;
      for (const [k, n] of Object.entries(d.tally ?? {})) tally[k] = (tally[k] ?? 0) + n;
      if (d.rationale) {
        rationales.push({
          fileName: lr.fileName,
          who: whoOf(lr),
          ...(lr.result.student ? { student: lr.result.student } : {}),
          ...(lr.result.team ? { team: lr.result.team } : {}),
          turn: d.turn,
          choice: { ...d.choice },
          ...(d.outcome ? { outcome: d.outcome } : {}),
          rationale: d.rationale,
        });
      }
    }
    if (history) addOption(history);
    const total = entries.length;
    const proposalVotes = kind === 'vote' ? proposalVotesOf(tally) : undefined;
    const teamVotes: TeamVoteEntry[] = [];
    for (const lr of group) {
      for (const c of lr.result.councilTeams ?? []) {
        if (c.step !== id) continue;
        for (const v of c.votes) {
          teamVotes.push({
            fileName: lr.fileName,
            who: whoOf(lr),
            turn: c.turn,
            team: v.team,
            actor: v.actor,
            name: scenario?.actors.find((a) => a.id === v.actor)?.name ?? v.actor,
            position: v.position,
            ...(v.rationale ? { rationale: v.rationale } : {}),
          });
        }
      }
    }
    return {
      step: id,
      title: step?.title ?? first?.title ?? id,
      date: step?.date ?? first?.date ?? '',
      kind,
      decisions: total,
      options: [...options.values()].map((o) => ({
        ...o,
        share: total ? o.count / total : 0,
        history: o.id === history?.id,
        votes: tally[o.id] ?? 0,
      })),
      ...(history ? { history } : {}),
      matched,
      tally,
      ...(proposalVotes ? { proposalVotes } : {}),
      rationales,
      teamVotes,
    };
  });
}

function summariseMeters(group: readonly LoadedResult[], scenario: Scenario | undefined): MeterSummary[] {
  const meta = new Map<string, Omit<MeterSummary, 'end'>>();
  for (const m of scenario?.meters ?? []) {
    meta.set(m.id, { id: m.id, label: m.label, scale: { min: m.min, max: m.max }, higherIs: m.higher_is });
  }
  const values = new Map<string, number[]>();
  for (const { result } of group) {
    for (const m of result.meters) {
      if (!meta.has(m.id)) {
        meta.set(m.id, { id: m.id, label: m.label, scale: { min: m.min, max: m.max }, higherIs: m.higherIs });
      }
      const list = values.get(m.id) ?? [];
      list.push(m.value);
      values.set(m.id, list);
    }
  }
  return [...meta.values()].map((m) => ({ ...m, end: stats(values.get(m.id) ?? []) }));
}

/** The dashboard's summary of the loaded results, grouped by case and seat. */
export function summarise(
  loaded: readonly (LoadedResult | ResultFile)[],
  scenarios: readonly Scenario[] = [],
): DashboardSummary {
  const all = loaded.map(normalise);
  const hashes = new Map<Scenario, string>();
  const hashOf = (s: Scenario) => {
    let h = hashes.get(s);
    if (h === undefined) {
      h = scenarioHash(s);
      hashes.set(s, h);
    }
    return h;
  };
  const byScenario = groupBy(all, (r) => r.result.scenario.id);
  const scenarioOrder = (id: string) => {
    const i = scenarios.findIndex((s) => s.id === id);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const scenarioIds = [...byScenario.keys()].sort((a, b) => scenarioOrder(a) - scenarioOrder(b));

  const summaries = scenarioIds.map((sid): ScenarioSummary => {
    const group = byScenario.get(sid) as LoadedResult[];
    const scenario = scenarios.find((s) => s.id === sid);
    const bySeat = groupBy(group, (r) => r.result.seat.id);
    const seatOrder = (id: string) => {
      const i = scenario?.roles.findIndex((r) => r.id === id) ?? -1;
      return i < 0 ? Number.POSITIVE_INFINITY : i;
    };
    const seatIds = [...bySeat.keys()].sort((a, b) => seatOrder(a) - seatOrder(b));
    return {
      id: sid,
      title: scenario?.title ?? group[0]?.result.scenario.title ?? sid,
      known: scenario !== undefined,
      count: group.length,
      otherVersions: scenario ? group.filter((r) => r.result.scenario.hash !== hashOf(scenario)).length : 0,
      ...summariseEndings(group, scenario),
      seats: seatIds.map((seatId): SeatSummary => {
        const seatGroup = bySeat.get(seatId) as LoadedResult[];
        return {
          id: seatId,
          title: scenario?.roles.find((r) => r.id === seatId)?.title ?? seatGroup[0]?.result.seat.title ?? seatId,
          count: seatGroup.length,
          ...summariseEndings(seatGroup, scenario),
          steps: summariseSteps(seatGroup, scenario),
          meters: summariseMeters(seatGroup, scenario),
          objectives: stats(seatGroup.map((r) => r.result.objectives.end)),
        };
      }),
    };
  });
  return {
    count: all.length,
    modes: {
      solo: all.filter((r) => r.result.mode === 'solo').length,
      class: all.filter((r) => r.result.mode === 'class').length,
    },
    scenarios: summaries,
  };
}
