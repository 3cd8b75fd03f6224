/**
 * Lint rules over the paths through a scenario: steps and endings no path reaches (statically, then
 * exploring the compiled machine from every seat), dead ends, and lengths held to their budgets.
 */
import { type Budget, boundedWalk, spent } from './bounded-walk';
import { randomCoverage } from './graph-coverage';
import type { Report } from './lint-rules';

/** The moves a random run may take (randomPlaythrough's default). */
const MAX_LINT_MOVES = 1000;

import { sampleLength } from './path-lengths';
import { type Condition, FULL_LENGTH, type Next, type Scenario } from './schema';

/** Whether a condition holds for a seat whatever else the run holds: true, false, or undefined when it depends. */
export function forSeat(c: Condition | undefined, role: string | undefined): boolean | undefined {
  if (c === undefined) return true;
  if (role === undefined) return undefined;
  if ('role' in c) return c.role === role;
  if ('not' in c) {
    const v = forSeat(c.not, role);
    return v === undefined ? undefined : !v;
  }
  if ('all' in c) {
    const vs = c.all.map((x) => forSeat(x, role));
    return vs.includes(false) ? false : vs.every((v) => v === true) ? true : undefined;
  }
  if ('any' in c) {
    const vs = c.any.map((x) => forSeat(x, role));
    return vs.includes(true) ? true : vs.every((v) => v === false) ? false : undefined;
  }
  return undefined;
}

/** Where a `next` can lead (for a seat: skipping branches that seat can never take). */
function targetsOf(next: Next | undefined, role?: string): string[] {
  if (next === undefined) return [];
  if (typeof next === 'string') return [next];
  const out: string[] = [];
  for (const b of next) {
    const v = b.when === undefined ? true : forSeat(b.when, role);
    if (v === false) continue;
    out.push(b.to);
    if (v === true) break;
  }
  return out;
}

/**
 * Steps reachable from every seat's start (or from one seat's), following every edge regardless of
 * conditions, except that for one seat a branch on seats it does not hold is not followed.
 */
export function staticReachable(s: Scenario, role?: string): Set<string> {
  const edges = new Map<string, string[]>();
  for (const st of s.steps) {
    edges.set(st.id, [
      ...st.choices.flatMap((c) => [...targetsOf(c.next, role), ...c.outcomes.flatMap((o) => targetsOf(o.next, role))]),
      ...targetsOf(st.council?.consensus, role),
      ...targetsOf(st.council?.blocked, role),
      ...targetsOf(st.next, role),
    ]);
  }
  const seen = new Set<string>();
  const queue = s.roles.filter((r) => role === undefined || r.id === role).map((r) => r.start);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  return seen;
}

/** Steps and endings no path reaches, and dead ends: statically, then exploring the machine. */
export function lintReachability(
  s: Scenario,
  report: Report,
  seeds: readonly number[],
  runs: number,
  budget: Budget,
): void {
  const reachable = staticReachable(s);
  s.steps.forEach((st, i) => {
    if (!reachable.has(st.id))
      report.error('unreachable-step', ['steps', i, 'id'], `step "${st.id}" is reached by no path`);
  });
  s.endings.forEach((e, i) => {
    if (!reachable.has(e.id))
      report.error('unreached-ending', ['endings', i, 'id'], `ending "${e.id}" is reached by no path`);
  });

  // ---- reachability, exploring the machine (conditions and seeded draws included): a walk over
  // where the run is and who was lobbied, bounded by the budget, and seeded random playthroughs
  // for what depends on exact meter values (the bundled-scenario tests walk more finely).
  if (seeds.length > 0 && !report.hasErrors()) {
    const cov = { steps: new Set<string>(), endings: new Set<string>(), states: 0, complete: true };
    const deadEnds: { role: string; seed: number; step: string; path: unknown[] }[] = [];
    for (const role of s.roles) {
      for (const seed of seeds) {
        const w = boundedWalk(s, role.id, seed, budget);
        for (const x of w.steps) cov.steps.add(x);
        for (const x of w.endings) cov.endings.add(x);
        cov.states += w.states;
        cov.complete &&= w.complete;
        deadEnds.push(...w.deadEnds.map((d) => ({ ...d, role: role.id, seed })));
      }
    }
    const random = randomCoverage(s, runs, budget);
    for (const ending of random.witnesses.keys()) cov.endings.add(ending);
    for (const step of random.steps) cov.steps.add(step);
    deadEnds.push(...random.deadEnds);
    for (const u of random.unended) {
      const r = s.roles.findIndex((x) => x.id === u.role);
      report.warn(
        'run-unended',
        ['roles', r, 'start'],
        `seat "${u.role}": a random run (seed ${u.seed}) did not end within ${MAX_LINT_MOVES} moves: a cycle with no way out, or a path too long to play`,
      );
    }
    const complete = cov.complete && !random.partial;
    const deadSteps = new Set(deadEnds.map((d) => d.step));
    const staticSteps = s.steps.filter((st) => reachable.has(st.id)).length;
    const staticEndings = s.endings.filter((e) => reachable.has(e.id)).length;
    if (!complete) {
      const reachedSteps = s.steps.filter((st) => cov.steps.has(st.id)).length;
      const reachedEndings = s.endings.filter((e) => cov.endings.has(e.id)).length;
      report.warn(
        'lint-partial',
        ['roles', 0, 'start'],
        `reachability checked for ${reachedSteps} of ${staticSteps} steps and ${reachedEndings} of ${staticEndings} endings: the exploration stopped at its budget (${cov.states.toLocaleString('en')} states, ${Math.round(budget.ms / 1000)} s); steps and endings it did not reach are not reported`,
      );
    }
    s.steps.forEach((st, i) => {
      if (deadSteps.has(st.id)) {
        const d = deadEnds.find((x) => x.step === st.id);
        report.error(
          'dead-end',
          ['steps', i, 'id'],
          `dead end: at step "${st.id}" no choice is available (seat ${d?.role}, seed ${d?.seed}, after ${d?.path.length} moves); give one choice no \`when\``,
        );
      } else if (complete && reachable.has(st.id) && !cov.steps.has(st.id)) {
        report.warn(
          'unreachable-step',
          ['steps', i, 'id'],
          `step "${st.id}" was not reached exploring every seat: check the conditions that lead to it`,
        );
      }
    });
    s.endings.forEach((e, i) => {
      if (complete && reachable.has(e.id) && !cov.endings.has(e.id)) {
        report.warn(
          'unreached-ending',
          ['endings', i, 'id'],
          `ending "${e.id}" was not reached exploring every seat (graph walk and ${runs} random runs each): check the conditions that lead to it`,
        );
      }
    });
  }
}

/** Lengths held to their budgets, from every seat (seeded random runs). */
export function lintLengths(s: Scenario, report: Report, runs: number, budget: Budget): void {
  s.lengths.forEach((len, li) => {
    for (const role of s.roles) {
      // Runs that do not end are reported by the reachability rules; a spent budget by lint-partial.
      const at = sample(s, role.id, len.id, runs, budget);
      if (!at) continue;
      const where = `length "${len.id}", seat "${role.id}"`;
      if (at.words.max > len.max_words) {
        report.warn(
          'length-over-budget',
          ['lengths', li, 'id'],
          `${where}: a path shows ${at.words.max} words before its ending (seed ${at.longest.seed}); the length allows ${len.max_words} (paths: ${at.words.min}–${at.words.max}, mean ${at.words.mean})`,
        );
      }
      if (at.decisions.min < len.decisions.min || at.decisions.max > len.decisions.max) {
        report.warn(
          'length-over-budget',
          ['lengths', li, 'id'],
          `${where}: paths take ${at.decisions.min}–${at.decisions.max} decisions; the length allows ${len.decisions.min}–${len.decisions.max}`,
        );
      }
      if (at.votes.min === 0 && (sample(s, role.id, FULL_LENGTH, Math.min(runs, 30), budget)?.votes.max ?? 0) > 0) {
        report.warn(
          'length-over-budget',
          ['lengths', li, 'id'],
          `${where}: some paths hold no Council vote, though the full case has one for this seat: keep the vote in every path`,
        );
      }
    }
  });
}

/** sampleLength within the budget; undefined when a run did not end or the budget is spent. */
function sample(s: Scenario, role: string, length: string, runs: number, budget: Budget) {
  if (spent(budget)) return undefined;
  try {
    return sampleLength(s, role, length, runs, () => spent(budget));
  } catch (e) {
    if (/did not end|dead end/.test(String((e as Error)?.message))) return undefined;
    throw e;
  }
}
