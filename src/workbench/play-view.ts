/**
 * The Author page's play pane, drawn from the engine's view of a run as plain, accessible HTML:
 * the last decision's result, the step (its news, narrative, and options as buttons in the order
 * the game offers them: choices as the case lists them, Council members as the game lists them,
 * then the vote; or Continue), the meters as a list, and at the end the ending with its text.
 * Scenario text arrives parsed by the game's renderer (the worker runs src/ui/markup.ts) and is
 * put in the page as text only. Nothing here decides a rule: each button sends a move the view offers.
 */
import type { GameEvent, StepView } from '../engine';
import type { MeterView } from '../engine/view-types';
import { formatDate, h } from '../ui/dom';
import type { Para, PlayOption, PlayState } from './protocol';

const TONE = {
  good: 'Good end for this seat',
  mixed: 'Mixed end for this seat',
  bad: 'Bad end for this seat',
} as const;

const phase = (p: string) => p.charAt(0).toUpperCase() + p.slice(1);

/** Paragraphs of scenario text: each run a text node, in <strong> or <em> as marked. */
function prose(paras: Para[]): HTMLElement {
  return h(
    'div',
    { class: 'prose' },
    ...paras.map((runs) =>
      h(
        'p',
        null,
        ...runs.map((r) => {
          let node: Node = document.createTextNode(r.text);
          if (r.italic) node = h('em', null, node);
          if (r.bold) node = h('strong', null, node);
          return node;
        }),
      ),
    ),
  );
}

const invented = (what = 'Invented') => h('span', { class: 'tag tag-invented' }, what);

/** The meters as a list: label, value, range and which way is better. */
export function meterItems(meters: MeterView[]): HTMLElement {
  return h(
    'ul',
    { class: 'wb-meter-list', 'aria-label': 'Meters' },
    ...meters.map((m) =>
      h(
        'li',
        { 'data-meter': m.id, 'data-value': String(m.value) },
        h('strong', null, `${m.label}: ${Math.round(m.value)}`),
        h(
          'span',
          { class: 'muted' },
          ` (${m.min} to ${m.max}; ${m.higherIs === 'better' ? 'higher' : 'lower'} is better)`,
        ),
      ),
    ),
  );
}

function lastResult(state: PlayState): HTMLElement | null {
  const last = state.view.last;
  if (!last) return null;
  return h(
    'section',
    { class: 'wb-result', 'aria-labelledby': 'wb-result-heading' },
    h('h3', { id: 'wb-result-heading' }, `Decision ${last.turn}: ${last.title}`),
    h(
      'p',
      null,
      'Decided: ',
      h('strong', null, last.label),
      last.counterfactual ? ' ' : null,
      last.counterfactual ? invented() : null,
    ),
    state.prose.last.length > 0 ? prose(state.prose.last) : null,
    last.vote
      ? h(
          'ul',
          { class: 'wb-votes', 'aria-label': 'How the members voted' },
          ...last.vote.members.map((m) => h('li', null, `${m.name}: ${state.positions[m.position]}`)),
        )
      : null,
    last.history
      ? h(
          'p',
          { class: 'muted' },
          `History: ${last.history.label} (${last.history.matched ? 'the same as this decision' : 'not this decision'}).`,
        )
      : null,
  );
}

function news(state: PlayState, step: StepView): HTMLElement | null {
  if (step.news.length === 0) return null;
  return h(
    'section',
    { class: 'wb-news', 'aria-labelledby': 'wb-news-heading' },
    h('h4', { id: 'wb-news-heading' }, 'News'),
    h(
      'ul',
      null,
      ...step.news.map((n, i) => h('li', null, prose(state.prose.news[i] ?? []), n.counterfactual ? invented() : null)),
    ),
  );
}

/** An option's key, as the game shows it (the number key that takes it there). */
const key = (o: PlayOption) => (o.key && o.key !== 'Enter' ? h('kbd', { 'aria-hidden': 'true' }, o.key) : null);

function button(o: PlayOption, label: (string | HTMLElement | null)[], cls: string, move: (e: GameEvent) => void) {
  const data =
    o.kind === 'choose'
      ? { 'data-choice': o.choice?.id }
      : o.kind === 'lobby'
        ? { 'data-lobby': o.member?.actor }
        : o.kind === 'vote'
          ? { 'data-vote': o.position ?? 'call' }
          : { 'data-continue': 'step' };
  return h(
    'button',
    { type: 'button', class: cls, 'data-key': o.key, ...data, onclick: () => move(o.move) },
    key(o),
    ...label,
  );
}

function council(state: PlayState, step: StepView, move: (e: GameEvent) => void): HTMLElement[] {
  const c = step.council;
  if (!c) return [];
  const rank = new Map(state.memberOrder.map((a, i) => [a, i]));
  const members = [...c.members].sort(
    (a, b) => (rank.get(a.actor) ?? c.members.length) - (rank.get(b.actor) ?? c.members.length),
  );
  const lobby = new Map(state.options.filter((o) => o.kind === 'lobby').map((o) => [o.member?.actor, o]));
  const votes = state.options.filter((o) => o.kind === 'vote');
  const objecting = c.members.filter((m) => m.position === 'object').map((m) => m.name);
  const seat = c.seatVote;
  return [
    h('h4', { id: 'wb-options-heading' }, 'The proposal'),
    h('p', { class: 'proposal' }, c.proposal),
    h(
      'p',
      null,
      c.wouldPass
        ? 'If the vote is called now, consensus forms: no member objects.'
        : `If the vote is called now, it is blocked: ${objecting.join(', ')} ${objecting.length === 1 ? 'objects' : 'object'}.`,
    ),
    h(
      'ul',
      { class: 'wb-members', 'aria-label': 'Members of the Council' },
      ...members.map((m) => {
        const o = lobby.get(m.actor);
        return h(
          'li',
          { 'data-member': m.actor },
          h('span', null, h('strong', null, m.name), ` — ${state.positions[m.position]} (lean ${Math.round(m.lean)})`),
          o && m.lobby
            ? button(o, [`Lobby ${m.name}: ${m.lobby.label}`], 'btn btn-small', move)
            : m.lobby?.done
              ? h('span', { class: 'muted' }, 'Lobbied.')
              : null,
        );
      }),
    ),
    h(
      'div',
      { class: 'actions' },
      ...votes.map((o) =>
        button(
          o,
          [
            o.position && seat
              ? `Vote “${state.positions[o.position]}” for ${seat.name}, and call the vote`
              : 'Call the vote',
          ],
          'btn btn-primary',
          move,
        ),
      ),
    ),
  ];
}

function options(state: PlayState, step: StepView, move: (e: GameEvent) => void): HTMLElement[] {
  if (step.kind === 'council') return council(state, step, move);
  const choices = state.options.filter((o) => o.kind === 'choose');
  if (step.kind === 'choices') {
    return [
      h('h4', { id: 'wb-options-heading' }, 'Options'),
      h(
        'ol',
        { class: 'wb-options', 'aria-labelledby': 'wb-options-heading' },
        ...choices.map((o) =>
          h(
            'li',
            null,
            button(
              o,
              [
                h(
                  'span',
                  { class: 'wb-option-text' },
                  h('span', { class: 'wb-option-label' }, o.choice?.label ?? ''),
                  o.choice?.detail ? h('span', { class: 'wb-option-detail' }, o.choice.detail) : null,
                ),
              ],
              'btn wb-option',
              move,
            ),
          ),
        ),
      ),
    ];
  }
  return [
    h(
      'div',
      { class: 'actions' },
      ...state.options
        .filter((o) => o.kind === 'continue')
        .map((o) => button(o, ['Continue'], 'btn btn-primary', move)),
    ),
  ];
}

/** The run as HTML; the heading (the step's or the ending's) has id `wb-play-heading` and takes focus. */
export function renderPlay(state: PlayState, move: (e: GameEvent) => void): HTMLElement {
  const view = state.view;
  const meters = h(
    'section',
    { class: 'wb-meters', 'aria-labelledby': 'wb-meters-heading' },
    h('h4', { id: 'wb-meters-heading' }, 'Meters'),
    meterItems(view.meters),
  );
  if (view.status === 'ended') {
    const e = view.ending;
    return h(
      'div',
      { class: 'wb-run', 'data-status': 'ended' },
      lastResult(state),
      h(
        'section',
        { class: 'wb-ending', 'aria-labelledby': 'wb-play-heading', 'data-ending': e?.id ?? '' },
        h('h3', { id: 'wb-play-heading', tabindex: -1 }, `Ending: ${e?.title ?? 'the run is over'}`),
        e
          ? h(
              'p',
              null,
              h('span', { class: `tag tag-${e.tone}` }, TONE[e.tone]),
              e.historical ? ' ' : null,
              e.historical ? h('span', { class: 'tag tag-history' }, 'Closest to what happened') : null,
              e.counterfactual ? ' ' : null,
              e.counterfactual ? invented('Invented ending') : null,
            )
          : null,
        prose(state.prose.ending),
      ),
      meters,
    );
  }
  const step = view.step as StepView;
  const decision = step.kind === 'choices' || step.kind === 'council';
  return h(
    'div',
    { class: 'wb-run', 'data-status': 'playing', 'data-step': step.id },
    lastResult(state),
    h(
      'article',
      { class: 'wb-step', 'aria-labelledby': 'wb-play-heading' },
      h(
        'p',
        { class: 'kicker' },
        `${phase(step.phase)}${decision ? ` · Decision ${view.turn + 1}` : ''} · `,
        h('time', { datetime: step.date }, formatDate(step.date)),
        step.place ? ` · ${step.place.name}` : '',
      ),
      h(
        'h3',
        { id: 'wb-play-heading', tabindex: -1 },
        step.title,
        step.counterfactual ? ' ' : null,
        step.counterfactual ? invented() : null,
      ),
      news(state, step),
      prose(state.prose.step),
      step.decider
        ? h(
            'p',
            { class: 'muted' },
            `Deciding: ${step.decider.name}${step.decider.leader ? ` (${step.decider.leader})` : ''}`,
          )
        : null,
      ...options(state, step, move),
    ),
    meters,
  );
}
