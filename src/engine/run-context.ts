/**
 * The context of a running scenario machine, and the pure functions that change it:
 * meter effects recorded in the ledger, flags, seeded draws. Every meter change in a run
 * goes through `applyEffects`, so the ledger is complete.
 */

import { FULL_LENGTH } from './constants';
import { nextRandom, seedState } from './rng';
import type { Effect, Scenario } from './schema';
import type { LedgerEntry, Position } from './view-types';

export interface DecisionRecord {
  turn: number;
  step: string;
  /** Index in the run's event log of the event that took this decision. */
  eventIndex: number;
  kind: 'choice' | 'vote';
  /** The choice id, or `consensus` / `blocked` for a vote. */
  choice: string;
  outcome?: string;
  /** At a vote: the position the player's seat cast for its own member, if it cast one. */
  position?: Position;
  label: string;
  /** The player's rationale, if they wrote one. */
  rationale?: string;
  /** Class mode: the room's votes per option. */
  tally?: Record<string, number>;
}

export interface NewsRecord {
  turn: number;
  step: string;
  event: string;
}

export interface LastResult {
  turn: number;
  step: string;
  label: string;
  text?: string;
  /** True when the result drawn is invented (a counterfactual outcome). */
  counterfactual?: boolean;
}

export interface RunContext {
  scenario: string;
  role: string;
  seed: number;
  /** The length played (absent: the full case). */
  length?: string;
  /** The seeded generator's state. */
  rng: number;
  meters: Record<string, number>;
  flags: Record<string, boolean>;
  /** Decisions taken so far. */
  turn: number;
  /** Events handled so far (choices, lobbying, votes, Continue). */
  handled: number;
  visited: string[];
  chosen: string[];
  /** Members lobbied at the current council step. */
  lobbied: string[];
  ledger: LedgerEntry[];
  decisions: DecisionRecord[];
  news: NewsRecord[];
  last?: LastResult;
  ending?: string;
}

/**
 * A shallow copy of a context, its fields always in the same order (so that automated play's
 * contexts share one shape), optional fields only when set. The arrays and records are shared:
 * the actions replace them, never change them.
 */
export function copyContext(c: RunContext): RunContext {
  const out: RunContext = {
    scenario: c.scenario,
    role: c.role,
    seed: c.seed,
    rng: c.rng,
    meters: c.meters,
    flags: c.flags,
    turn: c.turn,
    handled: c.handled,
    visited: c.visited,
    chosen: c.chosen,
    lobbied: c.lobbied,
    ledger: c.ledger,
    decisions: c.decisions,
    news: c.news,
  };
  if (c.length !== undefined) out.length = c.length;
  if (c.last !== undefined) out.last = c.last;
  if (c.ending !== undefined) out.ending = c.ending;
  return out;
}

export interface RunInput {
  role: string;
  seed: number;
  /** A length declared in the scenario's `lengths`; absent or `full` for the whole case. */
  length?: string;
}

/** Each scenario's starting meters and flags, built once (a run starts from copies). */
const starts = new WeakMap<Scenario, { meters: Record<string, number>; flags: Record<string, boolean> }>();

function startsOf(s: Scenario) {
  let st = starts.get(s);
  if (!st) {
    st = {
      meters: Object.fromEntries(s.meters.map((m) => [m.id, m.start])),
      flags: Object.fromEntries(s.flags.map((f) => [f.id, f.start])),
    };
    starts.set(s, st);
  }
  return st;
}

export function initialContext(s: Scenario, input: RunInput): RunContext {
  const start = startsOf(s);
  return {
    scenario: s.id,
    role: input.role,
    seed: input.seed,
    ...(input.length && input.length !== FULL_LENGTH ? { length: input.length } : {}),
    rng: seedState(input.seed),
    meters: { ...start.meters },
    flags: { ...start.flags },
    turn: 0,
    handled: 0,
    visited: [],
    chosen: [],
    lobbied: [],
    ledger: [],
    decisions: [],
    news: [],
  };
}

const meterMaps = new WeakMap<Scenario, Map<string, Scenario['meters'][number]>>();

export function clampMeter(s: Scenario, meter: string, value: number): number {
  let byId = meterMaps.get(s);
  if (!byId) {
    byId = new Map(s.meters.map((m) => [m.id, m]));
    meterMaps.set(s, byId);
  }
  const m = byId.get(meter);
  if (!m) return value;
  return Math.min(m.max, Math.max(m.min, value));
}

/** Applies effects in order, clamping each meter, and records each change in the ledger. */
export function applyEffects(
  s: Scenario,
  ctx: Pick<RunContext, 'meters' | 'ledger' | 'turn'>,
  effects: readonly Effect[],
  step: string,
  cause: string,
): Pick<RunContext, 'meters' | 'ledger'> {
  if (effects.length === 0) return { meters: ctx.meters, ledger: ctx.ledger };
  const meters = { ...ctx.meters };
  const ledger = [...ctx.ledger];
  for (const e of effects) {
    const before = meters[e.meter] ?? 0;
    const after = clampMeter(s, e.meter, before + e.delta);
    meters[e.meter] = after;
    ledger.push({ turn: ctx.turn, step, cause, meter: e.meter, delta: after - before, reason: e.reason });
  }
  return { meters, ledger };
}

export function applyFlags(
  flags: Record<string, boolean>,
  change: { set: readonly string[]; clear: readonly string[] },
): Record<string, boolean> {
  if (change.set.length === 0 && change.clear.length === 0) return flags;
  const out = { ...flags };
  for (const f of change.set) out[f] = true;
  for (const f of change.clear) out[f] = false;
  return out;
}

/** The next draw in [0, 1) without advancing the generator (guards use it). */
export function peekDraw(ctx: Pick<RunContext, 'rng'>): number {
  return nextRandom(ctx.rng).value;
}

export function advanceDraw(ctx: Pick<RunContext, 'rng'>): number {
  return nextRandom(ctx.rng).state;
}
