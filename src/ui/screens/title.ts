/** The title screen: Continue (when a saved run exists), New game, Settings, Sources and credits. */
import { h } from '../dom';
import type { ScreenResult } from './common';
import { openFileItem } from './open-file';

export interface TitleProps {
  /** Short names of the bundled cases. */
  cases: string[];
  resume: { title: string; detail: string } | null;
  notice: string | null;
  /** A saved run is still kept (the notice is about something else): it is not said to be cleared. */
  saveKept?: boolean;
  onContinue(): void;
  onNew(): void;
  onSettings(): void;
  onCredits(): void;
  /** Opens the alliance timeline (screens/timeline.ts). */
  onTimeline?(): void;
  /** Opens a scenario file from the player's computer (see open-file.ts). */
  onOpenFile?(file: File): void;
}

function menuButton(
  action: string,
  label: string,
  sub: string | null,
  onClick: () => void,
  primary = false,
): HTMLElement {
  return h(
    'li',
    null,
    h(
      'button',
      { type: 'button', class: `btn ${primary ? 'btn-primary' : ''}`, 'data-action': action, onclick: onClick },
      h('span', { class: 'label' }, label, sub ? h('small', null, sub) : null),
    ),
  );
}

export function renderTitle(p: TitleProps): ScreenResult {
  const title = h('h1', { class: 'title-mark', tabindex: -1 }, 'Article ', h('span', null, 'Four'));
  const root = h(
    'section',
    { class: 'screen-title', 'aria-labelledby': 'title-heading' },
    h('span', { class: 'kicker' }, 'A crisis simulation'),
    title,
    h(
      'p',
      { class: 'title-tagline' },
      'How the Collective Security Treaty Organization decides whether — and how — to help a member in crisis.',
    ),
    p.notice
      ? h(
          'div',
          { class: 'notice', role: 'alert' },
          h('h2', null, 'Your saved game could not be resumed'),
          h('p', null, p.notice),
          p.saveKept ? null : h('p', null, 'It has been cleared, so you can start afresh.'),
        )
      : null,
    h(
      'nav',
      { 'aria-label': 'Main menu' },
      h(
        'ul',
        { class: 'menu' },
        p.resume
          ? menuButton('continue', 'Continue', `${p.resume.title} — ${p.resume.detail}`, p.onContinue, true)
          : null,
        menuButton('new', 'New game', 'Choose a case and a seat', p.onNew, !p.resume),
        p.onOpenFile ? openFileItem(p.onOpenFile) : null,
        p.onTimeline
          ? menuButton(
              'timeline',
              'The alliance’s story so far',
              'A timeline from 1992 to 2024, and Article 4 over time',
              p.onTimeline,
            )
          : null,
        menuButton('settings', 'Settings', 'Text size, motion, contrast', p.onSettings),
        menuButton('credits', 'Sources and credits', null, p.onCredits),
        // The single-file build (`--mode single`) has no dashboard.html or author.html beside it.
        ...(import.meta.env.MODE === 'single'
          ? []
          : [
              pageLink('dashboard.html', 'dashboard', 'Instructor dashboard', 'Load and compare result files'),
              pageLink('author.html', 'author', 'Write a scenario', 'The Author page: edit, check and play a case'),
            ]),
      ),
    ),
    p.cases.length > 0
      ? h(
          'p',
          { class: 'title-cases' },
          h('span', { class: 'kicker' }, `${p.cases.length} ${p.cases.length === 1 ? 'case' : 'cases'}`),
          p.cases.join(' · '),
        )
      : null,
    h(
      'p',
      { class: 'title-foot' },
      'Play with the mouse or the keyboard alone: Tab moves, Enter chooses, number keys pick an option. Your run is saved after every decision.',
    ),
  );
  title.id = 'title-heading';
  return { root, heading: title, layout: 'hero' };
}

/** A menu entry that opens another page of the site (the dashboard, the Author page). */
function pageLink(href: string, action: string, label: string, detail: string): HTMLElement {
  return h(
    'li',
    null,
    h(
      'a',
      { class: 'btn', href, 'data-action': action },
      h('span', { class: 'label' }, label, h('small', null, detail)),
    ),
  );
}
