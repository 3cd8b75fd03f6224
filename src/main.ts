/**
 * Entry point. The title is in the page's HTML, written at build time (src/build/title-html.ts,
 * ui/first-screen.ts); the app (the flow, the engine and every other screen) is fetched once the
 * title is painted, and takes over. Phaser and the map data load after that, in their own
 * chunk, at the player's first pause, and draw behind the panel when ready; not at all while the
 * player has the map turned off in Settings (it starts and stops when the setting changes).
 */
import './ui/fonts.css';
import './ui/styles.css';
import './ui/phone.css';
import './ui/projector.css';
import './ui/print.css';
import { bridge } from './ui/bridge';
import { showFirstScreen } from './ui/first-screen';
import { BridgeEvent, STYLES_AFTER_PAINT } from './ui/keys';
import { applySettings, loadSettings } from './ui/settings';
import { whenQuiet } from './ui/when-quiet';

interface WorldLike {
  stats(): unknown;
  destroy(): void;
}

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
}

const root = document.documentElement;
const debug: {
  ready: boolean;
  renders: () => number;
  world: boolean;
  worldError: string | null;
  stats(): unknown;
  /** Whether the map is wanted: waited for (the player's first pause), loading or drawn. */
  worldPlanned(): boolean;
  /** What the scenes were last told to draw (the browser tests read it). */
  screen(): unknown;
} = {
  ready: false,
  renders: () => 0,
  screen: () => bridge.latest(BridgeEvent.Screen) ?? null,
  world: false,
  worldError: null,
  stats: () => ({ bridgeListeners: bridge.listenerCount(), world: worldHandle?.stats() ?? null }),
  worldPlanned: () => waiting || worldStarting || worldHandle !== null,
};
let worldHandle: WorldLike | null = null;
/** The map setting as last applied; the world is wanted while it is on. */
let mapOn = true;
/** True from the world's start until it is drawn, failed or stopped. */
let worldStarting = false;
/** Counts the starts: a start whose Phaser arrives after the map was turned off (or on again) is dropped. */
let worldStarts = 0;
/** How long the player must pause (no new screen, no press) before the map starts. */
const QUIET_MS = 1500;
/** True while the map waits for that pause. */
let waiting = false;
/** Stops waiting for that pause (the map was turned off, or on by the player). */
let stopWaiting = (): void => {};
/** Stops listening for the loading world's progress (set by `startWorld`). */
let stopLoading = (): void => {};
(window as unknown as { __articleFour: typeof debug }).__articleFour = debug;

/**
 * The site's stylesheets, preloaded beside the title (src/build/critical-css.ts), made stylesheets:
 * resolves when they have loaded (or failed: the page then keeps the title's own rules). Only the
 * built site has them; in development the stylesheets are the modules' own.
 */
function applyStyles(): Promise<void> {
  const links = [...document.querySelectorAll<HTMLLinkElement>(`link[${STYLES_AFTER_PAINT}]`)];
  return Promise.all(
    links.map(
      (link) =>
        new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
          link.removeAttribute(STYLES_AFTER_PAINT);
          link.rel = 'stylesheet';
        }),
    ),
  ).then(() => undefined);
}

/** After the next frame has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function boot(): Promise<void> {
  const els = { app: element('app'), main: element('main'), topbar: element('topbar'), live: element('live') };
  const settings = loadSettings();
  applySettings(settings);
  mapOn = settings.map;
  // The map follows the setting: turned on, it starts at once; turned off, it stops.
  bridge.on(BridgeEvent.Settings, (next) => {
    if (next.map === mapOn) return;
    mapOn = next.map;
    stopWaiting();
    if (mapOn) startWorld();
    else stopWorld();
  });
  // A SCORM package (`npm run build:scorm`) opens where the LMS's data says, not on the title.
  const first = import.meta.env.MODE === 'scorm' ? null : showFirstScreen(els);
  // The app's code is fetched once the title has been painted (the title works from its HTML
  // meanwhile): fetched and run at once, it held up the title's first frame.
  if (first) await afterPaint();
  // The site's stylesheets apply before the app draws its first screen. They are made stylesheets
  // before the app's import: Vite's loader then finds them and does not add them again after the
  // entry's own (which would change the order of the rules).
  const styles = applyStyles();
  const [{ App }] = await Promise.all([import('./ui/app'), styles]);
  // Only in the SCORM package (the build's mode): the LMS code, its own chunk, out of the plain site.
  const lms =
    import.meta.env.MODE === 'scorm' ? await import('./lms/scorm-launch').then((m) => m.connectScorm()) : undefined;
  const app = new App(els, lms);
  debug.renders = () => app.renders;
  await app.start();
  const choice = first?.choice();
  if (choice) app.follow(choice);
  debug.ready = true;
  // The service worker, and the prompt when a new version is waiting (never during a run).
  void import('./ui/pwa-update').then((m) => m.watchForUpdates({ parent: els.app, watchRun: (l) => app.watchRun(l) }));
  // Phaser and the map start at the player's first pause (ui/when-quiet.ts): a player clicking
  // through to a case goes first, and the map loads while they read.
  if (mapOn) {
    waiting = true;
    const cancel = whenQuiet(
      QUIET_MS,
      { onScreen: (fn) => bridge.on(BridgeEvent.Screen, fn), target: document },
      () => {
        waiting = false;
        startWorld();
      },
    );
    stopWaiting = () => {
      waiting = false;
      cancel();
    };
  }
}

function startWorld(): void {
  if (!mapOn || worldHandle || worldStarting) return;
  worldStarting = true;
  const start = ++worldStarts;
  debug.worldError = null;
  const note = element('loading-note');
  note.textContent = 'Loading the map…';
  const offProgress = bridge.on(BridgeEvent.LoadProgress, (v) => {
    note.textContent = `Loading the map… ${Math.round(v * 100)}%`;
  });
  const offReady = bridge.on(BridgeEvent.WorldReady, () => {
    root.classList.add('canvas-ready');
    note.textContent = '';
    debug.world = true;
    worldStarting = false;
    offProgress();
    offReady();
  });
  stopLoading = () => {
    note.textContent = '';
    offProgress();
    offReady();
  };
  import('./scenes/start')
    // Phaser's module runs as the import resolves; the game is made in a task of its own after
    // it. In one task the two were the longest of the map's start (0.5-0.8 s at a 4× CPU throttle).
    .then((scenes) => new Promise<typeof scenes>((resolve) => setTimeout(() => resolve(scenes), 0)))
    .then((scenes) => {
      // Turned off while Phaser was loading: it is not started.
      if (start === worldStarts && worldStarting) worldHandle = scenes.startWorld(element('stage'));
    })
    .catch((e: unknown) => {
      // The game stays fully playable in HTML; only the map is missing.
      console.error(e);
      worldStarting = false;
      debug.worldError = e instanceof Error ? e.message : String(e);
      note.textContent = 'The map could not be drawn on this device; the game works without it.';
      offProgress();
      offReady();
    });
}

/** Stops the world started by `startWorld` (the map turned off): the canvas goes, the panel stays. */
function stopWorld(): void {
  worldStarting = false;
  stopLoading();
  worldHandle?.destroy();
  worldHandle = null;
  debug.world = false;
  root.classList.remove('canvas-ready');
}

boot().catch((e: unknown) => {
  console.error(e);
  const main = document.getElementById('main');
  if (main) {
    const h1 = document.createElement('h1');
    h1.textContent = 'Article Four could not start';
    const p = document.createElement('p');
    p.textContent = e instanceof Error ? e.message : String(e);
    main.replaceChildren(h1, p);
  }
});
