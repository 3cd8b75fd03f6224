/**
 * Class mode on a projector: the teacher enters the room's votes per option (or one vote per
 * team), an optional countdown runs per decision, then the class's choice is played. These are
 * the pure parts: a clean tally for the engine, the shares to show, and the countdown's state
 * for clock values the caller passes.
 */
import type { DecisionNotes } from '../engine/events';
import { MAX_RATIONALE } from '../engine/events';

/** The engine's limits for a tally (see isGameEvent): at most 50 options, 0..10000 votes each. */
export const MAX_VOTES = 10_000;
const MAX_OPTIONS = 50;

/** An option's entry in a tally: own properties only, so an option id such as "constructor" is just an id. */
function countOf<T>(tally: Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  return tally && Object.hasOwn(tally, id) ? tally[id] : undefined;
}

/**
 * A tally the engine accepts and a save restores: only the given option ids, whole numbers
 * 0..10000 (anything else counts as 0), zero counts left out. Empty: undefined.
 */
export function cleanTally(
  optionIds: readonly string[],
  raw: Readonly<Record<string, unknown>> | undefined,
): Record<string, number> | undefined {
  if (!raw) return undefined;
  const out: [string, number][] = [];
  for (const id of optionIds.slice(0, MAX_OPTIONS)) {
    const v = countOf(raw, id);
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n) && n >= 1) out.push([id, Math.min(MAX_VOTES, Math.floor(n))]);
  }
  // Object.fromEntries defines own properties: any option id is a plain key.
  return out.length > 0 ? Object.fromEntries(out) : undefined;
}

export interface TallyOption {
  id: string;
  label: string;
  count: number;
  /** count / total (0 when no votes). */
  share: number;
  /** True for the option(s) with the most votes (none while there are no votes). */
  leading: boolean;
}

/** The tally beside the options, for the projector. */
export function tallyView(
  options: readonly { id: string; label: string }[],
  tally: Readonly<Record<string, number>> | undefined,
): { options: TallyOption[]; total: number; leaders: string[] } {
  const counts = options.map((o) => Math.max(0, countOf(tally, o.id) ?? 0));
  const total = counts.reduce((a, b) => a + b, 0);
  const top = Math.max(0, ...counts);
  const out = options.map((o, i) => {
    const count = counts[i] ?? 0;
    return { id: o.id, label: o.label, count, share: total ? count / total : 0, leading: top > 0 && count === top };
  });
  return { options: out, total, leaders: out.filter((o) => o.leading).map((o) => o.id) };
}

/** The notes to send with a class decision (rationale trimmed; empty notes left out). */
export function classNotes(
  optionIds: readonly string[],
  opts: { rationale?: string; tally?: Readonly<Record<string, unknown>> },
): DecisionNotes {
  const rationale = opts.rationale?.trim().slice(0, MAX_RATIONALE);
  const tally = cleanTally(optionIds, opts.tally);
  return { ...(rationale ? { rationale } : {}), ...(tally ? { tally } : {}) };
}

export interface CountdownState {
  remainingMs: number;
  done: boolean;
  /** "m:ss", rounded up to the second (so it shows 0:00 only when done). */
  label: string;
  /** 0..1 of the time used. */
  fraction: number;
}

/** A countdown of `durationMs` started at `startMs`, at time `nowMs` (both from the caller's clock). */
export function countdown(durationMs: number, startMs: number, nowMs: number): CountdownState {
  const total = Math.max(0, durationMs);
  const remainingMs = Math.max(0, Math.min(total, total - (nowMs - startMs)));
  const secs = Math.ceil(remainingMs / 1000);
  return {
    remainingMs,
    done: remainingMs === 0,
    label: `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`,
    fraction: total === 0 ? 1 : 1 - remainingMs / total,
  };
}
