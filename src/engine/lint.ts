/**
 * The scenario linter: what a valid scenario can still get wrong. Each rule has a stable code
 * (documented in docs/authoring.md) and reports a path into the file; the loader turns paths
 * into FILE:LINE:COL. Static rules read the scenario; the reachability rules also explore the
 * compiled machine with xstate/graph from every seat and several seeds.
 */
import { allConditions } from './conditions';
import { graphCoverage, randomCoverage } from './graph-coverage';
import { dominatedOn, expectedDeltas, objectiveWeights } from './option-value';
import { sampleLength } from './path-lengths';
import { editDistance, type Finding } from './references';
import { type Condition, type Effect, FULL_LENGTH, type Next, type Scenario } from './schema';
import type { PathKey } from './yaml-source';

/** Longest texts that fit the decision panel without scrolling on a 1280×800 screen. */
export const TEXT_LIMITS = { stepText: 900, choiceLabel: 90, choiceDetail: 280, outcomeText: 500 } as const;

export const LINT_RULES = {
  'unreachable-step': 'a step no seat can reach by any path',
  'unreached-ending': 'an ending no path reaches',
  'dead-end': 'a step where, in some run, no choice is available',
  'meter-unchanged': 'a meter that no effect ever changes',
  'meter-unread': 'a meter that no condition, council shift or seat objective reads',
  'source-uncited': 'a declared source that nothing cites',
  'flag-unused': 'a flag that is never set or never read',
  'identical-choices': 'two choices of a step with the same effects and destination',
  'text-too-long': 'text too long for the decision panel',
  'similar-ids': 'two declared ids that differ only by a typo',
  'length-over-budget':
    'a length (such as a class lesson) with a path that shows more words, or takes more or fewer decisions, than it allows, or skips the Council vote',
  'quote-in-counterfactual':
    'quotation marks in invented text (a counterfactual step, choice, outcome or event, or a lobbied member’s reply): never invent a quote',
  'source-host-mismatch': 'a source whose link’s host does not match its publisher: is it the right link?',
  'dominated-choice':
    'an option no better than another of its step on any meter the deciding seat weighs, and worse on one (by forecast)',
} as const;
export type LintCode = keyof typeof LINT_RULES;

/** A quotation of four or more words in double quotes, curly quotes or guillemets, or null. */
export function inventedQuote(text: string): string | null {
  const re = /["“„«]([^"“”„«»]{3,300})["”»]/g;
  for (const m of text.matchAll(re)) {
    const inner = (m[1] ?? '').trim();
    if (inner.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 4) return `“${inner}”`;
  }
  return null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

const SQUASH = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const GENERIC_LABELS = new Set(['www', 'en', 'eng', 'english', 'news', 'm', 'ru', 'am', 'rus', 'mobile', 'web']);

/**
 * Whether a link's host plausibly belongs to the publisher: a label of the host (e.g. "rferl" of
 * www.rferl.org) appears in the publisher's name run together, the name (or its initials, or one of
 * its longer words) appears in a label, e.g. "Business Recorder" and brecorder.com.
 */
export function hostMatchesPublisher(url: string, publisher: string): boolean {
  const host = hostOf(url);
  if (!host) return true;
  const labels = host
    .split('.')
    .slice(0, -1)
    .filter((l) => l.length >= 2 && !GENERIC_LABELS.has(l));
  const name = SQUASH(publisher);
  const words = publisher.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const initials = SQUASH(words.map((w) => w[0] ?? '').join(''));
  // A publisher named by its site ("news.am").
  if (name.includes(SQUASH(host.replace(/^www\./, '')))) return true;
  return labels.some((label) => {
    const l = SQUASH(label);
    if (l.length < 2) return false;
    return (
      name.includes(l) ||
      (l.length >= 3 && l.includes(name)) ||
      (initials.length >= 2 && l.includes(initials)) ||
      words.some((w) => w.length >= 4 && l.includes(SQUASH(w)))
    );
  });
}

/** Whether a condition holds for a seat whatever else the run holds: true, false, or undefined when it depends. */
function forSeat(c: Condition | undefined, role: string | undefined): boolean | undefined {
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

function allEffects(s: Scenario): Effect[] {
  return s.steps.flatMap((st) => [
    ...st.events.flatMap((e) => e.effects),
    ...st.choices.flatMap((c) => [...c.effects, ...c.outcomes.flatMap((o) => o.effects)]),
    ...(st.council?.members.flatMap((m) => m.lobby?.effects ?? []) ?? []),
  ]);
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

export interface LintOptions {
  /** Seeds for the xstate/graph exploration (default [1]); an empty list skips exploring. */
  seeds?: readonly number[];
  /** Random playthroughs per seat that look for endings the walk missed (default 100). */
  runs?: number;
}

export function lintScenario(s: Scenario, opts: LintOptions = {}): Finding[] {
  const out: Finding[] = [];
  const warn = (code: LintCode, path: PathKey[], message: string, atKey = false) =>
    out.push({ code, path, message, severity: 'warning', atKey });
  const error = (code: LintCode, path: PathKey[], message: string) =>
    out.push({ code, path, message, severity: 'error' });

  // ---- reachability, statically
  const reachable = staticReachable(s);
  s.steps.forEach((st, i) => {
    if (!reachable.has(st.id)) error('unreachable-step', ['steps', i, 'id'], `step "${st.id}" is reached by no path`);
  });
  s.endings.forEach((e, i) => {
    if (!reachable.has(e.id)) error('unreached-ending', ['endings', i, 'id'], `ending "${e.id}" is reached by no path`);
  });

  // ---- reachability, exploring the machine (conditions and seeded draws included): a bounded
  // xstate/graph walk, and seeded random playthroughs for what depends on exact meter values.
  const seeds = opts.seeds ?? [1];
  const runs = opts.runs ?? 100;
  if (seeds.length > 0 && !out.some((f) => f.severity === 'error')) {
    // The walk at step precision is quick and finds dead ends; random runs find the endings and
    // steps that depend on meter values (the bundled-scenario tests walk more finely).
    const cov = graphCoverage(s, seeds, { precision: 'steps' });
    const random = randomCoverage(s, runs);
    for (const ending of random.witnesses.keys()) cov.endings.add(ending);
    for (const step of random.steps) cov.steps.add(step);
    cov.deadEnds.push(...random.deadEnds);
    const deadSteps = new Set(cov.deadEnds.map((d) => d.step));
    s.steps.forEach((st, i) => {
      if (deadSteps.has(st.id)) {
        const d = cov.deadEnds.find((x) => x.step === st.id);
        error(
          'dead-end',
          ['steps', i, 'id'],
          `dead end: at step "${st.id}" no choice is available (seat ${d?.role}, seed ${d?.seed}, after ${d?.path.length} moves); give one choice no \`when\``,
        );
      } else if (reachable.has(st.id) && !cov.steps.has(st.id)) {
        warn(
          'unreachable-step',
          ['steps', i, 'id'],
          `step "${st.id}" was not reached exploring every seat: check the conditions that lead to it`,
        );
      }
    });
    s.endings.forEach((e, i) => {
      if (reachable.has(e.id) && !cov.endings.has(e.id)) {
        warn(
          'unreached-ending',
          ['endings', i, 'id'],
          `ending "${e.id}" was not reached exploring every seat (graph walk and ${runs} random runs each): check the conditions that lead to it`,
        );
      }
    });
  }

  // ---- meters, flags, sources
  const changed = new Set(allEffects(s).map((e) => e.meter));
  const conditions = allConditions(s);
  const readMeters = new Set([
    ...conditions.flatMap((c) => ('meter' in c ? [c.meter] : [])),
    ...s.roles.flatMap((r) => Object.keys(r.objectives)),
  ]);
  s.meters.forEach((m, i) => {
    if (!changed.has(m.id))
      warn('meter-unchanged', ['meters', i, 'id'], `meter "${m.id}" is never changed by any effect`);
    if (!readMeters.has(m.id)) {
      warn('meter-unread', ['meters', i, 'id'], `meter "${m.id}" is never read by a condition or a seat's objectives`);
    }
  });
  const setFlags = new Set(
    s.steps.flatMap((st) => [
      ...st.events.flatMap((e) => e.set),
      ...st.choices.flatMap((c) => [...c.set, ...c.outcomes.flatMap((o) => o.set)]),
    ]),
  );
  const readFlags = new Set(conditions.flatMap((c) => ('flag' in c ? [c.flag] : [])));
  s.flags.forEach((f, i) => {
    if (!setFlags.has(f.id) && !f.start) warn('flag-unused', ['flags', i, 'id'], `flag "${f.id}" is never set`);
    if (!readFlags.has(f.id)) warn('flag-unused', ['flags', i, 'id'], `flag "${f.id}" is never read by a condition`);
  });
  const cited = new Set<string>([
    ...s.steps.flatMap((st) => [
      ...st.sources,
      ...st.events.flatMap((e) => e.sources),
      ...(st.history?.sources ?? []),
      ...(st.history?.quotes.map((q) => q.source) ?? []),
    ]),
    ...s.endings.flatMap((e) => e.sources),
  ]);
  s.sources.forEach((src, i) => {
    if (!cited.has(src.id)) warn('source-uncited', ['sources', i, 'id'], `source "${src.id}" is never cited`);
  });

  // ---- sources whose link points elsewhere than their publisher
  s.sources.forEach((src, i) => {
    if (src.url && !hostMatchesPublisher(src.url, src.publisher)) {
      warn(
        'source-host-mismatch',
        ['sources', i, 'url'],
        `source "${src.id}": its link goes to ${hostOf(src.url)}, which does not look like its publisher "${src.publisher}": is it the right link? (If it is, name the site in the publisher, e.g. "President of Russia (kremlin.ru)".)`,
        true,
      );
    }
  });

  // ---- quotations in invented text
  const quoted = (text: string | undefined, path: PathKey[], what: string) => {
    const q = text ? inventedQuote(text) : null;
    if (q) {
      warn(
        'quote-in-counterfactual',
        path,
        `${what} is invented but quotes someone: ${q}. Never invent a quote: write it as reported speech, without quotation marks`,
        true,
      );
    }
  };
  s.steps.forEach((st, si) => {
    const p: PathKey[] = ['steps', si];
    if (st.counterfactual) {
      quoted(st.text, [...p, 'text'], `step "${st.id}"`);
      quoted(st.short_text, [...p, 'short_text'], `step "${st.id}"`);
    }
    st.events.forEach((ev, ei) => {
      if (ev.counterfactual) quoted(ev.text, [...p, 'events', ei, 'text'], `event "${ev.id}"`);
    });
    st.choices.forEach((c, ci) => {
      const cp: PathKey[] = [...p, 'choices', ci];
      if (c.counterfactual) {
        quoted(c.label, [...cp, 'label'], `choice "${c.id}"`);
        quoted(c.detail, [...cp, 'detail'], `choice "${c.id}"`);
        quoted(c.result, [...cp, 'result'], `choice "${c.id}"`);
      }
      c.outcomes.forEach((o, oi) => {
        if (o.counterfactual || c.counterfactual) quoted(o.text, [...cp, 'outcomes', oi, 'text'], `outcome "${o.id}"`);
      });
    });
    st.council?.members.forEach((m, mi) => {
      // What a lobbied member says is the author's model of its reply, never a record.
      quoted(m.lobby?.text, [...p, 'council', 'members', mi, 'lobby', 'text'], `the lobbying reply of "${m.actor}"`);
    });
  });

  // ---- choices and text
  s.steps.forEach((st, si) => {
    const p: PathKey[] = ['steps', si];
    if (st.text.length > TEXT_LIMITS.stepText) {
      warn(
        'text-too-long',
        [...p, 'text'],
        `step text is ${st.text.length} characters; at most ${TEXT_LIMITS.stepText} fit the decision panel`,
        true,
      );
    }
    const signatures = new Map<string, string>();
    st.choices.forEach((c, ci) => {
      const cp = [...p, 'choices', ci];
      if (c.label.length > TEXT_LIMITS.choiceLabel) {
        warn(
          'text-too-long',
          [...cp, 'label'],
          `choice label is ${c.label.length} characters; keep it under ${TEXT_LIMITS.choiceLabel}`,
          true,
        );
      }
      if ((c.detail?.length ?? 0) > TEXT_LIMITS.choiceDetail) {
        warn(
          'text-too-long',
          [...cp, 'detail'],
          `choice detail is ${c.detail?.length} characters; keep it under ${TEXT_LIMITS.choiceDetail}`,
          true,
        );
      }
      c.outcomes.forEach((o, oi) => {
        if (o.text.length > TEXT_LIMITS.outcomeText) {
          warn(
            'text-too-long',
            [...cp, 'outcomes', oi, 'text'],
            `outcome text is ${o.text.length} characters; keep it under ${TEXT_LIMITS.outcomeText}`,
            true,
          );
        }
      });
      const sig = JSON.stringify([
        c.effects.map((e) => [e.meter, e.delta]),
        c.set,
        c.clear,
        c.outcomes.map((o) => [o.weight, o.effects.map((e) => [e.meter, e.delta]), o.set, o.clear, o.next]),
        c.next,
      ]);
      const twin = signatures.get(sig);
      if (twin) {
        warn(
          'identical-choices',
          [...cp, 'id'],
          `choice "${c.id}" has the same effects and destination as "${twin}": the decision makes no difference`,
        );
      } else {
        signatures.set(sig, c.id);
      }
    });
  });

  // ---- lengths held to their budgets, from every seat (seeded random runs)
  if (seeds.length > 0 && !out.some((f) => f.severity === 'error')) {
    s.lengths.forEach((len, li) => {
      for (const role of s.roles) {
        const at = sampleLength(s, role.id, len.id, runs);
        const where = `length "${len.id}", seat "${role.id}"`;
        if (at.words.max > len.max_words) {
          warn(
            'length-over-budget',
            ['lengths', li, 'id'],
            `${where}: a path shows ${at.words.max} words before its ending (seed ${at.longest.seed}); the length allows ${len.max_words} (paths: ${at.words.min}–${at.words.max}, mean ${at.words.mean})`,
          );
        }
        if (at.decisions.min < len.decisions.min || at.decisions.max > len.decisions.max) {
          warn(
            'length-over-budget',
            ['lengths', li, 'id'],
            `${where}: paths take ${at.decisions.min}–${at.decisions.max} decisions; the length allows ${len.decisions.min}–${len.decisions.max}`,
          );
        }
        if (at.votes.min === 0 && sampleLength(s, role.id, FULL_LENGTH, Math.min(runs, 30)).votes.max > 0) {
          warn(
            'length-over-budget',
            ['lengths', li, 'id'],
            `${where}: some paths hold no Council vote, though the full case has one for this seat: keep the vote in every path`,
          );
        }
      }
    });
  }

  // ---- options a seat would never take by their forecast
  for (const role of s.roles) {
    const weights = objectiveWeights(s, role.id);
    const decides = staticReachable(s, role.id);
    s.steps.forEach((st, si) => {
      if (!decides.has(st.id)) return;
      const deltas = st.choices.map(expectedDeltas);
      st.choices.forEach((a, ai) => {
        const better = st.choices.find((b, bi) => {
          // Options both offered only under conditions may never stand side by side.
          if (b === a || (a.when && b.when)) return false;
          return dominatedOn(weights, deltas[ai] as Map<string, number>, deltas[bi] as Map<string, number>) !== null;
        });
        if (better) {
          warn(
            'dominated-choice',
            ['steps', si, 'choices', ai, 'id'],
            `for seat "${role.id}", choice "${a.id}" is dominated by "${better.id}": by forecast no better on any meter the seat weighs and worse on one; give it a reason to be chosen (\`scenario balance\`)`,
          );
        }
      });
    });
  }

  // ---- ids one typo apart
  const declared: [string, PathKey[]][] = [
    ...s.meters.map((m, i): [string, PathKey[]] => [m.id, ['meters', i, 'id']]),
    ...s.flags.map((f, i): [string, PathKey[]] => [f.id, ['flags', i, 'id']]),
    ...s.steps.map((st, i): [string, PathKey[]] => [st.id, ['steps', i, 'id']]),
    ...s.endings.map((e, i): [string, PathKey[]] => [e.id, ['endings', i, 'id']]),
    ...s.roles.map((r, i): [string, PathKey[]] => [r.id, ['roles', i, 'id']]),
  ];
  for (let i = 0; i < declared.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, pa] = declared[i] as [string, PathKey[]];
      const [b] = declared[j] as [string, PathKey[]];
      // Same first two letters: parallel ids such as a_intro / k_intro are not typos.
      if (a.length >= 5 && a.slice(0, 2) === b.slice(0, 2) && !/\d/.test(a + b) && editDistance(a, b) === 1) {
        warn('similar-ids', pa, `id "${a}" differs by one letter from "${b}": a typo?`);
      }
    }
  }
  return out;
}
