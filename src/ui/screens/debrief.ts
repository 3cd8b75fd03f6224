/**
 * The debrief: your path beside what really happened, decision by decision, with quotes and
 * sources; each meter over the run; the endings you did not reach; Replay from any decision.
 */
import type { Debrief, DebriefDecision } from '../../engine/index';
import type { MeterView } from '../../engine/view-types';
import { formatDate, h } from '../dom';
import { renderText } from '../markup';
import { heading, meterCharts, type ScreenResult, sourceList } from './common';
import { phaseLabel } from './play';

export interface DebriefProps {
  title: string;
  seat: string;
  debrief: Debrief;
  meters: MeterView[];
  /** The title of another bundled case, by id (for "Compare with"). */
  caseTitle(id: string): string;
  /** Shown before the final buttons (Save results and Print report). */
  extra?: HTMLElement | null;
  onReplay(turn: number): void;
  onNewSeat(): void;
  onTitle(): void;
}

function decisionCard(d: DebriefDecision, onReplay: (turn: number) => void): HTMLElement {
  const hist = d.history;
  const match = hist?.choice
    ? d.matched
      ? h('span', { class: 'match match-yes' }, '✓ As history went')
      : h('span', { class: 'match match-no' }, '≠ History went another way')
    : null;
  const headingId = `decision-${d.turn}-heading`;
  return h(
    'li',
    { class: 'decision', 'data-turn': String(d.turn) },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h(
        'div',
        { class: 'decision-head' },
        h('span', { class: 'kicker' }, `Decision ${d.turn} · ${phaseLabel(d.phase)}`),
        h('h3', { id: headingId }, d.title),
        h('time', { class: 'meta', datetime: d.date }, formatDate(d.date)),
        d.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented moment') : null,
        match,
      ),
      h(
        'div',
        { class: 'compare' },
        h(
          'div',
          { class: 'yours' },
          h('h4', null, 'Your decision'),
          h('p', null, h('strong', null, d.yours.label)),
          d.yours.outcome ? h('p', { class: 'muted' }, `Result drawn: ${d.yours.outcome.replace(/[-_]/g, ' ')}`) : null,
          d.yours.rationale ? h('p', null, h('span', { class: 'muted' }, 'Why: '), d.yours.rationale) : null,
          d.yours.tally
            ? h(
                'p',
                { class: 'muted' },
                `Class vote: ${Object.entries(d.yours.tally)
                  .map(([id, n]) => `${id.replace(/[-_]/g, ' ')} ${n}`)
                  .join(', ')}`,
              )
            : null,
        ),
        h(
          'div',
          { class: 'history' },
          h('h4', null, 'What really happened'),
          hist
            ? [
                hist.choice ? h('p', null, h('strong', null, hist.choice.label)) : null,
                h('div', null, renderText(hist.text)),
                hist.contested
                  ? h(
                      'p',
                      { class: 'contested' },
                      `⚠ Contested: ${hist.contestedNote ?? 'the sources disagree on this point.'}`,
                    )
                  : null,
                ...hist.quotes.map((q) =>
                  h(
                    'blockquote',
                    null,
                    h('p', null, `“${q.text}”`),
                    h(
                      'footer',
                      null,
                      `— ${q.speaker}${q.date ? `, ${formatDate(q.date)}` : ''}, in `,
                      h('cite', null, q.source.title),
                    ),
                  ),
                ),
                sourceList(hist.sources, `Sources for decision ${d.turn}`),
              ]
            : h('p', { class: 'muted' }, 'This moment has no historical counterpart: it belongs to an invented path.'),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'button', class: 'btn btn-small', 'data-replay': String(d.turn), onclick: () => onReplay(d.turn) },
          `Replay from here: try another answer to decision ${d.turn}`,
        ),
      ),
    ),
  );
}

export function renderDebrief(p: DebriefProps): ScreenResult {
  const d = p.debrief;
  const title = heading(1, 'Debrief');
  title.id = 'debrief-heading';
  const matched = d.decisions.filter((x) => x.matched).length;
  const comparable = d.decisions.filter((x) => x.history?.choice).length;
  const labels = d.series[0]?.values.map((_, i) => (i === 0 ? 'Start' : `Decision ${i}`)) ?? [];
  const others = d.endings.filter((e) => !e.reached);
  const reached = d.endings.find((e) => e.reached);
  const root = h(
    'section',
    { 'aria-labelledby': 'debrief-heading', class: 'debrief' },
    h('span', { class: 'kicker' }, `${p.title} · ${p.seat}`),
    title,
    h(
      'p',
      { class: 'lede' },
      `${reached ? `You reached “${reached.title}”. ` : ''}You took ${d.decisions.length} decision${d.decisions.length === 1 ? '' : 's'}; ` +
        `${matched} of ${comparable} matched what the real decision-makers did.`,
    ),
    h('h2', { class: 'section-heading' }, 'Your path beside history'),
    h('ol', { class: 'decisions' }, ...d.decisions.map((x) => decisionCard(x, p.onReplay))),
    h('h2', { class: 'section-heading' }, 'Each meter over the run'),
    meterCharts(d.series, p.meters, labels),
    h('h2', { class: 'section-heading' }, 'The endings you did not reach'),
    others.length === 0
      ? h('p', { class: 'muted' }, 'None: this case has a single ending.')
      : h(
          'ul',
          { class: 'endings' },
          ...others.map((e) =>
            h(
              'li',
              null,
              h('strong', null, e.title),
              h(
                'span',
                { class: `tag tag-${e.tone}` },
                e.tone === 'good' ? 'good' : e.tone === 'bad' ? 'bad' : 'mixed',
              ),
              e.historical ? h('span', { class: 'tag tag-history' }, 'What happened') : null,
              e.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented') : null,
            ),
          ),
        ),
    d.related.length > 0 ? h('h2', { class: 'section-heading' }, 'Compare with') : null,
    d.related.length > 0
      ? h(
          'ul',
          null,
          ...d.related.map((r) => h('li', null, h('strong', null, p.caseTitle(r.scenario)), ` — ${r.note}`)),
        )
      : null,
    p.extra ?? null,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', 'data-action': 'new-seat', onclick: p.onNewSeat },
        'Play another seat',
      ),
      h('button', { type: 'button', class: 'btn', 'data-action': 'title', onclick: p.onTitle }, 'Back to the title'),
    ),
  );
  return { root, heading: title, layout: 'wide' };
}
