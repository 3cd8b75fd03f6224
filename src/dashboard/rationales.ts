/** The rationales written at one step, side by side: who (or which team), their choice, their words. */
import type { RationaleEntry, StepSummary } from '../classroom/index';
import { h } from '../ui/dom';
import { plural } from './text';

function card(r: RationaleEntry, historyId: string | undefined): HTMLLIElement {
  const matched = historyId !== undefined && r.choice.id === historyId;
  return h(
    'li',
    { class: `rationale${matched ? ' is-history' : ''}` },
    h('p', { class: 'rationale-who' }, h('strong', null, r.who)),
    h(
      'p',
      { class: 'rationale-choice' },
      'Chose ',
      h('strong', null, r.choice.label),
      matched ? h('span', { class: 'tag tag-history' }, "History's choice") : null,
    ),
    // Students' words are text, shown as typed (line breaks kept by CSS), never parsed as markup.
    h('blockquote', null, h('p', null, r.rationale)),
  );
}

export function rationalesBlock(step: StepSummary): HTMLElement {
  if (step.rationales.length === 0) {
    return h('p', { class: 'meta no-rationales' }, 'No rationale was written at this step.');
  }
  return h(
    'details',
    { class: 'rationales', open: true },
    h('summary', null, `Rationales side by side (${step.rationales.length})`),
    h(
      'ul',
      { class: 'rationale-grid', 'aria-label': `${plural(step.rationales.length, 'rationale')} for “${step.title}”` },
      step.rationales.map((r) => card(r, step.history?.id)),
    ),
  );
}
