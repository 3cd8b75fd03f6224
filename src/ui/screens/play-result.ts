/** After a decision: its result, the Council's verdict and votes, what history did, and the ledger. */
import type { GameView, ResultView } from '../../engine/view-types';
import { h } from '../dom';
import { renderText } from '../markup';
import { claimLabels, heading, ledgerTable, meterList, type ScreenResult } from './common';
import { invented, POSITION_ICON, POSITION_WORD } from './play-parts';

/**
 * After a decision (never before): whether the option taken was invented, and what history did here.
 * Before the decision no option is marked, so the untagged one cannot be spotted as history's.
 */
function historyNote(last: ResultView): HTMLElement | null {
  const h0 = last.history;
  if (!h0 && !last.counterfactual) return null;
  return h(
    'p',
    { class: `history-note ${h0?.matched ? 'history-same' : 'history-other'}`, 'data-history-note': '' },
    last.counterfactual ? invented(true, 'result') : null,
    last.counterfactual ? ' This did not happen. ' : null,
    h0
      ? h0.matched
        ? 'History took the same decision here.'
        : h('span', null, 'History’s decision here: ', h('strong', null, h0.label), '.')
      : null,
    h0 ? ' The debrief tells what happened, with sources.' : null,
  );
}

export interface ResultProps {
  view: GameView;
  last: ResultView;
  verdict: 'consensus' | 'blocked' | null;
  /** At a Council vote: how each member voted (and the team that cast it, in class mode). */
  votes?: { name: string; team?: string; position: keyof typeof POSITION_WORD }[] | null;
  /** Class mode: the room's votes per option and the reasons typed at this decision. */
  room?: { votes: { label: string; count: number }[]; rationale?: string } | null;
  onContinue(): void;
}

/** The room's vote (each option with its count) and the reasons it typed. */
function roomBlock(room: NonNullable<ResultProps['room']>): HTMLElement {
  const total = room.votes.reduce((n, v) => n + v.count, 0);
  return h(
    'section',
    { class: 'room-result', 'aria-label': 'The room’s vote', 'data-room-result': '' },
    room.votes.length > 0 ? h('p', null, h('strong', null, `The room voted (${total} in all):`)) : null,
    room.votes.length > 0
      ? h('ul', { class: 'room-votes' }, ...room.votes.map((v) => h('li', null, `${v.label}: ${v.count}`)))
      : null,
    room.rationale ? h('p', null, h('strong', null, 'Why: '), room.rationale) : null,
  );
}

export function renderResult(p: ResultProps): ScreenResult {
  const { last, view } = p;
  // A vote's heading is its verdict; the proposal (often several lines) is quoted below it.
  const proposal = last.vote?.council.proposal;
  const title = heading(
    2,
    p.verdict && proposal
      ? p.verdict === 'consensus'
        ? 'The Council agreed'
        : 'The Council blocked the proposal'
      : last.label,
    'step-title',
  );
  title.id = 'result-heading';
  const root = h(
    'article',
    { class: 'result', 'aria-labelledby': 'result-heading', 'data-result': String(last.turn) },
    h('header', { class: 'step-head' }, h('span', { class: 'kicker' }, `Decision ${last.turn} · ${last.title}`), title),
    p.verdict
      ? h(
          'p',
          { class: `council-status ${p.verdict === 'consensus' ? 'match-yes' : 'match-no'}` },
          p.verdict === 'consensus' ? '✓ Consensus: the Council agrees.' : '✕ Blocked: the Council does not agree.',
        )
      : null,
    p.verdict && proposal
      ? h('blockquote', { class: 'proposal-quote' }, h('p', null, 'The proposal: ', proposal))
      : null,
    p.votes?.length
      ? h(
          'ul',
          { class: 'vote-list', 'aria-label': 'How the members voted', 'data-votes': '' },
          ...p.votes.map((v) =>
            h(
              'li',
              null,
              h('strong', null, v.name),
              v.team ? ` (${v.team})` : '',
              ': ',
              h(
                'span',
                { class: `position position-${v.position}` },
                `${POSITION_ICON[v.position]} ${POSITION_WORD[v.position]}`,
              ),
            ),
          ),
        )
      : null,
    p.room ? roomBlock(p.room) : null,
    last.text ? h('div', { class: 'prose result-text' }, renderText(last.text)) : null,
    claimLabels(last.labels),
    historyNote(last),
    h('h3', { class: 'section-heading' }, 'What moved, and why'),
    ledgerTable(last.entries, last.meters, `Ledger of decision ${last.turn}`),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          'data-key': 'Enter',
          'data-continue': 'result',
          onclick: p.onContinue,
        },
        h('kbd', { 'aria-hidden': 'true' }, 'Enter'),
        view.status === 'ended' ? 'See how it ends' : 'Continue',
      ),
    ),
    meterList(last.meters),
  );
  return { root, heading: title, layout: 'side' };
}
