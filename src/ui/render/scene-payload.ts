/**
 * What the Phaser scenes are told to draw for the screen shown: the map, the gauges' meters, the
 * Council chamber and its verdict. Derived from the flow's context and the Game's view only, so
 * a reload draws exactly what was drawn before.
 */
import { councilAsVoted } from '../../classroom/council-teams';
import type { Scenario } from '../../engine/schema';
import type { ScreenPayload } from '../bridge';
import type { FlowContext } from '../flow/app-machine';
import { unreadResult } from '../flow/app-machine';
import { ScreenId } from '../keys';
import { caseMap, emptyMap, type MapModel, type RegionCase, regionMap, runMap } from '../map-model';
import { teamsWithVotes } from '../screens/class-council';
import type { DecisionDraft } from '../screens/class-vote';

export function scenePayload(
  screen: ScreenId,
  context: FlowContext,
  scenarios: Scenario[],
  draft: DecisionDraft,
  lastMap: MapModel,
  /** Every case on the region map (title and case list), loaded or not. */
  list: readonly ({ ok: true; summary: RegionCase } | { ok: false })[] = [],
): ScreenPayload {
  const regions = list.flatMap((c) => (c.ok ? [c.summary] : []));
  let map: MapModel = lastMap;
  let meters: ScreenPayload['meters'] = null;
  let council: ScreenPayload['council'] = null;
  let verdict: ScreenPayload['verdict'] = null;
  let teams: ScreenPayload['teams'] = null;
  const run = context.run;
  const game = run?.game;
  const route = context.route;
  if (screen === ScreenId.Title) map = regionMap(regions, false);
  else if (screen === ScreenId.Cases) map = regionMap(regions, true);
  else if (screen === ScreenId.Seats || screen === ScreenId.Briefing) {
    const s = 'scenario' in route && route.scenario ? scenarios.find((x) => x.id === route.scenario) : undefined;
    if (s) map = caseMap(s);
  } else if (run && game && (screen === ScreenId.Play || screen === ScreenId.Ending || screen === ScreenId.Debrief)) {
    const view = game.view();
    const showingResult = unreadResult(run);
    // On a result the gauges and the map stand as they did right after the decision.
    const result = screen === ScreenId.Play && showingResult ? view.last : undefined;
    meters = screen === ScreenId.Debrief ? null : (result?.meters ?? view.meters);
    if (screen === ScreenId.Play) {
      const open = view.step?.council;
      const vote = result?.vote;
      if (!showingResult && open) {
        // Class mode: the chamber shows each team's vote as it is cast.
        const cast = run.mode === 'class' ? teamsWithVotes(run.teams, draft) : [];
        council = cast.length > 0 ? councilAsVoted(open, cast) : open;
        teams = cast.map((t) => ({ actor: t.actor, team: t.team, voted: t.vote !== undefined }));
      } else if (vote) {
        council = vote.council;
        verdict = vote.verdict;
        teams = run.mode === 'class' ? run.teams.map((t) => ({ actor: t.actor, team: t.team, voted: true })) : null;
      }
    }
    map = result
      ? runMap(
          run.scenario,
          result.place ? { place: result.place, moves: [] } : undefined,
          result.visited,
          council !== null,
        )
      : runMap(run.scenario, view.step, game.state().visited, council !== null);
  } else if (screen === ScreenId.Error) {
    map = emptyMap();
  }
  return { screen, map, meters, council, verdict, teams };
}
