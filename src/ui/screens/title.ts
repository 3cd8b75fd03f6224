/** The title screen: Continue (when a saved run exists), New game, Settings, Sources and credits. */
import { h } from '../dom';
import { type Route, routeHash } from '../flow/routes';
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
  /** The dashboard and the Author page are beside this page (the single file has neither). */
  pages: boolean;
  /**
   * Menu entries are links to their screens' addresses instead of buttons: the title written
   * into index.html at build time (src/build/title-html.ts) works before any script has run.
   */
  links?: boolean;
}

interface MenuEntry {
  action: string;
  label: string;
  sub: string | null;
  /** Where the entry leads: the screen a link opens, or what a button does. */
  route: Route;
  onClick(): void;
  primary?: boolean;
}

function menuEntry(e: MenuEntry, asLink: boolean): HTMLElement {
  const cls = `btn ${e.primary ? 'btn-primary' : ''}`;
  const label = h('span', { class: 'label' }, e.label, e.sub ? h('small', null, e.sub) : null);
  return h(
    'li',
    null,
    asLink
      ? h('a', { class: cls, href: routeHash(e.route), 'data-action': e.action }, label)
      : h('button', { type: 'button', class: cls, 'data-action': e.action, onclick: e.onClick }, label),
  );
}

export function renderTitle(p: TitleProps): ScreenResult {
  const entry = (e: MenuEntry) => menuEntry(e, p.links === true);
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
          ? entry({
              action: 'continue',
              label: 'Continue',
              sub: `${p.resume.title} — ${p.resume.detail}`,
              route: { screen: 'play' },
              onClick: p.onContinue,
              primary: true,
            })
          : null,
        entry({
          action: 'new',
          label: 'New game',
          sub: 'Choose a case and a seat',
          route: { screen: 'cases' },
          onClick: p.onNew,
          primary: !p.resume,
        }),
        p.onOpenFile ? openFileItem(p.onOpenFile) : null,
        p.onTimeline
          ? entry({
              action: 'timeline',
              label: 'The alliance’s story so far',
              sub: 'A timeline from 1992 to 2024, and Article 4 over time',
              route: { screen: 'timeline' },
              onClick: p.onTimeline,
            })
          : null,
        entry({
          action: 'settings',
          label: 'Settings',
          sub: 'Text size, motion, contrast',
          route: { screen: 'settings' },
          onClick: p.onSettings,
        }),
        entry({
          action: 'credits',
          label: 'Sources and credits',
          sub: null,
          route: { screen: 'credits' },
          onClick: p.onCredits,
        }),
        ...(p.pages
          ? [
              pageLink('dashboard.html', 'dashboard', 'Instructor dashboard', 'Load and compare result files'),
              pageLink('author.html', 'author', 'Write a scenario', 'The Author page: edit, check and play a case'),
            ]
          : []),
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
