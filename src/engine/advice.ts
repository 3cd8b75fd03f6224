/**
 * Advisers' estimates: a forecast as a seat's advisers would give it, not as the engine knows it.
 * Per meter, the direction of the immediate effect, a word for its size and a rough range, widened
 * for what the advisers cannot know (how random results fall, what later news brings) and rounded
 * so that no option can be ranked to the point. Effects on later steps are never in a forecast.
 */
import type { Forecast } from './view-types';

export type ForecastMode = 'advisers' | 'numbers' | 'none';
export const FORECAST_MODES: readonly ForecastMode[] = ['advisers', 'numbers', 'none'];

export interface MeterAdvice {
  meter: string;
  label: string;
  /** `either`: the advisers think it could go either way. */
  direction: 'up' | 'down' | 'either';
  size: 'a little' | 'noticeably' | 'sharply';
  /** A rough range of the change, rounded outwards. */
  low: number;
  high: number;
}

export interface Advice {
  meters: MeterAdvice[];
  /** True when the result itself is a gamble (several possible results). */
  uncertain: boolean;
}

/** Rounds outwards to a rough grid: whole points up to 5, then fives. */
function roughDown(x: number): number {
  const g = Math.abs(x) <= 5 ? 1 : 5;
  return Math.floor(x / g) * g;
}
function roughUp(x: number): number {
  const g = Math.abs(x) <= 5 ? 1 : 5;
  return Math.ceil(x / g) * g;
}

/**
 * The advisers' reading of a forecast. `span` is each meter's max − min (the scale sizes are judged
 * on); a meter not in it counts as a 0–100 scale.
 */
export function adviserEstimate(f: Forecast, span: ReadonlyMap<string, number> = new Map()): Advice {
  const meters: MeterAdvice[] = [];
  for (const m of f.meters) {
    const lo = Math.min(m.min, m.expected);
    const hi = Math.max(m.max, m.expected);
    if (lo === 0 && hi === 0) continue;
    // What the advisers cannot know widens the range by half its size each way, at least two points.
    const widen = Math.max(2, Math.round(Math.max(Math.abs(lo), Math.abs(hi)) / 2));
    let low = roughDown(lo - widen);
    let high = roughUp(hi + widen);
    // Widening does not invent a chance of the opposite effect.
    if (lo >= 0) low = Math.max(low, lo > 0 ? Math.min(1, lo) : 0);
    if (hi <= 0) high = Math.min(high, hi < 0 ? Math.max(-1, hi) : 0);
    const direction = lo < 0 && hi > 0 ? 'either' : hi > 0 ? 'up' : 'down';
    const share = (100 * Math.abs(m.expected)) / (span.get(m.meter) ?? 100);
    const size = share < 4 ? 'a little' : share < 10 ? 'noticeably' : 'sharply';
    meters.push({ meter: m.meter, label: m.label, direction, size, low, high });
  }
  return { meters, uncertain: f.outcomes.length > 1 };
}
