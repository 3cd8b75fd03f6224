/**
 * Entry point. The title is in the page's HTML, written at build time (src/build/title-html.ts,
 * ui/first-screen.ts); the app (the flow, the engine and every other screen) is fetched at once
 * and takes over once the title is painted. Phaser and the map data load after that, in their own
 * chunk, and draw behind the panel when ready.
 */
import './ui/fonts.css';
import './ui/styles.css';
import './ui/phone.css';
import './ui/projector.css';
import './ui/print.css';
import { bridge } from './ui/bridge';
import { showFirstScreen } from './ui/first-screen';
import { BridgeEvent } from './ui/keys';
import { applySettings, loadSettings } from './ui/settings';

interface WorldLike {
  stats(): unknown;
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
  /** What the scenes were last told to draw (the browser tests read it). */
  screen(): unknown;
} = {
  ready: false,
  renders: () => 0,
  screen: () => bridge.latest(BridgeEvent.Screen) ?? null,
  world: false,
  worldError: null,
  stats: () => ({ bridgeListeners: bridge.listenerCount(), world: worldHandle?.stats() ?? null }),
};
let worldHandle: WorldLike | null = null;
(window as unknown as { __articleFour: typeof debug }).__articleFour = debug;

/** After the next frame has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function boot(): Promise<void> {
  const els = { app: element('app'), main: element('main'), topbar: element('topbar'), live: element('live') };
  applySettings(loadSettings());
  // A SCORM package (`npm run build:scorm`) opens where the LMS's data says, not on the title.
  const first = import.meta.env.MODE === 'scorm' ? null : showFirstScreen(els);
  // The app's code is fetched at once; it takes over once the title has been painted.
  const appModule = import('./ui/app');
  if (first) await afterPaint();
  const { App } = await appModule;
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
  // Phaser and the map start once the panel is usable and the page is idle (a player clicking
  // through to a case goes first), or after three seconds at the latest.
  if ('requestIdleCallback' in window) requestIdleCallback(startWorld, { timeout: 3000 });
  else setTimeout(startWorld, 200);
}

function startWorld(): void {
  const note = element('loading-note');
  note.textContent = 'Loading the map…';
  const offProgress = bridge.on(BridgeEvent.LoadProgress, (v) => {
    note.textContent = `Loading the map… ${Math.round(v * 100)}%`;
  });
  const offReady = bridge.on(BridgeEvent.WorldReady, () => {
    root.classList.add('canvas-ready');
    note.textContent = '';
    debug.world = true;
    offProgress();
    offReady();
  });
  import('./scenes/start')
    .then(({ startWorld: start }) => {
      worldHandle = start(element('stage'));
    })
    .catch((e: unknown) => {
      // The game stays fully playable in HTML; only the map is missing.
      console.error(e);
      debug.worldError = e instanceof Error ? e.message : String(e);
      note.textContent = 'The map could not be drawn on this device; the game works without it.';
      offProgress();
      offReady();
    });
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
