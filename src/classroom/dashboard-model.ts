/**
 * The instructor dashboard's numbers, from the result files a teacher loaded: how many; per case
 * and seat, per decision step the distribution of choices beside history's choice, the endings
 * reached, the meters at the end, and the rationales side by side. Pure: the page renders this.
 *
 * Scenarios are optional: with the case loaded, options nobody chose and endings nobody reached
 * are listed too (with count 0) and steps follow the case's order; without it, everything comes
 * from the files themselves.
 */
import type { Scenario } from '../engine/schema';
import { seatGrid } from './dashboard-grid';
import { compareGroups } from './dashboard-groups';
import { type GroupEdits, peopleOf } from './dashboard-people';
import { summariseSteps, whoOf } from './dashboard-steps';
import type {
  DashboardSummary,
  EndingCount,
  EndingsSummary,
  MeterSummary,
  ScenarioSummary,
  SeatSummary,
  Stats,
} from './dashboard-types';
import type { LoadedResult } from './result-file';
import { madeWithOtherVersion, resultFileName } from './result-file';
import type { ResultFile } from './result-schema';
import { verifyResults } from './result-verify';

export type { GroupEdits } from './dashboard-people';
export type {
  DashboardSummary,
  EndingCount,
  EndingsSummary,
  GridCell,
  GridColumn,
  GridRow,
  GroupSummary,
  GroupTag,
  MeterSummary,
  OptionCount,
  ProposalVotes,
  RationaleEntry,
  ScenarioSummary,
  SeatGrid,
  SeatSummary,
  Stats,
  StepSummary,
  TeamVoteEntry,
} from './dashboard-types';
export type { FlaggedResult } from './result-verify';

export { whoOf };

function stats(values: readonly number[]): Stats {
  if (values.length === 0) return { n: 0, min: 0, mean: 0, max: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  return { n: values.length, min: Math.min(...values), mean: sum / values.length, max: Math.max(...values) };
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

export interface SummaryOptions {
  /** Groups the teacher named by hand, by file name ("" for no group): see dashboard-people.ts. */
  groups?: GroupEdits;
}

function groupsOf(people: ReturnType<typeof peopleOf>): DashboardSummary['groups'] {
  const out = new Map<string, { key: string; label: string; count: number }>();
  for (const p of people) {
    if (!p.group) continue;
    const g = out.get(p.group.key) ?? { key: p.group.key, label: p.group.label, count: 0 };
    g.count++;
    out.set(g.key, g);
  }
  return [...out.values()].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true, sensitivity: 'base' }));
}

/** The dashboard's summary of the loaded results, grouped by case and seat. */
export function summarise(
  loaded: readonly (LoadedResult | ResultFile)[],
  scenarios: readonly Scenario[] = [],
  opts: SummaryOptions = {},
): DashboardSummary {
  const files = loaded.map(normalise);
  // Only what replays is counted, rebuilt from its replay; the rest is flagged (result-verify.ts).
  const { counted: all, flagged } = verifyResults(files, scenarios, whoOf);
  const people = peopleOf(all, opts.groups);
  const personOf = new Map(all.map((lr, i) => [lr, people[i] as (typeof people)[number]]));
  const indexOf = new Map(all.map((lr, i) => [lr, i + 1]));
  const nameOf = (lr: LoadedResult) => personOf.get(lr)?.name ?? whoOf(lr);
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
      otherVersions: scenario
        ? files.filter((r) => r.result.scenario.id === sid && madeWithOtherVersion(r.result, scenario)).length
        : 0,
      ...summariseEndings(group, scenario),
      seats: seatIds.map((seatId): SeatSummary => {
        const seatGroup = bySeat.get(seatId) as LoadedResult[];
        const endings = summariseEndings(seatGroup, scenario);
        const grid = seatGrid(
          seatGroup,
          seatGroup.map((lr) => personOf.get(lr) as (typeof people)[number]),
          (lr) => indexOf.get(lr) ?? 0,
          scenario,
        );
        return {
          id: seatId,
          title: scenario?.roles.find((r) => r.id === seatId)?.title ?? seatGroup[0]?.result.seat.title ?? seatId,
          count: seatGroup.length,
          ...endings,
          grid: { ...grid, groups: compareGroups(grid.rows, endings.endings) },
          steps: summariseSteps(seatGroup, scenario, nameOf),
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
    files: all,
    people,
    groups: groupsOf(people),
    flagged,
  };
}
