/**
 * The dashboard's charts, each a table with a caption, so every bar has its label and number
 * in text: the bars are drawn with CSS beside the numbers and hidden from screen readers.
 */
import type { EndingsSummary, MeterSummary, StepSummary } from '../classroom/index';
import { h } from '../ui/dom';
import { decimal, percent, plural, TONE_WORDS } from './text';

/** A horizontal bar for a share (0–1). Decorative: the number is in the next cell. */
function bar(share: number, className = ''): HTMLElement {
  const fill = h('span', { class: `bar-fill ${className}`.trim() });
  fill.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

function cell(text: string, className: string): HTMLTableCellElement {
  return h('td', { class: className }, text);
}

const POSITION_WORDS = { support: 'Support', abstain: 'Abstain', object: 'Object' } as const;

/** One decision step: how the decisions split over its options, history's choice marked. */
export function distributionTable(step: StepSummary): HTMLTableElement {
  const withVotes = step.options.some((o) => o.votes > 0);
  const matched = step.history
    ? `${step.matched} of ${plural(step.decisions, 'decision')} took history's choice.`
    : 'History made no choice among these options.';
  return h(
    'table',
    { class: 'chart-table distribution', 'data-step': step.step },
    h('caption', null, `How ${plural(step.decisions, 'decision')} split. `, h('span', { class: 'matched' }, matched)),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, step.kind === 'vote' ? 'Outcome' : 'Choice'),
        h('th', { scope: 'col', class: 'num' }, 'Decisions'),
        h('th', { scope: 'col', class: 'bar-col' }, 'Share'),
        withVotes ? h('th', { scope: 'col', class: 'num' }, 'Room votes') : null,
      ),
    ),
    h(
      'tbody',
      null,
      step.options.map((o) =>
        h(
          'tr',
          { class: o.history ? 'is-history' : o.count === 0 ? 'is-empty' : null, 'data-option': o.id },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'option-label' }, o.label),
            o.history ? h('span', { class: 'tag tag-history' }, "History's choice") : null,
            o.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented') : null,
          ),
          cell(String(o.count), 'num count'),
          h(
            'td',
            { class: 'bar-col' },
            h(
              'span',
              { class: 'bar-row' },
              bar(o.share, o.history ? 'is-history' : ''),
              h('span', null, percent(o.share)),
            ),
          ),
          withVotes ? cell(String(o.votes), 'num votes') : null,
        ),
      ),
    ),
  );
}

/**
 * A Council vote in class mode (the room's votes, or the Council teams' tally):
 * "Class votes on the proposal: support 14 · abstain 3 · object 5".
 */
export function proposalVotesLine(step: StepSummary): HTMLParagraphElement | null {
  const votes = step.proposalVotes;
  if (!votes) return null;
  const counts = (['support', 'abstain', 'object'] as const).map((p) =>
    h('span', { 'data-position': p }, `${POSITION_WORDS[p].toLowerCase()} ${votes[p]}`),
  );
  return h(
    'p',
    { class: 'proposal-votes' },
    'Class votes on the proposal: ',
    counts.flatMap((c, i) => (i ? [' · ', c] : [c])),
  );
}

/** Council teams on one screen: each team's position at a vote, grouped by result when there are several. */
export function teamVotesTable(step: StepSummary): HTMLTableElement | null {
  if (step.teamVotes.length === 0) return null;
  const groups = new Map<string, StepSummary['teamVotes']>();
  for (const v of step.teamVotes) groups.set(v.fileName, [...(groups.get(v.fileName) ?? []), v]);
  const many = groups.size > 1;
  return h(
    'table',
    { class: 'chart-table team-votes' },
    h('caption', null, "Council teams' positions"),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        many ? h('th', { scope: 'col' }, 'Result') : null,
        h('th', { scope: 'col' }, 'Team'),
        h('th', { scope: 'col' }, 'Member'),
        h('th', { scope: 'col' }, 'Position'),
        h('th', { scope: 'col' }, 'Rationale'),
      ),
    ),
    [...groups.values()].map((votes) =>
      h(
        'tbody',
        null,
        votes.map((v, i) =>
          h(
            'tr',
            null,
            many && i === 0 ? h('th', { scope: 'rowgroup', rowspan: votes.length }, v.who) : null,
            h('th', { scope: 'row' }, v.team),
            h('td', null, v.name),
            h('td', null, h('span', { class: `position position-${v.position}` }, POSITION_WORDS[v.position])),
            h('td', { class: 'rationale-cell' }, v.rationale ?? '—'),
          ),
        ),
      ),
    ),
  );
}

/** The endings reached, every ending of a known case listed (count 0 when nobody reached it). */
export function endingsTable(s: EndingsSummary): HTMLTableElement {
  const caption = s.unfinished
    ? `${plural(s.finished, 'run')} finished; ${s.unfinished} saved before the end.`
    : `${plural(s.finished, 'run')} finished.`;
  return h(
    'table',
    { class: 'chart-table endings-table' },
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Ending'),
        h('th', { scope: 'col', class: 'num' }, 'Runs'),
        h('th', { scope: 'col', class: 'bar-col' }, 'Share'),
      ),
    ),
    h(
      'tbody',
      null,
      s.endings.map((e) =>
        h(
          'tr',
          { class: e.historical ? 'is-history' : e.count === 0 ? 'is-empty' : null, 'data-ending': e.id },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'option-label' }, e.title),
            h('span', { class: `tag tag-${e.tone}` }, TONE_WORDS[e.tone]),
            e.historical ? h('span', { class: 'tag tag-history' }, 'Closest to history') : null,
            e.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented') : null,
          ),
          cell(String(e.count), 'num count'),
          h(
            'td',
            { class: 'bar-col' },
            h('span', { class: 'bar-row' }, bar(e.share), h('span', null, percent(e.share))),
          ),
        ),
      ),
    ),
  );
}

/** Where min, mean and max sit on a meter's scale. Decorative: the numbers are in the row. */
function rangeMark(m: MeterSummary): HTMLElement {
  const span = m.scale.max - m.scale.min || 1;
  const at = (v: number) => `${((Math.max(m.scale.min, Math.min(m.scale.max, v)) - m.scale.min) / span) * 100}%`;
  const band = h('span', { class: 'range-band' });
  band.style.left = at(m.end.min);
  band.style.width = `calc(${at(m.end.max)} - ${at(m.end.min)})`;
  const mean = h('span', { class: 'range-mean' });
  mean.style.left = at(m.end.mean);
  return h('span', { class: 'range', 'aria-hidden': 'true' }, band, mean);
}

/** The meters at the end over the results: min, mean, max, on each meter's scale. */
export function metersTable(meters: readonly MeterSummary[], objectives: MeterSummary['end']): HTMLTableElement {
  const rows: MeterSummary[] = [
    ...meters,
    { id: 'objectives', label: 'Objectives score', scale: { min: 0, max: 100 }, higherIs: 'better', end: objectives },
  ];
  return h(
    'table',
    { class: 'chart-table meters-table' },
    h(
      'caption',
      null,
      `Over ${plural(objectives.n, 'result')}. In the range, the band runs from the lowest value to the highest and the line marks the mean.`,
    ),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Meter'),
        h('th', { scope: 'col', class: 'num' }, 'Min'),
        h('th', { scope: 'col', class: 'num' }, 'Mean'),
        h('th', { scope: 'col', class: 'num' }, 'Max'),
        h('th', { scope: 'col', class: 'bar-col' }, 'Range'),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((m) =>
        h(
          'tr',
          { 'data-meter': m.id, class: m.id === 'objectives' ? 'is-objectives' : null },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'option-label' }, m.label),
            h(
              'span',
              { class: 'meter-scale' },
              `${m.scale.min}–${m.scale.max}, higher is ${m.higherIs === 'better' ? 'better' : 'worse'}`,
            ),
          ),
          cell(m.end.n ? decimal(m.end.min) : '—', 'num'),
          cell(m.end.n ? decimal(m.end.mean) : '—', 'num mean'),
          cell(m.end.n ? decimal(m.end.max) : '—', 'num'),
          h('td', { class: 'bar-col' }, rangeMark(m)),
        ),
      ),
    ),
  );
}
