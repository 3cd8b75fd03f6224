/**
 * The dashboard trusts no claim of a result file: each result is replayed against its case with the
 * engine and rebuilt from the replay (decisions, labels, ending, meters, objectives), keeping from
 * the file only the names typed, the times, the rationales and tallies its moves carry, and its
 * Council-teams record. A file that does not replay, or claims values out of range, is flagged and
 * not counted. Without its case (a case this page does not have), a file is checked for what it
 * can be: finite meters within their own range and plausible tallies.
 */
import { Game } from '../engine/game';
import type { Scenario } from '../engine/schema';
import { buildResult } from './result-check';
import type { LoadedResult } from './result-read';
import { madeWithOtherVersion } from './result-replay';
import type { ResultFile } from './result-schema';

/** Most votes a class tally may count at one decision: more than any room holds. */
export const MAX_ROOM_VOTES = 1000;

/** A result the dashboard does not count, and why (each reason reads after the file name). */
export interface FlaggedResult {
  fileName: string;
  /** Who the file says it is from (student, team), else the file name. */
  who: string;
  scenario: string;
  reasons: string[];
}

export type Verified = { ok: true; result: ResultFile; replayed: boolean } | { ok: false; reasons: string[] };

const has = <T>(list: readonly T[], pred: (x: T) => boolean) => list.some(pred);
const num = (n: number) => (Number.isFinite(n) && Math.abs(n) < 1e9 ? String(n) : n.toExponential(2));
/**
 * A label as the reasons quote it: a teacher reads the case's labels and titles, never ids, and
 * never the file's own words for them (a forged file's text is not shown).
 */
const q = (text: string) => `“${text}”`;
const stepTitle = (s: Scenario, id: string) => {
  const step = s.steps.find((x) => x.id === id);
  return step ? q(step.title) : 'a step the case does not have';
};
const choiceLabel = (s: Scenario, step: string, id: string) => {
  const found = s.steps.find((x) => x.id === step)?.choices.find((c) => c.id === id);
  return found ? q(found.label) : 'an option it does not offer';
};

/** What the file claims that no run of the case could give (or, without the case, no run at all). */
function impossible(r: ResultFile, s: Scenario | undefined): string[] {
  const out: string[] = [];
  r.decisions.forEach((d, i) => {
    const at = `decision ${i + 1}`;
    const total = Object.values(d.tally ?? {}).reduce((a, b) => a + b, 0);
    if (total > MAX_ROOM_VOTES) {
      out.push(
        `${at} has a class vote of ${total.toLocaleString('en')} votes (more than ${MAX_ROOM_VOTES} in one room)`,
      );
    }
    if (!s) return;
    const step = s.steps.find((x) => x.id === d.step);
    if (!step) {
      out.push(`${at} is at a step the case does not have`);
      return;
    }
    const options = step.council ? ['consensus', 'blocked'] : step.choices.map((c) => c.id);
    if (!options.includes(d.choice.id)) out.push(`${at} takes an option ${q(step.title)} does not offer`);
    const tallied = step.council ? [...options, 'support', 'abstain', 'object'] : options;
    if (Object.keys(d.tally ?? {}).some((k) => !tallied.includes(k)))
      out.push(`${at} has class votes for an option ${q(step.title)} does not offer`);
  });
  for (const m of r.meters) {
    const meta = s?.meters.find((x) => x.id === m.id);
    if (s && !meta) out.push('has a meter the case does not have');
    const [min, max] = meta ? [meta.min, meta.max] : [m.min, m.max];
    if (!Number.isFinite(m.value) || m.value < min || m.value > max) {
      const which = meta ? q(meta.label) : `meter ${r.meters.indexOf(m) + 1}`;
      out.push(`says ${which} ended at ${num(m.value)}, outside its range ${min}–${max}`);
    }
  }
  if (s && r.ending && !has(s.endings, (e) => e.id === r.ending?.id)) {
    out.push('names an ending the case does not have');
  }
  if (s && !has(s.roles, (x) => x.id === r.seat.id)) out.push('plays a seat the case does not have');
  return out;
}

/** Where the file's claims part from the run its own moves give. */
function contradictions(r: ResultFile, game: Game, s: Scenario): string[] {
  const out: string[] = [];
  const replayed = game.debrief();
  const n = Math.max(replayed.decisions.length, r.decisions.length);
  for (let i = 0; i < n; i++) {
    const mine = r.decisions[i];
    const real = replayed.decisions[i];
    if (!mine || !real) {
      out.push(`lists ${r.decisions.length} decisions; its moves make ${replayed.decisions.length}`);
      break;
    }
    if (mine.step !== real.step || mine.choice.id !== real.yours.id || mine.outcome !== real.yours.outcome) {
      out.push(
        `says decision ${i + 1} took ${choiceLabel(s, mine.step, mine.choice.id)} at ${stepTitle(s, mine.step)}; its moves took ${q(real.yours.label)} at ${q(real.title)}`,
      );
      break;
    }
  }
  const ending = replayed.ending ?? null;
  if ((r.ending?.id ?? null) !== (ending?.id ?? null)) {
    const title = s.endings.find((e) => e.id === r.ending?.id)?.title;
    const claimed = title ? q(title) : r.ending ? 'an ending the case does not have' : 'no ending';
    out.push(`says it ended at ${claimed}; its moves end at ${ending ? q(ending.title) : 'no ending'}`);
  }
  const meters = new Map(game.view().meters.map((m) => [m.id, m.value]));
  const off = r.meters.find((m) => meters.get(m.id) !== m.value);
  if (off) {
    const label = s.meters.find((x) => x.id === off.id)?.label;
    out.push(
      `says ${label ? q(label) : 'a meter the case does not have'} ended at ${num(off.value)}; its moves give ${meters.get(off.id)}`,
    );
  }
  return out;
}

const cache = new WeakMap<ResultFile, { scenario: Scenario | undefined; verified: Verified }>();

/** Verifies one result against its case (cached per result and case). */
export function verifyResult(r: ResultFile, s: Scenario | undefined): Verified {
  const hit = cache.get(r);
  if (hit && hit.scenario === s) return hit.verified;
  const verified = verifyUncached(r, s);
  cache.set(r, { scenario: s, verified });
  return verified;
}

function verifyUncached(r: ResultFile, s: Scenario | undefined): Verified {
  const reasons = impossible(r, s);
  if (reasons.length > 0) return { ok: false, reasons };
  if (!s) return { ok: true, result: r, replayed: false };
  if (r.scenario.hash !== undefined && madeWithOtherVersion(r, s)) {
    return {
      ok: false,
      reasons: ['was made with a different version of this case (its rules have changed), so it cannot be checked'],
    };
  }
  let game: Game;
  try {
    game = Game.replay(s, { role: r.seat.id, seed: r.seed, ...(r.length ? { length: r.length } : {}) }, r.events);
  } catch {
    return { ok: false, reasons: ['has moves that do not apply to this case'] };
  }
  try {
    const wrong = contradictions(r, game, s);
    if (wrong.length > 0) return { ok: false, reasons: wrong };
    const rebuilt = buildResult(game, {
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      mode: r.mode,
      appVersion: r.appVersion,
      ...(r.student ? { student: r.student } : {}),
      ...(r.team ? { team: r.team } : {}),
      ...(r.councilTeams ? { councilTeams: r.councilTeams } : {}),
    });
    return { ok: true, result: rebuilt, replayed: true };
  } catch (e) {
    return { ok: false, reasons: [`does not rebuild from its moves (${(e as Error).message})`] };
  } finally {
    game.stop();
  }
}

/** "Ada (Team 1)" in lower case with spaces collapsed, or undefined when the file names no one. */
function nameKey(r: ResultFile): string | undefined {
  const name = [r.student, r.team].filter(Boolean).join(' / ');
  return name ? `${r.scenario.id}\u0000${name.toLowerCase().replace(/\s+/g, ' ').trim()}` : undefined;
}

/**
 * The results to count (rebuilt from their replays) and the files flagged instead. A second file
 * with the same name (student and team) in the same case is flagged, not counted twice.
 */
export function verifyResults(
  loaded: readonly LoadedResult[],
  scenarios: readonly Scenario[],
  who: (r: LoadedResult) => string,
): { counted: LoadedResult[]; flagged: FlaggedResult[] } {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const counted: LoadedResult[] = [];
  const flagged: FlaggedResult[] = [];
  const names = new Map<string, string>();
  for (const lr of loaded) {
    const v = verifyResult(lr.result, byId.get(lr.result.scenario.id));
    const flag = (reasons: string[]) =>
      flagged.push({ fileName: lr.fileName, who: who(lr), scenario: lr.result.scenario.id, reasons });
    if (!v.ok) {
      flag(v.reasons);
      continue;
    }
    const key = nameKey(lr.result);
    const first = key === undefined ? undefined : names.get(key);
    if (first !== undefined) {
      flag([`has the same name as ${first}: only the first is counted (ask which is the student's)`]);
      continue;
    }
    if (key !== undefined) names.set(key, lr.fileName);
    counted.push({ fileName: lr.fileName, result: v.result });
  }
  return { counted, flagged };
}
