/**
 * The Council team role sheets: one printable sheet per member state a team holds in the
 * Collective Security Council (every Council seat's sheet when no team is set up), each on one A4
 * page, then the case's glossary once, as its own sheet. A sheet gives the member's stance and
 * interests, its Council votes under the seats the class may play (`teamRoleSheet`: the votes a
 * seat's runs meet, the seat that makes the team sit out), its seat brief if the case has one, and
 * how the Council decides.
 */
import { councilStepsBySeat, type TeamRoleSheet, teamRoleSheets } from '../../classroom/role-sheet';
import type { Scenario } from '../../engine/schema';
import { sourcesById } from '../../engine/view';
import { formatDate, formatRange, h } from '../dom';
import { renderText } from '../markup';
import { heading, inlineSources, type ScreenResult } from './common';
import { glossaryEntries } from './glossary';

export interface RoleSheetsProps {
  scenario: Scenario;
  /** The teams set up for the Council: the sheets printed are those of the held seats; with no team, every Council seat's sheet. */
  teams: readonly { team: string; actor: string }[];
  /** The seat the class plays, when a run of this case is under way: the sheets list only its votes. */
  classSeat?: string;
  onBack(): void;
  backLabel: string;
}

export function renderRoleSheets(p: RoleSheetsProps): ScreenResult {
  const s = p.scenario;
  const met = councilStepsBySeat(s);
  const render = (seat: string) =>
    teamRoleSheets(s, p.teams, seat || undefined, met).map((x) => roleSheetArticle(x.sheet, x.team));
  const initial = s.roles.some((r) => r.id === p.classSeat) ? (p.classSeat as string) : '';
  const sheets = render(initial);
  const sheetsBox = h('div', { class: 'role-sheets-list', 'data-sheets': '' }, ...sheets);
  const glossary = sheets.length > 0 ? glossarySheet(s) : null;
  const seatPicker =
    sheets.length > 0 && s.roles.length > 1
      ? h(
          'div',
          { class: 'field no-print role-sheets-seat' },
          h('label', { for: 'role-sheets-seat' }, 'The seat the class plays'),
          h(
            'select',
            {
              id: 'role-sheets-seat',
              'data-class-seat': '',
              onchange: (e: Event) => sheetsBox.replaceChildren(...render((e.target as HTMLSelectElement).value)),
            },
            h('option', { value: '', selected: initial === '' }, 'Not chosen yet: every seat’s votes'),
            ...s.roles.map((r) => h('option', { value: r.id, selected: initial === r.id }, r.title)),
          ),
          h(
            'p',
            { class: 'field-help' },
            'Once the class has chosen its seat, each sheet lists only the Council votes that seat can meet.',
          ),
        )
      : null;
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
    h('div', { class: 'no-print' }, h('span', { class: 'kicker' }, s.title), title),
    h(
      'p',
      { class: 'lede no-print' },
      'Each team holds one member state’s seat in the Collective Security Council. The Council decides by consensus: one objection blocks a proposal. Teams read their sheet, then vote support, abstain or object at each Council vote.',
    ),
    seatPicker,
    sheets.length > 0
      ? h(
          'div',
          { class: 'actions no-print' },
          h(
            'button',
            { type: 'button', class: 'btn', 'data-action': 'print-role-sheets', onclick: () => window.print() },
            'Print role sheets',
          ),
          h(
            'span',
            { class: 'muted' },
            `${sheets.length} sheet${sheets.length === 1 ? '' : 's'}, one page each${glossary ? ', and the glossary' : ''}.`,
          ),
        )
      : h(
          'p',
          { class: 'muted' },
          p.teams.length > 0
            ? 'No team holds a member of this case, so there is no role sheet.'
            : 'This case has no Council vote, so there is no role sheet.',
        ),
    sheetsBox,
    glossary,
    h(
      'div',
      { class: 'actions no-print' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: p.onBack }, p.backLabel),
    ),
  );
  return { root, heading: title, layout: 'wide' };
}

/** The case's glossary, A–Z, as a sheet of its own (none when the case has no glossary). */
function glossarySheet(s: Scenario): HTMLElement | null {
  const entries = glossaryEntries(s);
  if (entries.length === 0) return null;
  return h(
    'article',
    { class: 'role-sheet role-sheet-glossary', 'data-glossary-sheet': '', 'aria-labelledby': 'role-sheet-glossary' },
    h('h2', { class: 'role-sheet-title', id: 'role-sheet-glossary' }, 'Glossary'),
    h('p', { class: 'role-sheet-meta' }, `${s.title} · for every team`),
    h(
      'dl',
      { class: 'glossary role-sheet-terms' },
      ...entries.flatMap((g) => [
        h('dt', null, g.term),
        h('dd', null, g.definition, inlineSources(sourcesById(s, g.sources))),
      ]),
    ),
  );
}

/** One sheet: `team` is the team holding the seat, if one does. */
function roleSheetArticle(r: TeamRoleSheet, team?: string): HTMLElement {
  const headingId = `role-sheet-heading-${r.actor.id}`;
  const section = (text: string) => h('h3', { class: 'section-heading' }, text);
  const voteCount = r.groups.reduce((n, g) => n + g.votes.length, 0);
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
    h('p', { class: 'role-sheet-summary' }, r.scenario.summary),
    section('Your stance'),
    h('p', null, r.actor.stance),
    section('Your interests'),
    h('p', null, r.actor.interests),
    section('Your Council votes'),
    ...r.sitsOut.map((seat) =>
      h(
        'p',
        { class: 'role-sheet-sits-out', 'data-sits-out': seat.id },
        `If the class plays “${seat.title}”, the class casts ${r.actor.name}’s vote itself: your team sits out.`,
      ),
    ),
    ...r.groups.map((g) =>
      h(
        'div',
        { class: 'role-sheet-group', 'data-seats': g.seats.map((x) => x.id).join(' ') },
        h('h4', { class: 'role-sheet-group-heading' }, `${g.heading}:`),
        h(
          'ol',
          { class: 'role-sheet-votes' },
          ...g.votes.map((v) =>
            h(
              'li',
              { 'data-step': v.step },
              h('strong', null, formatDate(v.date)),
              v.always ? null : h('span', { class: 'muted' }, ' (if the crisis takes that turn)'),
              ': ',
              v.proposal,
            ),
          ),
        ),
      ),
    ),
    voteCount === 0 ? h('p', { class: 'muted' }, `${r.actor.name} does not sit on a Council vote in this case.`) : null,
    r.seats.length > 0 ? section('Your brief') : null,
    ...r.seats.flatMap((seat) => [
      h('p', null, h('strong', null, seat.title)),
      h('div', { class: 'prose role-sheet-brief' }, renderText(seat.brief)),
    ]),
    section('How the Council decides'),
    h(
      'p',
      null,
      'At each Council vote, every member says support, abstain or object. The proposal passes only if no member objects: one objection blocks it; abstaining does not. The glossary is on its own sheet.',
    ),
  );
}
