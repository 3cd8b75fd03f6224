/**
 * The run: a step (narrative, choices with forecasts, or a Council vote with lobbying),
 * and after each decision its result with the ledger of what moved and why.
 */

import type { ForecastMode } from '../../engine/advice';
import type { GameView, MeterView, Position, StepView } from '../../engine/view-types';
import { formatDate, h } from '../dom';
import { renderText } from '../markup';
import type { ClassCouncil } from './class-council';
import { heading, inlineSources, meterList, type ScreenResult } from './common';
import { forecastBlock, forecastHint } from './forecast';
import { councilBlock } from './play-council';
import { invented, newsBlock } from './play-parts';

export { type ResultProps, renderResult } from './play-result';

export interface StepProps {
  view: GameView;
  step: StepView;
  onChoose(id: string): void;
  onLobby(actor: string): void;
  /** Calls the vote; `position` is the vote the player's seat casts for its own member (`seatVote`). */
  onVote(position?: Position): void;
  onContinue(): void;
  /** How forecasts show: advisers' estimates, full numbers, or none. */
  forecastMode: ForecastMode;
  /** Class mode: replaces the option buttons at a choice step (tallies, countdown, the pick). */
  classPanel?: HTMLElement | null;
  /** The "Why?" field, shown with the options or the Council vote (class mode: inside classPanel). */
  notes?: HTMLElement | null;
  /** Class mode at a Council vote: team votes in the members' rows, and the vote area (given its key). */
  classCouncil?: ((voteKey: string) => ClassCouncil) | null;
  /** At a Council: the order to list its members in (`councilOrder`). Absent: as the case lists them. */
  memberOrder?: readonly string[];
  /** Class mode: whether the class may lobby a member (not one a team holds). Absent: every member. */
  lobbyOffered?: (actor: string) => boolean;
}

const PHASE_LABEL: Record<string, string> = {
  request: 'Request',
  assessment: 'Assessment',
  consultation: 'Consultation',
  council: 'Council',
  response: 'Response',
  consequences: 'Consequences',
  withdrawal: 'Withdrawal',
  aftermath: 'Aftermath',
};

export function phaseLabel(phase: string): string {
  return PHASE_LABEL[phase] ?? phase;
}

function choiceList(
  step: StepView,
  meters: MeterView[],
  mode: ForecastMode,
  onChoose: (id: string) => void,
): HTMLElement {
  return h(
    'ol',
    { class: 'choices', 'aria-label': 'Your options' },
    ...step.choices.map((c, i) => {
      const key = i < 9 ? String(i + 1) : null;
      const labelId = `choice-${c.id}-label`;
      return h(
        'li',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'choice',
            'data-key': key,
            'data-choice': c.id,
            onclick: () => onChoose(c.id),
          },
          h('span', { class: 'key', 'aria-hidden': 'true' }, key ?? '•'),
          h('span', { class: 'choice-label', id: labelId }, c.label),
          h(
            'span',
            { id: `choice-${c.id}-more` },
            c.detail ? h('span', { class: 'choice-detail' }, c.detail) : null,
            forecastBlock(c.forecast, meters, mode),
          ),
        ),
      );
    }),
  );
}

export function renderStep(p: StepProps): ScreenResult {
  const { step, view } = p;
  const title = heading(2, step.title, 'step-title');
  title.id = 'step-heading';
  const decider = step.decider
    ? h(
        'p',
        { class: 'decider' },
        'Deciding: ',
        h('strong', null, step.decider.name),
        step.decider.leader ? ` (${step.decider.leader})` : '',
      )
    : null;
  let action: HTMLElement | null;
  let voteArea: HTMLElement | null = null;
  if (step.kind === 'choices' && p.classPanel) {
    action = p.classPanel;
  } else if (step.kind === 'choices') {
    action = h(
      'section',
      { 'aria-labelledby': 'options-heading' },
      h('h3', { class: 'section-heading', id: 'options-heading' }, 'Your options'),
      p.notes ?? null,
      choiceList(step, view.meters, p.forecastMode, p.onChoose),
      h('p', { class: 'hint' }, forecastHint(p.forecastMode)),
    );
  } else if (step.kind === 'council') {
    const council = councilBlock(step, view.meters, p);
    action = council?.section ?? null;
    voteArea = council?.voteArea ?? null;
  } else {
    action = h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          'data-key': 'Enter',
          'data-continue': 'step',
          onclick: p.onContinue,
        },
        h('kbd', { 'aria-hidden': 'true' }, 'Enter'),
        'Continue',
      ),
    );
  }
  const root = h(
    'article',
    { class: 'step', 'aria-labelledby': 'step-heading', 'data-step': step.id },
    h(
      'header',
      { class: 'step-head' },
      h(
        'p',
        { class: 'meta' },
        // Only a step that asks for a decision is numbered: the news before it is not "Decision N" too.
        h(
          'span',
          { class: 'kicker' },
          step.kind === 'choices' || step.kind === 'council'
            ? `${phaseLabel(step.phase)} · Decision ${view.turn + 1}`
            : phaseLabel(step.phase),
        ),
      ),
      title,
      h(
        'p',
        { class: 'meta' },
        h('time', { datetime: step.date }, formatDate(step.date)),
        step.place ? h('span', null, step.place.name) : null,
        invented(step.counterfactual, 'moment'),
      ),
    ),
    newsBlock(step, view.meters),
    h('div', { class: 'prose' }, renderText(step.text)),
    inlineSources(step.sources),
    decider,
    action,
    voteArea,
    meterList(view.meters),
  );
  return { root, heading: title, layout: 'side' };
}
