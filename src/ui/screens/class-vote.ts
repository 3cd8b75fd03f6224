/**
 * Classroom play on a decision screen: the optional rationale ("Why?"), and class mode's vote
 * tallies, countdown and the teacher's pick. What was typed lives in a DecisionDraft the app
 * keeps per decision, so a re-render (lobbying, settings) never loses it; the tallies and the
 * countdown update their own elements without re-rendering the screen.
 */
import { countdown, MAX_VOTES, tallyView } from '../../classroom/class-vote';
import type { ForecastMode } from '../../engine/advice';
import { MAX_RATIONALE } from '../../engine/events';
import type { MeterView, Position, StepView } from '../../engine/view-types';
import { h } from '../dom';
import { forecastBlock } from './forecast';
import '../classroom.css';

export type PlayMode = 'solo' | 'class';

/** What has been typed for the decision on screen. */
export interface DecisionDraft {
  /** Turn and step it belongs to; another decision starts a fresh draft. */
  key: string;
  rationale: string;
  tally: Record<string, number>;
  /** The option the teacher picked (null: follow the most votes). */
  pick: string | null;
  minutes: number;
  timer: { durationMs: number; startMs: number; announced: boolean } | null;
  /** Council teams: each team's vote, by the member state it holds. */
  teamVotes: Record<string, Position>;
  /** Council teams: each team's reasons, by the member state it holds. */
  teamRationales: Record<string, string>;
  /** At a Council: the order its members are listed in, fixed when the step opens (play-council.ts). */
  memberOrder?: string[];
}

/** A draft entry by id: own properties only, so an id such as "constructor" is just an id. */
export function draftEntry<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Sets a draft entry as an own property (even for an id such as "__proto__"). */
export function setDraftEntry<T>(record: Record<string, T>, id: string, value: T): void {
  Object.defineProperty(record, id, { value, enumerable: true, writable: true, configurable: true });
}

export function freshDraft(key: string): DecisionDraft {
  return { key, rationale: '', tally: {}, pick: null, minutes: 0, timer: null, teamVotes: {}, teamRationales: {} };
}

/** The "Why? (optional)" field: open in class mode, collapsed (unless already filled) in solo mode. */
export function rationaleField(draft: DecisionDraft, mode: PlayMode): HTMLElement {
  const area = h('textarea', {
    id: 'rationale',
    class: 'rationale-input',
    name: 'rationale',
    rows: mode === 'class' ? 3 : 4,
    maxlength: MAX_RATIONALE,
    'aria-describedby': 'rationale-help',
    'data-focus-id': 'rationale',
    oninput: (e: Event) => {
      draft.rationale = (e.target as HTMLTextAreaElement).value;
    },
  });
  area.value = draft.rationale;
  const body = [
    h('label', { for: 'rationale', class: 'rationale-label' }, 'Why? (optional)'),
    h(
      'p',
      { id: 'rationale-help', class: 'field-help' },
      `A sentence or two on the reasons (at most ${MAX_RATIONALE} characters). It is kept with the decision and shown in the debrief.`,
    ),
    area,
  ];
  if (mode === 'class') return h('div', { class: 'rationale rationale-class' }, ...body);
  return h(
    'details',
    { class: 'rationale', open: draft.rationale !== '' },
    h('summary', { 'data-focus-id': 'rationale-summary' }, 'Add your reasons (optional)'),
    ...body,
  );
}

export interface ClassPanelProps {
  step: StepView;
  meters: MeterView[];
  /** How options' forecasts show (this class run's setting). */
  forecastMode: ForecastMode;
  draft: DecisionDraft;
  /** Announces a short text politely (the app's live region). */
  announce(text: string): void;
  /** The "Why?" field, placed before the pick. */
  notes: HTMLElement;
  onTake(choice: string): void;
}

const MINUTES = [0, 1, 2, 3];

/** Class mode at a choice step: each option with its tally, the countdown, the teacher's pick. */
export function classChoicePanel(p: ClassPanelProps): HTMLElement {
  const { step, draft } = p;
  const options = step.choices.map((c) => ({ id: c.id, label: c.label }));
  const radios = new Map<string, HTMLInputElement>();
  const items = new Map<string, HTMLElement>();
  const totalEl = h('p', { class: 'tally-total', 'aria-live': 'off' });

  const chosen = (): string | null => {
    if (draft.pick && options.some((o) => o.id === draft.pick)) return draft.pick;
    return tallyView(options, draft.tally).leaders[0] ?? options[0]?.id ?? null;
  };

  const refresh = () => {
    const view = tallies.refresh();
    for (const o of view.options) items.get(o.id)?.classList.toggle('leading', o.leading);
    totalEl.textContent = `${view.total} vote${view.total === 1 ? '' : 's'} in all`;
    const pick = chosen();
    for (const [id, r] of radios) r.checked = id === pick;
  };

  const tallies = tallyControls(options, draft.tally, refresh);

  const rows = step.choices.map((c, i) => {
    const item = h(
      'li',
      { class: 'class-option', 'data-class-option': c.id },
      h(
        'div',
        { class: 'class-option-text' },
        h('span', { class: 'class-option-letter', 'aria-hidden': 'true' }, String.fromCharCode(65 + i)),
        h(
          'div',
          null,
          h('h4', { id: `class-option-${c.id}-label`, class: 'class-option-label' }, c.label),
          c.detail ? h('p', { class: 'choice-detail' }, c.detail) : null,
          forecastBlock(c.forecast, p.meters, p.forecastMode),
        ),
      ),
      tallies.group(c.id, c.label),
    );
    items.set(c.id, item);
    return item;
  });

  const pickGroup = h(
    'fieldset',
    { class: 'class-pick' },
    h('legend', null, 'The option the class takes'),
    ...step.choices.map((c) => {
      const radio = h('input', {
        type: 'radio',
        name: 'class-pick',
        id: `pick-${c.id}`,
        value: c.id,
        'data-pick': c.id,
        'data-focus-id': `pick-${c.id}`,
        onchange: () => {
          draft.pick = c.id;
          refresh();
        },
      });
      radios.set(c.id, radio);
      return h('div', { class: 'class-pick-row' }, radio, h('label', { for: `pick-${c.id}` }, c.label));
    }),
    h('p', { class: 'field-help' }, 'It follows the most votes until you pick another.'),
  );

  const root = h(
    'section',
    { class: 'class-panel', 'aria-labelledby': 'options-heading' },
    h('h3', { class: 'section-heading', id: 'options-heading' }, 'The options: how does the class vote?'),
    h('ol', { class: 'class-options', 'aria-label': 'Options and votes' }, ...rows),
    totalEl,
    p.notes,
    pickGroup,
    roomBar(
      countdownBlock(draft, p.announce),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary btn-large',
          'data-class-take': 'take',
          'data-focus-id': 'class-take',
          onclick: () => {
            const id = chosen();
            if (id) p.onTake(id);
          },
        },
        'Take this option and reveal the consequences',
      ),
    ),
  );
  refresh();
  return root;
}

/**
 * The room's controls at a decision, the countdown and the button that takes the room's choice (or
 * calls the Council's vote), in one bar that stays on screen while the options scroll: at the foot
 * of the controls' column on a wide screen, at the foot of the screen on a narrow one (projector.css).
 */
export function roomBar(countdown: HTMLElement, button: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'room-bar', role: 'group', 'aria-label': 'Countdown and the room’s decision' },
    countdown,
    h('div', { class: 'actions' }, button),
  );
}

/**
 * The vote counters of a tally: per option a group of −, the count and +, with a bar and the
 * share. Counts go into `tally` (zero: left out); `onChange` runs after each change, and
 * `refresh` redraws the bars and shares from `tally`.
 */
export function tallyControls(
  options: readonly { id: string; label: string }[],
  tally: Record<string, number>,
  onChange: () => void,
): { group(id: string, label: string): HTMLElement; refresh(): ReturnType<typeof tallyView> } {
  const inputs = new Map<string, HTMLInputElement>();
  const bars = new Map<string, HTMLElement>();
  const shares = new Map<string, HTMLElement>();
  const setCount = (id: string, n: number) => {
    const v = Math.max(0, Math.min(MAX_VOTES, Math.floor(Number.isFinite(n) ? n : 0)));
    if (v === 0) delete tally[id];
    else setDraftEntry(tally, id, v);
    const input = inputs.get(id);
    if (input && input.value !== String(v)) input.value = String(v);
    onChange();
  };
  const group = (id: string, label: string): HTMLElement => {
    const inputId = `tally-${id}`;
    const input = h('input', {
      id: inputId,
      type: 'number',
      class: 'tally-input',
      min: 0,
      max: MAX_VOTES,
      step: 1,
      inputmode: 'numeric',
      'data-tally': id,
      'data-focus-id': `tally-${id}`,
      oninput: (e: Event) => setCount(id, Number((e.target as HTMLInputElement).value || 0)),
    });
    input.value = String(draftEntry(tally, id) ?? 0);
    inputs.set(id, input);
    const bar = h('span', { class: 'tally-bar-fill' });
    bars.set(id, bar);
    const share = h('span', { class: 'tally-share' });
    shares.set(id, share);
    return h(
      'div',
      { class: 'tally', role: 'group', 'aria-label': `Votes for ${label}` },
      h(
        'button',
        {
          type: 'button',
          class: 'btn tally-step',
          'aria-label': `One vote fewer for ${label}`,
          'data-tally-minus': id,
          'data-focus-id': `minus-${id}`,
          onclick: () => setCount(id, (draftEntry(tally, id) ?? 0) - 1),
        },
        '−',
      ),
      h('label', { for: inputId, class: 'sr-only' }, `Votes for ${label}`),
      input,
      h(
        'button',
        {
          type: 'button',
          class: 'btn tally-step',
          'aria-label': `One vote more for ${label}`,
          'data-tally-plus': id,
          'data-focus-id': `plus-${id}`,
          onclick: () => setCount(id, (draftEntry(tally, id) ?? 0) + 1),
        },
        '+',
      ),
      h('span', { class: 'tally-bar', 'aria-hidden': 'true' }, bar),
      share,
    );
  };
  const refresh = () => {
    const view = tallyView(options, tally);
    for (const o of view.options) {
      const pct = Math.round(o.share * 100);
      bars.get(o.id)?.style.setProperty('width', `${pct}%`);
      const s = shares.get(o.id);
      if (s) s.textContent = view.total > 0 ? `${pct}%${o.leading ? ' · most votes' : ''}` : '';
    }
    return view;
  };
  return { group, refresh };
}

/** The optional countdown: off / 1 / 2 / 3 minutes. It never decides anything itself. */
export function countdownBlock(draft: DecisionDraft, announce: (text: string) => void): HTMLElement {
  const display = h('p', { class: 'countdown-display', role: 'timer', 'aria-live': 'off', 'data-countdown': '' });
  const select = h(
    'select',
    {
      id: 'countdown-minutes',
      'data-focus-id': 'countdown-minutes',
      onchange: (e: Event) => {
        draft.minutes = Number((e.target as HTMLSelectElement).value);
      },
    },
    ...MINUTES.map((m) => h('option', { value: m }, m === 0 ? 'Off' : `${m} minute${m === 1 ? '' : 's'}`)),
  );
  select.value = String(draft.minutes);
  const start = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      'data-countdown-start': '',
      'data-focus-id': 'countdown-start',
      onclick: () => {
        if (draft.minutes <= 0) {
          draft.timer = null;
          tick();
          return;
        }
        draft.timer = { durationMs: draft.minutes * 60_000, startMs: Date.now(), announced: false };
        announce(`Countdown started: ${draft.minutes} minute${draft.minutes === 1 ? '' : 's'}.`);
        tick();
      },
    },
    'Start',
  );
  const root = h(
    'div',
    { class: 'countdown' },
    h('label', { for: 'countdown-minutes' }, 'Countdown'),
    select,
    start,
    display,
  );
  let handle = 0;
  function tick(): void {
    if (!root.isConnected && handle) {
      window.clearInterval(handle);
      handle = 0;
      return;
    }
    const t = draft.timer;
    if (!t) {
      display.textContent = '';
      display.hidden = true;
      return;
    }
    display.hidden = false;
    const c = countdown(t.durationMs, t.startMs, Date.now());
    display.textContent = c.done ? 'Time is up' : c.label;
    root.classList.toggle('countdown-done', c.done);
    if (c.done && !t.announced) {
      t.announced = true;
      announce('Time is up. Take the class’s decision when you are ready.');
    }
  }
  tick();
  handle = window.setInterval(tick, 250);
  return root;
}
