/**
 * Forecasts: before a choice, what it will likely do to each meter. For each possible outcome
 * the effects are applied to the current meters (with clamping); the forecast gives, per meter
 * touched, the expected change and its spread (lowest and highest) over the outcomes.
 * Events on later steps are not included: they depend on what comes next.
 */
import { clampMeter, type RunContext } from './run-context';
import type { Choice, Effect, Scenario } from './schema';
import type { Forecast, MeterForecast } from './view-types';

export function forecastEffects(
  s: Scenario,
  ctx: Pick<RunContext, 'meters'>,
  branches: readonly { probability: number; effects: readonly Effect[] }[],
): MeterForecast[] {
  const deltas = branches.map((b) => {
    const meters = { ...ctx.meters };
    for (const e of b.effects) meters[e.meter] = clampMeter(s, e.meter, (meters[e.meter] ?? 0) + e.delta);
    return { probability: b.probability, meters };
  });
  const touched = new Set(branches.flatMap((b) => b.effects.map((e) => e.meter)));
  return s.meters
    .filter((m) => touched.has(m.id))
    .map((m) => {
      const changes = deltas.map((d) => ({ p: d.probability, v: (d.meters[m.id] ?? 0) - (ctx.meters[m.id] ?? 0) }));
      const expected = changes.reduce((acc, c) => acc + c.p * c.v, 0);
      return {
        meter: m.id,
        label: m.label,
        expected: Math.round(expected * 10) / 10,
        min: Math.min(...changes.map((c) => c.v)),
        max: Math.max(...changes.map((c) => c.v)),
      };
    });
}

export function forecastChoice(s: Scenario, ctx: Pick<RunContext, 'meters'>, choice: Choice): Forecast {
  if (choice.outcomes.length === 0) {
    return { meters: forecastEffects(s, ctx, [{ probability: 1, effects: choice.effects }]), outcomes: [] };
  }
  const total = choice.outcomes.reduce((a, o) => a + o.weight, 0);
  const branches = choice.outcomes.map((o) => ({
    probability: o.weight / total,
    effects: [...choice.effects, ...o.effects],
  }));
  return {
    meters: forecastEffects(s, ctx, branches),
    outcomes: choice.outcomes.map((o) => ({ id: o.id, probability: o.weight / total })),
  };
}

export function forecastCertain(s: Scenario, ctx: Pick<RunContext, 'meters'>, effects: readonly Effect[]): Forecast {
  return { meters: forecastEffects(s, ctx, [{ probability: 1, effects }]), outcomes: [] };
}
