/**
 * The figures pane: `npm run scenario -- stats` and `balance` on the edited scenario, in the
 * worker (with the commands' default runs), shown as tables: per seat, the endings reached, the
 * meters at the end, the words per length, the choices never taken; and the balance report's
 * scores by policy, its targets and its step-by-step forecasts.
 */
import type { SeatBalance } from '../authoring/balance';
import type { SeatStats } from '../authoring/stats';
import type { Scenario } from '../engine';
import { h } from '../ui/dom';
import { Cancelled, type EngineClient } from './engine-client';
import type { FiguresResult, SeatFigures } from './protocol';

/** The commands' defaults: `stats --runs 500`, `balance --runs 300`. */
export const STATS_RUNS = 500;
export const BALANCE_RUNS = 300;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(caption: string, head: string[], rows: (string | number | HTMLElement)[][]): HTMLElement {
  return h(
    'div',
    { class: 'wb-table-wrap' },
    h(
      'table',
      { class: 'wb-table' },
      h('caption', null, caption),
      h('thead', null, h('tr', null, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        ...rows.map((r) =>
          h(
            'tr',
            null,
            ...r.map((c, i) =>
              i === 0
                ? h('th', { scope: 'row' }, typeof c === 'number' ? String(c) : c)
                : h('td', null, typeof c === 'number' ? String(c) : c),
            ),
          ),
        ),
      ),
    ),
  );
}

function statsBlock(s: Scenario, st: SeatStats): HTMLElement[] {
  const title = (id: string) => s.endings.find((e) => e.id === id)?.title ?? id;
  const how = st.mode === 'exhaustive' ? 'every sequence of moves, seed 1' : `random runs, seeds 1 to ${st.runs}`;
  const out: HTMLElement[] = [
    h(
      'p',
      null,
      `${st.runs} runs (${how}). Decisions per run: ${st.length.min}–${st.length.max} (mean ${st.length.mean}).`,
    ),
    table(
      'Endings reached',
      ['Ending', 'Runs', 'Share'],
      st.endings.map((e) => [`${title(e.id)} (${e.id})`, e.runs, pct(e.share)]),
    ),
    table(
      'Meters at the end',
      ['Meter', 'Lowest', 'Mean', 'Highest'],
      st.meters.map((m) => [m.label, m.min, m.mean, m.max]),
    ),
    table(
      'Words a player reads before the ending, per length',
      ['Length', 'Words (min / mean / max)', 'Decisions', 'Council votes', 'Budget'],
      st.lengths.map((l) => {
        const budget = s.lengths.find((x) => x.id === l.length);
        return [
          l.length,
          `${l.words.min} / ${l.words.mean} / ${l.words.max}`,
          `${l.decisions.min}–${l.decisions.max}`,
          `${l.votes.min}–${l.votes.max}`,
          budget ? `${budget.max_words} words, ${budget.decisions.min}–${budget.decisions.max} decisions` : '—',
        ];
      }),
    ),
  ];
  if (st.neverTaken.length > 0) {
    out.push(
      h('h5', null, 'Choices never taken'),
      h('ul', null, ...st.neverTaken.map((x) => h('li', null, `${x.step} › ${x.choice}`))),
    );
  }
  for (const f of st.flagged) {
    out.push(
      h(
        'p',
        { class: 'wb-warning' },
        `Ending “${title(f.ending)}” is reached in ${pct(f.share)} of runs (${f.why === 'rare' ? 'under 1%' : 'over 80%'}).`,
      ),
    );
  }
  if (st.note) out.push(h('p', { class: 'muted' }, st.note));
  return out;
}

const TARGETS: [keyof SeatBalance['targets'], string][] = [
  ['noDominated', 'No dominated option'],
  ['greedyNotAboveP75', 'Greedy play no better than random play’s 75th percentile'],
  ['historyWorstAtMostOneInFive', 'History’s option the worst by forecast at no more than 1 step in 5'],
  ['everyHistoryChoiceGains', 'Every historical choice gains the seat something, now or later'],
  ['twoGoodStrategies', 'Two strategies differing in 3+ decisions reach a good ending'],
];

function balanceBlock(b: SeatBalance): HTMLElement[] {
  const r = b.random;
  const signed = (v: number) => `${v > 0 ? '+' : ''}${v}`;
  return [
    table(
      `Final objectives score (0–100), ${b.runs} runs per policy`,
      ['Policy', 'Mean', 'Percentile of random play', 'Notes'],
      [
        ['Random', r.mean, 50, `min ${r.min}, p25 ${r.p25}, median ${r.p50}, p75 ${r.p75}, p90 ${r.p90}, max ${r.max}`],
        ['Greedy (best forecast)', b.greedy.mean, b.greedy.percentile, ''],
        [
          'History',
          b.history.mean,
          b.history.percentile,
          `${b.history.offHistoryMoves} moves off history’s path, taken at random`,
        ],
        ['Best found', b.best.mean, b.best.percentile, `${b.best.evaluations} policies tried`],
      ],
    ),
    table(
      'Targets',
      ['Target', 'Met'],
      TARGETS.map(([k, text]) => [text, b.targets[k] ? 'Yes' : 'No']),
    ),
    table(
      'Each decision: forecast value of each option for the seat (H: history’s)',
      ['Step', 'Spread', 'History’s rank', 'Options'],
      b.steps.map((x) => [
        x.title,
        x.spread,
        x.history ? `${x.historyRank} of ${x.options.length}${x.historyWorst ? ' (worst)' : ''}` : '—',
        x.options.map((o) => `${o.id}${o.id === x.history ? ' (H)' : ''} ${signed(o.value)}`).join(', '),
      ]),
    ),
    ...(b.dominated.length > 0
      ? [
          h('h5', null, 'Dominated options'),
          h(
            'ul',
            null,
            ...b.dominated.map((d) =>
              h(
                'li',
                null,
                `${d.step}: ${d.worse} is worse than ${d.better} on ${d.meters.join(', ')}, and no better on any other meter`,
              ),
            ),
          ),
        ]
      : []),
    h(
      'p',
      null,
      `Good endings for this seat: ${b.strategies.goodEndings.join(', ') || 'none'} (${b.strategies.goodShare}% of random runs); ${b.strategies.distinctGoodPaths} distinct paths reach them.`,
    ),
  ];
}

function seatBlock(s: Scenario, f: SeatFigures, i: number): HTMLElement {
  const title = s.roles.find((r) => r.id === f.role)?.title ?? f.role;
  const id = `wb-seat-${i}`;
  return h(
    'section',
    { class: 'wb-seat', 'aria-labelledby': id, 'data-seat': f.role },
    h('h3', { id }, `Seat: ${title}`),
    h('h4', null, 'Playtests (stats)'),
    ...statsBlock(s, f.stats),
    h('h4', null, 'Balance'),
    ...(f.balance ? balanceBlock(f.balance) : [h('p', { class: 'wb-warning' }, f.balanceSkipped ?? 'Not run.')]),
  );
}

export function renderFigures(s: Scenario, r: FiguresResult): HTMLElement {
  return h(
    'div',
    { class: 'wb-figures' },
    h(
      'p',
      { class: 'muted' },
      `Stats: ${r.statsRuns} runs per seat; balance: ${r.balanceRuns} runs per policy. Took ${(r.ms / 1000).toFixed(1)} s.`,
    ),
    ...r.unended.map((u) => h('p', { class: 'wb-warning' }, `A run did not end: ${u}`)),
    ...r.unreached.map((id) =>
      h('p', { class: 'wb-warning' }, `Ending “${id}” was reached in no run from any seat: is it reachable?`),
    ),
    ...r.seats.map((f, i) => seatBlock(s, f, i)),
  );
}

export interface FiguresElements {
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  statsRuns: HTMLInputElement;
  balanceRuns: HTMLInputElement;
  progress: HTMLProgressElement;
  status: HTMLElement;
  out: HTMLElement;
}

export class FiguresPane {
  private scenario: Scenario | null = null;
  private shownFor: Scenario | null = null;

  constructor(
    private readonly el: FiguresElements,
    private readonly client: EngineClient,
  ) {
    el.run.addEventListener('click', () => void this.run());
    el.stop.addEventListener('click', () => client.cancel());
    el.statsRuns.value = String(STATS_RUNS);
    el.balanceRuns.value = String(BALANCE_RUNS);
  }

  setScenario(s: Scenario | null): void {
    this.scenario = s;
    this.el.run.disabled = s === null || this.client.busy;
    if (this.shownFor && s !== this.shownFor && !this.client.busy) {
      this.el.status.textContent = 'The text has changed since these figures: run them again for the current text.';
    }
  }

  private runs(input: HTMLInputElement, fallback: number, min: number): number {
    const n = Math.trunc(Number(input.value));
    const v = Number.isSafeInteger(n) && n >= min ? Math.min(n, 100_000) : fallback;
    input.value = String(v);
    return v;
  }

  async run(): Promise<void> {
    const s = this.scenario;
    if (!s) return;
    const statsRuns = this.runs(this.el.statsRuns, STATS_RUNS, 1);
    const balanceRuns = this.runs(this.el.balanceRuns, BALANCE_RUNS, 10);
    this.el.run.disabled = true;
    this.el.stop.hidden = false;
    this.el.progress.hidden = false;
    this.el.progress.value = 0;
    this.el.status.textContent = 'Playing the scenario…';
    try {
      const r = await this.client.request<'figures'>(
        { type: 'figures', scenario: s, statsRuns, balanceRuns },
        (done, total, label) => {
          this.el.progress.max = total;
          this.el.progress.value = done;
          this.el.status.textContent = `${label}… (${done} of ${total})`;
        },
      );
      this.el.out.replaceChildren(renderFigures(s, r));
      this.shownFor = s;
      this.el.status.textContent =
        s === this.scenario
          ? `Figures ready for ${r.seats.length} ${r.seats.length === 1 ? 'seat' : 'seats'}.`
          : 'Figures ready, for the text as it was when you asked: the text has changed since.';
    } catch (e) {
      this.el.status.textContent =
        e instanceof Cancelled ? 'Stopped.' : `The figures could not be made: ${(e as Error).message}`;
    } finally {
      this.el.stop.hidden = true;
      this.el.progress.hidden = true;
      this.el.run.disabled = this.scenario === null;
    }
  }
}
