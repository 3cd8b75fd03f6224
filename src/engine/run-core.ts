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
import { type RunTable, runTable, type TableRun } from './table-run';

export type Interpreter = 'xstate' | 'table';

export interface RunSnapshot {
  status: string;
  value: string;
  context: RunContext;
}

export interface RunCore {
  readonly kind: Interpreter;
  snapshot(): RunSnapshot;
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

class TableCore implements RunCore {
  readonly kind = 'table' as const;
  constructor(
    private readonly machine: ScenarioMachine,
    private readonly table: RunTable,
    private run: TableRun,
  ) {}
  snapshot(): RunSnapshot {
    return this.run;
  }
  send(event: GameEvent): void {
    this.run = this.table.send(this.run, event);
  }
  persisted(): unknown {
    // The XState machine resolves the same state, so a save is the same whichever interpreter ran.
    const snap = this.machine.resolveState({ value: this.run.value, context: this.run.context });
    return this.machine.getPersistedSnapshot(snap);
  }
  copy(): RunCore {
    // Runs are values: the copy shares the state until either moves.
    return new TableCore(this.machine, this.table, this.run);
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
