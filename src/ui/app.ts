/**
 * The HTML app: runs the app flow (flow/app-machine.ts, with the Game as its child actor),
 * keeps the address bar in step with it (flow/url-sync.ts), renders its snapshots into the panel
 * (the last of an input's, once),
 * and tells the Phaser scenes what to draw. It decides no rule of the game and no step of the
 * flow itself.
 */
import { type Actor, createActor } from 'xstate';
import { localTimestamp } from '../classroom/result-build';
import type { Scenario } from '../engine/schema';
import type { AppHooks } from './app-hooks';
import { bridge, type Layout } from './bridge';
import { CaseBook } from './case-book';
import { classColumns } from './class-columns';
import { type Drafts, freshDrafts, keepDrafts, readDrafts } from './drafts';
import { fillEstimates } from './estimates';
import type { FirstChoice } from './first-screen';
import { appMachine, type FlowDeps, type FlowEvent } from './flow/app-machine';
import type { Route } from './flow/routes';
import { ended } from './flow/run-record';
import { syncUrl, type UrlSync } from './flow/url-sync';
import { gaugeGrid } from './gauge-grid';
import { BridgeEvent, ScreenId } from './keys';
import { emptyMap, type MapModel, shortTitle } from './map-model';
import { placeMeters } from './meters-place';
import { compiledRecord, forgetOpened, readOpened, rememberOpened } from './opened-store';
import { Announcer, announceChange, announceNews } from './render/announce';
import { runScreen } from './render/run-screens';
import { scenePayload } from './render/scene-payload';
import { screenOf } from './render/screen-of';
import { errorScreen, scenarioErrorsScreen, setupScreen, titleScreen } from './render/setup-screens';
import { type AppSnapshot, backLabelFor, type Shell } from './render/shell';
import { renderTopbar } from './render/topbar';
import { clearSave, readSave, writeSave } from './save-store';
import type { ScreenResult } from './screens/common';
import { renderReplaceRun } from './screens/confirm';
import { listenForDrops, readScenarioFile } from './screens/open-file';
import { applySettings, loadSettings, type Settings, storeSettings, textScale } from './settings';
import { onStorageProblem } from './storage';
import { storageBanner } from './storage-banner';
import { readTeams } from './teams-store';

export interface AppElements {
  app: HTMLElement;
  main: HTMLElement;
  topbar: HTMLElement;
  live: HTMLElement;
}

function newSeed(): number {
  // `?seed=N` in the address fixes the seed (for classes comparing runs, and for tests).
  const fixed = Number(new URLSearchParams(location.search).get('seed'));
  return Number.isSafeInteger(fixed) && fixed > 0 ? fixed : (crypto.getRandomValues(new Uint32Array(1))[0] ?? 1);
}

export class App {
  /** Every case: bundled ones (loaded when first needed) and opened files. */
  private readonly book = new CaseBook(() => {
    const r = this.deps?.readSave() ?? readSave();
    return r.kind === 'ok' ? r.run.scenario : null;
  });
  private settings: Settings;
  private actor: Actor<typeof appMachine> | null = null;
  private deps: FlowDeps | null = null;
  private url: UrlSync | null = null;
  private drafts: Drafts = freshDrafts('');
  private renderKey = '';
  private lastTick = -1;
  private lastSnapshot: AppSnapshot | null = null;
  /** The snapshot to render when the current task's events are done (see `onSnapshot`). */
  private pendingRender: AppSnapshot | null = null;
  private lastMap: MapModel = emptyMap();
  private layoutFrame = 0;
  /** How many gauges the screen shows: the gauges' grid depends on it. */
  private meterCount = 0;
  private stopEstimates: (() => void) | null = null;
  private readonly announcer: Announcer;
  /** How many times the panel has been rendered (the browser tests wait on it). */
  renders = 0;

  constructor(
    private readonly el: AppElements,
    private readonly hooks: AppHooks = {},
  ) {
    this.settings = loadSettings();
    this.announcer = new Announcer(el.live);
    applySettings(this.settings);
    bridge.emit(BridgeEvent.Settings, this.settings);
    document.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('resize', () => this.scheduleLayout());
    // What is typed is kept for a reload as it is typed (the screens update the drafts first).
    for (const type of ['input', 'change', 'click']) {
      el.main.addEventListener(type, () => {
        // Only a run has drafts to keep.
        if (this.drafts.run) keepDrafts(this.drafts);
      });
    }
    bridge.on(BridgeEvent.PickCase, (id) => {
      if (this.actor?.getSnapshot().matches('cases')) this.navigate({ screen: 'seats', scenario: id });
    });
    const dropScreens: string[] = [ScreenId.Title, ScreenId.Cases, ScreenId.ScenarioErrors];
    listenForDrops(
      el.app,
      () => dropScreens.includes(el.app.dataset.screen ?? ''),
      (file) => void this.openFile(file),
    );
    onStorageProblem((problem) => storageBanner(el.app, problem));
    // The skip link moves focus; it must not change the address (the hash names the screen).
    document.querySelector('.skip-link')?.addEventListener('click', (e) => {
      e.preventDefault();
      el.main.focus();
    });
  }

  /**
   * Starts the flow with the bundled cases and the files opened before, at the screen the address
   * names, once the case that screen (or the saved run it resumes) needs has loaded.
   */
  async start(): Promise<void> {
    await this.book.init();
    const base: FlowDeps = {
      scenario: (id) => this.scenario(id),
      readSave,
      writeSave,
      clearSave,
      teams: readTeams,
      newSeed,
      timestamp: () => localTimestamp(new Date()),
    };
    const deps = this.hooks.deps?.(base) ?? base;
    this.deps = deps;
    const saved = deps.readSave();
    const actor = createActor(appMachine, { input: { deps } });
    this.actor = actor;
    this.url = syncUrl(actor, (route, go) => this.book.whenLoaded(route, go));
    actor.subscribe({
      next: (s) => this.onSnapshot(s),
      error: (e) => console.error(e),
    });
    actor.start();
    if (saved.kind === 'problem') actor.send({ type: 'NOTICE', text: saved.message });
    const launch = this.hooks.launch?.(this.url.initial, saved);
    for (const e of launch?.events ?? []) actor.send(e);
    const initial = launch?.route ?? this.url.initial;
    await new Promise<void>((resolve) => this.book.whenLoaded(initial, resolve));
    actor.send({ type: 'START', route: initial });
  }

  /**
   * Carries out what the player chose on the first screen before the app had loaded (a link they
   * followed is already in the address, which `start` opens).
   */
  follow(choice: FirstChoice): void {
    void this.openFile(choice.file);
  }

  /**
   * Tells `listener` whether a run is in progress (decisions are left to make), now and at each
   * change: the update prompt (pwa-update.ts) waits until none is.
   */
  watchRun(listener: (inProgress: boolean) => void): void {
    let last: boolean | null = null;
    const check = (s: AppSnapshot) => {
      const now = s.matches('run') && !ended(s.context.run);
      if (now === last) return;
      last = now;
      listener(now);
    };
    if (this.actor) check(this.actor.getSnapshot());
    this.actor?.subscribe(check);
  }

  private scenario(id: string): Scenario | undefined {
    return this.book.scenario(id);
  }

  private send(event: FlowEvent): void {
    this.actor?.send(event);
  }

  private navigate(route: Route): void {
    this.book.whenLoaded(route, () => this.send({ type: 'NAVIGATE', route }));
  }

  private onSnapshot(s: AppSnapshot): void {
    // Subscribers hear every event, handled or not: an event that changed nothing renders nothing.
    if (s === this.lastSnapshot) return;
    this.lastSnapshot = s;
    if (s.matches('booting') || s.matches('routing')) return;
    const run = s.context.run;
    // A run waits for its Game (started or restored by the child actor).
    if (s.matches('run') && !run?.game) return;
    if (run?.game) {
      const key = `${run.scenario.id}|${run.game.state().seed}|${run.startedAt}`;
      if (this.drafts.run !== key) this.drafts = readDrafts(key);
      if (run.tick !== this.lastTick) {
        if (this.lastTick >= 0 && run.tick > 0) announceChange(this.announcer, run.game.view(), run.seen);
        this.lastTick = run.tick;
      }
    } else {
      this.lastTick = -1;
    }
    // One input may give several snapshots in a row (a move, then the Game's change): the panel
    // renders the last of them once, after the events of this task, not each in turn.
    const queued = this.pendingRender !== null;
    this.pendingRender = s;
    if (!queued) queueMicrotask(() => this.renderPending());
  }

  private renderPending(): void {
    const s = this.pendingRender;
    this.pendingRender = null;
    if (s) this.render(s);
  }

  private shell(s: AppSnapshot): Shell {
    return {
      snapshot: s,
      context: s.context,
      cases: this.book.cases,
      list: this.book.list(),
      settings: this.settings,
      drafts: this.drafts,
      scenario: (id) => this.scenario(id),
      send: (e) => this.send(e),
      navigate: (r) => this.navigate(r),
      back: (target) => this.url?.back(target),
      backLabel: () => backLabelFor(this.url?.backTarget() ?? { screen: 'title' }),
      announce: (text) => this.announcer.say(text),
      openFile: (file) => void this.openFile(file),
      forgetOpened: (id) => {
        forgetOpened(id);
        this.book.refresh();
        this.announcer.say('The file is forgotten.');
        this.rerender();
      },
      changeSettings: (patch) => this.changeSettings({ ...this.settings, ...patch }),
      keepDrafts: () => keepDrafts(this.drafts),
      highlightCase: (id) => {
        bridge.emit(BridgeEvent.HighlightCase, id);
        // A card hovered or focused is likely to be picked: start loading its case.
        if (id) this.book.prefetch(id);
      },
      emitScreen: () => {
        const snap = this.actor?.getSnapshot();
        if (snap) this.emitScreen(snap);
      },
    };
  }

  private build(s: AppSnapshot, screen: ScreenId): ScreenResult {
    const ui = this.shell(s);
    const c = s.context;
    switch (screen) {
      case ScreenId.Title:
        return titleScreen(ui);
      case ScreenId.Error:
        return errorScreen(ui, c.error ?? 'Unknown error');
      case ScreenId.ScenarioErrors:
        return scenarioErrorsScreen(ui);
      case ScreenId.Play:
      case ScreenId.Ending:
      case ScreenId.Debrief:
        return runScreen(ui, screen) ?? titleScreen(ui);
      case ScreenId.Confirm: {
        if (c.confirm?.kind !== 'replace-run') return runScreen(ui, 'debrief') ?? titleScreen(ui);
        const saved = c.confirm.saved;
        const scenario = this.scenario(saved.scenario);
        return renderReplaceRun({
          savedTitle: shortTitle(scenario?.title ?? this.book.summary(saved.scenario)?.title ?? saved.scenario),
          savedSeat: scenario?.roles.find((r) => r.id === saved.role)?.title ?? saved.role,
          finished: saved.finished,
          onStart: () => this.send({ type: 'CONFIRM' }),
          onKeep: () => this.send({ type: 'CANCEL' }),
          onOpenSaved: () => this.navigate({ screen: saved.finished ? 'debrief' : 'play' }),
        });
      }
      default:
        return setupScreen(ui);
    }
  }

  private rerender(): void {
    const s = this.actor?.getSnapshot();
    // The actor's snapshot is the newest: a render still waiting would repeat this one.
    this.pendingRender = null;
    if (s) this.render(s);
  }

  private render(s: AppSnapshot): void {
    const screen = screenOf(s);
    let result: ScreenResult;
    try {
      result = this.build(s, screen);
    } catch (e) {
      console.error(e);
      result = errorScreen(this.shell(s), e instanceof Error ? e.message : String(e));
    }
    const view = s.context.run?.game?.view();
    const key = [
      screen,
      JSON.stringify(s.context.route),
      view?.step?.id ?? '',
      view?.turn ?? '',
      s.context.run?.seen ?? '',
    ].join('|');
    const sameScreen = key === this.renderKey;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.focusId;
    // Read only when kept: reading it lays out the old screen, which a new one would throw away.
    const scroll = sameScreen ? this.el.main.scrollTop : 0;
    // The first drawing replaces the title written into the page: a player who has tabbed to one
    // of its entries keeps the focus there.
    const firstAction =
      this.renderKey === '' ? (document.activeElement as HTMLElement | null)?.closest('#main [data-action]') : null;
    this.renderKey = key;

    this.el.app.classList.remove('layout-hero', 'layout-side', 'layout-wide');
    this.el.app.classList.add(`layout-${result.layout}`);
    this.el.app.dataset.screen = screen;
    const inRunScreen = screen === ScreenId.Play || screen === ScreenId.Ending || screen === ScreenId.Debrief;
    document.documentElement.classList.toggle('class-mode', inRunScreen && s.context.run?.mode === 'class');
    const hasBar = renderTopbar(this.el.topbar, this.shell(s), inRunScreen ? s.context.run : null);
    this.el.topbar.hidden = !hasBar;
    this.el.app.classList.toggle('has-topbar', hasBar);
    this.el.main.replaceChildren(result.root);
    // What changes the page comes before the focus and the scroll, which lay it out: then the
    // page is laid out once per drawing, not once for them and again for the frame.
    this.stopEstimates?.();
    this.stopEstimates = fillEstimates(
      this.el.main,
      (id) => this.book.summary(id)?.estimates,
      (id) => this.scenario(id),
    );
    this.emitScreen(s);

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
      const action = firstAction?.getAttribute('data-action');
      const kept = action ? this.el.main.querySelector<HTMLElement>(`[data-action="${CSS.escape(action)}"]`) : null;
      (kept ?? result.heading).focus({ preventScroll: true });
      document.title = `${result.heading.textContent ?? ''} — Article Four`;
      const run = s.context.run;
      if (screen === ScreenId.Play && run?.game) announceNews(this.announcer, run.game.view(), run.seen);
    }
    this.scheduleLayout();
    this.renders += 1;
  }

  /**
   * Opens a scenario file from the player's computer (file picker or drop). A valid file joins
   * the cases (replacing a case with the same id), is kept for later visits when storage allows,
   * and goes to its seats.
   */
  private async openFile(file: File): Promise<void> {
    const opened = await readScenarioFile(file, (id) => this.book.isBundled(id));
    if (!opened.ok) {
      this.send({ type: 'FILE_FAILED', file: opened.file, errors: opened.errors, source: opened.source });
      return;
    }
    const { scenario } = opened;
    const record = compiledRecord(opened.file, scenario, opened.warnings);
    const kept = rememberOpened(record);
    this.book.refresh(kept ? readOpened() : [record, ...readOpened()]);
    this.announcer.say(
      `Opened ${opened.file}: ${scenario.title}.${kept ? '' : ' It could not be stored, so a reload will forget it.'}`,
    );
    this.navigate({ screen: 'seats', scenario: scenario.id });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    // Number keys pick options; Enter continues, unless a control has the focus (Enter then
    // presses that control), so a double press never picks an option unread.
    const onControl = target?.closest('button, a, select, summary, [role="button"]');
    if (/^[1-9]$/.test(e.key) || (e.key === 'Enter' && !onControl)) {
      const button = this.el.main.querySelector<HTMLButtonElement>(`[data-key="${e.key}"]:not([disabled])`);
      if (button) {
        e.preventDefault();
        button.click();
      }
    }
  }

  private changeSettings(next: Settings): void {
    this.settings = next;
    storeSettings(next);
    applySettings(next);
    bridge.emit(BridgeEvent.Settings, next);
    this.scheduleLayout();
  }

  private emitScreen(s: AppSnapshot): void {
    const payload = scenePayload(
      screenOf(s),
      s.context,
      this.book.scenarios(),
      this.drafts.decision,
      this.lastMap,
      this.book.list(),
    );
    this.lastMap = payload.map;
    const meterCount = payload.meters?.length ?? 0;
    if (meterCount !== this.meterCount) {
      this.meterCount = meterCount;
      this.scheduleLayout();
    }
    // The chamber covers the map: its legend steps aside.
    this.el.app.classList.toggle('council-open', payload.council !== null);
    this.el.app.classList.toggle('has-moves', payload.map.moves.length > 0);
    this.el.app.classList.toggle('has-accused', payload.map.accused.length > 0);
    bridge.emit(BridgeEvent.Screen, payload);
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
    const screen = this.el.app.dataset.screen;
    const run = this.actor?.getSnapshot().context.run;
    // Class mode's two columns when the panel has room for them at this text size (class-columns.ts).
    const root = document.documentElement;
    const columns =
      run?.mode === 'class' &&
      screen === ScreenId.Play &&
      classColumns(panel.width, Number.parseFloat(getComputedStyle(root).fontSize));
    if (root.classList.contains('class-columns') !== columns) root.classList.toggle('class-columns', columns);
    // The meters beside the panel (the map off or not drawn yet) go into the panel when they would rise under the top bar.
    placeMeters(root, this.el.main, top);
    if ((screen === ScreenId.Play || screen === ScreenId.Ending) && run) {
      // Larger words on a projector in class mode: a wide and tall screen, read from afar.
      const projector = run.mode === 'class' && vw >= 1200 && vh >= 900;
      layout.gauges = gaugeGrid({
        x,
        width,
        viewportHeight: vh,
        meters: this.meterCount,
        textScale: textScale(this.settings.textSize),
        large: projector,
      });
    }
    // The map's legend keeps to the map's side of the panel; the room's bar in class mode is as wide as the panel.
    // Set only when changed: a custom property on #app restyles the whole page.
    const style = this.el.app.style;
    const set = (name: string, px: number) => {
      const value = `${Math.round(px)}px`;
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    };
    set('--map-free', layout.width);
    set('--panel-left', panel.left);
    set('--panel-now', panel.width);
    bridge.emit(BridgeEvent.Layout, layout);
  }
}
