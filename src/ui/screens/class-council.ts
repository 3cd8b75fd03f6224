/**
 * Class mode at a Council vote. With Council teams, each team holding a member state's seat reads
 * its brief, casts that member's vote (support, abstain or object) and may give its reasons;
 * members no team holds vote as the game has them, and one objection blocks. Without teams, the
 * room's own vote on the proposal is counted and kept with the decision. Votes live in the
 * DecisionDraft, so a re-render (lobbying) keeps them; the tally updates in place.
 */
import { type CouncilTeam, councilAsVoted, type TeamSetup, tallyCouncil } from '../../classroom/council-teams';
import { MAX_RATIONALE } from '../../engine/events';
import type { Scenario } from '../../engine/schema';
import type { CouncilView, Position } from '../../engine/view-types';
import { h } from '../dom';
import { countdownBlock, type DecisionDraft, draftEntry, roomBar, setDraftEntry, tallyControls } from './class-vote';

export interface ClassCouncilProps {
  scenario: Scenario;
  council: CouncilView;
  /** The run's Council teams (those not sitting on this Council are left out here). */
  teams: readonly TeamSetup[];
  draft: DecisionDraft;
  /** The "Why?" field for the class as a whole. */
  notes: HTMLElement;
  /** The key that calls the vote (after the lobbying keys). */
  voteKey: string;
  announce(text: string): void;
  /** A team's vote changed: the chamber redraws. */
  onVotesChanged(): void;
  /** Calls the vote with the draft's votes (only once every team has voted). */
  onCall(): void;
}

export interface ClassCouncil {
  /** True when teams hold seats on this Council (else the room votes on the proposal). */
  teamsVote: boolean;
  /** The team's controls for a member's row (null: no team holds it). */
  memberExtra(actor: string): HTMLElement | null;
  /** The tally, countdown, "Why?" and the button that calls the vote. */
  voteArea: HTMLElement;
}

const POSITIONS: { id: Position; label: string }[] = [
  { id: 'support', label: 'Support' },
  { id: 'abstain', label: 'Abstain' },
  { id: 'object', label: 'Object' },
];

/** The teams' votes and reasons as typed so far, for the tally and the engine. */
export function teamsWithVotes(teams: readonly TeamSetup[], draft: DecisionDraft): CouncilTeam[] {
  return teams.map((t) => {
    const vote = draftEntry(draft.teamVotes, t.actor);
    const rationale = draftEntry(draft.teamRationales, t.actor)?.trim();
    return { ...t, ...(vote ? { vote } : {}), ...(rationale ? { rationale } : {}) };
  });
}

/**
 * The chamber while teams are still voting: the Council with the votes cast so far in the draft
 * (seats whose team has not voted, and seats no team holds, as the game has them). Its
 * `wouldPass` is the engine's verdict on those positions (`councilAsCast`).
 */
export function councilWhileVoting(
  council: CouncilView,
  teams: readonly TeamSetup[],
  draft: DecisionDraft,
): CouncilView {
  return councilAsVoted(council, teamsWithVotes(teams, draft));
}

export function classCouncil(p: ClassCouncilProps): ClassCouncil {
  const sitting = new Set(p.council.members.map((m) => m.actor));
  const teams = p.teams.filter((t) => sitting.has(t.actor));
  const byActor = new Map(teams.map((t) => [t.actor, t]));
  const status = h('div', { class: 'council-tally', role: 'status', 'aria-live': 'polite', 'data-council-tally': '' });
  const nameOf = (actor: string) => p.council.members.find((m) => m.actor === actor)?.name ?? actor;

  const refreshTeams = () => {
    const tally = tallyCouncil(p.council, teamsWithVotes(teams, p.draft));
    const c = tally.counts;
    const waiting = tally.waitingFor.map((a) => `${byActor.get(a)?.team ?? a} (${nameOf(a)})`);
    const verdict =
      tally.verdict === 'blocked'
        ? `Blocked: ${tally.blockers.map((b) => (b.team ? `${b.name} (${b.team})` : b.name)).join(', ')} ${tally.blockers.length === 1 ? 'objects' : 'object'}.`
        : tally.verdict === 'consensus'
          ? 'Consensus: no member objects.'
          : `Waiting for ${waiting.length} team${waiting.length === 1 ? '' : 's'}: ${waiting.join(', ')}.`;
    const model =
      tally.verdict === 'pending'
        ? null
        : tally.agreesWithGame
          ? 'The game’s own model of these members reaches the same result.'
          : `The game’s own model of these members would have ${p.council.wouldPass ? 'reached consensus' : 'been blocked'}: worth discussing after the vote.`;
    status.dataset.verdict = tally.verdict;
    status.replaceChildren(
      h('p', { class: 'council-tally-counts' }, `Support ${c.support} · Abstain ${c.abstain} · Object ${c.object}`),
      h('p', { class: `council-tally-verdict verdict-${tally.verdict}` }, verdict),
      ...(model ? [h('p', { class: 'muted' }, model)] : []),
    );
    return tally;
  };

  const memberExtra = (actor: string): HTMLElement | null => {
    const team = byActor.get(actor);
    if (!team) return null;
    const member = p.scenario.actors.find((a) => a.id === actor);
    const name = nameOf(actor);
    const rationaleId = `team-rationale-${actor}`;
    const area = h('textarea', {
      id: rationaleId,
      class: 'rationale-input',
      rows: 2,
      maxlength: MAX_RATIONALE,
      'data-team-rationale': actor,
      'data-focus-id': rationaleId,
      oninput: (e: Event) => {
        setDraftEntry(p.draft.teamRationales, actor, (e.target as HTMLTextAreaElement).value);
      },
    });
    area.value = draftEntry(p.draft.teamRationales, actor) ?? '';
    return h(
      'div',
      { class: 'team-vote', 'data-team': team.team },
      h('p', { class: 'team-holder' }, 'Held by ', h('strong', null, team.team)),
      member
        ? h(
            'details',
            { class: 'team-brief' },
            h('summary', { 'data-focus-id': `team-brief-${actor}` }, `${team.team}’s brief`),
            h('p', null, h('strong', null, 'Stance: '), member.stance),
            h('p', null, h('strong', null, 'Interests: '), member.interests),
          )
        : null,
      h(
        'fieldset',
        { class: 'team-vote-choice' },
        h('legend', null, `${team.team}’s vote for ${name}`),
        ...POSITIONS.map((pos) => {
          const id = `team-vote-${actor}-${pos.id}`;
          const radio = h('input', {
            type: 'radio',
            id,
            name: `team-vote-${actor}`,
            value: pos.id,
            'data-team-vote': actor,
            'data-focus-id': id,
            checked: draftEntry(p.draft.teamVotes, actor) === pos.id,
            onchange: () => {
              setDraftEntry(p.draft.teamVotes, actor, pos.id);
              refreshTeams();
              p.onVotesChanged();
            },
          });
          return h('span', { class: `team-vote-option position-${pos.id}` }, radio, h('label', { for: id }, pos.label));
        }),
      ),
      h('label', { for: rationaleId, class: 'rationale-label' }, `${team.team}’s reasons (optional)`),
      area,
    );
  };

  const call = () => {
    if (teams.length > 0) {
      const tally = refreshTeams();
      if (tally.waitingFor.length > 0) {
        const first = tally.waitingFor[0] as string;
        const names = tally.waitingFor.map((a) => byActor.get(a)?.team ?? a).join(', ');
        p.announce(`Not every team has voted yet: waiting for ${names}.`);
        document.getElementById(`team-vote-${first}-support`)?.focus();
        return;
      }
    }
    p.onCall();
  };

  let tallyBlock: HTMLElement[];
  if (teams.length > 0) {
    refreshTeams();
    tallyBlock = [
      h(
        'p',
        { class: 'field-help' },
        'Each team casts its member’s vote above. Members no team holds vote as the game has them. One objection blocks.',
      ),
      status,
    ];
  } else {
    const total = h('p', { class: 'tally-total' });
    const tallies = tallyControls(POSITIONS, p.draft.tally, () => refresh());
    const refresh = () => {
      const v = tallies.refresh();
      total.textContent = `${v.total} vote${v.total === 1 ? '' : 's'} in all`;
    };
    tallyBlock = [
      h('h4', { class: 'class-room-vote-heading', id: 'room-vote-heading' }, 'How does the room vote on the proposal?'),
      h(
        'ul',
        { class: 'class-options room-vote', 'aria-labelledby': 'room-vote-heading' },
        ...POSITIONS.map((pos) =>
          h(
            'li',
            { class: 'class-option', 'data-class-option': pos.id },
            h('span', { class: `class-option-label position-${pos.id}` }, pos.label),
            tallies.group(pos.id, pos.label),
          ),
        ),
      ),
      total,
      h(
        'p',
        { class: 'field-help' },
        'The room’s vote is kept with the decision. The Council itself decides by its members’ positions above.',
      ),
    ];
    refresh();
  }

  const voteArea = h(
    'section',
    { class: 'class-panel class-council', 'aria-labelledby': 'class-vote-heading' },
    h('h3', { class: 'section-heading', id: 'class-vote-heading' }, 'The vote'),
    ...tallyBlock,
    p.notes,
    roomBar(
      countdownBlock(p.draft, p.announce),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary btn-large',
          'data-key': p.voteKey,
          'data-vote': 'call',
          'data-focus-id': 'call-vote',
          onclick: call,
        },
        h('kbd', { 'aria-hidden': 'true' }, p.voteKey),
        'Call the vote and reveal the result',
      ),
    ),
  );
  return { teamsVote: teams.length > 0, memberExtra, voteArea };
}
