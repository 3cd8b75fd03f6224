/**
 * What the LMS is told of a run, read from the run as it is saved (the persisted snapshot): each
 * decision (the step, the option taken, whether history took it, the reasons typed) and, at the
 * debrief, the seat's score as the debrief gives it (engine/debrief.ts `buildDebrief`, the same
 * function the debrief screen shows). No rule of the game here: it reads and reports.
 *
 * Interactions are a journal: each decision is told once, in order. A run replayed from an earlier
 * decision tells its new decisions after the old ones, and a new run starts its count again, so
 * the LMS keeps every decision a student took in the attempt.
 */
import { buildDebrief } from '../engine/debrief';
import type { RunContext } from '../engine/run-context';
import type { SaveData } from '../engine/save';
import type { Scenario } from '../engine/schema';
import type { StoredRun } from '../ui/save-store';
import type { DecisionReport } from './scorm-session';

/** Where the reports go (a ScormSession; tests pass their own). */
export interface ReportTarget {
  addDecision(d: DecisionReport): void;
  complete(score: number): void;
}

export interface RunFacts {
  decisions: DecisionReport[];
  /** The seat's score out of 100 once the run stands at its debrief; null before. */
  score: number | null;
}

/** The run's decisions and (at the debrief) its score; null when the save carries no run state. */
export function runFacts(scenario: Scenario, run: StoredRun, at: Date): RunFacts | null {
  const snapshot = (run.engine as Partial<SaveData> | null)?.snapshot as { context?: RunContext } | undefined;
  const context = snapshot?.context;
  if (!context || !Array.isArray(context.decisions) || context.scenario !== scenario.id) return null;
  const debrief = buildDebrief(scenario, context);
  return {
    decisions: debrief.decisions.map((d) => ({
      turn: d.turn,
      step: d.step,
      title: d.title,
      choice: { id: d.yours.id, label: d.yours.label },
      ...(d.history?.choice ? { history: d.history.choice } : {}),
      result: d.matched ? 'correct' : d.history?.choice ? 'incorrect' : 'neutral',
      ...(d.yours.rationale ? { rationale: d.yours.rationale } : {}),
      at,
    })),
    score: run.screen === 'debrief' ? debrief.objectives.end : null,
  };
}

/** Which run a stored run is: a new run (another case, seat or start) counts its decisions again. */
export function runKey(run: Pick<StoredRun, 'scenario' | 'role' | 'startedAt'>): string {
  return `${run.scenario}|${run.role}|${run.startedAt ?? ''}`;
}

export class Reporter {
  private key: string | null;
  /** How many of the run's decisions the LMS has been told of. */
  reported: number;
  private completed: string | null = null;

  constructor(
    private readonly target: ReportTarget,
    from: { key: string | null; reported: number } = { key: null, reported: 0 },
  ) {
    this.key = from.key;
    this.reported = from.reported;
  }

  /** Tells the LMS what is new in `run`: decisions not told yet, and the score on reaching the debrief. */
  report(scenario: Scenario, run: StoredRun, at: Date = new Date()): void {
    const key = runKey(run);
    if (key !== this.key) {
      this.key = key;
      this.reported = 0;
      this.completed = null;
    }
    const facts = runFacts(scenario, run, at);
    if (!facts) return;
    // Replayed from an earlier decision: the decisions after it were taken back.
    this.reported = Math.min(this.reported, facts.decisions.length);
    for (const d of facts.decisions.slice(this.reported)) this.target.addDecision(d);
    this.reported = facts.decisions.length;
    if (facts.score !== null) {
      const done = `${facts.decisions.length}|${facts.score}`;
      if (done !== this.completed) this.target.complete(facts.score);
      this.completed = done;
    }
  }
}
