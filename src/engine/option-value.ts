/**
 * What an option is worth to a seat, by what its forecast shows: the expected change of each
 * meter (the choice's effects plus its outcomes' effects, weighted by likelihood), scored with the
 * seat's objective weights in the same units as the debrief's 0–100 objectives score. The balance
 * report and the `dominated-choice` lint read these; the game never uses them to decide anything.
 */
import type { Choice, Effect, Scenario } from './schema';
import type { Forecast } from './view-types';

/** Per meter the seat weighs: score points per unit of change (signed: negative for a meter it wants low). */
export function objectiveWeights(s: Scenario, role: string): Map<string, number> {
  const r = s.roles.find((x) => x.id === role);
  const out = new Map<string, number>();
  if (!r) return out;
  const total = Object.values(r.objectives).reduce((a, w) => a + Math.abs(w), 0);
  if (total === 0) return out;
  for (const [id, w] of Object.entries(r.objectives)) {
    const m = s.meters.find((x) => x.id === id);
    if (!m || w === 0) continue;
    out.set(id, (100 * w) / total / (m.max - m.min));
  }
  return out;
}

function add(into: Map<string, number>, effects: readonly Effect[], p: number): void {
  for (const e of effects) into.set(e.meter, (into.get(e.meter) ?? 0) + p * e.delta);
}

/** Expected change per meter, before clamping: what the forecast shows away from a meter's bounds. */
export function expectedDeltas(choice: Choice): Map<string, number> {
  const out = new Map<string, number>();
  add(out, choice.effects, 1);
  const total = choice.outcomes.reduce((a, o) => a + o.weight, 0);
  for (const o of choice.outcomes) add(out, o.effects, o.weight / total);
  return out;
}

/** The change of the seat's objectives score the deltas imply. */
export function deltasValue(weights: ReadonlyMap<string, number>, deltas: ReadonlyMap<string, number>): number {
  let v = 0;
  for (const [m, w] of weights) v += w * (deltas.get(m) ?? 0);
  return v;
}

/** The seat's value of a forecast as the player sees it (expected changes, after clamping). */
export function forecastValue(weights: ReadonlyMap<string, number>, f: Forecast): number {
  return deltasValue(weights, new Map(f.meters.map((m) => [m.meter, m.expected])));
}

const EPS = 1e-9;

/**
 * The meters on which `a` is worse than `b` when `a` is no better than `b` on any meter the seat
 * weighs (so `b` dominates `a`); otherwise null.
 */
export function dominatedOn(
  weights: ReadonlyMap<string, number>,
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): string[] | null {
  const worse: string[] = [];
  for (const [m, w] of weights) {
    const da = Math.sign(w) * (a.get(m) ?? 0);
    const db = Math.sign(w) * (b.get(m) ?? 0);
    if (da > db + EPS) return null;
    if (da < db - EPS) worse.push(m);
  }
  return worse.length > 0 ? worse : null;
}
