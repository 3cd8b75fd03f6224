/**
 * Reading result files a teacher loads into the dashboard. `parseResultFile` never throws: a
 * malformed, foreign, too large or newer file comes back with a reason for the teacher. A file of
 * an older format is migrated to the current one first (result-migrations.ts).
 */
import { migrate } from '../engine/migrations';
import { describeIssues } from './result-issues';
import { RESULT_MIGRATIONS } from './result-migrations';
import {
  MAX_RESULT_BYTES,
  RESULT_KIND,
  RESULT_MIN_VERSION,
  RESULT_VERSION,
  type ResultFile,
  ResultSchema,
} from './result-schema';

/** A result file read successfully, with the name it was loaded under. */
export interface LoadedResult {
  fileName: string;
  result: ResultFile;
}

/** A file that was skipped, and why (the reason reads after the file name). */
export interface ResultProblem {
  fileName: string;
  reason: string;
}

export type ParsedResult = ({ ok: true } & LoadedResult) | ({ ok: false } & ResultProblem);

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A file of `bytes` over MAX_RESULT_BYTES, refused unread: "is too large … (6.0 MB; the limit is 5.0 MB)". */
export function tooLargeProblem(fileName: string, bytes: number): ResultProblem {
  return {
    fileName,
    reason: `is too large to be a result file (${megabytes(bytes)}; the limit is ${megabytes(MAX_RESULT_BYTES)})`,
  };
}

function foreignReason(data: unknown): string {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const x = data as Record<string, unknown>;
    if (x.kind === 'article-four-save') return 'is a saved game, not a result file (use "Save results" on the debrief)';
    if ('format' in x && 'steps' in x && 'roles' in x) return 'is a scenario file, not a result file';
  }
  return 'is not an Article Four result file';
}

/** The file's text, or the reason it is not one (too large, not UTF-8). */
function textOf(text: string | Uint8Array, fileName: string): { text: string } | ResultProblem {
  if (typeof text === 'string') {
    if (text.length > MAX_RESULT_BYTES || utf8Length(text) > MAX_RESULT_BYTES) {
      return tooLargeProblem(fileName, utf8Length(text));
    }
    return { text };
  }
  if (text.byteLength > MAX_RESULT_BYTES) return tooLargeProblem(fileName, text.byteLength);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(text) };
  } catch {
    return { fileName, reason: 'is not a text file (it is not UTF-8), so not a result file' };
  }
}

/** Checks what the schema cannot: decisions in order, and `matched` agreeing with history. */
function inconsistency(result: ResultFile): string | undefined {
  for (const [i, d] of result.decisions.entries()) {
    const prev = result.decisions[i - 1];
    if (prev && d.turn <= prev.turn) return `has invalid fields: decisions[${i}].turn is out of order`;
    if (d.matched !== (d.history?.id === d.choice.id)) {
      return `has invalid fields: decisions[${i}].matched disagrees with its history choice`;
    }
  }
  return undefined;
}

/** Why a JSON value is not a result of a format this page reads, or the value in the current format. */
function current(data: unknown): { result: ResultFile } | { reason: string } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { reason: foreignReason(data) };
  const x = data as Record<string, unknown>;
  if (x.kind !== RESULT_KIND) return { reason: foreignReason(data) };
  if (typeof x.version !== 'number' || !Number.isInteger(x.version) || x.version < 1) {
    return { reason: `has an unknown result format version (${JSON.stringify(x.version) ?? 'missing'})` };
  }
  const migrated = migrate(RESULT_MIGRATIONS, x);
  if (!migrated.ok) {
    if (migrated.problem === 'too-new') {
      return {
        reason: `was written by a newer version of Article Four (result format ${x.version}; this page reads format ${RESULT_VERSION}): open it with an up-to-date copy`,
      };
    }
    return {
      reason: `was written by a version of Article Four too old to read (result format ${x.version}; this page reads formats ${RESULT_MIN_VERSION} to ${RESULT_VERSION})`,
    };
  }
  const parsed = ResultSchema.safeParse(migrated.value);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const event = issues[0]?.path;
    if (event?.[0] === 'events' && typeof event[1] === 'number' && issues.every((i) => i.path[0] === 'events')) {
      return { reason: `has an invalid event log: event ${event[1] + 1} is not a move of the game` };
    }
    return { reason: `has invalid fields: ${describeIssues(issues)}` };
  }
  const bad = inconsistency(parsed.data);
  return bad ? { reason: bad } : { result: parsed.data };
}

/**
 * Reads one result file (its text, or its bytes as UTF-8). Never throws: the answer is the result
 * (in the current format, whatever format the file has), or the file name with a reason such as
 * "is not valid JSON" or "was written by a newer version".
 */
export function parseResultFile(text: string | Uint8Array, fileName: string): ParsedResult {
  const fail = (reason: string): ParsedResult => ({ ok: false, fileName, reason });
  try {
    const read = textOf(text, fileName);
    if (!('text' in read)) return { ok: false, ...read };
    const str = read.text.replace(/^\uFEFF/, '');
    if (str.trim() === '') return fail('is empty');
    let data: unknown;
    try {
      data = JSON.parse(str);
    } catch (e) {
      const detail = e instanceof Error ? e.message.slice(0, 160) : '';
      return fail(`is not valid JSON${detail ? ` (${detail})` : ''}: it may be damaged or not a result file`);
    }
    const r = current(data);
    return 'reason' in r ? fail(r.reason) : { ok: true, fileName, result: r.result };
  } catch (e) {
    return fail(`could not be read (${e instanceof Error ? e.message.slice(0, 160) : 'unknown error'})`);
  }
}

/**
 * Reads many files at once: results in order, problems by file name; an identical copy is skipped.
 * `seen` (the results loaded before, by their JSON, to the file name they came from) lets a page
 * add a batch to what it has without reading the earlier files again; it is updated.
 */
export function loadResultFiles(
  files: readonly { name: string; text: string | Uint8Array }[],
  seen: Map<string, string> = new Map(),
): {
  results: LoadedResult[];
  problems: ResultProblem[];
} {
  const results: LoadedResult[] = [];
  const problems: ResultProblem[] = [];
  for (const f of files) {
    const r = parseResultFile(f.text, f.name);
    if (!r.ok) {
      problems.push({ fileName: r.fileName, reason: r.reason });
      continue;
    }
    const key = JSON.stringify(r.result);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ fileName: f.name, reason: `is the same result as ${first}, so it is counted once` });
      continue;
    }
    seen.set(key, f.name);
    results.push({ fileName: r.fileName, result: r.result });
  }
  return { results, problems };
}

/** "file.json: reason", for a list of skipped files. */
export function describeProblem(p: ResultProblem): string {
  return `${p.fileName} ${p.reason}.`;
}
