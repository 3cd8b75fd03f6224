/**
 * What has been typed but not yet sent, kept for this tab: the decision on screen's draft
 * (rationale, class tallies, the teacher's pick, the countdown, Council teams' votes and
 * reasons) and the name and team typed on the debrief. A reload puts them back; another
 * decision or another run starts afresh. Reading never throws; anything malformed is dropped.
 */
import { type DecisionDraft, freshDraft } from './screens/class-vote';
import { session } from './storage';

const KEY = 'article-four:drafts:v1';

export interface Drafts {
  /** The run they belong to (case, seed and start time). */
  run: string;
  decision: DecisionDraft;
  names: { student: string; team: string };
}

export function freshDrafts(run: string): Drafts {
  return { run, decision: freshDraft(''), names: { student: '', team: '' } };
}

const POSITIONS = new Set(['support', 'abstain', 'object']);

function record<T>(x: unknown, ok: (v: unknown) => v is T): Record<string, T> {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return {};
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(x))
    if (ok(v)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10_000;
const isPosition = (v: unknown): v is 'support' | 'abstain' | 'object' => POSITIONS.has(v as string);

function cleanDecision(x: unknown): DecisionDraft | null {
  if (!x || typeof x !== 'object') return null;
  const d = x as Record<string, unknown>;
  if (typeof d.key !== 'string') return null;
  const t = d.timer as Record<string, unknown> | null | undefined;
  const timer =
    t && typeof t.durationMs === 'number' && typeof t.startMs === 'number'
      ? { durationMs: t.durationMs, startMs: t.startMs, announced: t.announced === true }
      : null;
  return {
    key: d.key,
    rationale: typeof d.rationale === 'string' ? d.rationale : '',
    tally: record(d.tally, isCount),
    pick: typeof d.pick === 'string' ? d.pick : null,
    minutes: typeof d.minutes === 'number' && Number.isFinite(d.minutes) ? d.minutes : 0,
    timer,
    teamVotes: record(d.teamVotes, isPosition),
    teamRationales: record(d.teamRationales, isString),
    ...(Array.isArray(d.memberOrder) && d.memberOrder.every(isString)
      ? { memberOrder: d.memberOrder as string[] }
      : {}),
  };
}

/** The drafts kept for `run`, or fresh ones. */
export function readDrafts(run: string): Drafts {
  const fresh = freshDrafts(run);
  let data: unknown;
  try {
    data = JSON.parse(session.get(KEY) ?? 'null');
  } catch {
    return fresh;
  }
  if (!data || typeof data !== 'object') return fresh;
  const d = data as Record<string, unknown>;
  if (d.run !== run) return fresh;
  const names = (d.names ?? {}) as Record<string, unknown>;
  return {
    run,
    decision: cleanDecision(d.decision) ?? fresh.decision,
    names: {
      student: typeof names.student === 'string' ? names.student : '',
      team: typeof names.team === 'string' ? names.team : '',
    },
  };
}

export function keepDrafts(drafts: Drafts): void {
  session.set(KEY, JSON.stringify(drafts));
}

export function forgetDrafts(): void {
  session.remove(KEY);
}
