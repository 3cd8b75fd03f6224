/**
 * An option's forecast as the player's setting asks: the advisers' estimate (direction and a rough
 * range, the default), the full numbers (for self-study), or nothing (a class debating without
 * numbers). The debrief shows every effect and its reason after the fact, whatever the setting.
 */
import { type Advice, adviserEstimate, type ForecastMode, type MeterAdvice } from '../../engine/advice';
import type { Forecast, MeterView } from '../../engine/view-types';
import { h, signed } from '../dom';
import { isBetter } from './common';

export const FORECAST_LABELS: Record<ForecastMode, { label: string; help: string }> = {
  advisers: {
    label: 'Advisers’ estimates',
    help: 'Each option shows which way your advisers expect each meter to move, and roughly how far. Estimates are rough and leave out what happens later.',
  },
  numbers: {
    label: 'Full numbers',
    help: 'Each option shows the exact expected change of each meter and its range. For studying a case on your own; later effects are still left out.',
  },
  none: {
    label: 'No forecasts',
    help: 'Options show no numbers: for a class that debates the choice on the arguments alone.',
  },
};

/** The hint under the options, saying what the forecasts are. */
export function forecastHint(mode: ForecastMode): string {
  if (mode === 'numbers') {
    return 'Each option shows its forecast: the expected change to each meter, and its range when the result is uncertain. Effects later in the crisis are not included.';
  }
  if (mode === 'advisers') {
    return 'Each option shows your advisers’ estimate of its immediate effects: rough, and blind to what follows later.';
  }
  return 'Forecasts are off: weigh the options on the arguments. The result and the debrief show what each decision moved, and why.';
}

/** The forecast of an option (or of lobbying), as the mode asks; null when forecasts are off. */
export function forecastBlock(forecast: Forecast, meters: MeterView[], mode: ForecastMode): HTMLElement | null {
  if (mode === 'none') return null;
  const body = mode === 'numbers' ? forecastList(forecast, meters) : adviceList(forecast, meters);
  return h(
    'span',
    { class: 'forecast-block', 'data-forecast': mode },
    h('span', { class: 'forecast-heading' }, mode === 'numbers' ? 'Forecast' : 'Advisers’ estimate'),
    body,
  );
}

/** The full numbers: each meter's expected change and its spread. */
export function forecastList(forecast: Forecast, meters: MeterView[]): HTMLElement {
  const items = forecast.meters.filter((m) => m.expected !== 0 || m.min !== 0 || m.max !== 0);
  if (items.length === 0 && forecast.outcomes.length === 0) {
    return h('p', { class: 'forecast-none' }, 'No meter moves.');
  }
  const list = h('ul', { class: 'forecast', 'aria-label': 'Forecast' });
  for (const f of items) {
    const meter = meters.find((m) => m.id === f.meter);
    const better = isBetter(meter, f.expected);
    const cls = f.expected === 0 ? '' : better ? 'better' : 'worse';
    const arrow = f.expected > 0 ? '▲' : f.expected < 0 ? '▼' : '◆';
    const spread = f.min !== f.max ? h('span', { class: 'range' }, `(${signed(f.min)} to ${signed(f.max)})`) : null;
    list.append(
      h(
        'li',
        { class: cls },
        `${arrow} ${f.label} ${signed(f.expected)}`,
        spread,
        h('span', { class: 'sr-only' }, f.expected === 0 ? '' : better ? ', better' : ', worse'),
      ),
    );
  }
  if (forecast.outcomes.length > 1) {
    const odds = forecast.outcomes.map((o) => `${Math.round(o.probability * 100)}%`).join(' / ');
    list.append(h('li', null, `Uncertain: ${forecast.outcomes.length} possible results (${odds})`));
  }
  return list;
}

const WORD = { up: 'rise', down: 'fall' } as const;

/** One meter of the advisers' estimate, in words: "Credibility likely to fall a little (about −5 to −1)". */
export function adviceText(a: MeterAdvice): string {
  const range = `about ${signed(a.low)} to ${signed(a.high)}`;
  if (a.direction === 'either') return `${a.label} could rise or fall (${range})`;
  return `${a.label} likely to ${WORD[a.direction]} ${a.size} (${range})`;
}

function adviceList(forecast: Forecast, meters: MeterView[]): HTMLElement {
  const span = new Map(meters.map((m) => [m.id, m.max - m.min]));
  const advice: Advice = adviserEstimate(forecast, span);
  if (advice.meters.length === 0 && !advice.uncertain) {
    return h('p', { class: 'forecast-none' }, 'Your advisers expect no meter to move at once.');
  }
  const list = h('ul', { class: 'forecast forecast-advice', 'aria-label': 'Advisers’ estimate' });
  for (const a of advice.meters) {
    const meter = meters.find((m) => m.id === a.meter);
    const cls = a.direction === 'either' ? '' : isBetter(meter, a.direction === 'up' ? 1 : -1) ? 'better' : 'worse';
    const arrow = a.direction === 'up' ? '▲' : a.direction === 'down' ? '▼' : '◆';
    list.append(h('li', { class: cls }, `${arrow} ${adviceText(a)}`));
  }
  if (advice.uncertain) list.append(h('li', null, 'The advisers cannot say how this will turn out: it is a gamble.'));
  return list;
}
