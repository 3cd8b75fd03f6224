/**
 * The order of a seat's decision steps on the dashboard, and the numbers students saw.
 *
 * Steps are shown in date order, never against a student's own order: a step comes after every
 * step that some run took just before it; among steps free to come next, the earliest date first
 * (a date of a month or a year counts as its first day), then the case's order, then the earliest
 * decision number. So a branch's step sits among the steps of its day, not after the end.
 *
 * Students see "Decision N", N being the decision's place in their own run (the result's `turn`).
 * Paths differ, so one step may be decision 6 for one student and 9 for another: a step's number
 * is given only when every run that took it took it at the same place.
 */
import type { Scenario } from '../engine/schema';

export interface StepVisit {
  step: string;
  turn: number;
  date: string;
}

/** "2022-01" → "2022-01-00": partial dates sort first in their month or year. */
function dateKey(date: string): string {
  const [y = '', m = '00', d = '00'] = date.split('-');
  return `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The steps of the runs (each a list of its decisions in order), in the dashboard's order. */
export function stepOrder(runs: readonly (readonly StepVisit[])[], scenario?: Scenario): string[] {
  interface Node {
    id: string;
    date: string;
    index: number;
    minTurn: number;
    seen: number;
    after: Set<string>;
    before: number;
  }
  const nodes = new Map<string, Node>();
  const stepIndex = new Map(scenario?.steps.map((s, i) => [s.id, i]) ?? []);
  for (const run of runs) {
    for (const v of run) {
      const n = nodes.get(v.step);
      if (n) n.minTurn = Math.min(n.minTurn, v.turn);
      else {
        const date = scenario?.steps.find((s) => s.id === v.step)?.date ?? v.date;
        nodes.set(v.step, {
          id: v.step,
          date: dateKey(date),
          index: stepIndex.get(v.step) ?? Number.POSITIVE_INFINITY,
          minTurn: v.turn,
          seen: nodes.size,
          after: new Set(),
          before: 0,
        });
      }
    }
  }
  for (const run of runs) {
    for (let i = 1; i < run.length; i++) {
      const a = nodes.get(run[i - 1]?.step ?? '');
      const b = run[i]?.step ?? '';
      if (a && a.id !== b && !a.after.has(b)) {
        a.after.add(b);
        const nb = nodes.get(b);
        if (nb) nb.before++;
      }
    }
  }
  const earlier = (a: Node, b: Node) =>
    a.date.localeCompare(b.date) || a.index - b.index || a.minTurn - b.minTurn || a.seen - b.seen;
  const left = new Set(nodes.values());
  const out: string[] = [];
  while (left.size > 0) {
    const free = [...left].filter((n) => n.before === 0);
    // A loop (a run that came back to a step) leaves no step free: the earliest goes next.
    const next = (free.length > 0 ? free : [...left]).sort(earlier)[0] as Node;
    left.delete(next);
    out.push(next.id);
    for (const id of next.after) {
      const n = nodes.get(id);
      if (n && left.has(n)) n.before = Math.max(0, n.before - 1);
    }
  }
  return out;
}

/** The distinct decision numbers students saw at a step, ascending. */
export function turnsOf(turns: Iterable<number>): number[] {
  return [...new Set(turns)].sort((a, b) => a - b);
}

/** "Decision 9"; "Decision 7 or 9"; "Decision 5, 6 or 9". */
export function decisionNumberText(turns: readonly number[]): string {
  if (turns.length === 0) return '';
  if (turns.length === 1) return `Decision ${turns[0]}`;
  return `Decision ${turns.slice(0, -1).join(', ')} or ${turns[turns.length - 1]}`;
}
