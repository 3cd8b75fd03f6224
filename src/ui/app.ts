/**
 * The HTML app: the flow from the title to the debrief, the saved run, the settings, and what
 * the Phaser scenes are told to draw. It holds a Game from the engine, renders its view, and
 * sends it the player's moves; it decides no rule of the game itself.
 */
import { classNotes } from '../classroom/class-vote';
import {
  combineTeamRationales,
  councilAsVoted,
  councilTeamsRecord,
  type TeamSetup,
  tallyCouncil,
  teamPositions,
  teamTally,
} from '../classroom/council-teams';
import { localTimestamp } from '../classroom/result-file';
import type { CouncilTeamsRecord } from '../classroom/result-schema';
import type { ForecastMode } from '../engine/advice';
import type { LengthEstimate } from '../engine/estimates';
import { MAX_RATIONALE } from '../engine/events';
import { type Debrief, type Diagnostic, Game, PHASES, SaveError, type Scenario } from '../engine/index';
import { FULL_LENGTH } from '../engine/schema';
import type { GameView } from '../engine/view-types';
import { bridge, type Layout, type ScreenPayload } from './bridge';
import { type CaseEntry, withOpened } from './cases';
import { formatDate, h } from './dom';
import { estimateText, knownEstimates, measureLater } from './estimates';
import { BridgeEvent, ScreenId, SessionKey } from './keys';
import { caseMap, emptyMap, type MapModel, regionMap, runMap, shortTitle } from './map-model';
import { plainText } from './markup';
import { forgetOpened, readOpened, rememberOpened } from './opened-store';
import { saveResultsBlock } from './results-download';
import {
  clearSave,
  type RunMeta,
  readSave,
  runMeta,
  STORED_VERSION,
  type StoredRun,
  type StoredScreen,
  writeSave,
} from './save-store';
import { renderBriefing } from './screens/briefing';
import { renderCases } from './screens/cases';
import { classCouncil, teamsWithVotes } from './screens/class-council';
import { classChoicePanel, type DecisionDraft, freshDraft, type PlayMode, rationaleField } from './screens/class-vote';
import type { ScreenResult } from './screens/common';
import { renderCredits } from './screens/credits';
import { renderDebrief } from './screens/debrief';
import { renderEnding } from './screens/ending';
import { renderGlossary } from './screens/glossary';
import { listenForDrops, readScenarioFile } from './screens/open-file';
import { phaseLabel, renderResult, renderStep } from './screens/play';
import { renderRoleSheets } from './screens/role-sheets';
import { renderScenarioErrors } from './screens/scenario-errors';
import { renderSeats } from './screens/seats';
import { renderSettings } from './screens/settings';
import { renderTeacherGuide } from './screens/teacher-guide';
import { renderTeamSetup } from './screens/team-setup';
import { bundledTimeline, renderTimeline, treatyTestBlock } from './screens/timeline';
import { renderTitle } from './screens/title';
import { applySettings, loadSettings, type Settings, storeSettings, textScale } from './settings';
import { readTeams, writeTeams } from './teams-store';

type Screen =
  | { id: typeof ScreenId.Title }
  | { id: typeof ScreenId.Cases }
  | { id: typeof ScreenId.Seats; scenario: string }
  | { id: typeof ScreenId.Briefing; scenario: string; role: string }
  | { id: typeof ScreenId.Play }
  | { id: typeof ScreenId.Ending }
  | { id: typeof ScreenId.Debrief }
  | { id: typeof ScreenId.Settings; back: Screen }
  | { id: typeof ScreenId.Glossary; scenario: string; back: Screen }
  | { id: typeof ScreenId.Credits }
  | { id: typeof ScreenId.TeacherGuide; scenario: string; back: Screen }
  | { id: typeof ScreenId.CouncilTeams; scenario: string; back: Screen }
  | { id: typeof ScreenId.RoleSheets; scenario: string; back: Screen }
  /** From a briefing (`scenario`), the timeline stops at the case's start unless `all`. */
  | { id: typeof ScreenId.Timeline; back: Screen; scenario?: string; all?: boolean }
  | { id: typeof ScreenId.Error; message: string }
  | { id: typeof ScreenId.ScenarioErrors; file: string; errors: Diagnostic[]; source: string };

interface Run {
  scenario: Scenario;
  game: Game;
  /** The last decision whose result the player has read. */
  seen: number;
  screen: StoredScreen;
  /** The council as it stood when the vote was called, for the chamber's verdict. */
  vote: {
    council: NonNullable<NonNullable<GameView['step']>['council']>;
    verdict: 'consensus' | 'blocked';
    turn: number;
  } | null;
  off: () => void;
  /** Played alone or by a class on a projector. */
  mode: PlayMode;
  /** When the run started (local time with offset), for the result file. */
  startedAt: string;
  /** What has been typed for the decision on screen (rationale, tallies, countdown). */
  draft: DecisionDraft;
  /** The name and team typed on the debrief. */
  names: { student: string; team: string };
  /** Class mode: the Council teams, and each team's vote at the Council steps played so far. */
  teams: TeamSetup[];
  councilTeams: CouncilTeamsRecord[];
  /** Class mode: how forecasts show in this run. */
  forecast?: ForecastMode;
}

export interface AppElements {
  app: HTMLElement;
  main: HTMLElement;
  topbar: HTMLElement;
  live: HTMLElement;
}

export class App {
  /** The bundled cases, and those with the files the player opened. */
  private bundled: CaseEntry[] = [];
  private cases: CaseEntry[] = [];
  private settings: Settings;
  private screen: Screen = { id: ScreenId.Title };
  private run: Run | null = null;
  private notice: string | null = null;
  private renderKey = '';
  private lastMap: MapModel = emptyMap();
  private debriefCache: { game: Game; turn: number; debrief: Debrief } | null = null;
  private layoutFrame = 0;
  /** Chosen on the seat screen: the next run is played by a class on a projector. */
  private classMode = false;
  /** Chosen on the seat screen: the length of the next run of each case (default: the full case). */
  private lengths = new Map<string, string>();
  /** Stops measuring time estimates for a screen that has gone. */
  private stopEstimates: (() => void) | null = null;
  /** Chosen on the seat screen for the next class run (default: the settings'). */
  private classForecast: ForecastMode | null = null;
  /** How many times the panel has been rendered (the browser tests wait on it). */
  renders = 0;

  constructor(private readonly el: AppElements) {
    this.settings = loadSettings();
    applySettings(this.settings);
    bridge.emit(BridgeEvent.Settings, this.settings);
    document.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('resize', () => this.scheduleLayout());
    bridge.on(BridgeEvent.PickCase, (id) => {
      if (this.screen.id === ScreenId.Cases) this.go({ id: ScreenId.Seats, scenario: id });
    });
    const dropScreens: string[] = [ScreenId.Title, ScreenId.Cases, ScreenId.ScenarioErrors];
    listenForDrops(
      el.app,
      () => dropScreens.includes(this.screen.id),
      (file) => void this.openFile(file),
    );
  }

  /**
   * Starts the app with the bundled cases and the files the player opened before: resumes the run
   * after a reload, else shows the title.
   */
  start(cases: CaseEntry[]): void {
    this.bundled = cases;
    this.cases = withOpened(cases, readOpened());
    const saved = readSave();
    if (saved.kind === 'problem') {
      this.notice = saved.message;
      sessionStorage.removeItem(SessionKey.InRun);
    }
    if (saved.kind === 'ok' && sessionStorage.getItem(SessionKey.InRun) === saved.run.scenario) {
      if (this.resume()) return;
    }
    this.go({ id: ScreenId.Title });
  }

  // ---------------------------------------------------------------- flow

  private scenarios(): Scenario[] {
    return this.cases.flatMap((c) => (c.ok ? [c.scenario] : []));
  }

  private scenario(id: string): Scenario | undefined {
    return this.scenarios().find((s) => s.id === id);
  }

  private go(screen: Screen): void {
    this.screen = screen;
    this.render();
  }

  private resume(): boolean {
    const saved = readSave();
    if (saved.kind !== 'ok') {
      if (saved.kind === 'problem') this.notice = saved.message;
      this.go({ id: ScreenId.Title });
      return false;
    }
    const s = this.scenario(saved.run.scenario);
    if (!s) {
      this.failSave(`The saved game belongs to a case this version does not have ("${saved.run.scenario}").`);
      return false;
    }
    let game: Game;
    try {
      game = Game.restore(s, saved.run.engine);
    } catch (e) {
      this.failSave(
        e instanceof SaveError
          ? e.message
          : `The saved game could not be resumed (${e instanceof Error ? e.message : e}).`,
      );
      return false;
    }
    this.attach(s, game, saved.run.seen, saved.run.screen, runMeta(saved.run));
    this.notice = null;
    this.go({
      id:
        this.run?.screen === 'debrief'
          ? ScreenId.Debrief
          : this.run?.screen === 'ending'
            ? ScreenId.Ending
            : ScreenId.Play,
    });
    return true;
  }

  private failSave(message: string): void {
    clearSave();
    sessionStorage.removeItem(SessionKey.InRun);
    this.notice = message;
    this.go({ id: ScreenId.Title });
  }

  private attach(scenario: Scenario, game: Game, seen: number, screen: StoredScreen, meta: RunMeta): void {
    this.detach();
    const off = game.subscribe((view) => this.onGameChange(view));
    this.run = {
      scenario,
      game,
      seen,
      screen,
      vote: null,
      off,
      ...meta,
      draft: freshDraft(''),
      names: { student: '', team: '' },
    };
    sessionStorage.setItem(SessionKey.InRun, scenario.id);
  }

  private detach(): void {
    if (!this.run) return;
    this.run.off();
    this.run.game.stop();
    this.run = null;
    this.debriefCache = null;
  }

  private newRun(scenarioId: string, role: string): void {
    const s = this.scenario(scenarioId);
    if (!s) return;
    // `?seed=N` in the address fixes the seed (for classes comparing runs, and for tests).
    const fixed = Number(new URLSearchParams(location.search).get('seed'));
    const seed =
      Number.isSafeInteger(fixed) && fixed > 0 ? fixed : (crypto.getRandomValues(new Uint32Array(1))[0] ?? 1);
    const length = this.lengthFor(s);
    const game = Game.start(s, { role, seed, ...(length !== FULL_LENGTH ? { length } : {}) });
    this.attach(s, game, 0, 'play', {
      mode: this.classMode ? 'class' : 'solo',
      startedAt: localTimestamp(new Date()),
      teams: this.classMode ? readTeams(s.id) : [],
      councilTeams: [],
      ...(this.classMode ? { forecast: this.classForecast ?? this.settings.forecast } : {}),
    });
    this.persist();
    this.go({ id: ScreenId.Play });
  }

  private persist(): void {
    const r = this.run;
    if (!r) return;
    const view = r.game.view();
    const run: StoredRun = {
      version: STORED_VERSION,
      scenario: r.scenario.id,
      role: view.role,
      savedAt: new Date().toISOString(),
      screen: r.screen,
      seen: r.seen,
      engine: r.game.save(),
      startedAt: r.startedAt,
      mode: r.mode,
      ...(r.teams.length > 0 ? { teams: r.teams } : {}),
      ...(r.councilTeams.length > 0 ? { councilTeams: r.councilTeams } : {}),
      ...(r.forecast ? { forecast: r.forecast } : {}),
    };
    writeSave(run);
  }

  private onGameChange(view: GameView): void {
    this.persist();
    this.announceChange(view);
    this.render();
  }

  private exitToTitle(): void {
    this.detach();
    sessionStorage.removeItem(SessionKey.InRun);
    this.go({ id: ScreenId.Title });
  }

  private setRunScreen(screen: StoredScreen): void {
    if (!this.run) return;
    this.run.screen = screen;
    this.persist();
    this.go({ id: screen === 'debrief' ? ScreenId.Debrief : screen === 'ending' ? ScreenId.Ending : ScreenId.Play });
  }

  private replayFrom(turn: number): void {
    const r = this.run;
    if (!r) return;
    const game = r.game.replayFrom(turn);
    const scenario = r.scenario;
    this.attach(scenario, game, game.view().turn, 'play', {
      mode: r.mode,
      startedAt: r.startedAt,
      teams: r.teams,
      // The team votes of the decisions replayed away go with them.
      councilTeams: r.councilTeams.filter((c) => c.turn < turn),
      ...(r.forecast ? { forecast: r.forecast } : {}),
    });
    this.persist();
    this.announce(`Replaying from decision ${turn}. Try another answer.`);
    this.go({ id: ScreenId.Play });
  }

  private debrief(): Debrief | null {
    const r = this.run;
    if (!r) return null;
    const turn = r.game.view().turn;
    if (this.debriefCache?.game === r.game && this.debriefCache.turn === turn) return this.debriefCache.debrief;
    const debrief = r.game.debrief();
    this.debriefCache = { game: r.game, turn, debrief };
    return debrief;
  }

  // ---------------------------------------------------------------- moves

  /** The draft for the decision on screen (a fresh one when the decision changed). */
  private draftFor(view: GameView): DecisionDraft {
    const r = this.run;
    const key = `${view.turn}|${view.step?.id ?? ''}`;
    if (!r) return freshDraft(key);
    if (r.draft.key !== key) r.draft = freshDraft(key);
    return r.draft;
  }

  private choose(id: string, notes?: ReturnType<typeof classNotes>): void {
    this.guard(() => {
      const r = this.run;
      if (!r) return;
      const rationale = r.draft.rationale.trim();
      r.game.choose(id, notes ?? (rationale ? { rationale } : {}));
    });
  }

  private lobby(actor: string): void {
    this.guard(() => this.run?.game.lobby(actor));
  }

  private callVote(): void {
    this.guard(() => {
      const r = this.run;
      const view = r?.game.view();
      const council = view?.step?.council;
      if (!r || !view || !council) return;
      const turn = view.turn + 1;
      const rationale = r.draft.rationale.trim();
      if (r.mode !== 'class') {
        r.vote = { council, verdict: council.wouldPass ? 'consensus' : 'blocked', turn };
        r.game.callVote(rationale ? { rationale } : {});
        return;
      }
      const sitting = new Set(council.members.map((m) => m.actor));
      const teams = teamsWithVotes(
        r.teams.filter((t) => sitting.has(t.actor)),
        r.draft,
      );
      if (teams.length === 0) {
        // The room's own vote on the proposal is kept with the decision; the members decide.
        r.vote = { council, verdict: council.wouldPass ? 'consensus' : 'blocked', turn };
        r.game.callVote(classNotes(['support', 'abstain', 'object'], { rationale, tally: r.draft.tally }));
        return;
      }
      const voted = councilAsVoted(council, teams);
      const record = councilTeamsRecord(view, teams);
      const reasons = [rationale, combineTeamRationales(council, teams) ?? ''].filter(Boolean).join('\n');
      r.councilTeams = [...r.councilTeams.filter((c) => c.turn !== turn), record];
      r.vote = { council: voted, verdict: voted.wouldPass ? 'consensus' : 'blocked', turn };
      r.game.callVote({
        positions: teamPositions(council, teams),
        tally: teamTally(tallyCouncil(council, teams)),
        ...(reasons ? { rationale: reasons.slice(0, MAX_RATIONALE) } : {}),
      });
    });
  }

  private continueStep(): void {
    this.guard(() => this.run?.game.continue());
  }

  private readResult(): void {
    const r = this.run;
    if (!r) return;
    r.seen = r.game.view().turn;
    if (r.game.view().status === 'ended') {
      this.setRunScreen('ending');
      return;
    }
    this.persist();
    this.render();
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      console.error(e);
      this.go({ id: ScreenId.Error, message: e instanceof Error ? e.message : String(e) });
    }
  }

  // ---------------------------------------------------------------- announcements

  private announce(text: string): void {
    const live = this.el.live;
    live.textContent = '';
    window.setTimeout(() => {
      live.textContent = text;
    }, 60);
  }

  private announceChange(view: GameView): void {
    const parts: string[] = [];
    const last = view.last;
    if (last && this.run && last.turn > this.run.seen) {
      parts.push(`Decision ${last.turn}: ${last.label}.`);
      for (const e of last.entries) {
        const m = view.meters.find((x) => x.id === e.meter);
        parts.push(`${m?.label ?? e.meter} ${e.delta > 0 ? 'up' : 'down'} ${Math.abs(e.delta)}.`);
      }
    } else if (view.step?.council) {
      const c = view.step.council;
      parts.push(c.wouldPass ? 'Consensus would now form.' : 'The proposal would still be blocked.');
      const word = { support: 'supports', abstain: 'abstains', object: 'objects' } as const;
      for (const m of c.members) parts.push(`${m.name} ${word[m.position]}.`);
    }
    if (parts.length > 0) this.announce(parts.join(' '));
  }

  /** New events on the step just opened go to the live region. */
  private announceNews(): void {
    const r = this.run;
    if (this.screen.id !== ScreenId.Play || !r) return;
    const view = r.game.view();
    if (!view.step || (view.last && view.last.turn > r.seen)) return;
    const news = view.step.news.map((n) => plainText(n.text));
    if (news.length > 0) this.announce(`News: ${news.join(' ')}`);
  }

  // ---------------------------------------------------------------- keyboard

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    if (/^[1-9]$/.test(e.key)) {
      const button = this.el.main.querySelector<HTMLButtonElement>(`[data-key="${e.key}"]:not([disabled])`);
      if (button) {
        e.preventDefault();
        button.click();
      }
    }
  }

  // ---------------------------------------------------------------- rendering

  private render(): void {
    let result: ScreenResult;
    try {
      result = this.build();
    } catch (e) {
      console.error(e);
      this.screen = { id: ScreenId.Error, message: e instanceof Error ? e.message : String(e) };
      result = this.buildError(this.screen.message);
    }
    const key = this.screenKey();
    const sameScreen = key === this.renderKey;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.focusId;
    const scroll = this.el.main.scrollTop;
    this.renderKey = key;

    this.el.app.classList.remove('layout-hero', 'layout-side', 'layout-wide');
    this.el.app.classList.add(`layout-${result.layout}`);
    this.el.app.dataset.screen = this.screen.id;
    const inRunScreen =
      this.screen.id === ScreenId.Play || this.screen.id === ScreenId.Ending || this.screen.id === ScreenId.Debrief;
    document.documentElement.classList.toggle('class-mode', inRunScreen && this.run?.mode === 'class');
    this.renderTopbar();
    this.el.main.replaceChildren(result.root);

    if (sameScreen) {
      this.el.main.scrollTop = scroll;
      const again =
        (focused && this.el.main.querySelector<HTMLElement>(`[data-focus-id="${focused}"]`)) ||
        this.el.main.querySelector<HTMLElement>('[data-focus-id="call-vote"]');
      const target = again ?? result.heading;
      target.focus({ preventScroll: true });
      // Keep the focused control in view (lobbying re-renders the panel and moves focus on).
      target.scrollIntoView({ block: 'nearest' });
    } else {
      this.el.main.scrollTop = 0;
      result.heading.focus({ preventScroll: true });
      document.title = `${result.heading.textContent ?? ''} — Article Four`;
      this.announceNews();
    }
    this.fillEstimates();
    this.emitScreen();
    this.scheduleLayout();
    this.renders += 1;
  }

  private lengthFor(s: Scenario): string {
    const chosen = this.lengths.get(s.id);
    return chosen && s.lengths.some((l) => l.id === chosen) ? chosen : FULL_LENGTH;
  }

  /** Fills the time estimates a screen shows (`data-estimate`), measuring the cases not yet measured. */
  private fillEstimates(): void {
    this.stopEstimates?.();
    this.stopEstimates = null;
    const spans = [...this.el.main.querySelectorAll<HTMLElement>('[data-estimate]')];
    if (spans.length === 0) return;
    const fill = (s: Scenario, estimates: LengthEstimate[]) => {
      for (const el of this.el.main.querySelectorAll<HTMLElement>('[data-estimate]')) {
        if (el.dataset.estimate !== s.id) continue;
        const e = estimates.find((x) => x.length === el.dataset.length);
        if (e) el.textContent = estimateText(e);
      }
    };
    const pending: Scenario[] = [];
    for (const id of new Set(spans.map((el) => el.dataset.estimate ?? ''))) {
      const s = this.scenario(id);
      if (!s) continue;
      const known = knownEstimates(s);
      if (known) fill(s, known);
      else pending.push(s);
    }
    if (pending.length > 0) this.stopEstimates = measureLater(pending, fill);
  }

  /** Identifies what is on screen, so a re-render of the same thing keeps focus and scroll. */
  private screenKey(): string {
    const view = this.run?.game.view();
    return [this.screen.id, view?.step?.id ?? '', view?.turn ?? '', this.run?.seen ?? ''].join('|');
  }

  private build(): ScreenResult {
    const s = this.screen;
    switch (s.id) {
      case ScreenId.Title:
        return this.buildTitle();
      case ScreenId.Cases:
        return renderCases({
          cases: this.cases,
          onForget: (id) => {
            forgetOpened(id);
            this.cases = withOpened(this.bundled, readOpened());
            this.announce('The file is forgotten.');
            this.render();
          },
          onPick: (id) => this.go({ id: ScreenId.Seats, scenario: id }),
          onHighlight: (id) => bridge.emit(BridgeEvent.HighlightCase, id),
          onBack: () => this.go({ id: ScreenId.Title }),
        });
      case ScreenId.Seats: {
        const scenario = this.scenario(s.scenario);
        if (!scenario) return this.buildError(`There is no case "${s.scenario}".`);
        return renderSeats({
          scenario,
          classMode: this.classMode,
          onClassMode: (on) => {
            this.classMode = on;
          },
          classForecast: this.classForecast ?? this.settings.forecast,
          onClassForecast: (mode) => {
            this.classForecast = mode;
          },
          length: this.lengthFor(scenario),
          onLength: (length) => {
            this.lengths.set(scenario.id, length);
          },
          onGuide: () => this.go({ id: ScreenId.TeacherGuide, scenario: scenario.id, back: s }),
          teams: readTeams(scenario.id),
          onTeams: () => this.go({ id: ScreenId.CouncilTeams, scenario: scenario.id, back: s }),
          onPick: (role) => this.go({ id: ScreenId.Briefing, scenario: scenario.id, role }),
          onBack: () => this.go({ id: ScreenId.Cases }),
        });
      }
      case ScreenId.Briefing: {
        const scenario = this.scenario(s.scenario);
        if (!scenario) return this.buildError(`There is no case "${s.scenario}".`);
        return renderBriefing({
          scenario,
          role: s.role,
          treatyTest: treatyTestBlock(bundledTimeline(), scenario.dates.start, () =>
            this.go({ id: ScreenId.Timeline, scenario: scenario.id, back: s }),
          ),
          onBegin: () => this.guard(() => this.newRun(scenario.id, s.role)),
          onGlossary: () => this.go({ id: ScreenId.Glossary, scenario: scenario.id, back: s }),
          onBack: () => this.go({ id: ScreenId.Seats, scenario: scenario.id }),
        });
      }
      case ScreenId.Play:
        return this.buildPlay();
      case ScreenId.Ending: {
        const r = this.run;
        const d = this.debrief();
        if (!r || !d) return this.buildTitle();
        return renderEnding({ view: r.game.view(), debrief: d, onDebrief: () => this.setRunScreen('debrief') });
      }
      case ScreenId.Debrief: {
        const r = this.run;
        const d = this.debrief();
        if (!r || !d) return this.buildTitle();
        const role = r.scenario.roles.find((x) => x.id === d.role);
        return renderDebrief({
          title: r.scenario.title,
          seat: role?.title ?? d.role,
          debrief: d,
          meters: r.game.view().meters,
          caseTitle: (id) => this.scenario(id)?.title ?? id,
          extra: saveResultsBlock({
            game: r.game,
            mode: r.mode,
            startedAt: r.startedAt,
            names: r.names,
            councilTeams: r.councilTeams,
            announce: (text) => this.announce(text),
          }),
          onReplay: (turn) => this.guard(() => this.replayFrom(turn)),
          onNewSeat: () => {
            const id = r.scenario.id;
            this.exitRunTo({ id: ScreenId.Seats, scenario: id });
          },
          onTitle: () => this.exitToTitle(),
        });
      }
      case ScreenId.Settings:
        return renderSettings({
          settings: this.settings,
          onChange: (patch) => this.changeSettings({ ...this.settings, ...patch }),
          onBack: () => this.go(s.back),
          backLabel: s.back.id === ScreenId.Title ? 'Back to the title' : 'Back to the game',
          classRun: this.run?.forecast !== undefined && s.back.id !== ScreenId.Title,
        });
      case ScreenId.Glossary: {
        const scenario = this.scenario(s.scenario);
        if (!scenario) return this.buildError(`There is no case "${s.scenario}".`);
        return renderGlossary({
          scenario,
          onBack: () => this.go(s.back),
          backLabel: s.back.id === ScreenId.Briefing ? 'Back to the briefing' : 'Back to the game',
        });
      }
      case ScreenId.TeacherGuide: {
        const scenario = this.scenario(s.scenario);
        if (!scenario) return this.buildError(`There is no case "${s.scenario}".`);
        return renderTeacherGuide({
          scenario,
          onRoleSheets: () => this.go({ id: ScreenId.RoleSheets, scenario: scenario.id, back: s }),
          onBack: () => this.go(s.back),
          backLabel: s.back.id === ScreenId.Seats ? 'Back to the seats' : 'Back',
          onTimeline: () => this.go({ id: ScreenId.Timeline, back: s }),
        });
      }
      case ScreenId.CouncilTeams: {
        const scenario = this.scenario(s.scenario);
        if (!scenario) return this.buildError(`There is no case "${s.scenario}".`);
        return renderTeamSetup({
          scenario,
          teams: readTeams(scenario.id),
          onChange: (teams) => {
            writeTeams(scenario.id, teams);
            // Teams play in class mode.
            if (teams.length > 0) this.classMode = true;
          },
          onRoleSheets: () => this.go({ id: ScreenId.RoleSheets, scenario: scenario.id, back: s }),
          onBack: () => this.go(s.back),
          announce: (text) => this.announce(text),
        });
      }
      case ScreenId.RoleSheets: {
        const scenario = this.scenario(s.scenario);
        if (!scenario) return this.buildError(`There is no case "${s.scenario}".`);
        return renderRoleSheets({
          scenario,
          teams: readTeams(scenario.id),
          onBack: () => this.go(s.back),
          backLabel: s.back.id === ScreenId.TeacherGuide ? 'Back to the teacher guide' : 'Back to the Council teams',
        });
      }
      case ScreenId.Timeline: {
        const scenario = s.scenario ? this.scenario(s.scenario) : undefined;
        const backLabels: Partial<Record<ScreenId, string>> = {
          [ScreenId.Title]: 'Back to the title',
          [ScreenId.Briefing]: 'Back to the briefing',
          [ScreenId.TeacherGuide]: 'Back to the teacher guide',
        };
        return renderTimeline({
          data: bundledTimeline(),
          ...(scenario && !s.all ? { asOf: scenario.dates.start } : {}),
          ...(scenario ? { caseId: scenario.id } : {}),
          caseTitle: (id) => this.scenario(id)?.title,
          onCase: (id) => this.go({ id: ScreenId.Seats, scenario: id }),
          onShowAll: () => this.go({ ...s, all: true }),
          onBack: () => this.go(s.back),
          backLabel: backLabels[s.back.id] ?? 'Back',
        });
      }
      case ScreenId.Credits:
        return renderCredits({ cases: this.cases, onBack: () => this.go({ id: ScreenId.Title }) });
      case ScreenId.Error:
        return this.buildError(s.message);
      case ScreenId.ScenarioErrors:
        return renderScenarioErrors({
          ...s,
          onOpenFile: (file) => void this.openFile(file),
          onBack: () => this.go({ id: ScreenId.Title }),
        });
    }
  }

  /**
   * Opens a scenario file from the player's computer (file picker or drop). A valid file joins
   * the cases (replacing a case with the same id), is kept for later visits when storage allows,
   * and goes to its seats.
   */
  private async openFile(file: File): Promise<void> {
    const opened = await readScenarioFile(file);
    if (!opened.ok) {
      this.go({ id: ScreenId.ScenarioErrors, file: opened.file, errors: opened.errors, source: opened.source });
      return;
    }
    const { scenario } = opened;
    const record = { id: scenario.id, file: opened.file, text: opened.source };
    const kept = rememberOpened(record);
    this.cases = withOpened(this.bundled, kept ? readOpened() : [record, ...readOpened()]);
    this.announce(
      `Opened ${opened.file}: ${scenario.title}.${kept ? '' : ' It could not be stored, so a reload will forget it.'}`,
    );
    this.go({ id: ScreenId.Seats, scenario: scenario.id });
  }

  private exitRunTo(screen: Screen): void {
    this.detach();
    sessionStorage.removeItem(SessionKey.InRun);
    this.go(screen);
  }

  private buildTitle(): ScreenResult {
    const saved = readSave();
    if (saved.kind === 'problem') this.notice = saved.message;
    let resume: { title: string; detail: string } | null = null;
    if (saved.kind === 'ok') {
      const s = this.scenario(saved.run.scenario);
      const role = s?.roles.find((r) => r.id === saved.run.role);
      const turns = (saved.run.engine as { events?: { type?: string }[] } | null)?.events?.length ?? 0;
      resume = {
        title: s?.title ?? saved.run.scenario,
        detail: `${role?.title ?? saved.run.role}${saved.run.screen === 'play' ? ` · ${turns} move${turns === 1 ? '' : 's'} made` : ' · finished'}`,
      };
    }
    return renderTitle({
      cases: this.scenarios().map((x) => shortTitle(x.title)),
      resume,
      notice: this.notice,
      onContinue: () => this.guard(() => this.resume()),
      onNew: () => {
        this.notice = null;
        this.go({ id: ScreenId.Cases });
      },
      onSettings: () => this.go({ id: ScreenId.Settings, back: { id: ScreenId.Title } }),
      onCredits: () => this.go({ id: ScreenId.Credits }),
      onTimeline: () => this.go({ id: ScreenId.Timeline, back: { id: ScreenId.Title } }),
      onOpenFile: (file) => void this.openFile(file),
    });
  }

  private buildPlay(): ScreenResult {
    const r = this.run;
    if (!r) return this.buildTitle();
    const view = r.game.view();
    if (view.last && view.last.turn > r.seen) {
      const vote = r.vote && r.vote.turn === view.last.turn ? r.vote : null;
      const votes =
        vote?.council.members.map((m) => {
          const team = r.mode === 'class' ? r.teams.find((t) => t.actor === m.actor)?.team : undefined;
          return { name: m.name, ...(team ? { team } : {}), position: m.position };
        }) ?? null;
      return renderResult({
        view,
        last: view.last,
        verdict: vote?.verdict ?? null,
        votes,
        onContinue: () => this.readResult(),
      });
    }
    if (view.status === 'ended' || !view.step) {
      r.screen = 'ending';
      this.screen = { id: ScreenId.Ending };
      return this.build();
    }
    const step = view.step;
    const draft = this.draftFor(view);
    const notes = step.kind === 'narrative' ? null : rationaleField(draft, r.mode);
    const classPanel =
      r.mode === 'class' && step.kind === 'choices' && notes
        ? classChoicePanel({
            step,
            meters: view.meters,
            forecastMode: this.forecastMode(r),
            draft,
            notes,
            announce: (text) => this.announce(text),
            onTake: (id) =>
              this.choose(
                id,
                classNotes(
                  step.choices.map((c) => c.id),
                  { rationale: draft.rationale, tally: draft.tally },
                ),
              ),
          })
        : null;
    const council = step.council;
    const classCouncilFor =
      r.mode === 'class' && council && notes
        ? (voteKey: string) =>
            classCouncil({
              scenario: r.scenario,
              council,
              teams: r.teams,
              draft,
              notes,
              voteKey,
              announce: (text) => this.announce(text),
              onVotesChanged: () => this.emitScreen(),
              onCall: () => this.callVote(),
            })
        : null;
    return renderStep({
      view,
      step,
      classPanel,
      classCouncil: classCouncilFor,
      notes,
      onChoose: (id) => this.choose(id),
      onLobby: (a) => this.lobby(a),
      onVote: () => this.callVote(),
      onContinue: () => this.continueStep(),
      forecastMode: this.forecastMode(r),
    });
  }

  /** A class run keeps the forecasts it started with; a solo run follows the settings. */
  private forecastMode(r: Run): ForecastMode {
    return r.forecast ?? this.settings.forecast;
  }

  private buildError(message: string): ScreenResult {
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
          { type: 'button', class: 'btn btn-primary', onclick: () => this.exitToTitle() },
          'Back to the title',
        ),
      ),
    );
    return { root, heading, layout: 'side' };
  }

  private changeSettings(next: Settings): void {
    this.settings = next;
    storeSettings(next);
    applySettings(next);
    bridge.emit(BridgeEvent.Settings, next);
    this.scheduleLayout();
  }

  private renderTopbar(): void {
    const bar = this.el.topbar;
    const r = this.run;
    const inRun =
      !!r &&
      (this.screen.id === ScreenId.Play || this.screen.id === ScreenId.Ending || this.screen.id === ScreenId.Debrief);
    bar.hidden = !inRun;
    this.el.app.classList.toggle('has-topbar', inRun);
    if (!inRun || !r) {
      bar.replaceChildren();
      return;
    }
    const view = r.game.view();
    const role = r.scenario.roles.find((x) => x.id === view.role);
    // A result is shown where its decision was taken: that step's date and phase.
    const result = view.last && view.last.turn > r.seen ? view.last : null;
    const phase = result ? result.phase : view.step?.phase;
    const date = result ? result.date : view.step?.date;
    const current = phase ? PHASES.indexOf(phase) : PHASES.length;
    bar.replaceChildren(
      h('span', { class: 'brand', 'aria-hidden': 'true' }, 'Article Four'),
      h(
        'div',
        { class: 'topbar-case' },
        h('strong', null, r.scenario.title),
        h('span', null, `${role?.title ?? view.role}${date ? ` · ${formatDate(date)}` : ''}`),
      ),
      h(
        'ol',
        { class: 'phases', 'aria-label': 'Phases of the decision' },
        ...PHASES.map((p, i) =>
          h('li', { class: i < current ? 'done' : '', 'aria-current': i === current ? 'step' : null }, phaseLabel(p)),
        ),
      ),
      h(
        'div',
        { class: 'topbar-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-quiet btn-small',
            onclick: () => this.go({ id: ScreenId.Settings, back: this.screen }),
          },
          'Settings',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-quiet btn-small',
            'data-action': 'glossary',
            onclick: () => this.go({ id: ScreenId.Glossary, scenario: r.scenario.id, back: this.screen }),
          },
          'Glossary',
        ),
        h(
          'button',
          { type: 'button', class: 'btn btn-small', 'data-action': 'exit', onclick: () => this.exitToTitle() },
          'Save and exit',
        ),
      ),
    );
  }

  // ---------------------------------------------------------------- what the scenes draw

  private emitScreen(): void {
    const r = this.run;
    const id = this.screen.id;
    let map: MapModel = this.lastMap;
    let meters: ScreenPayload['meters'] = null;
    let council: ScreenPayload['council'] = null;
    let verdict: ScreenPayload['verdict'] = null;
    let teams: ScreenPayload['teams'] = null;
    if (id === ScreenId.Title) map = regionMap(this.scenarios(), false);
    else if (id === ScreenId.Cases) map = regionMap(this.scenarios(), true);
    else if (id === ScreenId.Seats || id === ScreenId.Briefing) {
      const s = this.scenario(this.screen.scenario);
      if (s) map = caseMap(s);
    } else if (r && (id === ScreenId.Play || id === ScreenId.Ending || id === ScreenId.Debrief)) {
      const view = r.game.view();
      const showingResult = !!view.last && view.last.turn > r.seen;
      // On a result the gauges and the map stand as they did right after the decision.
      const result = id === ScreenId.Play && showingResult ? view.last : undefined;
      meters = id === ScreenId.Debrief ? null : (result?.meters ?? view.meters);
      if (id === ScreenId.Play) {
        const open = view.step?.council;
        if (!showingResult && open) {
          // Class mode: the chamber shows each team's vote as it is cast.
          const cast = r.mode === 'class' ? teamsWithVotes(r.teams, r.draft) : [];
          council = cast.length > 0 ? councilAsVoted(open, cast) : open;
          teams = cast.map((t) => ({ actor: t.actor, team: t.team, voted: t.vote !== undefined }));
        } else if (showingResult && r.vote && r.vote.turn === view.last?.turn) {
          council = r.vote.council;
          verdict = r.vote.verdict;
          teams = r.mode === 'class' ? r.teams.map((t) => ({ actor: t.actor, team: t.team, voted: true })) : null;
        }
      }
      map = result
        ? runMap(
            r.scenario,
            result.place ? { place: result.place, moves: [] } : undefined,
            result.visited,
            council !== null,
          )
        : runMap(r.scenario, view.step, r.game.state().visited, council !== null);
    } else if (id === ScreenId.Error) {
      map = emptyMap();
    }
    this.lastMap = map;
    // The chamber covers the map: its legend steps aside.
    this.el.app.classList.toggle('council-open', council !== null);
    this.el.app.classList.toggle('has-moves', map.moves.length > 0);
    bridge.emit(BridgeEvent.Screen, { screen: id, map, meters, council, verdict, teams });
  }

  private scheduleLayout(): void {
    cancelAnimationFrame(this.layoutFrame);
    this.layoutFrame = requestAnimationFrame(() => this.emitLayout());
  }

  private emitLayout(): void {
    const panel = this.el.main.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const top = this.el.topbar.hidden ? 0 : this.el.topbar.getBoundingClientRect().bottom;
    const panelOnRight = panel.left > vw / 3;
    const x = panelOnRight ? 0 : panel.right;
    const width = panelOnRight ? panel.left : vw - panel.right;
    const layout: Layout = { x, y: top, width: Math.max(0, width), height: Math.max(0, vh - top), gauges: null };
    const hasMeters = this.screen.id === ScreenId.Play || this.screen.id === ScreenId.Ending;
    if (hasMeters && this.run) {
      const scale = textScale(this.settings.textSize);
      const gh = Math.round(Math.min(190, Math.max(128, vh * 0.16)) * Math.min(1.25, scale));
      layout.gauges = { x: x + 16, y: vh - gh - 16, width: Math.max(0, width - 32), height: gh };
    }
    bridge.emit(BridgeEvent.Layout, layout);
  }
}
