/**
 * One SCORM session with the LMS, in the game's terms: the suspend data, the attempt started
 * (incomplete) or completed with a score, each decision as an interaction, the player's reasons
 * as comments, the session's time and how it was left. The two versions differ only here: element
 * names, vocabularies, sizes and formats (SCORM 1.2 RTE 3.4, SCORM 2004 4th edition RTE 4.2).
 * Values that break the LMS's patterns are made to fit (identifiers, single lines, lengths), as
 * the strictest LMSs (Moodle's) check them.
 */
import type { FoundApi, ScormVersion } from './find-api';
import { iso8601Duration, scorm12Time, scorm12Timespan, scorm2004Time } from './scorm-time';

/** One decision as the LMS is told of it. */
export interface DecisionReport {
  /** The decision's number in the run (1-based). */
  turn: number;
  /** The step's id, and its title as the player read it. */
  step: string;
  title: string;
  /** The option taken (for a Council vote: its outcome), id and label. */
  choice: { id: string; label: string };
  /** What history chose at this step, when the case says. */
  history?: { id: string; label: string };
  /** `correct`: history's choice; `incorrect`: another; `neutral`: history took none of these. */
  result: 'correct' | 'incorrect' | 'neutral';
  /** The reasons the player typed, if any. */
  rationale?: string;
  at: Date;
}

/** The calls of either API, with SCORM's "true"/"false" strings made booleans. */
interface Calls {
  initialize(): boolean;
  finish(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  error(): string;
}

const ok = (r: unknown) => String(r) === 'true';

function calls(found: FoundApi): Calls {
  if (found.version === '1.2') {
    const a = found.api;
    return {
      initialize: () => ok(a.LMSInitialize('')),
      finish: () => ok(a.LMSFinish('')),
      get: (e) => String(a.LMSGetValue(e) ?? ''),
      set: (e, v) => ok(a.LMSSetValue(e, v)),
      commit: () => ok(a.LMSCommit('')),
      error: () => {
        const code = String(a.LMSGetLastError());
        return `${code} ${a.LMSGetErrorString(code)} ${a.LMSGetDiagnostic(code)}`.trim();
      },
    };
  }
  const a = found.api;
  return {
    initialize: () => ok(a.Initialize('')),
    finish: () => ok(a.Terminate('')),
    get: (e) => String(a.GetValue(e) ?? ''),
    set: (e, v) => ok(a.SetValue(e, v)),
    commit: () => ok(a.Commit('')),
    error: () => {
      const code = String(a.GetLastError());
      return `${code} ${a.GetErrorString(code)} ${a.GetDiagnostic(code)}`.trim();
    },
  };
}

const NAMES = {
  '1.2': {
    status: 'cmi.core.lesson_status',
    score: 'cmi.core.score',
    sessionTime: 'cmi.core.session_time',
    exit: 'cmi.core.exit',
  },
  '2004': {
    status: 'cmi.completion_status',
    score: 'cmi.score',
    sessionTime: 'cmi.session_time',
    exit: 'cmi.exit',
  },
} as const;

/** The longest suspend data each version's LMS must keep (1.2: CMIString4096; 2004: 64000). */
export const SUSPEND_LIMIT: Readonly<Record<ScormVersion, number>> = { '1.2': 4096, '2004': 64000 };
/** SCORM 1.2 cmi.comments: CMIString4096. */
const COMMENTS_LIMIT_12 = 4096;
/** SCORM 2004 interactions.n.description: 250 characters; comments_from_learner.n.comment: 4000. */
const DESCRIPTION_LIMIT = 250;
const COMMENT_LIMIT = 4000;

/**
 * An identifier the strictest LMS patterns accept: letters, digits, `_` and `.` (Moodle's SCORM
 * 2004 short identifier is `[\w.]{1,250}`); anything else becomes `_`.
 */
export function cmiIdentifier(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_.]/g, '_').slice(0, 250);
  return clean === '' ? '_' : clean;
}

/** One line of text (LMS string patterns refuse line breaks), at most `max` characters, never starting with `{` (a language tag). */
export function cmiText(text: string, max: number): string {
  let line = text.replace(/\s+/g, ' ').trim();
  if (line.startsWith('{')) line = `(${line.slice(1)}`;
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** The decision in words, as SCORM 2004's description and SCORM 1.2's comments give it. */
export function decisionLine(d: DecisionReport): string {
  const history =
    d.result === 'correct'
      ? ' (history chose this too)'
      : d.history
        ? ` (history chose: ${d.history.label})`
        : ' (history made no such choice)';
  return `${d.turn}. ${d.title}: ${d.choice.label}${history}`;
}

export class ScormSession {
  readonly version: ScormVersion;
  readonly suspendLimit: number;
  private readonly api: Calls;
  private readonly startedAt: number;
  private finished = false;

  private constructor(
    found: FoundApi,
    private readonly now: () => number,
  ) {
    this.version = found.version;
    this.suspendLimit = SUSPEND_LIMIT[found.version];
    this.api = calls(found);
    this.startedAt = now();
  }

  /** Initializes a session with the LMS; null when the LMS refuses. */
  static open(found: FoundApi, now: () => number = () => Date.now()): ScormSession | null {
    const session = new ScormSession(found, now);
    if (!session.api.initialize()) {
      console.error(`The LMS refused to start a SCORM session: ${session.api.error()}`);
      return null;
    }
    return session;
  }

  get isOpen(): boolean {
    return !this.finished;
  }

  private get(element: string): string {
    return this.api.get(element);
  }

  private set(element: string, value: string): boolean {
    if (this.finished) return false;
    const done = this.api.set(element, value);
    if (!done) console.error(`The LMS refused ${element} = ${JSON.stringify(value)}: ${this.api.error()}`);
    return done;
  }

  suspendData(): string {
    return this.get('cmi.suspend_data');
  }

  setSuspendData(text: string): boolean {
    return this.set('cmi.suspend_data', text);
  }

  /** The attempt is under way: "incomplete", unless the LMS already has it completed. */
  begin(): void {
    const status = this.get(NAMES[this.version].status);
    if (status !== 'completed' && status !== 'passed' && status !== 'failed' && status !== 'incomplete') {
      this.set(NAMES[this.version].status, 'incomplete');
    }
  }

  /**
   * A run reached its debrief: completed, with the seat's score out of 100. No pass or fail is
   * reported: the game has no pass mark (1.2 "completed", 2004 success status left "unknown").
   */
  complete(score: number): void {
    const s = NAMES[this.version].score;
    const raw = Math.max(0, Math.min(100, Math.round(score)));
    this.set(`${s}.min`, '0');
    this.set(`${s}.max`, '100');
    this.set(`${s}.raw`, String(raw));
    if (this.version === '2004') this.set(`${s}.scaled`, String(raw / 100));
    this.set(NAMES[this.version].status, 'completed');
  }

  /** How many interactions the LMS holds for this attempt. */
  interactionCount(): number {
    const n = Number(this.get('cmi.interactions._count'));
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }

  /** Appends the decision as a `choice` interaction (and, in 2004, the player's reasons as a comment). */
  addDecision(d: DecisionReport): void {
    const n = this.interactionCount();
    const i = `cmi.interactions.${n}`;
    this.set(`${i}.id`, cmiIdentifier(d.step));
    this.set(`${i}.type`, 'choice');
    if (this.version === '1.2') {
      this.set(`${i}.time`, scorm12Time(d.at));
      if (d.history) this.set(`${i}.correct_responses.0.pattern`, cmiIdentifier(d.history.id));
      this.set(`${i}.student_response`, cmiIdentifier(d.choice.id));
      this.set(`${i}.result`, d.result === 'incorrect' ? 'wrong' : d.result);
      this.appendComment12(d);
      return;
    }
    this.set(`${i}.timestamp`, scorm2004Time(d.at));
    this.set(`${i}.description`, cmiText(decisionLine(d), DESCRIPTION_LIMIT));
    if (d.history) this.set(`${i}.correct_responses.0.pattern`, cmiIdentifier(d.history.id));
    this.set(`${i}.learner_response`, cmiIdentifier(d.choice.id));
    this.set(`${i}.result`, d.result);
    if (d.rationale) {
      const count = Number(this.get('cmi.comments_from_learner._count'));
      const c = `cmi.comments_from_learner.${Number.isSafeInteger(count) && count >= 0 ? count : 0}`;
      this.set(`${c}.comment`, cmiText(`${d.turn}. ${d.title}: ${d.rationale}`, COMMENT_LIMIT));
      this.set(`${c}.location`, cmiIdentifier(d.step));
      this.set(`${c}.timestamp`, scorm2004Time(d.at));
    }
  }

  /**
   * SCORM 1.2 has no description for an interaction: cmi.comments carries each decision in words
   * (and the player's reasons), one line per decision, the oldest lines dropped past 4096 characters.
   */
  private appendComment12(d: DecisionReport): void {
    const line = cmiText(`${decisionLine(d)}${d.rationale ? `. Why: ${d.rationale}` : ''}`, 1000);
    let text = [this.get('cmi.comments'), line].filter((x) => x !== '').join('\n');
    while (text.length > COMMENTS_LIMIT_12) {
      const cut = text.indexOf('\n');
      text = cut < 0 ? text.slice(text.length - COMMENTS_LIMIT_12) : text.slice(cut + 1);
    }
    this.set('cmi.comments', text);
  }

  commit(): boolean {
    if (this.finished) return false;
    const done = this.api.commit();
    if (!done) console.error(`The LMS did not keep the data: ${this.api.error()}`);
    return done;
  }

  /**
   * Ends the session: its time, how it was left (`suspend` keeps the run for the next launch),
   * a last commit, then LMSFinish / Terminate. Only the first call does anything.
   */
  finish(suspend: boolean): void {
    if (this.finished) return;
    const names = NAMES[this.version];
    const ms = this.now() - this.startedAt;
    this.set(names.sessionTime, this.version === '1.2' ? scorm12Timespan(ms) : iso8601Duration(ms));
    this.set(names.exit, suspend ? 'suspend' : this.version === '1.2' ? '' : 'normal');
    this.commit();
    this.finished = true;
    if (!this.api.finish()) console.error(`The LMS did not end the session cleanly: ${this.api.error()}`);
  }
}
