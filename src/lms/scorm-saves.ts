/**
 * The saved run kept in the LMS instead of the browser: the flow's readSave/writeSave/clearSave
 * (FlowDeps) over a SCORM session. Each save writes the suspend data and tells the LMS what is new
 * (reporter.ts), then commits, so a student who closes the window loses nothing. No DOM here.
 */
import type { Scenario } from '../engine/schema';
import type { FlowDeps } from '../ui/flow/flow-types';
import type { SaveRead, StoredRun } from '../ui/save-store';
import { Reporter, runKey } from './reporter';
import type { DecisionReport } from './scorm-session';
import { expandRun, packRun, unpackRun } from './suspend-data';

/** What the saves need of a session (a ScormSession; tests pass their own). */
export interface SaveSession {
  readonly suspendLimit: number;
  suspendData(): string;
  setSuspendData(text: string): boolean;
  addDecision(d: DecisionReport): void;
  complete(score: number): void;
  commit(): boolean;
}

export class ScormSaves {
  /** The run as the flow last saved it (or as the suspend data gave it back). */
  private current: StoredRun | null = null;
  /** A saved run that could not be resumed, said once. */
  private problem: string | null = null;
  private written = '';
  private readonly reporter: Reporter;
  private scenarios: (id: string) => Scenario | undefined;

  private constructor(
    private readonly session: SaveSession,
    resumed: { run: StoredRun; reported: number; scenario: Scenario } | null,
    problem: string | null,
  ) {
    this.current = resumed?.run ?? null;
    this.problem = problem;
    this.written = session.suspendData();
    this.reporter = new Reporter(
      session,
      resumed ? { key: runKey(resumed.run), reported: resumed.reported } : { key: null, reported: 0 },
    );
    this.scenarios = (id) => (resumed?.scenario.id === id ? resumed.scenario : undefined);
  }

  /**
   * Reads the run the LMS kept (the suspend data), loading its case with `loadCase` to rebuild it.
   * A run that cannot be resumed is said once, as the browser's saves are.
   */
  static async open(
    session: SaveSession,
    loadCase: (id: string) => Promise<Scenario | undefined>,
  ): Promise<ScormSaves> {
    const packed = unpackRun(session.suspendData());
    if (!packed) return new ScormSaves(session, null, null);
    const scenario = await loadCase(packed.run.scenario);
    if (!scenario) {
      return new ScormSaves(
        session,
        null,
        `Your saved game is of the case "${packed.run.scenario}", which this package does not have.`,
      );
    }
    const expanded = expandRun(packed, scenario);
    if (!expanded.ok) return new ScormSaves(session, null, expanded.message);
    return new ScormSaves(session, { run: expanded.run, reported: packed.reported, scenario }, null);
  }

  /** A run is saved (the attempt should be suspended, not ended, when the student leaves). */
  get hasRun(): boolean {
    return this.current !== null;
  }

  /** The flow's dependencies with the saves here; cases come from `base`. */
  deps(base: FlowDeps): FlowDeps {
    const own = this.scenarios;
    this.scenarios = (id) => base.scenario(id) ?? own(id);
    return {
      ...base,
      readSave: () => this.read(),
      writeSave: (run) => this.write(run),
      clearSave: () => this.clear(),
    };
  }

  read(): SaveRead {
    if (this.current) return { kind: 'ok', run: this.current };
    if (this.problem) {
      const message = this.problem;
      this.problem = null;
      return { kind: 'problem', message };
    }
    return { kind: 'none' };
  }

  /** Keeps the run in the LMS: suspend data, new decisions, the score at the debrief; then commits. */
  write(run: StoredRun): boolean {
    this.current = run;
    const scenario = this.scenarios(run.scenario);
    if (scenario) this.reporter.report(scenario, run);
    const text = packRun(run, this.reporter.reported, this.session.suspendLimit);
    const kept = text === this.written || this.session.setSuspendData(text);
    if (kept) this.written = text;
    this.session.commit();
    return kept && text.length <= this.session.suspendLimit;
  }

  clear(): void {
    this.current = null;
    if (this.written !== '' && this.session.setSuspendData('')) this.written = '';
    this.session.commit();
  }
}
