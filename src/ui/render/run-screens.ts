/**
 * The screens of a run: the step (choices, Council, narrative), a decision's result, the ending
 * and the debrief, and the question before "Replay from here". What they show comes from the
 * Game's view; what the player does goes to the flow as events (MOVE, READ_RESULT, REPLAY …).
 */
import { classNotes } from '../../classroom/class-vote';
import {
  combineTeamRationales,
  councilTeamsRecord,
  tallyCouncil,
  teamPositions,
  teamTally,
} from '../../classroom/council-teams';
import { lobbyOffered } from '../../classroom/team-seats';
import type { ForecastMode } from '../../engine/advice';
import type { Debrief } from '../../engine/debrief';
import { MAX_RATIONALE } from '../../engine/events';
import type { Game } from '../../engine/game';
import type { GameView, Position } from '../../engine/view-types';
import { type RunState, unreadResult } from '../flow/app-machine';
import { saveResultsBlock } from '../results-download';
import { classCouncil, teamsWithVotes } from '../screens/class-council';
import { classChoicePanel, type DecisionDraft, freshDraft, rationaleField } from '../screens/class-vote';
import type { ScreenResult } from '../screens/common';
import { renderConfirmReplay } from '../screens/confirm';
import { renderDebrief } from '../screens/debrief';
import { renderEnding } from '../screens/ending';
import { renderResult, renderStep } from '../screens/play';
import { councilOrder } from '../screens/play-council';
import { caseSummary } from './setup-screens';
import type { Shell } from './shell';

const debriefs = new WeakMap<Game, { moves: number; debrief: Debrief }>();

/**
 * The run's debrief, built once per Game and move: keyed by the moves made, not the decisions, since
 * a Continue that reaches the ending changes the debrief without a new decision.
 */
export function debriefOf(game: Game): Debrief {
  const moves = game.log().length;
  const cached = debriefs.get(game);
  if (cached?.moves === moves) return cached.debrief;
  const debrief = game.debrief();
  debriefs.set(game, { moves, debrief });
  return debrief;
}

/**
 * What the room said at decision `turn` of a class run: its votes per option and the reasons typed,
 * labelled as the debrief labels them (`yours.votes`).
 */
function roomOf(game: Game, turn: number): { votes: { label: string; count: number }[]; rationale?: string } | null {
  const yours = debriefOf(game).decisions.find((d) => d.turn === turn)?.yours;
  if (!yours) return null;
  const votes = yours.votes ?? [];
  if (votes.length === 0 && !yours.rationale) return null;
  return { votes, ...(yours.rationale ? { rationale: yours.rationale } : {}) };
}

/** A class run keeps the forecasts it started with; a solo run follows the settings. */
export function forecastMode(ui: Shell, run: RunState): ForecastMode {
  return run.forecast ?? ui.settings.forecast;
}

/** The draft for the decision on screen (a fresh one when the decision changed). */
export function draftFor(ui: Shell, view: GameView): DecisionDraft {
  const key = `${view.turn}|${view.step?.id ?? ''}`;
  if (ui.drafts.decision.key !== key) {
    ui.drafts.decision = freshDraft(key);
    ui.keepDrafts();
  }
  return ui.drafts.decision;
}

function move(ui: Shell, event: Parameters<Shell['send']>[0]): void {
  ui.send(event);
}

/** Calls the Council's vote: in class mode with the teams' votes, which the engine then counts. */
function callVote(ui: Shell, run: RunState, view: GameView, draft: DecisionDraft, position?: Position): void {
  const council = view.step?.council;
  if (!council) return;
  const rationale = draft.rationale.trim();
  if (run.mode !== 'class') {
    const own = position && council.seatVote ? { position } : {};
    move(ui, { type: 'MOVE', move: { type: 'CALL_VOTE', ...own, ...(rationale ? { rationale } : {}) } });
    return;
  }
  const sitting = new Set(council.members.map((m) => m.actor));
  const teams = teamsWithVotes(
    run.teams.filter((t) => sitting.has(t.actor)),
    draft,
  );
  if (teams.length === 0) {
    // The room's own vote on the proposal is kept with the decision; the members decide.
    const notes = classNotes(['support', 'abstain', 'object'], { rationale, tally: draft.tally });
    move(ui, { type: 'MOVE', move: { type: 'CALL_VOTE', ...notes } });
    return;
  }
  const reasons = [rationale, combineTeamRationales(council, teams) ?? ''].filter(Boolean).join('\n');
  move(ui, {
    type: 'MOVE',
    councilTeams: councilTeamsRecord(view, teams),
    move: {
      type: 'CALL_VOTE',
      positions: teamPositions(council, teams),
      tally: teamTally(tallyCouncil(council, teams)),
      ...(reasons ? { rationale: reasons.slice(0, MAX_RATIONALE) } : {}),
    },
  });
}

function playScreen(ui: Shell, run: RunState, game: Game): ScreenResult {
  const view = game.view();
  if (view.last && unreadResult(run)) {
    const vote = view.last.vote;
    const votes =
      vote?.members.map((m) => {
        const team = run.mode === 'class' ? run.teams.find((t) => t.actor === m.actor)?.team : undefined;
        return { name: m.name, ...(team ? { team } : {}), position: m.position };
      }) ?? null;
    return renderResult({
      view,
      last: view.last,
      verdict: vote?.verdict ?? null,
      votes,
      room: run.mode === 'class' ? roomOf(game, view.last.turn) : null,
      onContinue: () => ui.send({ type: 'READ_RESULT' }),
    });
  }
  const step = view.step;
  if (view.status === 'ended' || !step) return endingScreen(ui, game);
  const draft = draftFor(ui, view);
  const notes = step.kind === 'narrative' ? null : rationaleField(draft, run.mode);
  const rationale = () => draft.rationale.trim();
  const classPanel =
    run.mode === 'class' && step.kind === 'choices' && notes
      ? classChoicePanel({
          step,
          meters: view.meters,
          forecastMode: forecastMode(ui, run),
          draft,
          notes,
          announce: (text) => ui.announce(text),
          onTake: (id) =>
            move(ui, {
              type: 'MOVE',
              move: {
                type: 'CHOOSE',
                choice: id,
                ...classNotes(
                  step.choices.map((c) => c.id),
                  { rationale: draft.rationale, tally: draft.tally },
                ),
              },
            }),
        })
      : null;
  const council = step.council;
  const classCouncilFor =
    run.mode === 'class' && council && notes
      ? (voteKey: string) =>
          classCouncil({
            scenario: run.scenario,
            council,
            teams: run.teams,
            draft,
            notes,
            voteKey,
            announce: (text) => ui.announce(text),
            onVotesChanged: () => {
              ui.keepDrafts();
              ui.emitScreen();
            },
            onCall: () => callVote(ui, run, view, draft),
          })
      : null;
  return renderStep({
    view,
    step,
    classPanel,
    classCouncil: classCouncilFor,
    ...(run.mode === 'class' ? { lobbyOffered: (actor: string) => lobbyOffered(actor, run.teams) } : {}),
    ...(step.council ? { memberOrder: councilOrder(draft, step.council) } : {}),
    notes,
    onChoose: (id) => {
      const r = rationale();
      move(ui, { type: 'MOVE', move: { type: 'CHOOSE', choice: id, ...(r ? { rationale: r } : {}) } });
    },
    onLobby: (actor) => move(ui, { type: 'MOVE', move: { type: 'LOBBY', actor } }),
    onVote: (position) => callVote(ui, run, view, draft, position),
    onContinue: () => move(ui, { type: 'MOVE', move: { type: 'CONTINUE' } }),
    forecastMode: forecastMode(ui, run),
  });
}

function endingScreen(ui: Shell, game: Game): ScreenResult {
  return renderEnding({
    view: game.view(),
    debrief: debriefOf(game),
    onDebrief: () => ui.navigate({ screen: 'debrief' }),
  });
}

function debriefScreen(ui: Shell, run: RunState, game: Game): ScreenResult {
  const confirm = ui.context.confirm;
  if (confirm?.kind === 'replay') {
    return renderConfirmReplay({
      turn: confirm.turn,
      resultsSaved: run.resultsSaved,
      onReplay: () => {
        ui.send({ type: 'CONFIRM' });
        ui.announce(`Replaying from decision ${confirm.turn}. Try another answer.`);
      },
      onCancel: () => ui.send({ type: 'CANCEL' }),
    });
  }
  const d = debriefOf(game);
  const role = run.scenario.roles.find((x) => x.id === d.role);
  return renderDebrief({
    title: run.scenario.title,
    seat: role?.title ?? d.role,
    debrief: d,
    meters: game.view().meters,
    caseTitle: (id) => ui.scenario(id)?.title ?? caseSummary(ui, id)?.title ?? id,
    extra: saveResultsBlock({
      game,
      mode: run.mode,
      startedAt: run.startedAt,
      names: ui.drafts.names,
      councilTeams: run.councilTeams,
      announce: (text) => {
        ui.keepDrafts();
        ui.announce(text);
      },
      onSaved: () => ui.send({ type: 'RESULTS_SAVED' }),
    }),
    onReplay: (turn) => ui.send({ type: 'REPLAY', turn }),
    onNewSeat: () => ui.navigate({ screen: 'seats', scenario: run.scenario.id }),
    onTitle: () => ui.send({ type: 'EXIT' }),
  });
}

/** The run's screen for the flow's state (play, ending or debrief). */
export function runScreen(ui: Shell, which: 'play' | 'ending' | 'debrief'): ScreenResult | null {
  const run = ui.context.run;
  const game = run?.game;
  if (!run || !game) return null;
  if (which === 'ending') return endingScreen(ui, game);
  if (which === 'debrief') return debriefScreen(ui, run, game);
  return playScreen(ui, run, game);
}
