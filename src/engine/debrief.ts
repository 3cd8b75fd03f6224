/**
 * The debrief: the player's path beside what really happened, decision by decision; every
 * ending and which was reached; each meter over the run; how well the seat's objectives fared.
 */
import type { RunContext } from './run-context';
import { FULL_LENGTH, type Phase, type Scenario, type Source } from './schema';
import { endingView, seatTone, sourcesById, VERDICT_LABELS } from './view';
import type { EndingView } from './view-types';

export interface DebriefDecision {
  turn: number;
  step: string;
  title: string;
  date: string;
  phase: Phase;
  counterfactual: boolean;
  yours: { id: string; label: string; outcome?: string; rationale?: string; tally?: Record<string, number> };
  history?: {
    choice?: { id: string; label: string };
    text: string;
    sources: Source[];
    contested: boolean;
    contestedNote?: string;
    quotes: { text: string; translation?: string; speaker: string; date?: string; source: Source }[];
  };
  /** True when your choice is the one history took. */
  matched: boolean;
}

export interface Debrief {
  scenario: string;
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

export function buildDebrief(s: Scenario, ctx: RunContext): Debrief {
  const decisions = ctx.decisions.map((d): DebriefDecision => {
    const step = s.steps.find((x) => x.id === d.step);
    const h = step?.history;
    const historyChoice = h?.choice
      ? (step?.choices.find((c) => c.id === h.choice)?.label ?? VERDICT_LABELS[h.choice] ?? h.choice)
      : undefined;
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
        ...(d.rationale ? { rationale: d.rationale } : {}),
        ...(d.tally ? { tally: d.tally } : {}),
      },
      ...(h
        ? {
            history: {
              ...(h.choice && historyChoice ? { choice: { id: h.choice, label: historyChoice } } : {}),
              text: h.text,
              sources: sourcesById(s, h.sources),
              contested: h.contested,
              ...(h.contested_note ? { contestedNote: h.contested_note } : {}),
              quotes: h.quotes.flatMap((q) => {
                const source = s.sources.find((x) => x.id === q.source);
                return source
                  ? [
                      {
                        text: q.text,
                        ...(q.translation ? { translation: q.translation } : {}),
                        speaker: q.speaker,
                        ...(q.date ? { date: q.date } : {}),
                        source,
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
      historical: e.historical,
    })),
    series,
    objectives: { start: objectiveScore(s, ctx.role, start), end: objectiveScore(s, ctx.role, ctx.meters) },
    related: s.related,
  };
}
