/**
 * Making result files without Zod: `assembleResult` turns a run into a result (the caller passes
 * the clock values: nothing here reads the time), `serializeResult` gives the downloaded file's
 * text. `buildResult` (result-check.ts) also checks the result against its schema.
 */

import { FULL_LENGTH } from '../engine/constants';
import { MAX_RATIONALE } from '../engine/events';
import type { Game } from '../engine/game';
import type { CouncilTeamsRecord } from './council-teams-record';
import { MAX_NAME, RESULT_KIND, RESULT_VERSION } from './result-limits';
import { cachedRulesHash } from './result-replay';
import type { ResultDecision, ResultFile, ResultMode } from './result-schema';

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

/** A name as typed, tidied: control characters removed, spaces collapsed, trimmed, at most MAX_NAME. */
export function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  // Control characters and bidirectional overrides (which could disguise a name) become spaces.
  const tidy = name
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (tidy.length === 0) return undefined;
  // At most MAX_NAME UTF-16 units (within what the schema accepts), never splitting a character.
  let out = '';
  for (const ch of tidy) {
    if (out.length + ch.length > MAX_NAME) break;
    out += ch;
  }
  return out.trim();
}

/** Throws when a clock value given as text is not one a result may carry. */
export type ClockCheck = (value: string, what: string) => void;

function clock(value: ClockValue, what: string, check: ClockCheck): string {
  if (typeof value === 'string') {
    check(value, what);
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
 * The result of a run (finished or not), not checked against its schema. Throws when the options
 * are wrong: an invalid Date, a clock text `checkClock` refuses, or a Council-teams record that is
 * not a Council vote of this run.
 */
export function assembleResult(game: Game, opts: BuildResultOptions, checkClock: ClockCheck = () => {}): ResultFile {
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
    scenario: { id: s.id, title: s.title, hash: cachedRulesHash(s) },
    seat: { id: debrief.role, title: seat?.title ?? debrief.role },
    seed: debrief.seed,
    ...(debrief.length !== FULL_LENGTH ? { length: debrief.length } : {}),
    ...(student ? { student } : {}),
    ...(team ? { team } : {}),
    mode: opts.mode,
    startedAt: clock(opts.startedAt, 'startedAt', checkClock),
    finishedAt: clock(opts.finishedAt, 'finishedAt', checkClock),
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
  return result;
}

/** The text of the downloaded file: indented JSON with a final newline. */
export function serializeResult(result: ResultFile): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export const RESULT_MIME_TYPE = 'application/json';
