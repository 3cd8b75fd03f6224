/** Seat select: the seats of a case, each with what it wants in a sentence. */

import { FORECAST_MODES, type ForecastMode } from '../../engine/advice';
import { FULL_LENGTH } from '../../engine/constants';
import { lengthsOf } from '../../engine/estimates';
import type { Scenario } from '../../engine/schema';
import { formatRange, h } from '../dom';
import { heading, type ScreenResult } from './common';
import { FORECAST_LABELS } from './forecast';

export interface SeatsProps {
  scenario: Scenario;
  onPick(role: string): void;
  onBack(): void;
  /** Class mode: the next run is played by a class on a projector. */
  classMode?: boolean;
  onClassMode?(on: boolean): void;
  /** Class mode: how forecasts show in the class run. */
  classForecast?: ForecastMode;
  onClassForecast?(mode: ForecastMode): void;
  /** The length of the next run: the full case, or one the case declares (a class lesson). */
  length?: string;
  onLength?(length: string): void;
  /** Opens the case's teacher guide. */
  onGuide?(): void;
  /** Class mode: the Council teams set up for this case, and the screen that sets them up. */
  teams?: readonly { team: string; actor: string }[];
  onTeams?(): void;
}

export function renderSeats(p: SeatsProps): ScreenResult {
  const s = p.scenario;
  const title = heading(1, 'Choose your seat');
  title.id = 'seats-heading';
  const cards = s.roles.map((r, i) => {
    const actor = s.actors.find((a) => a.id === r.actor);
    // A team holding this seat's own member sits out when the class plays it (the class casts that vote).
    const sitsOut = p.onTeams ? p.teams?.find((t) => t.actor === r.actor) : undefined;
    return h(
      'li',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'card',
          'data-key': i < 9 ? String(i + 1) : null,
          'data-role': r.id,
          onclick: () => p.onPick(r.id),
        },
        h('span', { class: 'key', 'aria-hidden': 'true' }, i < 9 ? String(i + 1) : '•'),
        h('span', { class: 'card-title' }, r.title),
        h('span', { class: 'card-meta' }, actor ? `${actor.name}${actor.leader ? ` · ${actor.leader}` : ''}` : ''),
        h('span', { class: 'card-body' }, r.summary),
        sitsOut
          ? h(
              'span',
              { class: 'card-note', 'data-sits-out': sitsOut.team },
              `${sitsOut.team} holds ${actor?.name ?? r.actor}: from this seat ${actor?.name ?? r.actor} votes as the class’s decisions have it, and ${sitsOut.team} sits out.`,
            )
          : null,
      ),
    );
  });
  const root = h(
    'section',
    { 'aria-labelledby': 'seats-heading' },
    h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: p.onBack }, '← Back to the cases'),
    h('span', { class: 'kicker' }, `${s.title} · ${formatRange(s.dates.start, s.dates.end)}`),
    title,
    h('p', { class: 'lede' }, s.summary),
    h('p', { class: 'muted' }, 'The same crisis looks different from each seat. Pick the one you will play.'),
    lengthField(s, p.length ?? FULL_LENGTH, p.onLength),
    p.onClassMode
      ? h(
          'div',
          { class: 'class-mode-choice' },
          h('input', {
            type: 'checkbox',
            id: 'class-mode',
            'data-action': 'class-mode',
            checked: !!p.classMode,
            onchange: (e: Event) => p.onClassMode?.((e.target as HTMLInputElement).checked),
          }),
          h('label', { for: 'class-mode' }, 'Play as a class (projector)'),
          h(
            'p',
            { class: 'field-help' },
            'Large type; at each decision you enter the class’s votes, with an optional countdown.',
          ),
          p.onClassForecast ? classForecastField(p.classForecast ?? 'advisers', p.onClassForecast) : null,
          p.onTeams ? teamsLine(s, p.teams ?? [], p.onTeams) : null,
        )
      : null,
    h('ul', { class: 'cards', 'aria-label': 'Seats' }, ...cards),
    p.onGuide
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', class: 'btn', 'data-action': 'teacher-guide', onclick: p.onGuide },
            'Teacher guide',
          ),
        )
      : null,
  );
  return { root, heading: title, layout: 'side' };
}

/**
 * How long to play: the full case, or a shorter length the case declares (a class lesson), each with
 * its time as measured from the words its paths show (filled in once measured).
 */
function lengthField(s: Scenario, value: string, onChange?: (length: string) => void): HTMLElement {
  const options = lengthsOf(s);
  const time = (id: string) =>
    h('span', { class: 'length-time', 'data-estimate': s.id, 'data-length': id }, 'measuring…');
  if (options.length === 1 || !onChange) {
    return h('p', { class: 'length-line' }, 'Full case: ', time(FULL_LENGTH));
  }
  return h(
    'fieldset',
    { class: 'length-choice', 'data-lengths': '' },
    h('legend', null, 'How long to play'),
    ...options.map((o) =>
      h(
        'label',
        { class: 'radio-block' },
        h('input', {
          type: 'radio',
          name: 'length',
          value: o.id,
          'data-length-choice': o.id,
          checked: o.id === value,
          onchange: () => onChange(o.id),
        }),
        h(
          'span',
          null,
          h('strong', null, o.label),
          ' · ',
          time(o.id),
          o.description ? h('span', { class: 'field-help' }, o.description) : null,
        ),
      ),
    ),
  );
}

/** The class run's forecasts: advisers' estimates, full numbers, or none (to debate without numbers). */
function classForecastField(value: ForecastMode, onChange: (mode: ForecastMode) => void): HTMLElement {
  const select = h(
    'select',
    {
      id: 'class-forecast',
      'data-action': 'class-forecast',
      onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value as ForecastMode),
    },
    ...FORECAST_MODES.map((mode) =>
      h('option', { value: mode, selected: mode === value }, FORECAST_LABELS[mode].label),
    ),
  );
  return h(
    'div',
    { class: 'class-forecast' },
    h('label', { for: 'class-forecast' }, 'Forecasts in the class run '),
    select,
    h('p', { class: 'field-help' }, 'Choose “No forecasts” for a class that debates each choice on the arguments.'),
  );
}

/** Who holds which Council seat, and the button to set the teams up. */
function teamsLine(s: Scenario, teams: readonly { team: string; actor: string }[], onTeams: () => void): HTMLElement {
  const name = (actor: string) => s.actors.find((a) => a.id === actor)?.name ?? actor;
  return h(
    'div',
    { class: 'teams-line' },
    h(
      'p',
      { 'data-teams-summary': '' },
      h('strong', null, 'Council teams: '),
      teams.length === 0
        ? 'none (the game plays every member of the Council).'
        : `${teams.map((t) => `${t.team} (${name(t.actor)})`).join(', ')}.`,
    ),
    h(
      'button',
      { type: 'button', class: 'btn btn-small', 'data-action': 'council-teams', onclick: onTeams },
      teams.length === 0 ? 'Set up Council teams' : 'Change Council teams',
    ),
  );
}
