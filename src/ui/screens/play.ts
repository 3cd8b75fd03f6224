/**
 * The run: a step (narrative, choices with forecasts, or a Council vote with lobbying),
 * and after each decision its result with the ledger of what moved and why.
 */

import type { ForecastMode } from '../../engine/advice';
import type {
  CouncilMemberView,
  GameView,
  LedgerEntry,
  MeterView,
  ResultView,
  StepView,
} from '../../engine/view-types';
import { formatDate, h } from '../dom';
import { renderText } from '../markup';
import type { ClassCouncil } from './class-council';
import { deltaCell, heading, inlineSources, ledgerTable, meterList, type ScreenResult } from './common';
import { forecastBlock, forecastHint } from './forecast';

export interface StepProps {
  view: GameView;
  step: StepView;
  onChoose(id: string): void;
  onLobby(actor: string): void;
  onVote(): void;
  onContinue(): void;
  /** How forecasts show: advisers' estimates, full numbers, or none. */
  forecastMode: ForecastMode;
  /** Class mode: replaces the option buttons at a choice step (tallies, countdown, the pick). */
  classPanel?: HTMLElement | null;
  /** The "Why?" field, shown with the options or the Council vote (class mode: inside classPanel). */
  notes?: HTMLElement | null;
  /** Class mode at a Council vote: team votes in the members' rows, and the vote area (given its key). */
  classCouncil?: ((voteKey: string) => ClassCouncil) | null;
}

const PHASE_LABEL: Record<string, string> = {
  request: 'Request',
  assessment: 'Assessment',
  consultation: 'Consultation',
  council: 'Council',
  response: 'Response',
  consequences: 'Consequences',
  withdrawal: 'Withdrawal',
  aftermath: 'Aftermath',
};

export function phaseLabel(phase: string): string {
  return PHASE_LABEL[phase] ?? phase;
}

const POSITION_WORD = { support: 'Supports', abstain: 'Abstains', object: 'Objects' } as const;
const POSITION_ICON = { support: '✓', abstain: '–', object: '✕' } as const;

function invented(flag: boolean, what: string): HTMLElement | null {
  return flag
    ? h('span', { class: 'tag tag-invented', title: `This ${what} is invented: it did not happen.` }, 'Invented')
    : null;
}

/** What a news event moved, as a short list: meter, change and reason. */
function newsEffects(entries: LedgerEntry[], meters: MeterView[], label = 'What this moved'): HTMLElement | null {
  if (entries.length === 0) return null;
  return h(
    'ul',
    { class: 'news-effects', 'aria-label': label },
    ...entries.map((e) => {
      const meter = meters.find((m) => m.id === e.meter);
      return h(
        'li',
        { 'data-meter': e.meter, 'data-delta': String(e.delta), 'data-cause': e.cause },
        deltaCell(meter, e.delta),
        ` ${meter?.label ?? e.meter}: ${e.reason}`,
      );
    }),
  );
}

function newsBlock(step: StepView, meters: MeterView[]): HTMLElement | null {
  if (step.news.length === 0) return null;
  return h(
    'section',
    { class: 'news', 'aria-labelledby': `news-${step.id}` },
    h('h3', { id: `news-${step.id}` }, 'News'),
    h(
      'ul',
      null,
      ...step.news.map((n) =>
        h(
          'li',
          null,
          h('div', null, renderText(n.text)),
          invented(n.counterfactual, 'event'),
          newsEffects(n.entries ?? [], meters),
          inlineSources(n.sources),
        ),
      ),
    ),
  );
}

function choiceList(
  step: StepView,
  meters: MeterView[],
  mode: ForecastMode,
  onChoose: (id: string) => void,
): HTMLElement {
  return h(
    'ol',
    { class: 'choices', 'aria-label': 'Your options' },
    ...step.choices.map((c, i) => {
      const key = i < 9 ? String(i + 1) : null;
      const labelId = `choice-${c.id}-label`;
      return h(
        'li',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'choice',
            'data-key': key,
            'data-choice': c.id,
            onclick: () => onChoose(c.id),
          },
          h('span', { class: 'key', 'aria-hidden': 'true' }, key ?? '•'),
          h('span', { class: 'choice-label', id: labelId }, c.label),
          h(
            'span',
            { id: `choice-${c.id}-more` },
            c.detail ? h('span', { class: 'choice-detail' }, c.detail) : null,
            forecastBlock(c.forecast, meters, mode),
          ),
        ),
      );
    }),
  );
}

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
): HTMLElement {
  const pct = (v: number) => `${((Math.max(-100, Math.min(100, v)) + 100) / 2).toFixed(1)}%`;
  const lean = h(
    'div',
    {
      class: 'lean',
      role: 'img',
      'aria-label': `Lean ${Math.round(m.lean)} on a scale from −100 (against) to 100 (for)`,
      style: `--object-at:${pct(objectAt)};--support-at:${pct(supportAt)}`,
    },
    h('span', { class: 'lean-marker', style: `left:${pct(m.lean)}` }),
  );
  let lobby: HTMLElement | null = null;
  // Once lobbied, the member's reasons (from the engine) say so; only the open offer is shown here.
  if (m.lobby && !m.lobby.done) {
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
    h('span', { class: 'member-name' }, m.name, m.leader ? h('small', null, m.leader) : null),
    h(
      'span',
      { class: `position position-${m.position}` },
      `${team ? 'Game’s model: ' : ''}${POSITION_ICON[m.position]} ${POSITION_WORD[m.position]}`,
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

function councilBlock(step: StepView, meters: MeterView[], p: StepProps): HTMLElement | null {
  const c = step.council;
  if (!c) return null;
  const lobbyable = c.members.filter((m) => m.lobby && !m.lobby.done).length;
  const voteKey = String(Math.min(9, lobbyable + 1));
  const cls = p.classCouncil?.(voteKey) ?? null;
  let n = 0;
  const rows = c.members.map((m) => {
    const open = m.lobby && !m.lobby.done;
    if (open) n += 1;
    // What lobbying this member cost: the ledger entries of the coming decision caused by it.
    const paid = p.view.ledger.filter((e) => e.turn === p.view.turn + 1 && e.cause === `lobby:${m.actor}`);
    const key = open && n <= 8 ? String(n) : null;
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
    );
  });
  const objecting = c.members.filter((m) => m.position === 'object').map((m) => m.name);
  const prefix = cls?.teamsVote ? 'The game’s model: if the vote is called now' : 'If the vote is called now';
  return h(
    'section',
    { 'aria-labelledby': 'council-heading' },
    h('h3', { class: 'section-heading', id: 'council-heading' }, 'The proposal'),
    h('p', { class: 'proposal' }, c.proposal),
    h(
      'p',
      { class: 'council-status' },
      c.wouldPass
        ? `${prefix}, consensus forms: no member objects.`
        : `${prefix}, it is blocked: ${objecting.join(', ')} ${objecting.length === 1 ? 'objects' : 'object'}.`,
    ),
    h('ul', { class: 'members', 'aria-label': 'Members of the Council' }, ...rows),
    cls ? cls.voteArea : councilVote(p, voteKey),
    h(
      'p',
      { class: 'hint' },
      'Lobbying moves a member’s lean, at the cost shown. The Council decides by consensus: one objection blocks it.',
    ),
  );
}

/** The Council vote when one player decides: the "Why?" field and the button. */
function councilVote(p: StepProps, voteKey: string): HTMLElement {
  return h(
    'div',
    null,
    p.notes ?? null,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          'data-key': voteKey,
          'data-vote': 'call',
          'data-focus-id': 'call-vote',
          onclick: p.onVote,
        },
        h('kbd', { 'aria-hidden': 'true' }, voteKey),
        'Call the vote',
      ),
    ),
  );
}

export function renderStep(p: StepProps): ScreenResult {
  const { step, view } = p;
  const title = heading(2, step.title, 'step-title');
  title.id = 'step-heading';
  const decider = step.decider
    ? h(
        'p',
        { class: 'decider' },
        'Deciding: ',
        h('strong', null, step.decider.name),
        step.decider.leader ? ` (${step.decider.leader})` : '',
      )
    : null;
  let action: HTMLElement | null;
  if (step.kind === 'choices' && p.classPanel) {
    action = p.classPanel;
  } else if (step.kind === 'choices') {
    action = h(
      'section',
      { 'aria-labelledby': 'options-heading' },
      h('h3', { class: 'section-heading', id: 'options-heading' }, 'Your options'),
      p.notes ?? null,
      choiceList(step, view.meters, p.forecastMode, p.onChoose),
      h('p', { class: 'hint' }, forecastHint(p.forecastMode)),
    );
  } else if (step.kind === 'council') {
    action = councilBlock(step, view.meters, p);
  } else {
    action = h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', 'data-key': '1', 'data-continue': 'step', onclick: p.onContinue },
        h('kbd', { 'aria-hidden': 'true' }, '1'),
        'Continue',
      ),
    );
  }
  const root = h(
    'article',
    { class: 'step', 'aria-labelledby': 'step-heading', 'data-step': step.id },
    h(
      'header',
      { class: 'step-head' },
      h(
        'p',
        { class: 'meta' },
        h('span', { class: 'kicker' }, `${phaseLabel(step.phase)} · Decision ${view.turn + 1}`),
      ),
      title,
      h(
        'p',
        { class: 'meta' },
        h('time', { datetime: step.date }, formatDate(step.date)),
        step.place ? h('span', null, step.place.name) : null,
        invented(step.counterfactual, 'moment'),
      ),
    ),
    newsBlock(step, view.meters),
    h('div', { class: 'prose' }, renderText(step.text)),
    inlineSources(step.sources),
    decider,
    action,
    meterList(view.meters),
  );
  return { root, heading: title, layout: 'side' };
}

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
  onContinue(): void;
}

export function renderResult(p: ResultProps): ScreenResult {
  const { last, view } = p;
  const title = heading(2, last.label, 'step-title');
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
    last.text ? h('div', { class: 'prose result-text' }, renderText(last.text)) : null,
    historyNote(last),
    h('h3', { class: 'section-heading' }, 'What moved, and why'),
    ledgerTable(last.entries, last.meters, `Ledger of decision ${last.turn}`),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', 'data-key': '1', 'data-continue': 'result', onclick: p.onContinue },
        h('kbd', { 'aria-hidden': 'true' }, '1'),
        view.status === 'ended' ? 'See how it ends' : 'Continue',
      ),
    ),
    meterList(last.meters),
  );
  return { root, heading: title, layout: 'side' };
}
