/**
 * The screens before and around a run: title, cases, seats, briefing, teacher guide, Council
 * teams, role sheets, glossary, timeline, settings, credits, and the error screens. Each reads
 * the flow's context and sends the flow events; none decides where the flow goes next.
 */
import { FULL_LENGTH } from '../../engine/constants';
import { h } from '../dom';
import type { Route } from '../flow/routes';
import { shortTitle } from '../map-model';
import { renderBriefing } from '../screens/briefing';
import { renderCases } from '../screens/cases';
import type { ScreenResult } from '../screens/common';
import { renderCredits } from '../screens/credits';
import { renderGlossary } from '../screens/glossary';
import { renderRoleSheets } from '../screens/role-sheets';
import { renderScenarioErrors } from '../screens/scenario-errors';
import { renderSeats } from '../screens/seats';
import { renderSettings } from '../screens/settings';
import { renderTeacherGuide } from '../screens/teacher-guide';
import { renderTeamSetup } from '../screens/team-setup';
import { bundledTimeline, renderTimeline, treatyTestBlock } from '../screens/timeline';
import { renderTitle } from '../screens/title';
import { readTeams, writeTeams } from '../teams-store';
import type { Shell } from './shell';

/** A case's summary from the case list's index (loaded or not). */
export function caseSummary(ui: Pick<Shell, 'list'>, id: string) {
  return ui.list.flatMap((c) => (c.ok ? [c.summary] : [])).find((x) => x.id === id);
}

export function errorScreen(ui: Pick<Shell, 'navigate'>, message: string): ScreenResult {
  const heading = h('h1', { class: 'screen-heading', tabindex: -1 }, 'Something went wrong');
  const root = h(
    'section',
    { role: 'alert' },
    heading,
    h('p', { class: 'lede' }, 'The game met an error it could not recover from here.'),
    h('pre', { class: 'diagnostics' }, message),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', onclick: () => ui.navigate({ screen: 'title' }) },
        'Back to the title',
      ),
    ),
  );
  return { root, heading, layout: 'side' };
}

export function titleScreen(ui: Shell): ScreenResult {
  const saved = ui.context.deps.readSave();
  let resume: { title: string; detail: string } | null = null;
  let resumeRoute: Route = { screen: 'play' };
  if (saved.kind === 'ok') {
    const s = caseSummary(ui, saved.run.scenario);
    const role = s?.roles.find((r) => r.id === saved.run.role);
    // Decisions, not moves: Continue and lobbying are not counted.
    const events = (saved.run.engine as { events?: { type?: unknown }[] } | null)?.events ?? [];
    const turns = events.filter((e) => e?.type === 'CHOOSE' || e?.type === 'CALL_VOTE').length;
    resume = {
      title: s?.title ?? saved.run.scenario,
      detail: s
        ? `${role?.title ?? saved.run.role}${saved.run.screen === 'play' ? ` · ${turns === 0 ? 'no decision taken yet' : `${turns} decision${turns === 1 ? '' : 's'} taken`}` : ' · finished'}`
        : 'open its scenario file again to continue',
    };
    resumeRoute = { screen: saved.run.screen };
  }
  const notice = ui.context.notice ?? (saved.kind === 'problem' ? saved.message : null);
  const scenarios = ui.list.flatMap((c) => (c.ok ? [c.summary] : []));
  return renderTitle({
    cases: scenarios.map((x) => shortTitle(x.title)),
    resume,
    notice,
    saveKept: saved.kind === 'ok',
    onContinue: () => ui.navigate(resumeRoute),
    onNew: () => {
      ui.send({ type: 'NOTICE', text: null });
      ui.navigate({ screen: 'cases' });
    },
    onSettings: () => ui.navigate({ screen: 'settings' }),
    onCredits: () => ui.navigate({ screen: 'credits' }),
    onTimeline: () => ui.navigate({ screen: 'timeline' }),
    onOpenFile: (file) => ui.openFile(file),
    pages: import.meta.env.MODE !== 'single',
  });
}

/** The screens that are not part of a run, by the route shown. */
export function setupScreen(ui: Shell): ScreenResult {
  const route = ui.context.route;
  const missing = (id: string) => errorScreen(ui, `There is no case "${id}".`);
  switch (route.screen) {
    case 'cases':
      return renderCases({
        cases: ui.list,
        onForget: (id) => ui.forgetOpened(id),
        onPick: (id) => ui.navigate({ screen: 'seats', scenario: id }),
        onHighlight: (id) => ui.highlightCase(id),
        onBack: () => ui.back({ screen: 'title' }),
      });
    case 'credits':
      return renderCredits({ cases: ui.cases, onBack: () => ui.back({ screen: 'title' }) });
    case 'settings':
    case 'run-settings':
      return renderSettings({
        settings: ui.settings,
        onChange: (patch) => ui.changeSettings(patch),
        onBack: () => ui.back(),
        backLabel: ui.backLabel(),
        classRun: route.screen === 'run-settings' && ui.context.run?.forecast !== undefined,
      });
    case 'timeline': {
      const scenario = route.scenario ? ui.scenario(route.scenario) : undefined;
      return renderTimeline({
        data: bundledTimeline(),
        ...(scenario && !route.all ? { asOf: scenario.dates.start } : {}),
        ...(scenario ? { caseId: scenario.id } : {}),
        // From the case list's index: a case need not be loaded to be named and linked.
        caseTitle: (id) => caseSummary(ui, id)?.title,
        onCase: (id) => ui.navigate({ screen: 'seats', scenario: id }),
        // The same screen, showing more: the address changes in place, and Back still leads where it did.
        onShowAll: () => ui.send({ type: 'NAVIGATE', route: { ...route, all: true }, replace: true }),
        onBack: () => ui.back(),
        backLabel: ui.backLabel(),
      });
    }
    case 'seats': {
      const scenario = ui.scenario(route.scenario);
      if (!scenario) return missing(route.scenario);
      const chosen = ui.context.lengths.get(scenario.id);
      return renderSeats({
        scenario,
        classMode: ui.context.classMode,
        onClassMode: (on) => ui.send({ type: 'CLASS_MODE', on }),
        classForecast: ui.context.classForecast ?? ui.settings.forecast,
        onClassForecast: (mode) => ui.send({ type: 'CLASS_FORECAST', mode }),
        length: chosen && scenario.lengths.some((l) => l.id === chosen) ? chosen : FULL_LENGTH,
        onLength: (length) => ui.send({ type: 'LENGTH', scenario: scenario.id, length }),
        onGuide: () => ui.navigate({ screen: 'guide', scenario: scenario.id }),
        teams: readTeams(scenario.id),
        onTeams: () => ui.navigate({ screen: 'teams', scenario: scenario.id }),
        onPick: (role) => ui.navigate({ screen: 'briefing', scenario: scenario.id, role }),
        onBack: () => ui.back({ screen: 'cases' }),
      });
    }
    case 'briefing': {
      const scenario = ui.scenario(route.scenario);
      if (!scenario) return missing(route.scenario);
      return renderBriefing({
        scenario,
        role: route.role,
        treatyTest: treatyTestBlock(bundledTimeline(), scenario.dates.start, () =>
          ui.navigate({ screen: 'timeline', scenario: scenario.id }),
        ),
        onBegin: () =>
          ui.send({ type: 'BEGIN', scenario: scenario.id, role: route.role, forecast: ui.settings.forecast }),
        onGlossary: () => ui.navigate({ screen: 'glossary', scenario: scenario.id }),
        onBack: () => ui.back({ screen: 'seats', scenario: scenario.id }),
      });
    }
    case 'glossary':
    case 'run-glossary': {
      const id = route.screen === 'glossary' ? route.scenario : ui.context.run?.scenario.id;
      const scenario = id ? ui.scenario(id) : undefined;
      if (!scenario) return missing(id ?? '');
      return renderGlossary({ scenario, onBack: () => ui.back(), backLabel: ui.backLabel() });
    }
    case 'guide': {
      const scenario = ui.scenario(route.scenario);
      if (!scenario) return missing(route.scenario);
      return renderTeacherGuide({
        scenario,
        onRoleSheets: () => ui.navigate({ screen: 'role-sheets', scenario: scenario.id }),
        onBack: () => ui.back(),
        backLabel: ui.backLabel(),
        onTimeline: () => ui.navigate({ screen: 'timeline' }),
      });
    }
    case 'teams': {
      const scenario = ui.scenario(route.scenario);
      if (!scenario) return missing(route.scenario);
      return renderTeamSetup({
        scenario,
        teams: readTeams(scenario.id),
        // Kept as typed; leaving the set-up with teams turns class mode on (the flow's `teams` state).
        onChange: (teams) => writeTeams(scenario.id, teams),
        onRoleSheets: () => ui.navigate({ screen: 'role-sheets', scenario: scenario.id }),
        onBack: () => ui.back(),
        announce: (text) => ui.announce(text),
      });
    }
    case 'role-sheets': {
      const scenario = ui.scenario(route.scenario);
      if (!scenario) return missing(route.scenario);
      const run = ui.context.run;
      return renderRoleSheets({
        scenario,
        teams: readTeams(scenario.id),
        ...(run?.game && run.scenario.id === scenario.id ? { classSeat: run.game.state().role } : {}),
        onBack: () => ui.back(),
        backLabel: ui.backLabel(),
      });
    }
    default:
      return titleScreen(ui);
  }
}

export function scenarioErrorsScreen(ui: Shell): ScreenResult {
  const e = ui.context.scenarioErrors;
  if (!e) return titleScreen(ui);
  return renderScenarioErrors({
    ...e,
    onOpenFile: (file) => ui.openFile(file),
    onBack: () => ui.navigate({ screen: 'title' }),
  });
}
