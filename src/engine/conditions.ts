/** Evaluating a scenario's conditions against the state of a run. Pure. */

import { FULL_LENGTH } from './constants';
import type { RunContext } from './run-context';
import type { Choice, Condition, Next, Outcome, Scenario, Step } from './schema';

export function holds(c: Condition | undefined, ctx: RunContext): boolean {
  return c === undefined || testOf(c)(ctx);
}

/** A condition read once into a function of the run's context. */
type Test = (ctx: RunContext) => boolean;

/**
 * Each condition's test, built the first time it is asked: a scenario never changes once loaded,
 * and automated play asks the same conditions millions of times.
 */
const tests = new WeakMap<Condition, Test>();

function testOf(c: Condition): Test {
  let test = tests.get(c);
  if (!test) {
    test = buildTest(c);
    tests.set(c, test);
  }
  return test;
}

/** What `holds` answers for `c`, as a function of the context (the condition's fields read now, not per call). */
function buildTest(c: Condition): Test {
  if ('meter' in c) {
    const { meter, gt, gte, lt, lte, eq } = c;
    return (ctx) => {
      const v = ctx.meters[meter] ?? Number.NaN;
      return (
        (gt === undefined || v > gt) &&
        (gte === undefined || v >= gte) &&
        (lt === undefined || v < lt) &&
        (lte === undefined || v <= lte) &&
        (eq === undefined || v === eq)
      );
    };
  }
  if ('flag' in c) {
    const { flag } = c;
    const is = c.is ?? true;
    return (ctx) => (ctx.flags[flag] === true) === is;
  }
  if ('chose' in c) {
    const { chose } = c;
    return (ctx) => ctx.chosen.includes(chose);
  }
  if ('visited' in c) {
    const { visited } = c;
    return (ctx) => ctx.visited.includes(visited);
  }
  if ('role' in c) {
    const { role } = c;
    return (ctx) => ctx.role === role;
  }
  if ('length' in c) {
    const { length } = c;
    return (ctx) => (ctx.length ?? FULL_LENGTH) === length;
  }
  if ('decisions' in c) {
    const { gte, lte } = c.decisions;
    return (ctx) => (gte === undefined || ctx.turn >= gte) && (lte === undefined || ctx.turn <= lte);
  }
  if ('all' in c) {
    const parts = c.all.map(testOf);
    return (ctx) => parts.every((p) => p(ctx));
  }
  if ('any' in c) {
    const parts = c.any.map(testOf);
    return (ctx) => parts.some((p) => p(ctx));
  }
  const { not } = c;
  return (ctx) => !holds(not, ctx);
}

/** The step or ending a `next` leads to in this state. */
export function resolveNext(next: Next, ctx: RunContext): string {
  if (typeof next === 'string') return next;
  for (const b of next) if (holds(b.when, ctx)) return b.to;
  return next[next.length - 1]?.to ?? '';
}

/**
 * Where a choice (and, given one, its outcome) leads: the outcome's own `next`, else the choice's,
 * else the step's `next`, which every choice and outcome without one of its own shares.
 */
export function nextOf(step: Pick<Step, 'next'>, choice: Pick<Choice, 'next'>, outcome?: Pick<Outcome, 'next'> | null) {
  return outcome?.next ?? choice.next ?? step.next;
}

function conditionsIn(c: Condition | undefined, out: Condition[] = []): Condition[] {
  if (!c) return out;
  out.push(c);
  if ('all' in c) for (const x of c.all) conditionsIn(x, out);
  if ('any' in c) for (const x of c.any) conditionsIn(x, out);
  if ('not' in c) conditionsIn(c.not, out);
  return out;
}

/** Every condition in the scenario, nested ones included: what the run's conditions can read. */
export function allConditions(s: Scenario): Condition[] {
  const out: Condition[] = [];
  const fromNext = (n: Next | undefined) => {
    if (n && typeof n !== 'string') for (const b of n) conditionsIn(b.when, out);
  };
  for (const st of s.steps) {
    for (const ev of st.events) conditionsIn(ev.when, out);
    for (const c of st.choices) {
      conditionsIn(c.when, out);
      fromNext(c.next);
      for (const o of c.outcomes) fromNext(o.next);
    }
    for (const m of st.council?.members ?? []) {
      for (const sh of m.shifts) conditionsIn(sh.when, out);
      if (m.lobby?.when) conditionsIn(m.lobby.when, out);
    }
    fromNext(st.council?.consensus);
    fromNext(st.council?.blocked);
    fromNext(st.next);
  }
  return out;
}
