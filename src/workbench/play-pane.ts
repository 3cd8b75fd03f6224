/**
 * The play pane: the edited scenario played as the game plays it (the engine's Game and its
 * XState machine, run in the worker), from any seat and any step. To start at a step the worker
 * replays the fewest moves from the seat's start that reach it, found by the engine's search
 * (src/engine/shortest-path.ts). When the text changes and still has no error, the run's moves
 * are replayed on the new version: it goes on with the new wording, or, when the edit changed
 * where those moves lead, starts again from the chosen step and says so. This pane only renders
 * the views the worker sends back and sends the moves the view offers.
 */
import type { GameEvent, Scenario } from '../engine';
import type { EngineClient } from './engine-client';
import { renderPlay } from './play-view';
import type { PlayState, RunOptions } from './protocol';

export interface PlayElements {
  seat: HTMLSelectElement;
  length: HTMLSelectElement;
  lengthField: HTMLElement;
  step: HTMLSelectElement;
  seed: HTMLInputElement;
  start: HTMLButtonElement;
  undo: HTMLButtonElement;
  status: HTMLElement;
  view: HTMLElement;
}

/** Where the run stands: its seat, and its step or ending (for the statechart). */
export interface RunPlace {
  scenario: Scenario;
  role: string;
  current: string | undefined;
}

const START = '';

function fill(select: HTMLSelectElement, options: { value: string; label: string }[], keep: string): void {
  const want = options.some((o) => o.value === keep) ? keep : (options[0]?.value ?? '');
  select.replaceChildren(
    ...options.map((o) => {
      const el = document.createElement('option');
      el.value = o.value;
      el.textContent = o.label;
      return el;
    }),
  );
  select.value = want;
}

export class PlayPane {
  private scenario: Scenario | null = null;
  private state: PlayState | null = null;
  /** Counts what was asked of the worker, so an answer to an older request is dropped. */
  private generation = 0;
  /** A move on its way to the worker: further clicks wait for its answer. */
  private moving = false;

  constructor(
    private readonly el: PlayElements,
    private readonly runner: EngineClient,
    private readonly placed: (place: RunPlace | null) => void,
  ) {
    el.start.addEventListener('click', () => void this.restart(true));
    el.undo.addEventListener('click', () => void this.undo());
    // As in the game: a number key takes the option it is shown beside (within the run, not in a field).
    el.view.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return;
      const target = el.view.querySelector<HTMLButtonElement>(`button[data-key="${e.key}"]`);
      if (!target) return;
      e.preventDefault();
      target.click();
    });
    el.seed.addEventListener('change', () => {
      const n = Math.trunc(Number(el.seed.value));
      el.seed.value = String(Number.isSafeInteger(n) && n >= 1 ? n : 1);
    });
  }

  /** The run's moves so far (for the browser tests). */
  moves(): readonly GameEvent[] {
    return this.state?.moves ?? [];
  }

  private options(): RunOptions {
    const length = this.el.length.value;
    return {
      role: this.el.seat.value,
      seed: Math.max(1, Math.trunc(Number(this.el.seed.value)) || 1),
      ...(length && length !== 'full' ? { length } : {}),
    };
  }

  /** A new version of the scenario (null: the text has errors, `errors` of them). */
  setScenario(s: Scenario | null, errors: number): void {
    const previous = this.scenario;
    this.scenario = s;
    const gen = ++this.generation;
    for (const c of [this.el.seat, this.el.length, this.el.step, this.el.seed, this.el.start]) c.disabled = s === null;
    if (!s) {
      this.state = null;
      this.el.undo.disabled = true;
      this.el.view.replaceChildren();
      this.say(
        `The scenario has ${errors} ${errors === 1 ? 'error' : 'errors'}: fix ${errors === 1 ? 'it' : 'them'} (see Problems) to play.`,
      );
      this.placed(null);
      return;
    }
    fill(
      this.el.seat,
      s.roles.map((r) => ({ value: r.id, label: r.title })),
      this.el.seat.value,
    );
    fill(
      this.el.length,
      [{ value: 'full', label: 'The full case' }, ...s.lengths.map((l) => ({ value: l.id, label: l.label }))],
      this.el.length.value || 'full',
    );
    this.el.lengthField.hidden = s.lengths.length === 0;
    fill(
      this.el.step,
      [
        { value: START, label: 'The seat’s first step' },
        ...s.steps.map((st) => ({ value: st.id, label: `${st.title} (${st.id})` })),
      ],
      this.el.step.value,
    );
    if (!this.state || !previous) {
      void this.restart(false);
      return;
    }
    void this.runner.request<'play-update'>({ type: 'play-update', scenario: s }).then(
      (next) => {
        if (gen !== this.generation) return;
        if (next) this.show(next, false);
        else {
          this.say('The edit changed where this run’s moves lead: started again.');
          void this.restart(false, false);
        }
      },
      (e: Error) => {
        if (gen === this.generation) this.say(`The run could not go on: ${e.message}`);
      },
    );
  }

  private say(text: string): void {
    this.el.status.textContent = text;
  }

  /** Starts a new run at the chosen seat, length, seed and step. */
  async restart(focus: boolean, announce = true): Promise<void> {
    const s = this.scenario;
    if (!s) return;
    const gen = ++this.generation;
    const options = this.options();
    const step = this.el.step.value;
    const seat = s.roles.find((r) => r.id === options.role)?.title ?? options.role;
    const title = s.steps.find((x) => x.id === step)?.title ?? step;
    if (step !== START) this.say(`Finding the fewest moves from the start to “${title}”…`);
    this.el.start.disabled = true;
    try {
      const r = await this.runner.request<'play-start'>({ type: 'play-start', scenario: s, options, step });
      if (gen !== this.generation) return;
      if (!r.state) {
        const p = r.path;
        this.say(
          p && !p.found && !p.complete
            ? `The search stopped after ${p.states} states without reaching “${title}”.`
            : `No sequence of moves from ${seat}’s start reaches “${title}” (seed ${options.seed}). Try another seat or seed.`,
        );
        return;
      }
      this.show(r.state, focus);
      if (!announce) return;
      const p = r.path;
      if (!p?.found) this.say(`Started as ${seat}, from the seat’s first step.`);
      else {
        const n = p.events.length;
        this.say(
          `Started as ${seat} at “${title}”, after ${n} ${n === 1 ? 'move' : 'moves'} from the start${p.exact ? ' (the fewest)' : ' (a shorter way may exist: the search merged similar states)'}.`,
        );
      }
    } catch (e) {
      if (gen === this.generation) this.say(`Could not start: ${(e as Error).message}`);
    } finally {
      if (gen === this.generation) this.el.start.disabled = this.scenario === null;
    }
  }

  private async move(event: GameEvent): Promise<void> {
    if (this.moving || !this.state) return;
    this.moving = true;
    const gen = this.generation;
    try {
      const next = await this.runner.request<'play-move'>({ type: 'play-move', event });
      if (gen !== this.generation || !next) return;
      this.show(next, true);
      const v = next.view;
      this.say(v.status === 'ended' ? `Ending: ${v.ending?.title ?? ''}` : (v.step?.title ?? ''));
    } catch (e) {
      this.say(`The move could not be played: ${(e as Error).message}`);
    } finally {
      this.moving = false;
    }
  }

  private async undo(): Promise<void> {
    if (this.moving || !this.state) return;
    const gen = ++this.generation;
    const next = await this.runner.request<'play-undo'>({ type: 'play-undo' });
    if (gen !== this.generation || !next) return;
    this.show(next, true);
    const n = next.moves.length;
    this.say(`Took back the last move (${n} ${n === 1 ? 'move' : 'moves'} made).`);
  }

  private show(state: PlayState, focus: boolean): void {
    const s = this.scenario;
    if (!s) return;
    this.state = state;
    const view = state.view;
    this.el.view.replaceChildren(renderPlay(state, (e) => void this.move(e)));
    this.el.undo.disabled = state.moves.length === 0;
    if (focus) document.getElementById('wb-play-heading')?.focus();
    this.placed({ scenario: s, role: view.role, current: view.status === 'ended' ? view.ending?.id : view.step?.id });
  }
}
