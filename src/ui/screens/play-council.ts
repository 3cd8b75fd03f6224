/**
 * A Council step: the proposal, each member's position, lean and reasons with its lobbying offer,
 * and the vote (the button, or in class mode the teams' vote area).
 */
import type { ForecastMode } from '../../engine/advice';
import { councilMemberOrder, membersInOrder, optionKey, type StepOption, stepOptions } from '../../engine/step-options';
import type { CouncilMemberView, CouncilView, LedgerEntry, MeterView, StepView } from '../../engine/view-types';
import { h } from '../dom';
import type { DecisionDraft } from './class-vote';
import { forecastBlock } from './forecast';
import type { StepProps } from './play';
import { newsEffects, POSITION_ICON, POSITION_WORD } from './play-parts';

/** How a member that is a party to the crisis is labelled in its row. */
const PARTY_WORD: Record<NonNullable<CouncilMemberView['party']>, string> = {
  requesting: 'requesting party',
  accused: 'accused party',
  affected: 'affected party',
};

function memberRow(
  m: CouncilMemberView,
  meters: MeterView[],
  supportAt: number,
  objectAt: number,
  key: string | null,
  onLobby: (a: string) => void,
  paid: LedgerEntry[],
  mode: ForecastMode,
  /** A team holds this member: its controls, and the position shown is the game's model's. */
  team: HTMLElement | null = null,
  /** Whether lobbying this member is offered at all (not when a team holds it). */
  offered = true,
  /** The player's seat casts this member's vote (`seatVote`): the position shown is the model's lean. */
  own = false,
): HTMLElement {
  const pct = (v: number) => `${((Math.max(-100, Math.min(100, v)) + 100) / 2).toFixed(1)}%`;
  const lean = h(
    'div',
    {
      class: 'lean',
      role: 'img',
      'aria-label': `Lean ${Math.round(m.lean)}${m.estimate ? ' (author’s estimate)' : ''} on a scale from −100 (against) to 100 (for)`,
      style: `--object-at:${pct(objectAt)};--support-at:${pct(supportAt)}`,
    },
    h('span', { class: 'lean-marker', style: `left:${pct(m.lean)}` }),
  );
  let lobby: HTMLElement | null = null;
  // Once lobbied, the member's reasons (from the engine) say so; only the open offer is shown here.
  if (offered && m.lobby && !m.lobby.done) {
    lobby = h(
      'div',
      { class: 'member-lobby' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small btn-lobby',
          'data-key': key,
          'data-lobby': m.actor,
          'data-focus-id': `lobby-${m.actor}`,
          onclick: () => onLobby(m.actor),
        },
        key ? h('kbd', { 'aria-hidden': 'true' }, key) : null,
        `Lobby ${m.name}: ${m.lobby.label}`,
      ),
      mode === 'none' ? null : h('span', { class: 'sr-only' }, 'Cost:'),
      forecastBlock(m.lobby.forecast, meters, mode),
    );
  }
  return h(
    'li',
    { class: 'member', 'data-member': m.actor },
    h(
      'span',
      { class: 'member-name' },
      m.name,
      // A space, not only a margin: a line may break there, and a screen reader reads two words.
      m.leader ? ' ' : null,
      m.leader ? h('small', null, m.leader) : null,
      m.party ? h('span', { class: `member-tag member-party member-party-${m.party}` }, PARTY_WORD[m.party]) : null,
      m.estimate
        ? h(
            'span',
            {
              class: 'member-tag member-estimate',
              title: 'The case’s author estimated this lean; no source gives it.',
            },
            'author’s estimate',
          )
        : null,
      own ? h('span', { class: 'member-tag member-own', 'data-own-vote': m.actor }, 'your seat’s vote') : null,
    ),
    h(
      'span',
      { class: `position position-${m.position}` },
      `${team || own ? 'Game’s model: ' : ''}${POSITION_ICON[m.position]} ${POSITION_WORD[m.position]}`,
    ),
    lean,
    m.reasons.length > 0 ? h('ul', { class: 'member-reasons' }, ...m.reasons.map((r) => h('li', null, r))) : null,
    m.lobby?.done && m.lobby.reply
      ? h('blockquote', { class: 'member-reply' }, h('p', null, `“${m.lobby.reply}”`), h('footer', null, `— ${m.name}`))
      : null,
    m.lobby?.done ? newsEffects(paid, meters, 'What lobbying cost') : null,
    lobby,
    team,
  );
}

/**
 * The Council step's section, and in class mode the room's vote area beside it (a sibling, so a
 * wide screen can keep it in a column of its own: projector.css).
 */
export function councilBlock(
  step: StepView,
  meters: MeterView[],
  p: StepProps,
): { section: HTMLElement; voteArea: HTMLElement | null } | null {
  const c = step.council;
  if (!c) return null;
  // Keys stay with their members: lobbying one leaves the others' numbers (and the vote's) as they
  // were; the engine numbers them as the terminal does (`stepOptions`). In class mode a member a
  // team holds is not lobbied by the class: its team decides its vote.
  const offered = (m: CouncilMemberView) => Boolean(m.lobby) && (p.lobbyOffered?.(m.actor) ?? true);
  const options = stepOptions(step, {
    ...(p.memberOrder ? { memberOrder: p.memberOrder } : {}),
    ...(p.lobbyOffered ? { lobbyOffered: p.lobbyOffered } : {}),
  });
  const keyOf = new Map(options.flatMap((o) => (o.kind === 'lobby' ? [[o.member.actor, optionKey(o)]] : [])));
  const votes = options.filter((o) => o.kind === 'vote');
  const vote = votes[0];
  const voteKey = (vote && optionKey(vote)) ?? '9';
  const cls = p.classCouncil?.(voteKey) ?? null;
  const rows = membersInOrder(c, p.memberOrder).map((m) => {
    // What lobbying this member cost: the ledger entries of the coming decision caused by it.
    const paid = p.view.ledger.filter((e) => e.turn === p.view.turn + 1 && e.cause === `lobby:${m.actor}`);
    const key = keyOf.get(m.actor) ?? null;
    return memberRow(
      m,
      meters,
      c.supportAt,
      c.objectAt,
      key,
      p.onLobby,
      paid,
      p.forecastMode,
      cls?.memberExtra(m.actor) ?? null,
      offered(m),
      c.seatVote?.actor === m.actor,
    );
  });
  const objecting = c.members.filter((m) => m.position === 'object').map((m) => m.name);
  const prefix = cls?.teamsVote ? 'The game’s model: if the vote is called now' : 'If the vote is called now';
  const section = h(
    'section',
    { class: 'council-block', 'aria-labelledby': 'council-heading' },
    h('h3', { class: 'section-heading', id: 'council-heading' }, 'The proposal'),
    h('p', { class: 'proposal' }, c.proposal),
    h(
      'p',
      { class: 'council-status' },
      c.wouldPass
        ? `${prefix}, consensus forms: no member objects.`
        : `${prefix}, it is blocked: ${objecting.join(', ')} ${objecting.length === 1 ? 'objects' : 'object'}.`,
    ),
    leanScale(c.objectAt, c.supportAt),
    h('ul', { class: 'members', 'aria-label': 'Members of the Council' }, ...rows),
    cls ? null : councilVote(p, c, votes, meters),
    h(
      'p',
      { class: 'hint' },
      'Lobbying moves a member’s lean, at the cost shown. The Council decides by consensus: one objection blocks it.',
    ),
  );
  return { section, voteArea: cls?.voteArea ?? null };
}

/**
 * The order a Council's members are listed in: those objecting when the step opens first (whom to
 * lobby), then those abstaining, then supporters, each as the case lists them. Fixed in the
 * decision's draft at the first render, so lobbying never reshuffles the list or its number keys.
 */
export function councilOrder(draft: DecisionDraft, council: CouncilView): string[] {
  draft.memberOrder ??= councilMemberOrder(council);
  return draft.memberOrder;
}

/** The scale of the members' lean bars, once above them: where a member objects, abstains, supports. */
function leanScale(objectAt: number, supportAt: number): HTMLElement {
  const at = (v: number) => (Math.max(-100, Math.min(100, v)) + 100) / 2;
  const zone = (cls: string, width: number, text: string) =>
    h('span', { class: `lean-zone ${cls}`, style: `flex-basis:${width.toFixed(1)}%` }, text);
  return h(
    'p',
    { class: 'lean-scale' },
    h('span', { class: 'sr-only' }, `Lean runs from −100 (against) to 100 (for): `),
    zone('position-object', at(objectAt), `◀ objects below ${objectAt}`),
    zone('position-abstain', at(supportAt) - at(objectAt), 'abstains'),
    zone('position-support', 100 - at(supportAt), `supports from ${supportAt} ▶`),
  );
}

/** The Council vote when one player decides: the "Why?" field and the button (one per position the seat may cast). */
function councilVote(p: StepProps, c: CouncilView, votes: StepOption[], meters: MeterView[]): HTMLElement {
  const seat = c.seatVote;
  const lean = seat ? c.members.find((m) => m.actor === seat.actor)?.position : undefined;
  const button = (o: StepOption) => {
    if (o.kind !== 'vote') return null;
    const key = optionKey(o);
    const position = o.position;
    const verdict = seat && position ? seat.verdicts[position] : c.wouldPass ? 'consensus' : 'blocked';
    const label =
      seat && position
        ? `Call the vote: ${seat.name} ${POSITION_WORD[position].toLowerCase()}${position === lean ? ' (the model’s lean)' : ''}`
        : 'Call the vote';
    return h(
      'button',
      {
        type: 'button',
        class: position === undefined || position === lean ? 'btn btn-primary' : 'btn',
        'data-key': key,
        'data-vote': position ?? 'call',
        'data-focus-id': position ? `call-vote-${position}` : 'call-vote',
        onclick: () => p.onVote(position),
      },
      key ? h('kbd', { 'aria-hidden': 'true' }, key) : null,
      label,
      seat && position ? h('small', null, ` — ${verdict === 'consensus' ? 'consensus' : 'blocked'}`) : null,
    );
  };
  // What the result itself does (on_consensus, on_blocked): as things stand, the verdict's forecast.
  const results = c.results
    ? h(
        'div',
        { class: 'vote-results' },
        ...(['consensus', 'blocked'] as const).map((v) =>
          c.results && c.results[v].meters.length > 0
            ? h(
                'div',
                { class: `vote-result vote-result-${v}` },
                h('span', null, v === 'consensus' ? 'If consensus: ' : 'If blocked: '),
                forecastBlock(c.results[v], meters, p.forecastMode),
              )
            : null,
        ),
      )
    : null;
  return h(
    'div',
    null,
    p.notes ?? null,
    seat && lean
      ? h(
          'p',
          { class: 'hint' },
          `Your seat casts ${seat.name}’s vote as you call it (the game’s model leans to: ${POSITION_WORD[lean].toLowerCase()}).`,
        )
      : null,
    h('div', { class: 'actions' }, ...votes.map(button)),
    results,
  );
}
