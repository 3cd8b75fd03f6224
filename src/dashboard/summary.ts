/**
 * The summary of the loaded results: an overview, then per case and seat, each decision step
 * (distribution beside history, rationales side by side), the endings reached and the meters
 * at the end. Everything from the files is set as text.
 */
import type {
  DashboardSummary,
  FlaggedResult,
  LoadedResult,
  ResultProblem,
  ScenarioSummary,
  SeatSummary,
  StepSummary,
} from '../classroom/index';
import { formatDate, h, uid } from '../ui/dom';
import { distributionTable, endingsTable, metersTable, proposalVotesLine, teamVotesTable } from './charts';
import { rationalesBlock } from './rationales';
import { plural } from './text';

function stat(value: number, label: string, attrs: Record<string, string> = {}): HTMLElement {
  return h('div', { class: 'stat' }, h('dt', null, label), h('dd', attrs, String(value)));
}

export function overview(summary: DashboardSummary, skipped: number): HTMLElement {
  const id = uid('overview');
  const cases = summary.scenarios.length;
  return h(
    'section',
    { class: 'overview', 'aria-labelledby': id },
    h('h2', { id, class: 'section-heading' }, 'Overview'),
    h(
      'dl',
      { class: 'stats' },
      stat(summary.count, 'Results loaded', { id: 'result-count', 'data-count': String(summary.count) }),
      stat(summary.modes.solo, 'Played solo', { 'data-mode': 'solo' }),
      stat(summary.modes.class, 'Played as a class', { 'data-mode': 'class' }),
      stat(cases, cases === 1 ? 'Case' : 'Cases'),
      stat(skipped, skipped === 1 ? 'File skipped' : 'Files skipped', { 'data-skipped': String(skipped) }),
      stat(summary.flagged.length, summary.flagged.length === 1 ? 'File flagged' : 'Files flagged', {
        'data-flagged': String(summary.flagged.length),
      }),
    ),
  );
}

/** Files that were read but not counted: each with why (they do not replay, claim the impossible, repeat a name). */
export function flaggedList(flagged: readonly FlaggedResult[]): HTMLElement {
  const id = uid('flagged');
  return h(
    'section',
    { class: 'problems flagged', 'aria-labelledby': id, 'data-flagged': String(flagged.length) },
    h('h2', { id }, `${plural(flagged.length, 'file')} flagged, not counted`),
    h(
      'p',
      { class: 'meta' },
      'Each result is replayed from its own moves against its case. These files claim what their moves do not give, or what no run could give (they may have been edited), or repeat a name. Talk to the student before you trust them.',
    ),
    h(
      'ul',
      { class: 'problem-list' },
      flagged.map((f) =>
        h(
          'li',
          { 'data-file': f.fileName },
          h('strong', { class: 'file-name' }, f.fileName),
          f.who !== f.fileName ? ` (${f.who})` : '',
          ` ${f.reasons.join('; ')}.`,
        ),
      ),
    ),
  );
}

export function problemsList(problems: readonly ResultProblem[]): HTMLElement {
  const id = uid('problems');
  return h(
    'section',
    { class: 'problems', 'aria-labelledby': id },
    h('h2', { id }, `${plural(problems.length, 'file')} skipped`),
    h(
      'p',
      { class: 'meta' },
      'These files were not counted. Ask for the file again if it should be a result: it may have been damaged or renamed.',
    ),
    h(
      'ul',
      { class: 'problem-list' },
      problems.map((p) =>
        h('li', { 'data-file': p.fileName }, h('strong', { class: 'file-name' }, p.fileName), ` ${p.reason}.`),
      ),
    ),
  );
}

function stepBlock(step: StepSummary, turnLabel: string): HTMLElement {
  const id = uid('step');
  const meta = [turnLabel, step.date ? formatDate(step.date) : '', step.kind === 'vote' ? 'Council vote' : '']
    .filter(Boolean)
    .join(' · ');
  return h(
    'article',
    { class: 'step', 'aria-labelledby': id, 'data-step': step.step },
    h('p', { class: 'kicker' }, meta),
    h('h5', { id, class: 'step-name' }, step.title),
    h('div', { class: 'step-chart' }, distributionTable(step), proposalVotesLine(step), teamVotesTable(step)),
    rationalesBlock(step),
  );
}

function seatBlock(seat: SeatSummary, scenario: ScenarioSummary): HTMLElement {
  const id = uid('seat');
  const decisionsId = uid('decisions');
  const endingsId = uid('endings');
  const metersId = uid('meters');
  return h(
    'section',
    { class: 'seat', 'aria-labelledby': id, 'data-seat': seat.id, 'data-scenario': scenario.id },
    h(
      'h3',
      { id, class: 'seat-name' },
      seat.title,
      ' ',
      h('span', { class: 'seat-count' }, plural(seat.count, 'result')),
    ),
    h(
      'section',
      { class: 'decisions-block', 'aria-labelledby': decisionsId },
      h('h4', { id: decisionsId, class: 'section-heading' }, 'Decisions, beside what history did'),
      seat.steps.length
        ? h(
            'div',
            { class: 'steps' },
            seat.steps.map((s, i) => stepBlock(s, `Decision ${i + 1} of ${seat.steps.length}`)),
          )
        : h('p', { class: 'meta' }, 'No decision was taken in these results.'),
    ),
    h(
      'div',
      { class: 'ends' },
      h(
        'section',
        { 'aria-labelledby': endingsId },
        h('h4', { id: endingsId, class: 'section-heading' }, 'Endings reached'),
        endingsTable(seat),
      ),
      h(
        'section',
        { 'aria-labelledby': metersId },
        h('h4', { id: metersId, class: 'section-heading' }, 'Meters at the end'),
        metersTable(seat.meters, seat.objectives),
      ),
    ),
  );
}

export function scenarioBlock(s: ScenarioSummary): HTMLElement {
  const id = uid('case');
  const notes: string[] = [plural(s.count, 'result'), plural(s.seats.length, 'seat')];
  if (s.otherVersions > 0) {
    notes.push(
      `${plural(s.otherVersions, 'result')} made with another version of this case (counted, but labels may differ)`,
    );
  }
  return h(
    'section',
    { class: 'case', 'aria-labelledby': id, 'data-scenario': s.id },
    h('p', { class: 'kicker' }, 'Case'),
    h('h2', { id, class: 'case-name' }, s.title),
    h('p', { class: 'meta' }, notes.join(' · ')),
    s.known
      ? null
      : h(
          'p',
          { class: 'notice-line' },
          'This case is not part of this copy of Article Four: what is shown comes from the files alone.',
        ),
    s.seats.map((seat) => seatBlock(seat, s)),
  );
}

/** The files loaded, to check who is counted. */
export function filesTable(results: readonly LoadedResult[]): HTMLElement {
  return h(
    'details',
    { class: 'files' },
    h('summary', null, `Files loaded (${results.length})`),
    h(
      'table',
      { class: 'chart-table files-table' },
      h('caption', null, 'Each result file counted, in the order loaded'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'File'),
          h('th', { scope: 'col' }, 'Student or team'),
          h('th', { scope: 'col' }, 'Case and seat'),
          h('th', { scope: 'col' }, 'Mode'),
          h('th', { scope: 'col' }, 'Ending'),
        ),
      ),
      h(
        'tbody',
        null,
        results.map(({ fileName, result: r }) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row', class: 'file-name' }, fileName),
            h('td', null, [r.student, r.team].filter(Boolean).join(', ') || '—'),
            h('td', null, `${r.scenario.title} · ${r.seat.title}`),
            h('td', null, r.mode === 'class' ? 'Class' : 'Solo'),
            h('td', null, r.ending ? r.ending.title : 'Saved before the end'),
          ),
        ),
      ),
    ),
  );
}
