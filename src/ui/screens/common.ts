/** Pieces several screens share: forecasts, deltas, sources, the HTML meters, the meter chart. */
import type { Source } from '../../engine/schema';
import { CLAIM_LABEL_TEXT, type ClaimLabel } from '../../engine/schema-common';
import type { LedgerEntry, MeterView } from '../../engine/view-types';
import { formatDate, h, signed, svg, tableScroller, uid } from '../dom';
import { linkHost, safeLink } from '../link-host';
import { meterHue } from '../palette';

export interface ScreenResult {
  root: HTMLElement;
  /** Where focus goes when the screen opens. */
  heading: HTMLElement;
  layout: 'hero' | 'side' | 'wide';
}

export function heading(level: 1 | 2, text: string, className = 'screen-heading'): HTMLHeadingElement {
  const el = h(level === 1 ? 'h1' : 'h2', { class: className, tabindex: -1 }, text);
  return el;
}

/** Whether a change of `delta` on this meter is good news. */
export function isBetter(meter: Pick<MeterView, 'higherIs'> | undefined, delta: number): boolean {
  return meter?.higherIs === 'worse' ? delta < 0 : delta > 0;
}

export function deltaCell(meter: MeterView | undefined, delta: number): HTMLElement {
  const better = isBetter(meter, delta);
  const word = delta === 0 ? 'no change' : better ? 'better' : 'worse';
  return h(
    'span',
    { class: `delta ${delta === 0 ? '' : better ? 'better' : 'worse'}` },
    `${delta > 0 ? '▲' : delta < 0 ? '▼' : '•'} ${signed(delta)}`,
    h('span', { class: 'word' }, word),
  );
}

/** A source: its title (a link only to an http(s) address without credentials, its real host beside it), publisher, date, note. */
export function sourceLine(s: Source): (HTMLElement | string)[] {
  const parts: (HTMLElement | string)[] = [];
  if (safeLink(s.url)) {
    const host = linkHost(s.url) ?? '';
    parts.push(
      h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.title),
      ' ',
      h('span', { class: 'source-host', title: `This link goes to ${host}` }, `(${host})`),
    );
  } else {
    parts.push(h('cite', null, s.title));
  }
  parts.push(`, ${s.publisher}`);
  if (s.date) parts.push(`, ${formatDate(s.date)}`);
  if (s.note) parts.push(h('span', { class: 'muted' }, ` — ${s.note}`));
  return parts;
}

/**
 * The labels a claim or an option carries (`uncertain`, `inferred`, `simplified`): each a small
 * badge with its meaning beside it, as "contested" is shown. Nothing when there are none.
 */
export function claimLabels(labels: readonly ClaimLabel[] | undefined): HTMLElement | null {
  if (!labels || labels.length === 0) return null;
  return h(
    'ul',
    { class: 'claim-labels', 'aria-label': 'How sure this is' },
    ...labels.map((l) =>
      h(
        'li',
        { class: `claim-label claim-${l}`, 'data-claim-label': l },
        h('span', { class: 'tag tag-claim' }, CLAIM_LABEL_TEXT[l].badge),
        ` ${CLAIM_LABEL_TEXT[l].meaning}`,
      ),
    ),
  );
}

export function sourceList(sources: Source[], label = 'Sources'): HTMLElement | null {
  if (sources.length === 0) return null;
  return h('ol', { class: 'source-list', 'aria-label': label }, ...sources.map((s) => h('li', null, ...sourceLine(s))));
}

export function inlineSources(sources: Source[]): HTMLElement | null {
  if (sources.length === 0) return null;
  // Each with its publisher and year: a 2022 magazine cited on a 2010 step says it wrote later.
  const cite = (s: Source) => {
    const by = [s.publisher, s.date?.slice(0, 4)].filter(Boolean).join(', ');
    return by ? `${s.title} (${by})` : s.title;
  };
  return h('p', { class: 'sources-inline' }, `Sources: ${sources.map(cite).join('; ')}`);
}

/** The meters as HTML: the accessible twin of the gauges (and their fallback without a canvas). */
export function meterList(meters: MeterView[]): HTMLElement {
  const list = h('ul', { class: 'meters', 'aria-label': 'Meters' });
  meters.forEach((m, i) => {
    const pct = ((m.value - m.min) / (m.max - m.min || 1)) * 100;
    list.append(
      h(
        'li',
        { 'data-meter': m.id, 'data-value': String(m.value) },
        h(
          'span',
          null,
          h('strong', null, `${m.label}: ${Math.round(m.value)}`),
          h('span', { class: 'muted' }, ` of ${m.max} (${m.higherIs === 'better' ? 'higher' : 'lower'} is better)`),
        ),
        h(
          'span',
          { class: 'bar', 'aria-hidden': 'true' },
          h('span', { style: `width:${Math.max(0, Math.min(100, pct))}%;background:${meterHue(i)}` }),
        ),
      ),
    );
  });
  return list;
}

/** The ledger: what moved and why (in a scroller: its words stay whole, and one too long for the panel scrolls). */
export function ledgerTable(entries: LedgerEntry[], meters: MeterView[], caption: string): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'muted' }, 'This decision itself moved no meter.');
  return tableScroller(
    h(
      'table',
      { class: 'ledger' },
      h('caption', { class: 'sr-only' }, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Meter'),
          h('th', { scope: 'col' }, 'Change'),
          h('th', { scope: 'col' }, 'Why'),
        ),
      ),
      h(
        'tbody',
        null,
        ...entries.map((e) => {
          const meter = meters.find((m) => m.id === e.meter);
          return h(
            'tr',
            { 'data-meter': e.meter, 'data-delta': String(e.delta), 'data-cause': e.cause },
            h('th', { scope: 'row' }, meter?.label ?? e.meter),
            h('td', null, deltaCell(meter, e.delta)),
            h('td', null, e.reason),
          );
        }),
      ),
    ),
  );
}

/**
 * Small multiples: each meter over the run, with its numbers in a table (for screen readers, and
 * for anyone who opens it): a row a meter, a column the start and then each decision, headed by
 * its number ("Decision 3" to a screen reader), so that a long run's table stays narrow.
 */
export function meterCharts(
  series: { meter: string; label: string; values: number[] }[],
  meters: MeterView[],
): HTMLElement {
  const grid = h('div', { class: 'chart-grid' });
  const W = 260;
  const H = 110;
  const pad = { l: 26, r: 10, t: 10, b: 20 };
  series.forEach((s, i) => {
    const meter = meters.find((m) => m.id === s.meter);
    const min = meter?.min ?? Math.min(...s.values);
    const max = meter?.max ?? Math.max(...s.values);
    const n = Math.max(1, s.values.length - 1);
    const x = (k: number) => pad.l + ((W - pad.l - pad.r) * k) / n;
    const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - (v - min) / (max - min || 1));
    const hue = meterHue(i);
    const path = s.values.map((v, k) => `${k === 0 ? 'M' : 'L'}${x(k).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const chart = svg(
      'svg',
      {
        viewBox: `0 0 ${W} ${H}`,
        role: 'img',
        'aria-label': `${s.label} over the run: ${s.values.map((v) => Math.round(v)).join(', ')}`,
      },
      svg('line', { class: 'axis', x1: pad.l, y1: y(min), x2: W - pad.r, y2: y(min) }),
      svg('line', { class: 'axis', x1: pad.l, y1: y(max), x2: W - pad.r, y2: y(max), 'stroke-dasharray': '3 4' }),
      svg('text', { x: 2, y: y(max) + 4 }, String(max)),
      svg('text', { x: 2, y: y(min) + 4 }, String(min)),
      svg('text', { x: pad.l, y: H - 4 }, 'start'),
      svg('text', { x: W - pad.r, y: H - 4, 'text-anchor': 'end' }, s.values.length > 1 ? `decision ${n}` : ''),
      svg('path', { class: 'line', d: path, stroke: hue }),
      ...s.values.map((v, k) => svg('circle', { class: 'dot', cx: x(k), cy: y(v), r: 3.5, fill: hue })),
    );
    const first = s.values[0] ?? 0;
    const last = s.values[s.values.length - 1] ?? 0;
    grid.append(
      h(
        'figure',
        { class: 'chart' },
        h(
          'figcaption',
          null,
          s.label,
          h('span', { class: 'chart-range' }, `${Math.round(first)} → ${Math.round(last)}`),
        ),
        chart,
      ),
    );
  });
  const tableId = uid('meter-table');
  const turns = series[0]?.values.length ?? 0;
  const turnHead = (i: number) =>
    h('th', { scope: 'col' }, ...(i === 0 ? ['Start'] : [h('span', { class: 'sr-only' }, 'Decision '), String(i)]));
  const table = h(
    'table',
    { class: 'data-table', id: tableId },
    h('caption', null, 'Each meter at the start and after each decision (1, 2, …)'),
    h(
      'thead',
      null,
      h('tr', null, h('th', { scope: 'col' }, 'Meter'), ...Array.from({ length: turns }, (_, i) => turnHead(i))),
    ),
    h(
      'tbody',
      null,
      ...series.map((s) =>
        h('tr', null, h('th', { scope: 'row' }, s.label), ...s.values.map((v) => h('td', null, String(Math.round(v))))),
      ),
    ),
  );
  return h(
    'div',
    null,
    grid,
    h('details', null, h('summary', null, 'Show the numbers as a table'), tableScroller(table)),
  );
}
