/**
 * What a Game runs its moves on: an XState actor of the compiled machine (the default, for players),
 * or the table interpreter (table-run.ts) for automated play. Both read one machine configuration
 * and one set of guards and actions; a Game sees only this interface.
 */
import { type Actor, createActor } from 'xstate';
import type { ScenarioMachine } from './compiler';
import type { GameEvent } from './events';
import type { RunContext, RunInput } from './run-context';
import type { Scenario } from './schema';
import { type InPlaceRun, type RunTable, runTable, type TableRun } from './table-run';

export type Interpreter = 'xstate' | 'table';

export interface RunSnapshot {
  status: string;
  value: string;
  context: RunContext;
}

export interface RunCore {
  readonly kind: Interpreter;
  /** The run as it stands, a value that later moves leave unchanged: the caller may keep it. */
  snapshot(): RunSnapshot;
  /**
   * The run as it stands, for a read that keeps nothing of it (not the snapshot, nor its context
   * or anything in it) past the next `send`, which may change it in place.
   */
  peek(): RunSnapshot;
  send(event: GameEvent): void;
  /** The run as XState persists it (what saves hold), whichever interpreter runs it. */
  persisted(): unknown;
  /** An independent copy as it stands. */
  copy(): RunCore;
  stop(): void;
}

class ActorCore implements RunCore {
  readonly kind = 'xstate' as const;
  constructor(
    private readonly machine: ScenarioMachine,
    private readonly input: RunInput,
    private readonly actor: Actor<ScenarioMachine>,
  ) {
    actor.start();
  }
  snapshot(): RunSnapshot {
    const snap = this.actor.getSnapshot();
    return { status: snap.status, value: String(snap.value), context: snap.context };
  }
  peek(): RunSnapshot {
    return this.snapshot();
  }
  send(event: GameEvent): void {
    this.actor.send(event);
  }
  persisted(): unknown {
    return this.actor.getPersistedSnapshot();
  }
  copy(): RunCore {
    const snapshot = this.actor.getPersistedSnapshot() as never;
    return new ActorCore(this.machine, this.input, createActor(this.machine, { snapshot, input: this.input }));
  }
  stop(): void {
    this.actor.stop();
  }
}

const tables = new WeakMap<Scenario, RunTable>();

function tableFor(s: Scenario): RunTable {
  let t = tables.get(s);
  if (!t) {
    t = runTable(s);
    tables.set(s, t);
  }
  return t;
}

/**
 * A run on the table interpreter. Moves change the run in place (`InPlaceRun`) as long as nothing
 * else has seen it; handing it out (`snapshot`, `persisted`, `copy`) makes the state handed out a
 * value, and the next move starts from a copy of it.
 */
class TableCore implements RunCore {
  readonly kind = 'table' as const;
  private run: InPlaceRun;
  constructor(
    private readonly machine: ScenarioMachine,
    private readonly table: RunTable,
    start: TableRun,
  ) {
    this.run = table.inPlace(start);
  }
  /** The run as it stands, from now on a value: later moves go on from a copy. */
  private handOut(): TableRun {
    const run = this.run.current;
    this.run = this.table.inPlace(run);
    return run;
  }
  snapshot(): RunSnapshot {
    return this.handOut();
  }
  peek(): RunSnapshot {
    return this.run.current;
  }
  send(event: GameEvent): void {
    this.run.send(event);
  }
  persisted(): unknown {
    // The XState machine resolves the same state, so a save is the same whichever interpreter ran.
    const run = this.handOut();
    const snap = this.machine.resolveState({ value: run.value, context: run.context });
    return this.machine.getPersistedSnapshot(snap);
  }
  copy(): RunCore {
    // The copy and this core go on from the same state, each copying what it changes.
    return new TableCore(this.machine, this.table, this.handOut());
  }
  stop(): void {}
}

export function interpreterCore(kind: Interpreter, s: Scenario, machine: ScenarioMachine, input: RunInput): RunCore {
  if (kind === 'table') {
    const table = tableFor(s);
    return new TableCore(machine, table, table.start(input));
  }
  return new ActorCore(machine, input, createActor(machine, { input }));
}
