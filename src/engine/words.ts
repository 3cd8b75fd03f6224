/**
 * What a path asks a player to read, and how long it takes: the words the panel shows before the
 * ending (each step's title and narrative at the run's length, the options offered, the Council's
 * proposal and what members say, the news and what it moved, each result and its ledger), the
 * decisions taken, and whether a Council vote was among them. Budgets for a class lesson and the
 * time estimates on case cards and in the teacher guide come from these counts. Pure.
 */
import { holds } from './conditions';
import type { RunContext } from './run-context';
import type { Scenario } from './schema';
import { stepText } from './view';

/**
 * Counts already made, by text: a path measure reads the same scenario texts again for every path
 * (the class lesson's test and `stats` measure thousands). Cleared when large, as texts edited in
 * the workbench are new strings each time.
 */
const counted = new Map<string, number>();
const COUNTED_MAX = 20_000;

/** The words in a text: the runs between spaces that hold a letter or a digit. */
export function countWords(text: string | undefined): number {
  if (!text) return 0;
  let n = counted.get(text);
  if (n === undefined) {
    n = 0;
    for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
    if (counted.size >= COUNTED_MAX) counted.clear();
    counted.set(text, n);
  }
  return n;
}

export interface PathMeasure {
  words: number;
  decisions: number;
  votes: number;
}

/** The words shown, decisions taken and Council votes held on a finished (or unfinished) run. */
export function measurePath(s: Scenario, ctx: RunContext): PathMeasure {
  let words = 0;
  const steps = new Map(s.steps.map((x) => [x.id, x]));
  for (const id of ctx.visited) {
    const step = steps.get(id);
    if (!step) continue;
    words += countWords(step.title) + countWords(stepText(s, step, ctx));
    // Options as offered: those whose condition holds now (an upper bound when conditions changed since).
    for (const c of step.choices) {
      if (c.when && !holds(c.when, ctx)) continue;
      words += countWords(c.label) + countWords(c.detail);
    }
    const council = step.council;
    if (council) {
      words += countWords(council.proposal);
      for (const m of council.members) {
        words += countWords(m.lobby?.label);
        for (const sh of m.shifts) if (holds(sh.when, ctx)) words += countWords(sh.reason);
      }
    }
  }
  for (const n of ctx.news) {
    const ev = steps.get(n.step)?.events.find((e) => e.id === n.event);
    words += countWords(ev?.text);
  }
  for (const e of ctx.ledger) words += countWords(e.reason);
  for (const d of ctx.decisions) {
    const step = steps.get(d.step);
    const choice = step?.choices.find((c) => c.id === d.choice);
    const outcome = choice?.outcomes.find((o) => o.id === d.outcome);
    words += countWords(d.label) + countWords(outcome?.text ?? choice?.result);
    if (d.kind === 'vote') {
      words += countWords(d.choice === 'consensus' ? step?.council?.consensus_text : step?.council?.blocked_text);
      // What lobbied members said (lobbying is recorded in the ledger under the vote's turn).
      const lobbied = new Set(
        ctx.ledger
          .filter((e) => e.turn === d.turn && e.step === d.step && e.cause.startsWith('lobby:'))
          .map((e) => e.cause),
      );
      for (const m of step?.council?.members ?? []) {
        if (lobbied.has(`lobby:${m.actor}`)) words += countWords(m.lobby?.text);
      }
    }
  }
  return { words, decisions: ctx.decisions.length, votes: ctx.decisions.filter((d) => d.kind === 'vote').length };
}

/** Reading speed the estimates assume, in words a minute. */
export const WORDS_PER_MINUTE = 200;
/** Minutes a decision takes besides reading: alone, and as a class that discusses and votes. */
export const MINUTES_PER_DECISION = { solo: 0.5, class: 2 } as const;

/** Minutes of play for a path of this many words and decisions, alone or as a class. */
export function playMinutes(words: number, decisions: number, mode: keyof typeof MINUTES_PER_DECISION): number {
  return words / WORDS_PER_MINUTE + decisions * MINUTES_PER_DECISION[mode];
}
