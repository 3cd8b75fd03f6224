/**
 * A second interpreter of a compiled scenario, for automated play (stats, balance, lint walks,
 * time estimates) where thousands of runs must take milliseconds. It reads the same machine
 * configuration the compiler hands to XState (`machineConfig`) and calls the same guards and
 * actions (`implementations`), so no rule lives here: only the part of statechart semantics that
 * configuration uses — flat states, `entry` actions, guarded `on` and `always` transitions taken
 * in document order, transition actions before the target's entry actions, a transition to the
 * state it leaves entering nothing, final states ending the run.
 *
 * Runs are values: a step returns a new run and never changes the old one (its context is a
 * copy-on-write draft of the old one's, see `ContextDraft`), so forking is free. Automated play,
 * which never looks back at earlier states, moves one run in place instead (`inPlace`).
 * tests/unit/table-run.test.ts holds it to XState's answers, context for context, on every bundled
 * seat and the hostile fixtures; tests/unit/in-place-run.test.ts holds in-place runs to `send`'s.
 */
import { machineConfig, START_STATE } from './compiler';
import type { GameEvent } from './events';
import { implementations } from './implementations';
import { ContextDraft, type RunContext, type RunInput } from './run-context';
import type { Scenario } from './schema';

type Config = ReturnType<typeof machineConfig>;
type StateConfig = Config['states'][string];
type Transition = NonNullable<StateConfig['always']>[number];
type Named = { type: string; params?: Record<string, unknown> };
type Guard = (args: { context: RunContext; event: GameEvent }, params: unknown) => boolean;
type Change = (draft: ContextDraft, event: GameEvent, params: unknown) => void;

/** Where a run stands: what an XState snapshot's `status`, `value` and `context` hold. */
export interface TableRun {
  readonly status: 'active' | 'done';
  readonly value: string;
  readonly context: RunContext;
}

/** The interpreter of one scenario: built once, then `start` and `send` are pure. */
export interface RunTable {
  start(input: RunInput): TableRun;
  /** The run after `event`, or the same run object when no transition takes the event. */
  send(run: TableRun, event: GameEvent): TableRun;
  /** `run`, to be moved in place by one holder from now on (see `InPlaceRun`); `run` itself stays as it is. */
  inPlace(run: TableRun): InPlaceRun;
}

/**
 * A run that its one holder moves in place, for automated play: where `send` copies the context at
 * every move, each move here changes the context the previous one made. Whatever it still shares
 * with the run it started from is copied before it first changes (`ContextDraft`), so that run
 * stays as it was. The holder must keep nothing of `current` past the next move; to keep a state,
 * it hands it out and moves on from a new `inPlace` of it.
 */
export interface InPlaceRun {
  /** The run as it stands, changed in place by the next move. */
  readonly current: TableRun;
  /** Moves the run; false (nothing changes) when no transition takes the event. */
  send(event: GameEvent): boolean;
}

/** A guard or action of the configuration with its implementation, looked up once when the table is built. */
interface Bound<F> {
  readonly fn: F;
  readonly params: unknown;
}

/** A transition with its guard, actions and target state resolved. */
interface Edge {
  readonly guard: Bound<Guard> | undefined;
  readonly actions: readonly Bound<Change>[];
  /** The state it enters; undefined when it stays where it is. */
  readonly target: Node | undefined;
}

/** A state as the table runs it. */
interface Node {
  readonly id: string;
  readonly final: boolean;
  readonly entry: readonly Bound<Change>[];
  always: readonly Edge[] | undefined;
  on: Map<string, readonly Edge[]>;
}

const INIT = { type: 'xstate.init' } as unknown as GameEvent;

/** The states of a machine configuration with every name resolved (targets, guards, actions). */
function resolveStates(config: Config, impl: ReturnType<typeof implementations>): Map<string, Node> {
  const guards = impl.guards as unknown as Record<string, Guard>;
  const changes = impl.changes as unknown as Record<string, Change>;
  const bind = <F>(table: Record<string, F>, kind: string, named: Named): Bound<F> => {
    const fn = Object.hasOwn(table, named.type) ? table[named.type] : undefined;
    if (!fn) throw new Error(`table-run: unknown ${kind} "${named.type}"`);
    return { fn, params: named.params };
  };
  const nodes = new Map<string, Node>();
  for (const [id, st] of Object.entries(config.states)) {
    const entry = (st.entry ?? []).map((a) => bind(changes, 'action', a));
    nodes.set(id, { id, final: st.type === 'final', entry, always: undefined, on: new Map() });
  }
  const edges = (transitions: readonly Transition[]): Edge[] =>
    transitions.map((t) => {
      const target = t.target === undefined ? undefined : nodes.get(t.target);
      if (t.target !== undefined && !target) throw new Error(`table-run: no state "${t.target}"`);
      return {
        guard: t.guard ? bind(guards, 'guard', t.guard) : undefined,
        actions: (t.actions ?? []).map((a) => bind(changes, 'action', a)),
        target,
      };
    });
  for (const [id, st] of Object.entries(config.states)) {
    const node = nodes.get(id) as Node;
    if (st.always) node.always = edges(st.always);
    for (const [type, ts] of Object.entries(st.on ?? {})) node.on.set(type, edges(ts));
  }
  return nodes;
}

/**
 * A run being moved: its context is a draft that the actions change in place (XState's assign
 * gives each action a new context with the changed fields; the result is the same). `send` makes
 * a draft for one event, whose context is a value once the event is done; an in-place run keeps
 * one draft from move to move.
 */
interface Moving {
  node: Node;
  draft: ContextDraft;
}

/** How one scenario's table moves runs. */
interface Mover {
  nodeOf(id: string): Node;
  /** The transition `event` takes from `node` in `context`, if any. */
  edgeFor(node: Node, context: RunContext, event: GameEvent): Edge | undefined;
  /** Takes `edge`, then the eventless transitions it leads to: the run it comes to. */
  move(at: Moving, edge: Edge, event: GameEvent): TableRun;
}

// A class rather than an object literal with a `current` getter: V8 makes such a literal a slow
// (dictionary-mode) object, and measured so, the runs it held outlived young-generation
// collections, which then took a quarter of the time of automated play.
class InPlace implements InPlaceRun {
  /** The run being moved, from its first move on (until then the run is the one started from, which others may hold). */
  private at: Moving | undefined;
  constructor(
    private readonly mover: Mover,
    private run: TableRun,
  ) {}
  get current(): TableRun {
    return this.run;
  }
  send(event: GameEvent): boolean {
    if (this.run.status !== 'active') return false;
    const node = this.at?.node ?? this.mover.nodeOf(this.run.value);
    const edge = this.mover.edgeFor(node, this.run.context, event);
    if (!edge) return false;
    this.at ??= { node, draft: ContextDraft.of(this.run.context) };
    this.run = this.mover.move(this.at, edge, event);
    return true;
  }
}

export function runTable(s: Scenario): RunTable {
  const impl = implementations(s);
  const nodes = resolveStates(machineConfig(s), impl);

  /** The first of `edges` whose guard passes (document order), if any. */
  const enabled = (edges: readonly Edge[] | undefined, context: RunContext, event: GameEvent) => {
    if (edges === undefined) return undefined;
    for (const e of edges) {
      if (e.guard === undefined || e.guard.fn({ context, event }, e.guard.params)) return e;
    }
    return undefined;
  };

  const run = (actions: readonly Bound<Change>[], at: Moving, event: GameEvent): void => {
    for (const a of actions) a.fn(at.draft, event, a.params);
  };

  /** Takes one transition: its actions, then (unless it stays) the target's entry. */
  const take = (at: Moving, e: Edge, event: GameEvent): void => {
    run(e.actions, at, event);
    if (e.target === undefined || e.target === at.node) return;
    at.node = e.target;
    run(e.target.entry, at, event);
  };

  /** Follows enabled `always` transitions until none is; the run it comes to. */
  const settle = (at: Moving, event: GameEvent): TableRun => {
    for (let guard = 0; !at.node.final; guard++) {
      if (guard > 10_000) throw new Error(`table-run: eventless transitions loop at "${at.node.id}"`);
      const e = enabled(at.node.always, at.draft.context, event);
      if (!e) break;
      take(at, e, event);
    }
    return { status: at.node.final ? 'done' : 'active', value: at.node.id, context: at.draft.context };
  };

  const mover: Mover = {
    nodeOf(id) {
      const node = nodes.get(id);
      if (!node) throw new Error(`table-run: no state "${id}"`);
      return node;
    },
    edgeFor: (node, context, event) => enabled(node.on.get(event.type), context, event),
    move(at, edge, event) {
      take(at, edge, event);
      return settle(at, event);
    },
  };

  return {
    start(input) {
      return settle({ node: mover.nodeOf(START_STATE), draft: ContextDraft.adopt(impl.initial(input)) }, INIT);
    },
    send(from, event) {
      if (from.status !== 'active') return from;
      const node = mover.nodeOf(from.value);
      const edge = mover.edgeFor(node, from.context, event);
      if (!edge) return from;
      return mover.move({ node, draft: ContextDraft.of(from.context) }, edge, event);
    },
    inPlace: (from) => new InPlace(mover, from),
  };
}
