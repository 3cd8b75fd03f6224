/**
 * The dashboard's student × decision grid for one seat of a case: a row per result (student or
 * team), a column per decision step in date order (dashboard-order.ts), each cell the option the
 * run took there and whether it was history's. Only labels reach a person; ids stay in `step`,
 * `id` fields for the page's data attributes and the CSV's id columns.
 */
import type { Scenario } from '../engine/schema';
import { outcomeLabel } from '../engine/view';
import { decisionNumberText, stepOrder, turnsOf } from './dashboard-order';
import type { Person } from './dashboard-people';
import type { GridCell, GridColumn, GridRow, SeatGrid } from './dashboard-types';
import type { LoadedResult } from './result-read';
import type { ResultDecision } from './result-schema';

const VOTE_LABELS: Record<string, string> = { consensus: 'Consensus reached', blocked: 'Blocked: no consensus' };
const POSITION_LABELS: Record<string, string> = { support: 'Support', abstain: 'Abstain', object: 'Object' };

/** Longest label shown whole in a grid cell. */
export const SHORT_LABEL = 28;

/**
 * A label short enough for a grid cell: whole when short, else up to its first ";", ":", "," or
 * dash when that leaves a phrase, else cut at a word with "…".
 */
export function shortLabel(label: string, max = SHORT_LABEL): string {
  const text = label.trim();
  if (text.length <= max) return text;
  const stop = /[;:,]|\s[-–—]\s|\s\(/u.exec(text);
  if (stop && stop.index >= 6 && stop.index <= max) return text.slice(0, stop.index).trim();
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** What an option id reads as at a step (from the case, else from the run's own labels). */
function optionLabel(scenario: Scenario | undefined, step: string, id: string, d?: ResultDecision): string {
  const st = scenario?.steps.find((s) => s.id === step);
  return (
    st?.choices.find((c) => c.id === id)?.label ??
    (d?.choice.id === id ? d.choice.label : undefined) ??
    (d?.history?.id === id ? d.history.label : undefined) ??
    VOTE_LABELS[id] ??
    POSITION_LABELS[id] ??
    id
  );
}

/** The random result a choice drew, from the case (none without it). */
function outcomeOf(scenario: Scenario | undefined, d: ResultDecision) {
  if (!d.outcome) return undefined;
  const choice = scenario?.steps.find((s) => s.id === d.step)?.choices.find((c) => c.id === d.choice.id);
  return choice?.outcomes.find((o) => o.id === d.outcome);
}

/** The text of the random result a choice drew, from the case (none without it). */
export function outcomeText(scenario: Scenario | undefined, d: ResultDecision): string | undefined {
  return outcomeOf(scenario, d)?.text;
}

/** A class tally with each option's label, in the order entered. */
export function tallyLabels(
  scenario: Scenario | undefined,
  d: ResultDecision,
): { id: string; label: string; votes: number }[] {
  return Object.entries(d.tally ?? {}).map(([id, votes]) => ({
    id,
    label: optionLabel(scenario, d.step, id, d),
    votes,
  }));
}

function cellOf(d: ResultDecision, scenario: Scenario | undefined, historyId: string | undefined): GridCell {
  // A grid cell is small: the result's label (its first sentence when it has none), not its text.
  const drawn = outcomeOf(scenario, d);
  const outcome = drawn ? outcomeLabel(drawn) : undefined;
  const tally = tallyLabels(scenario, d);
  return {
    turn: d.turn,
    choice: { id: d.choice.id, label: d.choice.label, short: shortLabel(d.choice.label) },
    ...(historyId !== undefined ? { matched: d.choice.id === historyId } : {}),
    ...(outcome ? { outcome } : {}),
    ...(d.rationale ? { rationale: d.rationale } : {}),
    ...(tally.length > 0 ? { tally } : {}),
  };
}

/** The grid of one seat's results (`people` in the same order as `group`). */
export function seatGrid(
  group: readonly LoadedResult[],
  people: readonly Person[],
  indexOf: (lr: LoadedResult) => number,
  scenario: Scenario | undefined,
): Omit<SeatGrid, 'groups'> {
  const order = stepOrder(
    group.map((lr) => lr.result.decisions),
    scenario,
  );
  const columns: GridColumn[] = order.map((id) => {
    const step = scenario?.steps.find((s) => s.id === id);
    const taken = group.flatMap((lr) => lr.result.decisions.filter((d) => d.step === id));
    const first = taken[0];
    const historyId = step ? step.history?.choice : taken.find((d) => d.history)?.history?.id;
    const historyLabel = historyId
      ? optionLabel(
          scenario,
          id,
          historyId,
          taken.find((d) => d.history),
        )
      : undefined;
    const turns = turnsOf(taken.map((d) => d.turn));
    return {
      step: id,
      title: step?.title ?? first?.title ?? '',
      date: step?.date ?? first?.date ?? '',
      kind: step ? (step.council ? 'vote' : 'choice') : (first?.kind ?? 'choice'),
      turns,
      ...(turns.length === 1 ? { number: turns[0] as number } : {}),
      numberText: decisionNumberText(turns),
      ...(historyId && historyLabel
        ? { history: { id: historyId, label: historyLabel, short: shortLabel(historyLabel) } }
        : {}),
      taken: group.filter((lr) => lr.result.decisions.some((d) => d.step === id)).length,
      matched: historyId
        ? group.filter((lr) => lr.result.decisions.some((d) => d.step === id && d.choice.id === historyId)).length
        : 0,
    };
  });
  const rows: GridRow[] = group.map((lr, i) => {
    const person = people[i] as Person;
    const cells = columns.map((c) =>
      lr.result.decisions.filter((d) => d.step === c.step).map((d) => cellOf(d, scenario, c.history?.id)),
    );
    const all = cells.flat();
    const e = lr.result.ending;
    return {
      index: indexOf(lr),
      fileName: lr.fileName,
      name: person.name,
      ...(person.group ? { group: person.group } : {}),
      mode: lr.result.mode,
      ending: e ? { id: e.id, title: e.title, tone: e.tone, historical: e.historical } : null,
      cells,
      decisions: all.length,
      comparable: all.filter((c) => c.matched !== undefined).length,
      matched: all.filter((c) => c.matched).length,
      objectives: lr.result.objectives.end,
    };
  });
  return { columns, rows };
}
