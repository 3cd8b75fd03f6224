/** Evaluating a scenario's conditions against the state of a run. Pure. */

import { FULL_LENGTH } from './constants';
import type { RunContext } from './run-context';
import type { Choice, Condition, Next, Outcome, Scenario, Step } from './schema';

export function holds(c: Condition | undefined, ctx: RunContext): boolean {
  if (c === undefined) return true;
  if ('meter' in c) {
    const v = ctx.meters[c.meter] ?? Number.NaN;
    return (
      (c.gt === undefined || v > c.gt) &&
      (c.gte === undefined || v >= c.gte) &&
      (c.lt === undefined || v < c.lt) &&
      (c.lte === undefined || v <= c.lte) &&
      (c.eq === undefined || v === c.eq)
    );
  }
  if ('flag' in c) return (ctx.flags[c.flag] === true) === (c.is ?? true);
  if ('chose' in c) return ctx.chosen.includes(c.chose);
  if ('visited' in c) return ctx.visited.includes(c.visited);
  if ('role' in c) return ctx.role === c.role;
  if ('length' in c) return (ctx.length ?? FULL_LENGTH) === c.length;
  if ('decisions' in c) {
    const { gte, lte } = c.decisions;
    return (gte === undefined || ctx.turn >= gte) && (lte === undefined || ctx.turn <= lte);
  }
  if ('all' in c) return c.all.every((x) => holds(x, ctx));
  if ('any' in c) return c.any.some((x) => holds(x, ctx));
  return !holds(c.not, ctx);
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
