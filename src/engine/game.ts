/**
 * A run of a scenario: an XState actor of the compiled machine, its event log, and the
 * operations a front end needs (view, send, save, restore, replay, debrief). Front ends hold a
 * Game and render `view()`; they never decide a rule themselves.
 */
import { type Actor, createActor } from 'xstate';
import { compileScenario, type ScenarioMachine } from './compiler';
import { buildDebrief, type Debrief } from './debrief';
import type { DecisionNotes, GameEvent, TeamPositions } from './events';
import { legalMoves } from './moves';
import type { RunContext } from './run-context';
import { parseSave, playState, rulesHash, SAVE_VERSION, type SaveData, SaveError, SaveMessage } from './save';
import { FULL_LENGTH, type Scenario } from './schema';
import { gameView, type VoteCall } from './view';
import type { GameView } from './view-types';

const machines = new WeakMap<Scenario, ScenarioMachine>();
/** Each scenario's rules hash, for saves (a scenario object is never changed once loaded). */
const hashes = new WeakMap<Scenario, string>();

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
  private readonly actor: Actor<ScenarioMachine>;
  private readonly events: GameEvent[];
  private readonly listeners = new Set<(view: GameView) => void>();
  private cachedView: GameView | null = null;
  /** Where the latest Council vote was called (its event's index in the log): what `view().last.vote` reads. */
  private voteCall: { eventIndex: number; call: VoteCall } | null = null;

  private constructor(scenario: Scenario, actor: Actor<ScenarioMachine>, events: GameEvent[]) {
    this.scenario = scenario;
    this.actor = actor;
    this.events = events;
    actor.start();
  }

  /** A new run from the seat's first step. */
  static start(scenario: Scenario, opts: StartOptions): Game {
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
    const actor = createActor(machineFor(scenario), { input });
    return new Game(scenario, actor, []);
  }

  /** A run rebuilt from the seed and an event log (events that do not apply are an error). */
  static replay(scenario: Scenario, opts: StartOptions, events: readonly GameEvent[]): Game {
    const game = Game.start(scenario, opts);
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
    if (playState(replayed.actor.getPersistedSnapshot()) !== playState(save.snapshot)) {
      replayed.stop();
      throw new SaveError(changed ?? SaveMessage.StateMismatch);
    }
    return replayed;
  }

  private get context(): RunContext {
    return this.actor.getSnapshot().context;
  }

  /** Sends an event; returns false (and changes nothing) when the current step does not accept it. */
  send(event: GameEvent): boolean {
    const before = this.actor.getSnapshot();
    if (before.status !== 'active') return false;
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    if (after.context.handled === before.context.handled) return false;
    if (event.type === 'CALL_VOTE') {
      const call = { context: before.context, ...(event.positions ? { positions: event.positions } : {}) };
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
  /** Calls the Council's vote; `positions` are council teams' votes for the seats they hold. */
  callVote(notes: DecisionNotes & { positions?: TeamPositions } = {}): boolean {
    return this.send({ type: 'CALL_VOTE', ...notes });
  }
  continue(): boolean {
    return this.send({ type: 'CONTINUE' });
  }

  /** The step the run stands at, or undefined once it has ended. */
  currentStep(): string | undefined {
    const snap = this.actor.getSnapshot();
    return snap.status === 'done' ? undefined : String(snap.value);
  }

  /** The moves the player can make now (no view is built: cheap for automated play). */
  moves(): GameEvent[] {
    const id = this.currentStep();
    const step = id === undefined ? undefined : this.scenario.steps.find((x) => x.id === id);
    return legalMoves(step, this.context);
  }

  view(): GameView {
    if (!this.cachedView) {
      const snap = this.actor.getSnapshot();
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
      const before = Game.replay(this.scenario, runOptions(ctx), this.events.slice(0, d.eventIndex));
      const call = { context: before.context, ...(event.positions ? { positions: event.positions } : {}) };
      before.stop();
      this.voteCall = { eventIndex: d.eventIndex, call };
    }
    return this.voteCall.call;
  }

  /** Calls the listener after every change of the run (never for an event that was refused). */
  subscribe(listener: (view: GameView) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get ended(): boolean {
    return this.actor.getSnapshot().status === 'done';
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
      snapshot: this.actor.getPersistedSnapshot(),
    };
  }

  /** An independent copy of this run as it stands (same state and moves), for automated exploration. */
  fork(): Game {
    const ctx = this.context;
    const actor = createActor(machineFor(this.scenario), {
      snapshot: this.actor.getPersistedSnapshot() as never,
      input: { role: ctx.role, seed: ctx.seed, ...(ctx.length ? { length: ctx.length } : {}) },
    });
    const copy = new Game(this.scenario, actor, [...this.events]);
    copy.voteCall = this.voteCall;
    return copy;
  }

  /** A new run at the moment before decision `turn` (1-based) was taken: same seat, seed and earlier moves. */
  replayFrom(turn: number): Game {
    const d = this.context.decisions.find((x) => x.turn === turn);
    if (!d) throw new Error(`no decision ${turn} in this run`);
    const ctx = this.context;
    return Game.replay(this.scenario, runOptions(ctx), this.events.slice(0, d.eventIndex));
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
    this.actor.stop();
  }
}
