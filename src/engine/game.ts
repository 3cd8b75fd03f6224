/**
 * A run of a scenario: an XState actor of the compiled machine, its event log, and the
 * operations a front end needs (view, send, save, restore, replay, debrief). Front ends hold a
 * Game and render `view()`; they never decide a rule themselves.
 */
import { compileScenario, type ScenarioMachine } from './compiler';
import { FULL_LENGTH } from './constants';
import { seatVoteOf } from './council-view';
import { buildDebrief, type Debrief } from './debrief';
import type { DecisionNotes, GameEvent, TeamPositions } from './events';
import { legalMoves } from './moves';
import type { RunContext } from './run-context';
import { type Interpreter, interpreterCore, type RunCore, type RunSnapshot } from './run-core';
import { parseSave, playState, rulesHash, SAVE_VERSION, type SaveData, SaveError, SaveMessage } from './save';
import type { Scenario, Step } from './schema';
import { gameView, type VoteCall } from './view';
import type { GameView, Position } from './view-types';

const machines = new WeakMap<Scenario, ScenarioMachine>();
/** Each scenario's rules hash, for saves (a scenario object is never changed once loaded). */
const hashes = new WeakMap<Scenario, string>();
const stepMaps = new WeakMap<Scenario, Map<string, Step>>();

function stepOf(s: Scenario, id: string): Step | undefined {
  let m = stepMaps.get(s);
  if (!m) {
    m = new Map(s.steps.map((st) => [st.id, st]));
    stepMaps.set(s, m);
  }
  return m.get(id);
}

/** Compiles once per scenario object. */
export function machineFor(s: Scenario): ScenarioMachine {
  let m = machines.get(s);
  if (!m) {
    m = compileScenario(s);
    machines.set(s, m);
  }
  return m;
}

function hashOf(s: Scenario): string {
  let h = hashes.get(s);
  if (h === undefined) {
    h = rulesHash(s);
    hashes.set(s, h);
  }
  return h;
}

export interface StartOptions {
  role: string;
  seed: number;
  /** A length the scenario declares (`lengths`); absent or `full` for the whole case. */
  length?: string;
}

/** The options a run was started with, from its context or its save. */
function runOptions(x: { role: string; seed: number; length?: string }): StartOptions {
  return { role: x.role, seed: x.seed, ...(x.length ? { length: x.length } : {}) };
}

export class Game {
  readonly scenario: Scenario;
  private readonly core: RunCore;
  private readonly events: GameEvent[];
  private readonly listeners = new Set<(view: GameView) => void>();
  private cachedView: GameView | null = null;
  /** Where the latest Council vote was called (its event's index in the log): what `view().last.vote` reads. */
  private voteCall: { eventIndex: number; call: VoteCall } | null = null;

  private constructor(scenario: Scenario, core: RunCore, events: GameEvent[]) {
    this.scenario = scenario;
    this.core = core;
    this.events = events;
  }

  /**
   * A new run from the seat's first step. The compiled XState machine runs it; automated play
   * (stats, balance, estimates, lint) passes `'table'` for the same rules read from the same
   * configuration by a faster interpreter (run-core.ts, table-run.ts).
   */
  static start(scenario: Scenario, opts: StartOptions, interpreter: Interpreter = 'xstate'): Game {
    if (!scenario.roles.some((r) => r.id === opts.role)) {
      throw new Error(
        `"${scenario.id}" has no seat "${opts.role}"; seats: ${scenario.roles.map((r) => r.id).join(', ')}`,
      );
    }
    if (!Number.isSafeInteger(opts.seed)) throw new Error(`the seed must be a whole number, not ${opts.seed}`);
    const length = opts.length ?? FULL_LENGTH;
    if (length !== FULL_LENGTH && !scenario.lengths.some((l) => l.id === length)) {
      throw new Error(
        `"${scenario.id}" has no length "${length}"; lengths: ${[FULL_LENGTH, ...scenario.lengths.map((l) => l.id)].join(', ')}`,
      );
    }
    const input = { role: opts.role, seed: opts.seed, ...(length !== FULL_LENGTH ? { length } : {}) };
    return new Game(scenario, interpreterCore(interpreter, scenario, machineFor(scenario), input), []);
  }

  /** A run rebuilt from the seed and an event log (events that do not apply are an error). */
  static replay(
    scenario: Scenario,
    opts: StartOptions,
    events: readonly GameEvent[],
    interpreter: Interpreter = 'xstate',
  ): Game {
    const game = Game.start(scenario, opts, interpreter);
    events.forEach((e, i) => {
      if (!game.send(e)) {
        game.stop();
        throw new SaveError(`event ${i + 1} (${e.type}) does not apply to this case`);
      }
    });
    return game;
  }

  /**
   * Restores a saved run (of any save format still read) by replaying its moves from its seed;
   * the replay must reach the saved state, prose aside, so a save resumes after the case's wording
   * changed and shows the new wording. Throws SaveError with a message for the player.
   */
  static restore(scenario: Scenario, raw: unknown): Game {
    const save = parseSave(scenario, raw);
    // A format-1 save of an edited case: whether its rules changed shows only in the replay.
    const changed = save.rulesMatch ? undefined : SaveMessage.CaseChanged;
    let replayed: Game;
    try {
      replayed = Game.replay(scenario, runOptions(save), save.events);
    } catch (e) {
      if (e instanceof SaveError) throw new SaveError(changed ?? SaveMessage.Mismatch);
      throw e;
    }
    if (playState(replayed.core.persisted()) !== playState(save.snapshot)) {
      replayed.stop();
      throw new SaveError(changed ?? SaveMessage.StateMismatch);
    }
    return replayed;
  }

  /** The run's context as a value (later moves leave it unchanged), for whatever keeps it or part of it. */
  private get context(): RunContext {
    return this.core.snapshot().context;
  }

  /** Sends an event; returns false (and changes nothing) when the current step does not accept it. */
  send(event: GameEvent): boolean {
    // A vote keeps the context it was called in (`voteCall`), so takes it as a value; other moves
    // only read the state before (the move may change it in place: see `RunCore.peek`).
    const before = event.type === 'CALL_VOTE' ? this.core.snapshot() : this.core.peek();
    if (before.status !== 'active') return false;
    const handled = before.context.handled;
    this.core.send(event);
    if (this.core.peek().context.handled === handled) return false;
    if (event.type === 'CALL_VOTE') {
      const call = this.voteCallOf(before.context, event);
      this.voteCall = { eventIndex: this.events.length, call };
    }
    this.events.push(event);
    this.cachedView = null;
    if (this.listeners.size > 0) {
      const view = this.view();
      for (const l of this.listeners) l(view);
    }
    return true;
  }

  choose(choice: string, notes: DecisionNotes = {}): boolean {
    return this.send({ type: 'CHOOSE', choice, ...notes });
  }
  lobby(actor: string): boolean {
    return this.send({ type: 'LOBBY', actor });
  }
  /**
   * Calls the Council's vote; `positions` are council teams' votes for the seats they hold,
   * `position` the vote the player's seat casts for its own member (`seat_votes`).
   */
  callVote(notes: DecisionNotes & { positions?: TeamPositions; position?: Position } = {}): boolean {
    return this.send({ type: 'CALL_VOTE', ...notes });
  }
  continue(): boolean {
    return this.send({ type: 'CONTINUE' });
  }

  /** The step the run stands at, or undefined once it has ended. */
  currentStep(): string | undefined {
    const snap: RunSnapshot = this.core.peek();
    return snap.status === 'done' ? undefined : snap.value;
  }

  /** The moves the player can make now (no view is built: cheap for automated play). */
  moves(): GameEvent[] {
    const id = this.currentStep();
    const step = id === undefined ? undefined : stepOf(this.scenario, id);
    // The moves are new objects that keep nothing of the context, so a peek will do.
    return legalMoves(step, this.core.peek().context, this.scenario);
  }

  /**
   * Where automated play stands, without building a view: the current step (undefined once the
   * run has ended), the run's context as it is now (read it before the next move, which may change
   * it in place) and the moves open now (as `moves()`). Playtest policies read it at every move.
   */
  peekStep(): { step: Step | undefined; context: Readonly<RunContext>; moves: GameEvent[] } {
    const snap: RunSnapshot = this.core.peek();
    const step = snap.status === 'done' ? undefined : stepOf(this.scenario, snap.value);
    return { step, context: snap.context, moves: legalMoves(step, snap.context, this.scenario) };
  }

  view(): GameView {
    if (!this.cachedView) {
      const snap = this.core.snapshot();
      const vote = this.lastVoteCall(snap.context);
      this.cachedView = gameView(this.scenario, snap.context, String(snap.value), snap.status === 'done', vote);
    }
    return this.cachedView;
  }

  /**
   * Where the last decision's Council vote was called, when it was one: the context just before
   * its event and the teams' positions it carried. A run restored or forked without it rebuilds
   * it from the event log (the moves before the vote, replayed from the seed).
   */
  private lastVoteCall(ctx: RunContext): VoteCall | undefined {
    const last = ctx.last;
    const d = last ? ctx.decisions.find((x) => x.turn === last.turn) : undefined;
    if (d?.kind !== 'vote') return undefined;
    if (this.voteCall?.eventIndex !== d.eventIndex) {
      const event = this.events[d.eventIndex];
      if (event?.type !== 'CALL_VOTE') return undefined;
      const before = Game.replay(this.scenario, runOptions(ctx), this.events.slice(0, d.eventIndex), this.core.kind);
      const call = this.voteCallOf(before.context, event);
      before.stop();
      this.voteCall = { eventIndex: d.eventIndex, call };
    }
    return this.voteCall.call;
  }

  /** Where a vote is called: the context before it, the teams' positions and the seat's own vote it carried. */
  private voteCallOf(context: RunContext, event: GameEvent & { type: 'CALL_VOTE' }): VoteCall {
    const step = stepOf(this.scenario, context.visited.at(-1) ?? '');
    const seat = seatVoteOf(this.scenario, step?.council, context.role, event.position);
    return { context, ...(event.positions ? { positions: event.positions } : {}), ...(seat ? { seat } : {}) };
  }

  /** Calls the listener after every change of the run (never for an event that was refused). */
  subscribe(listener: (view: GameView) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get ended(): boolean {
    return this.core.peek().status === 'done';
  }

  /** The events that made this run, in order. */
  log(): readonly GameEvent[] {
    return this.events;
  }

  save(): SaveData {
    const ctx = this.context;
    return {
      kind: 'article-four-save',
      version: SAVE_VERSION,
      scenario: this.scenario.id,
      rulesHash: hashOf(this.scenario),
      role: ctx.role,
      seed: ctx.seed,
      ...(ctx.length ? { length: ctx.length } : {}),
      events: [...this.events],
      snapshot: this.core.persisted(),
    };
  }

  /** An independent copy of this run as it stands (same state and moves), for automated exploration. */
  fork(): Game {
    const copy = new Game(this.scenario, this.core.copy(), [...this.events]);
    copy.voteCall = this.voteCall;
    return copy;
  }

  /** A new run at the moment before decision `turn` (1-based) was taken: same seat, seed and earlier moves. */
  replayFrom(turn: number): Game {
    const d = this.context.decisions.find((x) => x.turn === turn);
    if (!d) throw new Error(`no decision ${turn} in this run`);
    const ctx = this.context;
    return Game.replay(this.scenario, runOptions(ctx), this.events.slice(0, d.eventIndex), this.core.kind);
  }

  debrief(): Debrief {
    return buildDebrief(this.scenario, this.context);
  }

  /** The raw context, for tools and tests. */
  state(): Readonly<RunContext> {
    return this.context;
  }

  stop(): void {
    this.listeners.clear();
    this.core.stop();
  }
}
