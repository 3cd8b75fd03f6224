/** Builds the GameView a front end renders from the scenario and a snapshot's context. Pure. */
import { holds } from './conditions';
import { FULL_LENGTH } from './constants';
import { councilPositions, lobbyOpen, type SeatVote, verdictOf, withTeamPositions } from './council';
import { councilExtras, councilWithSeatVote, memberExtras } from './council-view';
import type { TeamPositions } from './events';
import { forecastCertain, forecastChoice } from './forecast';
import type { RunContext } from './run-context';
import type { Ending, Outcome, Scenario, Source, Step } from './schema';
import type { ClaimLabel } from './schema-common';
import type {
  CouncilView,
  CouncilVoteView,
  EndingView,
  GameView,
  LedgerEntry,
  MeterView,
  StepView,
} from './view-types';

/**
 * A copy without the author's private note (`author_note`): what a view, the debrief or a result
 * may carry of a scenario's object. Players never see an author's note.
 */
export function withoutAuthorNote<T extends { author_note?: string | undefined }>(x: T): T {
  if (!('author_note' in x)) return x;
  const { author_note: _private, ...rest } = x;
  return rest as T;
}

export function sourcesById(s: Scenario, ids: readonly string[]): Source[] {
  return ids.flatMap((id) => s.sources.filter((x) => x.id === id).map(withoutAuthorNote));
}

/** The longest short name an outcome gets from its text when it has no `label`. */
const OUTCOME_LABEL_MAX = 80;

/**
 * How a player reads which result was drawn: the outcome's `label`, else the first sentence of
 * its text (markup removed, cut at a word past 80 characters). Never its id.
 */
export function outcomeLabel(o: Pick<Outcome, 'label' | 'text'>): string {
  if (o.label?.trim()) return o.label.trim();
  const plain = o.text
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/u.exec(plain)?.[1] ?? plain;
  if (sentence.length <= OUTCOME_LABEL_MAX) return sentence;
  const cut = sentence.slice(0, OUTCOME_LABEL_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

export function meterViews(s: Scenario, ctx: Pick<RunContext, 'meters'>): MeterView[] {
  return s.meters.map((m) => ({
    id: m.id,
    label: m.label,
    description: m.description,
    value: ctx.meters[m.id] ?? m.start,
    min: m.min,
    max: m.max,
    higherIs: m.higher_is,
  }));
}

/** The Council at a council step as the model has it now (no team's vote), or undefined at another step. */
export function councilView(s: Scenario, step: Step, ctx: RunContext): CouncilView | undefined {
  const council = step.council;
  if (!council) return undefined;
  const positions = councilPositions(council, ctx);
  return {
    proposal: council.proposal,
    supportAt: council.support_at,
    objectAt: council.object_at,
    wouldPass: verdictOf(positions.map((p) => p.position)) === 'consensus',
    members: council.members.map((m, i) => {
      const actor = s.actors.find((a) => a.id === m.actor);
      const pos = positions[i] as (typeof positions)[number];
      return {
        actor: m.actor,
        name: actor?.name ?? m.actor,
        ...(actor?.leader ? { leader: actor.leader } : {}),
        lean: pos.lean,
        position: pos.position,
        reasons: pos.reasons,
        ...memberExtras(s, m),
        ...(m.lobby && (ctx.lobbied.includes(m.actor) || lobbyOpen(m, ctx))
          ? {
              lobby: {
                label: m.lobby.label,
                done: ctx.lobbied.includes(m.actor),
                forecast: forecastCertain(s, ctx, m.lobby.effects),
                ...(m.lobby.text && ctx.lobbied.includes(m.actor) ? { reply: m.lobby.text } : {}),
                cost: ctx.lobbied.includes(m.actor)
                  ? ctx.ledger.filter(
                      (e) => e.step === step.id && e.cause === `lobby:${m.actor}` && e.turn === ctx.turn + 1,
                    )
                  : [],
              },
            }
          : {}),
      };
    }),
    ...councilExtras(s, council, ctx, positions),
  };
}

/**
 * The Council as it stands with the teams' votes cast so far (class mode): each seat a team
 * holds and has voted for takes the team's position; the others keep the model's. `wouldPass`
 * is the engine's verdict on those positions: the chamber to draw while teams are still voting,
 * and, with every team's vote, what calling the vote with these `positions` decides.
 */
export function councilAsCast(council: CouncilView, positions: TeamPositions | undefined): CouncilView {
  const members = withTeamPositions(council.members, positions);
  return { ...council, members, wouldPass: verdictOf(members.map((m) => m.position)) === 'consensus' };
}

/** A vote called on `council` (the chamber as cast, see `councilAsCast`): each member's position and the verdict. */
export function voteView(council: CouncilView): CouncilVoteView {
  const members = council.members.map((m) => ({
    actor: m.actor,
    name: m.name,
    position: m.position,
    ...(m.team ? { team: true as const } : {}),
    ...(m.own ? { own: true as const } : {}),
  }));
  return { members, verdict: verdictOf(members.map((m) => m.position)), council };
}

/** Where a Council vote was called: the run's context just before it and the teams' positions it carried. */
export interface VoteCall {
  context: RunContext;
  positions?: TeamPositions;
  /** The player's own vote it cast (`seat_votes`), if any. */
  seat?: SeatVote;
}

/** The step's narrative at the run's length: its `short_text` where the length asks for short texts. */
export function stepText(s: Scenario, step: Step, ctx: Pick<RunContext, 'length'>): string {
  const length = ctx.length ? s.lengths.find((l) => l.id === ctx.length) : undefined;
  return length?.short_text && step.short_text ? step.short_text : step.text;
}

export function stepView(s: Scenario, step: Step, ctx: RunContext): StepView {
  const place = s.places.find((p) => p.id === step.place);
  const decider = s.actors.find((a) => a.id === step.decider);
  const council = councilView(s, step, ctx);
  return {
    id: step.id,
    phase: step.phase,
    date: step.date,
    ...(place ? { place } : {}),
    title: step.title,
    text: stepText(s, step, ctx),
    counterfactual: step.counterfactual,
    sources: sourcesById(s, step.sources),
    ...(decider ? { decider: withoutAuthorNote(decider) } : {}),
    kind: step.choices.length > 0 ? 'choices' : step.council ? 'council' : 'narrative',
    moves: step.moves.flatMap((m) => {
      const from = s.places.find((p) => p.id === m.from);
      const to = s.places.find((p) => p.id === m.to);
      return from && to ? [{ from, to, label: m.label }] : [];
    }),
    choices: step.choices
      .filter((c) => holds(c.when, ctx))
      .map((c) => ({
        id: c.id,
        label: c.label,
        ...(c.detail ? { detail: c.detail } : {}),
        forecast: forecastChoice(s, ctx, c),
      })),
    ...(council ? { council } : {}),
    news: ctx.news
      .filter((n) => n.step === step.id && n.turn === ctx.turn)
      .flatMap((n) => {
        const ev = step.events.find((e) => e.id === n.event);
        if (!ev) return [];
        return [
          {
            id: ev.id,
            text: ev.text,
            counterfactual: ev.counterfactual,
            sources: sourcesById(s, ev.sources),
            entries: ctx.ledger.filter((e) => e.turn === n.turn && e.step === step.id && e.cause === `event:${ev.id}`),
          },
        ];
      }),
  };
}

/** How an ending reads for a seat: its `tone_for` that seat, else its tone. */
export function seatTone(e: Pick<Ending, 'tone' | 'tone_for'>, role: string): Ending['tone'] {
  return e.tone_for && Object.hasOwn(e.tone_for, role) ? (e.tone_for[role] ?? e.tone) : e.tone;
}

export function endingView(s: Scenario, id: string, role: string): EndingView | undefined {
  const e = s.endings.find((x) => x.id === id);
  if (!e) return undefined;
  return {
    id: e.id,
    title: e.title,
    tone: seatTone(e, role),
    text: e.text,
    counterfactual: e.counterfactual,
    // An invented case has no history: no ending is "closest to what happened".
    historical: e.historical && !s.fictional,
    sources: sourcesById(s, e.sources),
  };
}

/**
 * The ledger entries of decision `turn`: its lobbying, its effects and its outcome's. Entries of
 * the same turn caused by events belong to the steps the decision led to (their news).
 */
export function decisionEntries(ledger: readonly LedgerEntry[], turn: number): LedgerEntry[] {
  return ledger.filter((e) => e.turn === turn && !e.cause.startsWith('event:'));
}

/** Each meter right after decision `turn`: the start plus every entry before it and the decision's own. */
export function metersAfter(s: Scenario, ledger: readonly LedgerEntry[], turn: number): Record<string, number> {
  const meters = Object.fromEntries(s.meters.map((m) => [m.id, m.start]));
  for (const e of ledger) {
    if (e.turn < turn || (e.turn === turn && !e.cause.startsWith('event:'))) {
      meters[e.meter] = (meters[e.meter] ?? 0) + e.delta;
    }
  }
  return meters;
}

/** The labels of the option taken at a decision and of its result, once each, or nothing. */
export function takenLabels(
  step: Step,
  decision: { choice: string; outcome?: string | undefined } | undefined,
): ClaimLabel[] {
  const c = decision ? step.choices.find((x) => x.id === decision.choice) : undefined;
  const o = c && decision?.outcome ? c.outcomes.find((x) => x.id === decision.outcome) : undefined;
  return [...new Set([...(c?.labels ?? []), ...(o?.labels ?? [])])];
}

function labelsOf(step: Step, decision: { choice: string; outcome?: string | undefined } | undefined) {
  const labels = takenLabels(step, decision);
  return labels.length > 0 ? { labels } : {};
}

export const VERDICT_LABELS: Readonly<Record<string, string>> = {
  consensus: 'Consensus reached',
  blocked: 'Blocked: no consensus',
};

/** The label of a verdict, or undefined for any other id (own properties only: ids are data). */
export function verdictLabel(id: string): string | undefined {
  return Object.hasOwn(VERDICT_LABELS, id) ? VERDICT_LABELS[id] : undefined;
}

function historyAnswer(
  step: Step,
  choice: string,
  decisions: RunContext['decisions'],
): { label: string; matched: boolean } {
  const label = step.choices.find((c) => c.id === choice)?.label ?? verdictLabel(choice) ?? choice;
  const yours = [...decisions].reverse().find((d) => d.step === step.id)?.choice;
  return { label, matched: yours === choice };
}

/**
 * The view of a run. `vote` is where the last decision's Council vote was called, when it was
 * one (`Game` finds it from its event log): `last.vote` is then that vote as the engine counted it.
 */
export function gameView(s: Scenario, ctx: RunContext, stateKey: string, done: boolean, vote?: VoteCall): GameView {
  const step = done ? undefined : s.steps.find((x) => x.id === stateKey);
  const ending = done && ctx.ending ? endingView(s, ctx.ending, ctx.role) : undefined;
  const last = ctx.last;
  const decided = last ? s.steps.find((x) => x.id === last.step) : undefined;
  const chamber = vote && decided ? councilView(s, decided, vote.context) : undefined;
  const place = decided?.place ? s.places.find((p) => p.id === decided.place) : undefined;
  // An invented case is compared with no history.
  const history = s.fictional ? undefined : decided?.history?.choice;
  return {
    scenario: s.id,
    role: ctx.role,
    seed: ctx.seed,
    length: ctx.length ?? FULL_LENGTH,
    turn: ctx.turn,
    status: done ? 'ended' : 'playing',
    ...(step ? { step: stepView(s, step, ctx) } : {}),
    ...(ending ? { ending } : {}),
    meters: meterViews(s, ctx),
    ledger: ctx.ledger,
    visited: ctx.visited,
    ...(last
      ? {
          last: {
            turn: last.turn,
            step: last.step,
            title: decided?.title ?? last.step,
            label: last.label,
            ...(last.text ? { text: last.text } : {}),
            counterfactual: last.counterfactual === true,
            entries: decisionEntries(ctx.ledger, last.turn),
            meters: meterViews(s, { meters: metersAfter(s, ctx.ledger, last.turn) }),
            date: decided?.date ?? '',
            phase: decided?.phase ?? 'request',
            ...(place ? { place } : {}),
            visited: ctx.visited.slice(0, ctx.visited.lastIndexOf(last.step) + 1),
            ...(decided && history ? { history: historyAnswer(decided, history, ctx.decisions) } : {}),
            ...(decided
              ? labelsOf(
                  decided,
                  ctx.decisions.find((d) => d.turn === last.turn),
                )
              : {}),
            ...(chamber
              ? { vote: voteView(councilAsCast(councilWithSeatVote(chamber, vote?.seat), vote?.positions)) }
              : {}),
          },
        }
      : {}),
  };
}
