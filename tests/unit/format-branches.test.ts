/**
 * Issue 16's last format requests: a `next` on a step with choices, shared by every choice and
 * outcome without one of their own; deadlines (`{ decisions: { gte, lte } }`); and what a seat knows
 * (news and option wording limited by `{ role: ID }`). The fixture is tests/fixtures/shared-next.yaml,
 * the mini case written with all three.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Game, legalMoves, loadScenario, machineConfig, type Scenario } from '../../src/engine';
import { conditionReads, decisionsKey } from '../../src/engine/condition-reads';
import { holds } from '../../src/engine/conditions';
import type { GameEvent } from '../../src/engine/events';
import { graphCoverage } from '../../src/engine/graph-coverage';
import { rulesHash } from '../../src/engine/rules-hash';
import { initialContext } from '../../src/engine/run-context';
import { fixture } from '../helpers';

const SHARED = readFileSync(fixture('shared-next.yaml'), 'utf8');

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture lacks: ${from}`);
  return text.replace(from, to);
}

function load(text: string, lint = false): Scenario {
  const r = loadScenario(text, 'shared-next.yaml', lint ? { lint: { seeds: [1, 2], runs: 30 } } : {});
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column}: ${e.message}`).join('\n'));
  return r.scenario;
}

/** The request step's branches, indented for a step (6) or a choice (10). */
const requestNext = (indent: number) =>
  ['- { when: { meter: credibility, lt: 40 }, to: collapse }', '- { to: wait }']
    .map((line) => `\n${' '.repeat(indent)}${line}`)
    .join('');

/** The same case with every shared `next` written out on each choice that took it. */
const REPEATED = [
  // `ask`: the step's `next: alone` moves to ask_no, the one choice without its own.
  ['    next: alone\n    history: { choice: ask_yes', '    history: { choice: ask_yes'],
  [
    'reason: Members are spared a divisive call. }]\n    history: { choice: ask_yes',
    'reason: Members are spared a divisive call. }]\n        next: alone\n    history: { choice: ask_yes',
  ],
  // `request`: its branches move to assess_no, assess_no_host and assess_later.
  [`    next:${requestNext(6)}\n    history:\n      choice: assess_yes`, '    history:\n      choice: assess_yes'],
  [
    'No foreign troops, no new clashes." }]\n      - id: assess_no_host',
    `No foreign troops, no new clashes." }]\n        next:${requestNext(10)}\n      - id: assess_no_host`,
  ],
  [
    'No foreign troops, no new clashes." }]\n      - id: assess_later',
    `No foreign troops, no new clashes." }]\n        next:${requestNext(10)}\n      - id: assess_later`,
  ],
  ['            next: stalemate\n', `            next: stalemate\n        next:${requestNext(10)}\n`],
].reduce((text, [from, to]) => edit(text, from as string, to as string), SHARED);

/** Every path from a seat and seed, each as the run's state after every move (both interpreters). */
function allRuns(s: Scenario, role: string, seed: number, interpreter: 'xstate' | 'table'): string[] {
  const out: string[] = [];
  const walk = (game: Game, trail: string[], depth: number) => {
    if (depth > 20) throw new Error('path too long');
    const step = s.steps.find((x) => x.id === game.currentStep());
    const moves: GameEvent[] = game.ended ? [] : legalMoves(step, game.state(), s);
    if (moves.length === 0) {
      out.push(trail.join('\n'));
      return;
    }
    for (const move of moves) {
      const next = game.fork();
      expect(next.send(move)).toBe(true);
      walk(next, [...trail, `${JSON.stringify(move)} → ${JSON.stringify(next.state())}`], depth + 1);
    }
  };
  walk(Game.start(s, { role, seed }, interpreter), [], 0);
  return out;
}

/** A seed whose first draw at `request` gives `assess_later` the outcome wanted. */
function seedFor(s: Scenario, role: string, before: GameEvent[], outcome: string): number {
  for (let seed = 1; seed < 200; seed++) {
    const g = Game.start(s, { role, seed });
    for (const m of before) g.send(m);
    g.send({ type: 'CHOOSE', choice: 'assess_later' });
    if (g.state().decisions.at(-1)?.outcome === outcome) return seed;
  }
  throw new Error(`no seed gives ${outcome}`);
}

describe('a next shared by the choices of a step', () => {
  const s = load(SHARED, true);

  it('loads with the checker and the lint, with no errors and no warnings', () => {
    const r = loadScenario(SHARED, 'shared-next.yaml', { lint: { seeds: [1, 2], runs: 30 } });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('leads every choice without its own next, and a choice or outcome with its own keeps it', () => {
    const on = (step: string) => machineConfig(s).states[step]?.on?.CHOOSE ?? [];
    const targetOf = (step: string, choice: string, outcome = -1) =>
      on(step).find((t) => t.guard?.params?.choice === choice && t.guard?.params?.outcome === outcome)?.target;
    // ask: ask_no has no next, so the step's `next: alone`; ask_yes keeps its own.
    expect(targetOf('ask', 'ask_no')).toBe('alone');
    expect(targetOf('ask', 'ask_yes')).toBe('request');
    // request: the shared branches route assess_no and assess_later's evidence_comes; assess_yes
    // keeps `vote` and evidence_fails its own `stalemate`.
    expect(targetOf('request', 'assess_no')).toBe('route:request:assess_no');
    expect(targetOf('request', 'assess_later', 0)).toBe('route:request:assess_later:evidence_comes');
    expect(targetOf('request', 'assess_later', 1)).toBe('stalemate');
    expect(targetOf('request', 'assess_yes', 0)).toBe('vote');
    expect(machineConfig(s).states['route:request:assess_no']?.always?.map((t) => t.target)).toEqual([
      'collapse',
      'wait',
    ]);
    // A step with choices never offers Continue, even with a `next`.
    expect(machineConfig(s).states.ask?.on?.CONTINUE).toBeUndefined();

    const host = Game.start(s, { role: 'host', seed: 1 });
    host.send({ type: 'CHOOSE', choice: 'ask_no' });
    expect(host.currentStep()).toBe('alone');
    expect(host.send({ type: 'CONTINUE' })).toBe(true);
    const chair = Game.start(s, { role: 'chair', seed: 1 });
    expect(chair.send({ type: 'CONTINUE' })).toBe(false);
    chair.send({ type: 'CHOOSE', choice: 'assess_no' });
    // credibility 50 - 20 = 30: the shared branch's first arm.
    expect(chair.state().ending).toBe('collapse');
  });

  it('is an error when neither the choice nor its step has a next, with the line and column', () => {
    const text = edit(SHARED, '    next: alone\n    history: { choice: ask_yes', '    history: { choice: ask_yes');
    const r = loadScenario(text, 'neither.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`)).toEqual([
      'neither.yaml:54:13: step "ask" › choice "ask_no" › id: choice "ask_no" needs a next (or every one of its outcomes needs one, or its step a next its choices share)',
    ]);
    expect(text.split('\n')[53]).toBe('      - id: ask_no');
  });

  it('still refuses a next beside a council', () => {
    const text = edit(
      SHARED,
      '      blocked_text: Blueland objects.\n',
      '      blocked_text: Blueland objects.\n    next: wait\n',
    );
    const r = loadScenario(text, 'council.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toEqual([
      'step "vote" › id: step "vote" has council, next: give exactly one of choices, council, next (a step with choices may also have a next its choices share)',
    ]);
  });

  it('compiles to the same machine, runs and rules hash as the next written on each choice', () => {
    const repeated = load(REPEATED, true);
    expect(repeated.steps.every((st) => st.choices.length === 0 || st.next === undefined)).toBe(true);
    expect(repeated.steps.find((x) => x.id === 'ask')?.choices.find((c) => c.id === 'ask_no')?.next).toBe('alone');
    expect(machineConfig(s)).toEqual(machineConfig(repeated));
    expect(rulesHash(s)).toBe(rulesHash(repeated));
    let paths = 0;
    for (const interpreter of ['xstate', 'table'] as const) {
      for (const role of ['chair', 'host']) {
        for (const seed of [1, 2, 3, 4, 5]) {
          const a = allRuns(s, role, seed, interpreter);
          expect(a).toEqual(allRuns(repeated, role, seed, interpreter));
          paths += a.length;
        }
      }
    }
    expect(paths).toBeGreaterThan(40);
  });

  it('enters the rules hash: another shared next is another hash', () => {
    const other = load(edit(SHARED, '    next: alone\n    history', '    next: stalemate\n    history'));
    expect(rulesHash(other)).not.toBe(rulesHash(s));
  });
});

describe('the decisions condition (deadlines)', () => {
  const s = load(SHARED);
  const ctx = (turn: number) => ({ ...initialContext(s, { role: 'chair', seed: 1 }), turn });

  it('compares the decisions taken so far', () => {
    expect([0, 2, 3, 4].map((t) => holds({ decisions: { gte: 3 } }, ctx(t)))).toEqual([false, false, true, true]);
    expect([0, 2, 3, 4].map((t) => holds({ decisions: { lte: 2 } }, ctx(t)))).toEqual([true, true, false, false]);
    expect([1, 2, 3, 4].map((t) => holds({ decisions: { gte: 2, lte: 3 } }, ctx(t)))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('fires an event and takes a branch once the run reaches decision 3', () => {
    // host: ask (1), request (2), the vote (3), blocked: the wait step is entered after 3 decisions.
    const g = Game.start(s, { role: 'host', seed: 1 });
    g.send({ type: 'CHOOSE', choice: 'ask_yes' });
    g.send({ type: 'CHOOSE', choice: 'assess_yes' });
    g.send({ type: 'CALL_VOTE' });
    expect(g.currentStep()).toBe('wait');
    expect(g.state().turn).toBe(3);
    expect(g.view().step?.news.map((n) => n.id)).toEqual(['deadline_passed']);
    expect(g.state().ledger.some((e) => e.cause === 'event:deadline_passed')).toBe(true);
    g.send({ type: 'CONTINUE' });
    expect(g.state().ending).toBe('collapse');
  });

  it('neither fires nor branches for a run that reaches the step earlier', () => {
    // host: ask (1), request (2) with evidence in hand: the wait step after 2 decisions.
    const before: GameEvent[] = [{ type: 'CHOOSE', choice: 'ask_yes' }];
    const g = Game.start(s, { role: 'host', seed: seedFor(s, 'host', before, 'evidence_comes') });
    for (const m of before) g.send(m);
    g.send({ type: 'CHOOSE', choice: 'assess_later' });
    expect(g.currentStep()).toBe('wait');
    expect(g.state().turn).toBe(2);
    expect(g.view().step?.news).toEqual([]);
    expect(g.state().ledger.some((e) => e.cause === 'event:deadline_passed')).toBe(false);
    g.send({ type: 'CONTINUE' });
    expect(g.state().ending).toBe('stalemate');
  });

  it('needs gte or lte, in order, and counts whole decisions', () => {
    const bad = (cond: string) => {
      const r = loadScenario(
        edit(
          SHARED,
          'when: { decisions: { gte: 3 } }\n        counterfactual',
          `when: ${cond}\n        counterfactual`,
        ),
        'bad.yaml',
      );
      return r.ok ? [] : r.errors.map((e) => e.message);
    };
    expect(bad('{ decisions: {} }').join('\n')).toContain('a decisions test needs gte or lte');
    expect(bad('{ decisions: { gte: 4, lte: 2 } }').join('\n')).toContain('decisions: gte is above lte');
    expect(bad('{ decisions: { gte: 2.5 } }')).not.toEqual([]);
    expect(bad('{ decisions: { gte: 1, lte: 9 } }')).toEqual([]);
  });

  it('enters the rules hash', () => {
    const other = load(
      edit(
        SHARED,
        'when: { decisions: { gte: 3 } }\n        counterfactual',
        'when: { decisions: { gte: 2 } }\n        counterfactual',
      ),
    );
    expect(rulesHash(other)).not.toBe(rulesHash(s));
  });

  it('is keyed by the walks that tell states apart (up to the largest count a test reads), and the exact coverage reaches both sides of the deadline', () => {
    const reads = conditionReads(s);
    expect(reads.decisionsCap).toBe(3);
    expect(decisionsKey(reads, 7)).toBe(3);
    expect(decisionsKey(reads, 2)).toBe(2);
    const coverage = graphCoverage(s, [1, 2, 3], { precision: 'exact' });
    expect(coverage.precision).toBe('exact');
    expect(coverage.endings).toContain('collapse');
    expect(coverage.endings).toContain('stalemate');
  });
});

describe('what a seat knows', () => {
  const s = load(SHARED);

  it('shows an event limited by { role } to that seat only', () => {
    const chair = Game.start(s, { role: 'chair', seed: 1 });
    expect(chair.currentStep()).toBe('request');
    expect(chair.view().step?.news.map((n) => n.id)).toContain('chair_briefing');

    const host = Game.start(s, { role: 'host', seed: 1 });
    host.send({ type: 'CHOOSE', choice: 'ask_yes' });
    expect(host.currentStep()).toBe('request');
    expect(host.view().step?.news.map((n) => n.id)).not.toContain('chair_briefing');
    expect(host.state().news.some((n) => n.event === 'chair_briefing')).toBe(false);
    // The riots event has a chance but no seat: both seats draw it alike.
    const riots = (g: Game) => g.view().step?.news.some((n) => n.id === 'riots');
    expect(typeof riots(chair)).toBe('boolean');
  });

  it('words one option for each seat with two choices limited by { role }', () => {
    const offered = (g: Game) => g.view().step?.choices.map((c) => [c.id, c.detail ?? '']);
    const chair = Game.start(s, { role: 'chair', seed: 1 });
    const host = Game.start(s, { role: 'host', seed: 1 });
    host.send({ type: 'CHOOSE', choice: 'ask_yes' });
    expect(offered(chair)).toEqual([
      ['assess_yes', ''],
      ['assess_no', "Your envoys' warning stays in the file."],
      ['assess_later', ''],
    ]);
    expect(offered(host)).toEqual([
      ['assess_yes', ''],
      ['assess_no_host', 'You said so yourself when you asked.'],
      ['assess_later', ''],
    ]);
    expect(host.send({ type: 'CHOOSE', choice: 'assess_no' })).toBe(false);
  });
});
