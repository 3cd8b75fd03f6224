/** The run's top bar: the case, the seat and date, the phases, and Settings, Glossary, Save and exit. */
import { PHASES } from '../../engine/constants';
import { formatDate, h } from '../dom';
import { type RunState, unreadResult } from '../flow/app-machine';
import { phaseLabel } from '../screens/play';
import type { Shell } from './shell';

/** Fills the top bar for a run screen; returns false (and empties it) when none shows. */
export function renderTopbar(bar: HTMLElement, ui: Shell, run: RunState | null): boolean {
  const game = run?.game;
  if (!run || !game) {
    bar.replaceChildren();
    return false;
  }
  const view = game.view();
  const role = run.scenario.roles.find((x) => x.id === view.role);
  // A result is shown where its decision was taken: that step's date and phase.
  const result = unreadResult(run) ? view.last : null;
  const phase = result ? result.phase : view.step?.phase;
  const date = result ? result.date : view.step?.date;
  const current = phase ? PHASES.indexOf(phase) : PHASES.length;
  const button = (label: string, action: string, onclick: () => void, quiet = true) =>
    h(
      'button',
      { type: 'button', class: `btn ${quiet ? 'btn-quiet ' : ''}btn-small`, 'data-action': action, onclick },
      label,
    );
  bar.replaceChildren(
    h('span', { class: 'brand', 'aria-hidden': 'true' }, 'Article Four'),
    h(
      'div',
      { class: 'topbar-case' },
      h('strong', null, run.scenario.title),
      h('span', null, `${role?.title ?? view.role}${date ? ` · ${formatDate(date)}` : ''}`),
    ),
    h(
      'ol',
      { class: 'phases', 'aria-label': 'Phases of the decision' },
      ...PHASES.map((p, i) =>
        h('li', { class: i < current ? 'done' : '', 'aria-current': i === current ? 'step' : null }, phaseLabel(p)),
      ),
    ),
    h(
      'div',
      { class: 'topbar-actions' },
      button('Settings', 'settings', () => ui.navigate({ screen: 'run-settings' })),
      button('Glossary', 'glossary', () => ui.navigate({ screen: 'run-glossary' })),
      button('Save and exit', 'exit', () => ui.send({ type: 'EXIT' }), false),
    ),
  );
  return true;
}
