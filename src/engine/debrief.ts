/**
 * The debrief: the player's path beside what really happened, decision by decision; every
 * ending and which was reached; each meter over the run; how well the seat's objectives fared.
 */

import { FULL_LENGTH } from './constants';
import type { RunContext } from './run-context';
import type { Phase, Scenario, Source, Step } from './schema';
import type { ClaimLabel } from './schema-common';
import {
  endingView,
  outcomeLabel,
  seatTone,
  sourcesById,
  takenLabels,
  VERDICT_LABELS,
  withoutAuthorNote,
} from './view';
import type { EndingView } from './view-types';

export interface DebriefDecision {
  turn: number;
  step: string;
  title: string;
  date: string;
  phase: Phase;
  counterfactual: boolean;
  yours: {
    id: string;
    label: string;
    outcome?: string;
    /** The text of the result drawn (`outcome` is its id, for machines), as the player read it. */
    outcomeText?: string;
    /** The result drawn as a short name: its `label`, else the start of its text (never its id). */
    outcomeLabel?: string;
    /** The labels the option taken and its result carry (`uncertain`, `inferred`, `simplified`). */
    labels?: ClaimLabel[];
    rationale?: string;
    tally?: Record<string, number>;
    /** The class's votes (`tally`) with each option's label, in the order the step lists its options. */
    votes?: { id: string; label: string; count: number }[];
  };
  history?: {
    choice?: { id: string; label: string };
    text: string;
    sources: Source[];
    contested: boolean;
    contestedNote?: string;
    /** Labels on what history says here (`uncertain`, `inferred`, `simplified`), shown as badges. */
    labels: ClaimLabel[];
    quotes: { text: string; translation?: string; speaker: string; date?: string; source: Source }[];
  };
  /** True when your choice is the one history took. */
  matched: boolean;
}

export interface Debrief {
  scenario: string;
  /** True for an invented case (`fictional: true`): there is no history to compare the path with. */
  fictional: boolean;
  role: string;
  seed: number;
  /** The length played: `full`, or a length the case declares. */
  length: string;
  ending?: EndingView;
  decisions: DebriefDecision[];
  endings: {
    id: string;
    title: string;
    tone: 'good' | 'mixed' | 'bad';
    reached: boolean;
    counterfactual: boolean;
    historical: boolean;
  }[];
  /** Each meter's value at the start (index 0, after opening events) and after each decision. */
  series: { meter: string; label: string; values: number[] }[];
  /** 0–100: how the meters this seat cares about stand, at the start and now. */
  objectives: { start: number; end: number };
  related: { scenario: string; note: string }[];
}

export function objectiveScore(s: Scenario, role: string, meters: Record<string, number>): number {
  const r = s.roles.find((x) => x.id === role);
  if (!r) return 0;
  let total = 0;
  let weight = 0;
  for (const [id, w] of Object.entries(r.objectives)) {
    const m = s.meters.find((x) => x.id === id);
    if (!m || w === 0) continue;
    const norm = ((meters[id] ?? m.start) - m.min) / (m.max - m.min);
    total += Math.abs(w) * (w > 0 ? norm : 1 - norm);
    weight += Math.abs(w);
  }
  return weight === 0 ? 0 : Math.round((100 * total) / weight);
}

/** A Council position as a person reads it. */
const POSITION_LABELS: Readonly<Record<string, string>> = { support: 'Support', abstain: 'Abstain', object: 'Object' };

/**
 * A class tally with labels: the options the step lists (their labels) in its order, or the
 * Council's positions (support, abstain, object), then any other id counted (a verdict's label,
 * else the id itself). Own properties only.
 */
function tallyVotes(
  step: Step | undefined,
  tally: Record<string, number>,
): { id: string; label: string; count: number }[] {
  const ids = Object.keys(tally);
  const order = [...(step?.choices.map((c) => c.id) ?? []), ...Object.keys(POSITION_LABELS)];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return ids
    .map((id, i) => ({ id, i }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i)
    .map(({ id }) => ({
      id,
      label:
        step?.choices.find((c) => c.id === id)?.label ??
        (Object.hasOwn(POSITION_LABELS, id) ? POSITION_LABELS[id] : undefined) ??
        (Object.hasOwn(VERDICT_LABELS, id) ? VERDICT_LABELS[id] : undefined) ??
        id,
      count: tally[id] ?? 0,
    }));
}

export function buildDebrief(s: Scenario, ctx: RunContext): Debrief {
  const decisions = ctx.decisions.map((d): DebriefDecision => {
    const step = s.steps.find((x) => x.id === d.step);
    // An invented case is compared with no history.
    const h = s.fictional ? undefined : step?.history;
    const historyChoice = h?.choice
      ? (step?.choices.find((c) => c.id === h.choice)?.label ?? VERDICT_LABELS[h.choice] ?? h.choice)
      : undefined;
    const drawn = d.outcome
      ? step?.choices.find((c) => c.id === d.choice)?.outcomes.find((o) => o.id === d.outcome)
      : undefined;
    const outcomeText = drawn?.text;
    return {
      turn: d.turn,
      step: d.step,
      title: step?.title ?? d.step,
      date: step?.date ?? '',
      phase: step?.phase ?? 'request',
      counterfactual: step?.counterfactual ?? false,
      yours: {
        id: d.choice,
        label: d.kind === 'vote' ? (VERDICT_LABELS[d.choice] ?? d.label) : d.label,
        ...(d.outcome ? { outcome: d.outcome } : {}),
        ...(outcomeText ? { outcomeText } : {}),
        ...(drawn ? { outcomeLabel: outcomeLabel(drawn) } : {}),
        ...(step && takenLabels(step, d).length > 0 ? { labels: takenLabels(step, d) } : {}),
        ...(d.rationale ? { rationale: d.rationale } : {}),
        ...(d.tally ? { tally: d.tally, votes: tallyVotes(step, d.tally) } : {}),
      },
      ...(h
        ? {
            history: {
              ...(h.choice && historyChoice ? { choice: { id: h.choice, label: historyChoice } } : {}),
              text: h.text,
              sources: sourcesById(s, h.sources),
              contested: h.contested,
              ...(h.contested_note ? { contestedNote: h.contested_note } : {}),
              labels: [...h.labels],
              quotes: h.quotes.flatMap((q) => {
                const source = s.sources.find((x) => x.id === q.source);
                return source
                  ? [
                      {
                        text: q.text,
                        ...(q.translation ? { translation: q.translation } : {}),
                        speaker: q.speaker,
                        ...(q.date ? { date: q.date } : {}),
                        source: withoutAuthorNote(source),
                      },
                    ]
                  : [];
              }),
            },
          }
        : {}),
      matched: h?.choice !== undefined && h.choice === d.choice,
    };
  });

  const start = Object.fromEntries(s.meters.map((m) => [m.id, m.start]));
  const series = s.meters.map((m) => {
    const values: number[] = [];
    let v = m.start;
    for (let t = 0; t <= ctx.turn; t++) {
      for (const e of ctx.ledger) if (e.turn === t && e.meter === m.id) v += e.delta;
      values.push(v);
    }
    return { meter: m.id, label: m.label, values };
  });
  const ending = ctx.ending ? endingView(s, ctx.ending, ctx.role) : undefined;
  return {
    scenario: s.id,
    fictional: s.fictional,
    role: ctx.role,
    seed: ctx.seed,
    length: ctx.length ?? FULL_LENGTH,
    ...(ending ? { ending } : {}),
    decisions,
    endings: s.endings.map((e) => ({
      id: e.id,
      title: e.title,
      tone: seatTone(e, ctx.role),
      reached: e.id === ctx.ending,
      counterfactual: e.counterfactual,
      historical: e.historical && !s.fictional,
    })),
    series,
    objectives: { start: objectiveScore(s, ctx.role, start), end: objectiveScore(s, ctx.role, ctx.meters) },
    related: s.related,
  };
}

/**
 * One sentence on the path beside history, for the debrief: how many decisions matched what the
 * real decision-makers did, when some can be compared. A fictional case, or a path with no
 * decision that history answers, says so instead of "0 of 0 matched".
 */
export function historySummary(d: Pick<Debrief, 'fictional' | 'decisions'>): string {
  const n = d.decisions.length;
  const took = `You took ${n} decision${n === 1 ? '' : 's'}`;
  if (d.fictional) return `${took}. The case is invented: there is no real record to compare your path with.`;
  const comparable = d.decisions.filter((x) => x.history?.choice).length;
  if (comparable === 0) return `${took}; none of them has a real counterpart to compare with.`;
  const matched = d.decisions.filter((x) => x.matched).length;
  return `${took}; ${matched} of ${comparable} matched what the real decision-makers did.`;
}
