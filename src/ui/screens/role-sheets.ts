/**
 * The Council team role sheets: one printable sheet per member state a team holds in the
 * Collective Security Council (every Council seat's sheet when no team is set up). A sheet gives
 * the member's stance and interests, the Council votes it sits on, its seat brief if the case has
 * one, how the Council decides, and the glossary. Each sheet prints on its own page.
 */
import { councilSeats, type RoleSheet, roleSheet } from '../../classroom/council-teams';
import type { Scenario } from '../../engine/schema';
import { formatDate, formatRange, h } from '../dom';
import { renderText } from '../markup';
import { heading, type ScreenResult } from './common';

export interface RoleSheetsProps {
  scenario: Scenario;
  /** The teams set up for the Council: the sheets printed are those of the held seats; with no team, every Council seat's sheet. */
  teams: readonly { team: string; actor: string }[];
  onBack(): void;
  backLabel: string;
}

export function renderRoleSheets(p: RoleSheetsProps): ScreenResult {
  const s = p.scenario;
  // A team holding an actor the case does not have is a set-up mistake (`checkTeams`): no sheet.
  const held = p.teams.filter((t) => s.actors.some((a) => a.id === t.actor));
  const sheets =
    p.teams.length > 0
      ? held.map((t) => roleSheetArticle(roleSheet(s, t.actor), t.team.trim()))
      : councilSeats(s).map((seat) => roleSheetArticle(roleSheet(s, seat.actor)));
  const title = heading(1, 'Council role sheets');
  title.id = 'role-sheets-heading';
  const root = h(
    'section',
    { class: 'role-sheets', 'aria-labelledby': 'role-sheets-heading' },
    h(
      'button',
      { type: 'button', class: 'btn btn-quiet btn-small back no-print', onclick: p.onBack },
      `← ${p.backLabel}`,
    ),
    h('span', { class: 'kicker' }, s.title),
    title,
    h(
      'p',
      { class: 'lede' },
      'Each team holds one member state’s seat in the Collective Security Council. The Council decides by consensus: one objection blocks a proposal. Teams read their sheet, then vote support, abstain or object at each Council vote.',
    ),
    sheets.length > 0
      ? h(
          'div',
          { class: 'actions no-print' },
          h(
            'button',
            { type: 'button', class: 'btn', 'data-action': 'print-role-sheets', onclick: () => window.print() },
            'Print role sheets',
          ),
        )
      : h(
          'p',
          { class: 'muted' },
          p.teams.length > 0
            ? 'No team holds a member of this case, so there is no role sheet.'
            : 'This case has no Council vote, so there is no role sheet.',
        ),
    ...sheets,
    h(
      'div',
      { class: 'actions no-print' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: p.onBack }, p.backLabel),
    ),
  );
  return { root, heading: title, layout: 'wide' };
}

/** One sheet: `team` is the team holding the seat, if one does. */
function roleSheetArticle(r: RoleSheet, team?: string): HTMLElement {
  const headingId = `role-sheet-heading-${r.actor.id}`;
  const section = (text: string) => h('h3', { class: 'section-heading' }, text);
  return h(
    'article',
    { class: 'role-sheet', 'data-role-sheet': r.actor.id, 'aria-labelledby': headingId },
    h('h2', { class: 'role-sheet-title', id: headingId }, team ? `${team}: ${r.actor.name}` : r.actor.name),
    r.actor.leader ? h('p', { class: 'role-sheet-leader' }, `Speaking for ${r.actor.name}: ${r.actor.leader}`) : null,
    h(
      'p',
      { class: 'role-sheet-meta' },
      `${r.scenario.title} · ${formatRange(r.scenario.dates.start, r.scenario.dates.end)} · ${r.scenario.region}`,
    ),
    h('p', null, r.scenario.summary),
    section('Your stance'),
    h('p', null, r.actor.stance),
    section('Your interests'),
    h('p', null, r.actor.interests),
    section('Your Council votes'),
    r.councils.length > 0
      ? h(
          'ol',
          { class: 'role-sheet-votes' },
          ...r.councils.map((c) =>
            h(
              'li',
              null,
              h('strong', null, `${formatDate(c.date)} · ${c.title}`),
              h('p', { class: 'role-sheet-proposal' }, c.proposal),
            ),
          ),
        )
      : h('p', { class: 'muted' }, `${r.actor.name} does not sit on a Council vote in this case.`),
    r.councils.length > 1
      ? h(
          'p',
          { class: 'muted' },
          'Depending on how the crisis unfolds, the Council may not meet on every one of these.',
        )
      : null,
    r.seats.length > 0 ? section('Your brief') : null,
    ...r.seats.flatMap((seat) => [
      h('p', null, h('strong', null, seat.title)),
      h('p', { class: 'role-sheet-seat-summary' }, seat.summary),
      h('div', { class: 'prose' }, renderText(seat.brief)),
    ]),
    section('How the Council decides'),
    h(
      'p',
      null,
      'At each Council vote, every member says support, abstain or object. The Council decides by consensus: the proposal passes only if no member objects. One objection is enough to block it; abstaining does not block.',
    ),
    r.glossary.length > 0 ? section('Glossary') : null,
    r.glossary.length > 0
      ? h(
          'dl',
          { class: 'glossary' },
          ...r.glossary.flatMap((g) => [h('dt', null, g.term), h('dd', null, g.definition)]),
        )
      : null,
  );
}
