/**
 * Council teams, set up before a class plays: for each member state that sits on the case's
 * Council, the name of the team holding its seat (blank: the game plays that member). Typing
 * updates the set-up in place (no re-render), so the caret never jumps.
 */
import {
  checkTeams,
  cleanTeams,
  councilSeats,
  defaultTeamNames,
  MAX_TEAM_NAME,
  type TeamSetup,
} from '../../classroom/council-teams';
import { councilVotesMet, seatsOfMember, votesMetText } from '../../classroom/team-seats';
import type { Scenario } from '../../engine/schema';
import { h } from '../dom';
import { heading, type ScreenResult } from './common';

export interface TeamSetupProps {
  scenario: Scenario;
  teams: readonly TeamSetup[];
  /** The set-up changed (cleaned: blank names left out). */
  onChange(teams: TeamSetup[]): void;
  onRoleSheets(): void;
  onBack(): void;
  announce(text: string): void;
}

export function renderTeamSetup(p: TeamSetupProps): ScreenResult {
  const s = p.scenario;
  const seats = councilSeats(s);
  const met = councilVotesMet(s);
  const names = new Map(seats.map((seat) => [seat.actor, p.teams.find((t) => t.actor === seat.actor)?.team ?? '']));
  const inputs = new Map<string, HTMLInputElement>();
  const problems = h('ul', { class: 'team-problems', role: 'status', 'aria-live': 'polite' });
  const summary = h('p', { class: 'team-summary' });

  const current = () => cleanTeams(seats.map((seat) => ({ team: names.get(seat.actor) ?? '', actor: seat.actor })));
  const update = () => {
    const teams = current();
    const found = checkTeams(s, teams);
    problems.replaceChildren(...found.map((x) => h('li', null, `Check: ${x}.`)));
    summary.textContent =
      teams.length === 0
        ? 'No teams yet: the game plays every member.'
        : `${teams.length} team${teams.length === 1 ? '' : 's'}; the game plays the other ${seats.length - teams.length} member${seats.length - teams.length === 1 ? '' : 's'}.`;
    p.onChange(teams);
  };
  const setName = (actor: string, name: string) => {
    names.set(actor, name);
    const input = inputs.get(actor);
    if (input && input.value !== name) input.value = name;
  };

  const title = heading(1, 'Council teams');
  title.id = 'team-setup-heading';
  const rows = seats.map((seat) => {
    const id = `team-${seat.actor}`;
    const input = h('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      maxlength: MAX_TEAM_NAME,
      placeholder: 'The game plays it',
      'data-team-name': seat.actor,
      'aria-describedby': `${id}-help`,
      oninput: (e: Event) => {
        names.set(seat.actor, (e.target as HTMLInputElement).value);
        update();
      },
    });
    input.value = names.get(seat.actor) ?? '';
    inputs.set(seat.actor, input);
    const votes = met.get(seat.actor);
    const own = seatsOfMember(s, seat.actor);
    return h(
      'li',
      { class: 'field team-row' },
      h('label', { for: id }, `Team holding ${seat.name}`, seat.leader ? h('small', null, ` (${seat.leader})`) : null),
      input,
      h(
        'p',
        { id: `${id}-help`, class: 'field-help' },
        votes ? votesMetText(votes) : '',
        own.length > 0
          ? ` If the class plays ${own.map((o) => `“${o.title}”`).join(' or ')}, this member votes as the class’s decisions have it, and the team sits out.`
          : '',
      ),
    );
  });

  const root = h(
    'section',
    { class: 'team-setup', 'aria-labelledby': 'team-setup-heading' },
    h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: p.onBack }, '← Back to the seats'),
    h('span', { class: 'kicker' }, `${s.title} · class mode`),
    title,
    h(
      'p',
      { class: 'lede' },
      'Split the class into teams. Each team holds one member state’s seat in the Collective Security Council: it reads its role sheet, and at each Council vote it casts that member’s vote (support, abstain or object). The Council decides by consensus: one objection blocks.',
    ),
    h(
      'p',
      { class: 'muted' },
      'Type a team’s name beside the member it holds. A member with no team votes as the game has it. The rest of the class plays the seat you choose next, on the seat screen; a team never holds that seat’s own member. Lobbying is offered only for members no team holds: to sway a team, talk to it.',
    ),
    h('ul', { class: 'team-rows', 'aria-label': 'Members of the Council' }, ...rows),
    summary,
    problems,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          'data-action': 'name-teams',
          onclick: () => {
            const blank = seats.filter((seat) => !(names.get(seat.actor) ?? '').trim());
            const fresh = defaultTeamNames(blank.length, [...names.values()]);
            blank.forEach((seat, i) => {
              setName(seat.actor, fresh[i] ?? '');
            });
            update();
            p.announce(`${blank.length} team${blank.length === 1 ? '' : 's'} named.`);
          },
        },
        'Name a team for every member',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn',
          'data-action': 'clear-teams',
          onclick: () => {
            for (const seat of seats) setName(seat.actor, '');
            update();
            p.announce('No teams: the game plays every member.');
          },
        },
        'Clear all teams',
      ),
      h(
        'button',
        { type: 'button', class: 'btn', 'data-action': 'role-sheets', onclick: p.onRoleSheets },
        'Role sheets to print',
      ),
      h('button', { type: 'button', class: 'btn btn-primary', 'data-action': 'teams-done', onclick: p.onBack }, 'Done'),
    ),
  );
  update();
  return { root, heading: title, layout: 'side' };
}
