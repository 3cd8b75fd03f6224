/**
 * The detail below the summary (glance.ts): per case and seat, each decision step in date order
 * (distribution beside history, rationales side by side), the endings reached and the meters at
 * the end; the files counted, flagged and skipped. Everything from the files is set as text.
 */
import type { FlaggedResult, ResultProblem, ScenarioSummary, SeatSummary, StepSummary } from '../classroom/index';
import { formatDate, h, tableScroller, uid } from '../ui/dom';
import { distributionTable, endingsTable, metersTable, proposalVotesLine, teamVotesTable } from './charts';
import { rationalesBlock } from './rationales';
import { decisionAnchor } from './routes';
import { plural } from './text';

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

/** One line under a folded step: how many took history's choice, and how many rationales. */
function stepLine(step: StepSummary): string {
  const parts = [
    step.history
      ? `${step.matched} of ${plural(step.decisions, 'decision')} took history’s choice (${step.history.label})`
      : `${plural(step.decisions, 'decision')}; history made no choice here`,
  ];
  if (step.rationales.length) parts.push(plural(step.rationales.length, 'rationale'));
  return `${parts.join(' · ')}.`;
}

/** A decision step, folded to its heading and one line; opened, the choices beside history and the rationales. */
function stepBlock(step: StepSummary, anchor: string): HTMLElement {
  const id = uid('step');
  const meta = [step.numberText, step.date ? formatDate(step.date) : '', step.kind === 'vote' ? 'Council vote' : '']
    .filter(Boolean)
    .join(' · ');
  return h(
    'article',
    { class: 'step', id: anchor, 'aria-labelledby': id, 'data-step': step.step },
    h(
      'details',
      { class: 'step-fold' },
      h(
        'summary',
        null,
        h('span', { class: 'kicker' }, meta),
        h('h5', { id, class: 'step-name' }, step.title),
        h('span', { class: 'step-line' }, stepLine(step)),
      ),
      h(
        'div',
        { class: 'step-body' },
        h(
          'div',
          { class: 'step-chart' },
          tableScroller(distributionTable(step)),
          proposalVotesLine(step),
          tableScroller(teamVotesTable(step)),
        ),
        rationalesBlock(step),
      ),
    ),
  );
}

function seatBlock(seat: SeatSummary, scenario: ScenarioSummary, at: (step: number) => string): HTMLElement {
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
      h('h4', { id: decisionsId, class: 'section-heading' }, 'Each decision beside what history did, in date order'),
      h(
        'p',
        { class: 'meta steps-help' },
        'Open a decision for how the choices split and the rationales side by side.',
      ),
      seat.steps.length
        ? h(
            'div',
            { class: 'steps' },
            seat.steps.map((x, i) => stepBlock(x, at(i + 1))),
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
        tableScroller(endingsTable(seat), endingsId),
      ),
      h(
        'section',
        { 'aria-labelledby': metersId },
        h('h4', { id: metersId, class: 'section-heading' }, 'Meters at the end'),
        tableScroller(metersTable(seat.meters, seat.objectives), metersId),
      ),
    ),
  );
}

export function scenarioBlock(s: ScenarioSummary, caseIndex: number): HTMLElement {
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
    s.seats.map((seat, j) => seatBlock(seat, s, (step) => decisionAnchor(caseIndex + 1, j + 1, step))),
  );
}
