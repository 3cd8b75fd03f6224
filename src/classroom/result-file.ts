/**
 * Making and reading result files. `buildResult` turns a run into a result (the caller passes
 * the clock values: nothing here reads the time); `resultFileName` names its download;
 * `parseResultFile` reads one file a teacher loads into the dashboard and never throws: a
 * malformed, foreign, too large or newer file comes back with a reason for the teacher.
 */
import { isGameEvent, MAX_RATIONALE } from '../engine/events';
import { Game } from '../engine/game';
import { scenarioHash } from '../engine/save';
import { FULL_LENGTH, type Scenario } from '../engine/schema';
import {
  type CouncilTeamsRecord,
  MAX_NAME,
  MAX_RESULT_BYTES,
  RESULT_KIND,
  RESULT_VERSION,
  type ResultDecision,
  type ResultFile,
  type ResultMode,
  ResultSchema,
} from './result-schema';

/** A clock value: an ISO 8601 string with offset (kept as written) or a Date (written in UTC). */
export type ClockValue = string | Date;

export interface BuildResultOptions {
  /** When the run started. */
  startedAt: ClockValue;
  /** When the result is saved. */
  finishedAt: ClockValue;
  mode: ResultMode;
  /** The version of Article Four (package.json `version`). */
  appVersion: string;
  /** Only what the student typed; blank means no name in the file. */
  student?: string;
  /** Only what was typed; blank means no team in the file. */
  team?: string;
  /** Council teams on one screen: each team's vote per Council step (see council-teams.ts). */
  councilTeams?: readonly CouncilTeamsRecord[];
}

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

/** A name as typed, tidied: control characters removed, spaces collapsed, trimmed, at most MAX_NAME. */
export function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  // Control characters and bidirectional overrides (which could disguise a name) become spaces.
  const tidy = name
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (tidy.length === 0) return undefined;
  // At most MAX_NAME UTF-16 units (as the schema counts), never splitting a character.
  let out = '';
  for (const ch of tidy) {
    if (out.length + ch.length > MAX_NAME) break;
    out += ch;
  }
  return out.trim();
}

function clock(value: ClockValue, what: string): string {
  if (typeof value === 'string') {
    if (!ResultSchema.shape.startedAt.safeParse(value).success) {
      throw new Error(`${what} must be an ISO 8601 date and time with an offset or Z, not "${value}"`);
    }
    return value;
  }
  if (Number.isNaN(value.getTime())) throw new Error(`${what} is an invalid Date`);
  return value.toISOString();
}

/**
 * Two-digit-padded local time with its UTC offset, e.g. `2026-11-27T10:31:05+01:00`, for a Date
 * the caller took from its clock: file names then show the time on the classroom's clock.
 */
export function localTimestamp(d: Date): string {
  const pad = (n: number) => String(Math.abs(Math.trunc(n))).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(off / 60)}:${pad(off % 60)}`
  );
}

/**
 * The result of a run (finished or not). Throws only when the options are wrong: a clock value
 * that is not ISO 8601 with an offset, an empty appVersion, or a Council-teams record that is not
 * a Council vote of this run.
 */
export function buildResult(game: Game, opts: BuildResultOptions): ResultFile {
  const s = game.scenario;
  const debrief = game.debrief();
  const records = game.state().decisions;
  const view = game.view();
  const seat = s.roles.find((r) => r.id === debrief.role);
  const student = cleanName(opts.student);
  const team = cleanName(opts.team);
  const decisions = debrief.decisions.map((d, i): ResultDecision => {
    const h = d.history?.choice;
    return {
      turn: d.turn,
      step: d.step,
      title: d.title,
      date: d.date,
      kind: records[i]?.kind ?? 'choice',
      choice: { id: d.yours.id, label: d.yours.label },
      ...(d.yours.outcome ? { outcome: d.yours.outcome } : {}),
      ...(d.yours.rationale ? { rationale: d.yours.rationale } : {}),
      ...(d.yours.tally ? { tally: { ...d.yours.tally } } : {}),
      ...(h ? { history: { id: h.id, label: h.label } } : {}),
      matched: d.matched,
    };
  });
  const ending = debrief.ending
    ? {
        id: debrief.ending.id,
        title: debrief.ending.title,
        tone: debrief.ending.tone,
        historical: debrief.ending.historical,
        counterfactual: debrief.ending.counterfactual,
      }
    : null;
  const councilTeams = opts.councilTeams?.length ? opts.councilTeams.map((c) => structuredClone(c)) : undefined;
  if (councilTeams) {
    for (const c of councilTeams) {
      const d = decisions.find((x) => x.turn === c.turn);
      if (!d || d.step !== c.step || d.kind !== 'vote') {
        throw new Error(`council teams: turn ${c.turn} is not a Council vote at "${c.step}" in this run`);
      }
      for (const v of c.votes) {
        v.team = cleanName(v.team) ?? v.actor;
        if (v.rationale !== undefined) {
          const r = v.rationale.trim().slice(0, MAX_RATIONALE);
          if (r) v.rationale = r;
          else delete v.rationale;
        }
      }
    }
  }
  const result: ResultFile = {
    kind: RESULT_KIND,
    version: RESULT_VERSION,
    appVersion: opts.appVersion,
    scenario: { id: s.id, title: s.title, hash: scenarioHash(s) },
    seat: { id: debrief.role, title: seat?.title ?? debrief.role },
    seed: debrief.seed,
    ...(debrief.length !== FULL_LENGTH ? { length: debrief.length } : {}),
    ...(student ? { student } : {}),
    ...(team ? { team } : {}),
    mode: opts.mode,
    startedAt: clock(opts.startedAt, 'startedAt'),
    finishedAt: clock(opts.finishedAt, 'finishedAt'),
    decisions,
    ending,
    meters: view.meters.map((m) => ({
      id: m.id,
      label: m.label,
      value: m.value,
      min: m.min,
      max: m.max,
      higherIs: m.higherIs,
    })),
    series: debrief.series.map((x) => ({ meter: x.meter, label: x.label, values: [...x.values] })),
    objectives: { ...debrief.objectives },
    ...(councilTeams ? { councilTeams } : {}),
    events: structuredClone([...game.log()]) as ResultFile['events'],
  };
  const checked = ResultSchema.safeParse(result);
  if (!checked.success) throw new Error(`the result does not fit its schema: ${describeIssues(checked.error.issues)}`);
  return checked.data;
}

/** The text of the downloaded file: indented JSON with a final newline. */
export function serializeResult(result: ResultFile): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export const RESULT_MIME_TYPE = 'application/json';

/**
 * A name for a string in a file name: letters and digits of any script, lower case, Latin accents
 * dropped (é → e), everything else a single "-"; at most 40 characters.
 */
export function slug(text: string): string {
  const out = [...text.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFKD');
      return /^[A-Za-z]/.test(d) ? d.replace(/\p{M}/gu, '') : ch;
    })
    .join('')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...out].slice(0, 40).join('').replace(/-+$/, '');
}

/**
 * `article-four_<case>_<seat>[_<student>][_<team>]_<YYYY-MM-DDTHH-MM-SS>.json`, the time being
 * `finishedAt` as written (so local when the caller passed local time). Seconds are kept so
 * unnamed results saved on different laptops in the same minute do not overwrite each other.
 */
export function resultFileName(result: Pick<ResultFile, 'scenario' | 'seat' | 'student' | 'team' | 'finishedAt'>) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(result.finishedAt);
  const stamp = m ? `${m[1]}T${m[2]}-${m[3]}-${m[4] ?? '00'}` : 'undated';
  const parts = ['article-four', result.scenario.id, result.seat.id];
  for (const name of [result.student, result.team]) {
    const s = name ? slug(name) : '';
    if (s) parts.push(s);
  }
  parts.push(stamp);
  return `${parts.join('_')}.json`;
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the file)';
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${pathOf(i.path)}: ${i.message}`);
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
  return `${shown.join('; ')}${more}`;
}

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

/**
 * Reads one result file (its text, or its bytes as UTF-8). Never throws: the answer is the result,
 * or the file name with a reason such as "is not valid JSON" or "was written by a newer version".
 */
export function parseResultFile(text: string | Uint8Array, fileName: string): ParsedResult {
  const fail = (reason: string): ParsedResult => ({ ok: false, fileName, reason });
  try {
    let str: string;
    if (typeof text === 'string') {
      if (text.length > MAX_RESULT_BYTES || utf8Length(text) > MAX_RESULT_BYTES) {
        return { ok: false, ...tooLargeProblem(fileName, utf8Length(text)) };
      }
      str = text;
    } else {
      if (text.byteLength > MAX_RESULT_BYTES) return { ok: false, ...tooLargeProblem(fileName, text.byteLength) };
      try {
        str = new TextDecoder('utf-8', { fatal: true }).decode(text);
      } catch {
        return fail('is not a text file (it is not UTF-8), so not a result file');
      }
    }
    str = str.replace(/^\uFEFF/, '');
    if (str.trim() === '') return fail('is empty');
    let data: unknown;
    try {
      data = JSON.parse(str);
    } catch (e) {
      const detail = e instanceof Error ? e.message.slice(0, 160) : '';
      return fail(`is not valid JSON${detail ? ` (${detail})` : ''}: it may be damaged or not a result file`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return fail(foreignReason(data));
    const x = data as Record<string, unknown>;
    if (x.kind !== RESULT_KIND) return fail(foreignReason(data));
    if (typeof x.version !== 'number' || !Number.isInteger(x.version) || x.version < 1) {
      return fail(`has an unknown result format version (${JSON.stringify(x.version) ?? 'missing'})`);
    }
    if (x.version > RESULT_VERSION) {
      return fail(
        `was written by a newer version of Article Four (result format ${x.version}; this page reads format ${RESULT_VERSION}): open it with an up-to-date copy`,
      );
    }
    const parsed = ResultSchema.safeParse(data);
    if (!parsed.success) return fail(`has invalid fields: ${describeIssues(parsed.error.issues)}`);
    const result = parsed.data;
    const badEvent = result.events.findIndex((e) => !isGameEvent(e));
    if (badEvent >= 0) return fail(`has an invalid event log: event ${badEvent + 1} is not a move of the game`);
    for (const [i, d] of result.decisions.entries()) {
      const prev = result.decisions[i - 1];
      if (prev && d.turn <= prev.turn) return fail(`has invalid fields: decisions[${i}].turn is out of order`);
      if (d.matched !== (d.history?.id === d.choice.id)) {
        return fail(`has invalid fields: decisions[${i}].matched disagrees with its history choice`);
      }
    }
    return { ok: true, fileName, result };
  } catch (e) {
    return fail(`could not be read (${e instanceof Error ? e.message.slice(0, 160) : 'unknown error'})`);
  }
}

/** Reads many files at once: results in order, problems by file name; an identical copy is skipped. */
export function loadResultFiles(files: readonly { name: string; text: string | Uint8Array }[]): {
  results: LoadedResult[];
  problems: ResultProblem[];
} {
  const results: LoadedResult[] = [];
  const problems: ResultProblem[] = [];
  const seen = new Map<string, string>();
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

/**
 * Rebuilds the run of a result from its seed and moves, to open it in the game. Fails with a
 * reason when the case is another or has changed, or the moves do not give the saved decisions.
 * The caller stops the returned game when done with it.
 */
export function replayResult(
  result: ResultFile,
  scenario: Scenario,
): { ok: true; game: Game } | { ok: false; reason: string } {
  if (result.scenario.id !== scenario.id)
    return { ok: false, reason: `belongs to another case ("${result.scenario.id}")` };
  if (result.scenario.hash !== scenarioHash(scenario)) {
    return { ok: false, reason: 'was made with a different version of this case, so it cannot be replayed exactly' };
  }
  let game: Game;
  try {
    game = Game.replay(
      scenario,
      { role: result.seat.id, seed: result.seed, ...(result.length ? { length: result.length } : {}) },
      result.events,
    );
  } catch {
    return { ok: false, reason: 'has moves that do not apply to this case' };
  }
  const debrief = game.debrief();
  const same =
    debrief.decisions.length === result.decisions.length &&
    debrief.decisions.every((d, i) => {
      const r = result.decisions[i];
      return r && r.step === d.step && r.choice.id === d.yours.id && r.outcome === d.yours.outcome;
    }) &&
    (debrief.ending?.id ?? null) === (result.ending?.id ?? null);
  if (!same) {
    game.stop();
    return { ok: false, reason: 'does not match its own moves (it may have been edited)' };
  }
  return { ok: true, game };
}
