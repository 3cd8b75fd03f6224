/** Builds the GameView a front end renders from the scenario and a snapshot's context. Pure. */
import { holds } from './conditions';
import { councilPositions, reachesConsensus } from './council';
import { forecastCertain, forecastChoice } from './forecast';
import type { RunContext } from './run-context';
import type { Ending, Scenario, Source, Step } from './schema';
import type { CouncilView, EndingView, GameView, MeterView, StepView } from './view-types';

export function sourcesById(s: Scenario, ids: readonly string[]): Source[] {
  return ids.flatMap((id) => s.sources.filter((x) => x.id === id));
}

export function meterViews(s: Scenario, ctx: RunContext): MeterView[] {
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

function councilView(s: Scenario, step: Step, ctx: RunContext): CouncilView | undefined {
  const council = step.council;
  if (!council) return undefined;
  const positions = councilPositions(council, ctx);
  return {
    proposal: council.proposal,
    supportAt: council.support_at,
    objectAt: council.object_at,
    wouldPass: reachesConsensus(council, ctx),
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
        ...(m.lobby
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
  };
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
    text: step.text,
    counterfactual: step.counterfactual,
    sources: sourcesById(s, step.sources),
    ...(decider ? { decider } : {}),
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
        counterfactual: c.counterfactual,
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
  return e.tone_for?.[role] ?? e.tone;
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
    historical: e.historical,
    sources: sourcesById(s, e.sources),
  };
}

export function gameView(s: Scenario, ctx: RunContext, stateKey: string, done: boolean): GameView {
  const step = done ? undefined : s.steps.find((x) => x.id === stateKey);
  const ending = done && ctx.ending ? endingView(s, ctx.ending, ctx.role) : undefined;
  const last = ctx.last;
  return {
    scenario: s.id,
    role: ctx.role,
    seed: ctx.seed,
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
            title: s.steps.find((x) => x.id === last.step)?.title ?? last.step,
            label: last.label,
            ...(last.text ? { text: last.text } : {}),
            counterfactual: last.counterfactual === true,
            // Lobbying costs were shown as they were paid; events are listed with their news.
            entries: ctx.ledger.filter(
              (e) => e.turn === last.turn && !e.cause.startsWith('event:') && !e.cause.startsWith('lobby:'),
            ),
          },
        }
      : {}),
  };
}
