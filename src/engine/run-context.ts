/**
 * The context of a running scenario machine, and what changes it: meter effects recorded in the
 * ledger, flags, seeded draws. Changes go to a `ContextDraft`, never to the context it was drafted
 * from. Every meter change in a run goes through `ContextDraft.applyEffects`, so the ledger is complete.
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
 * they are never changed in place, except by a `ContextDraft` that copied them first.
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

/** The arrays of a context that grow as a run goes on. */
type GrowingField = 'visited' | 'chosen' | 'lobbied' | 'ledger' | 'decisions' | 'news';
/** The fields a draft copies before it first changes them (one bit each). */
const OWN_BIT: Record<GrowingField | 'meters' | 'flags', number> = {
  meters: 1,
  flags: 2,
  visited: 4,
  chosen: 8,
  lobbied: 16,
  ledger: 32,
  decisions: 64,
  news: 128,
};
const OWN_ALL = 255;

/**
 * A context being changed by actions: a shallow copy whose records and growing arrays are still
 * shared with the context it was copied from, each copied the first time an action changes it
 * (copy on write) and then changed in place. So the context a draft starts from never changes,
 * and an event whose actions change the ledger several times copies it once, not once per action.
 * Every meter change goes through `applyEffects`, so the ledger is complete.
 */
export class ContextDraft {
  private constructor(
    /** The context as changed so far: nothing else holds it until the draft is done. */
    readonly context: RunContext,
    /** Bits (`OWN_BIT`) of the fields this draft holds its own copy of. */
    private owned: number,
  ) {}

  /** A draft of `from`, which stays as it is. */
  static of(from: RunContext): ContextDraft {
    return new ContextDraft(copyContext(from), 0);
  }

  /** A draft that takes over a context nothing else holds (a run's initial context), without copying it. */
  static adopt(fresh: RunContext): ContextDraft {
    return new ContextDraft(fresh, OWN_ALL);
  }

  /** True the first time this draft writes a field it does not hold its own copy of: the caller copies it then. */
  private firstWrite(field: GrowingField | 'meters' | 'flags'): boolean {
    const bit = OWN_BIT[field];
    if ((this.owned & bit) !== 0) return false;
    this.owned |= bit;
    return true;
  }

  // Meters and flags are copied at call sites of their own: each sees objects of one shape per
  // scenario, which V8 copies far faster than objects of many shapes at one site.

  /** The meters, to change in place. */
  private meters(): Record<string, number> {
    if (this.firstWrite('meters')) this.context.meters = { ...this.context.meters };
    return this.context.meters;
  }

  /** The flags, to change in place. */
  private flags(): Record<string, boolean> {
    if (this.firstWrite('flags')) this.context.flags = { ...this.context.flags };
    return this.context.flags;
  }

  /** `array` with `item` appended: in place once this draft holds its own copy of the field (`bit`), else in a copy. */
  private appended<T>(array: T[], bit: number, item: T): T[] {
    const own = (this.owned & bit) === 0 ? array.slice() : array;
    this.owned |= bit;
    own.push(item);
    return own;
  }

  // One method per growing array (not one taking the field's name): each reads and writes its field by name.

  /** Records a step entered. */
  visit(step: string): void {
    this.context.visited = this.appended(this.context.visited, OWN_BIT.visited, step);
  }

  /** Records a choice taken. */
  choose(choice: string): void {
    this.context.chosen = this.appended(this.context.chosen, OWN_BIT.chosen, choice);
  }

  /** Records a member lobbied at the current Council. */
  lobby(actor: string): void {
    this.context.lobbied = this.appended(this.context.lobbied, OWN_BIT.lobbied, actor);
  }

  /** Records a decision. */
  decide(record: DecisionRecord): void {
    this.context.decisions = this.appended(this.context.decisions, OWN_BIT.decisions, record);
  }

  /** Records a news event that happened. */
  report(news: NewsRecord): void {
    this.context.news = this.appended(this.context.news, OWN_BIT.news, news);
  }

  /** Starts a new Council's lobbying: nobody lobbied (a new array: the old one may be shared). */
  clearLobbied(): void {
    this.context.lobbied = [];
    this.owned |= OWN_BIT.lobbied;
  }

  /** Applies effects in order, clamping each meter, and records each change in the ledger under `turn`. */
  applyEffects(s: Scenario, effects: readonly Effect[], step: string, cause: string, turn: number): void {
    if (effects.length === 0) return;
    const meters = this.meters();
    for (const e of effects) {
      const before = meters[e.meter] ?? 0;
      const after = clampMeter(s, e.meter, before + e.delta);
      meters[e.meter] = after;
      const entry = { turn, step, cause, meter: e.meter, delta: after - before, reason: e.reason };
      this.context.ledger = this.appended(this.context.ledger, OWN_BIT.ledger, entry);
    }
  }

  /** Sets, then clears, flags. */
  applyFlags(change: { set: readonly string[]; clear: readonly string[] }): void {
    if (change.set.length === 0 && change.clear.length === 0) return;
    const flags = this.flags();
    for (const f of change.set) flags[f] = true;
    for (const f of change.clear) flags[f] = false;
  }
}

/** The next draw in [0, 1) without advancing the generator (guards use it). */
export function peekDraw(ctx: Pick<RunContext, 'rng'>): number {
  return nextRandom(ctx.rng).value;
}

export function advanceDraw(ctx: Pick<RunContext, 'rng'>): number {
  return nextRandom(ctx.rng).state;
}
