/**
 * Entry point. The HTML app renders first and is usable at once; Phaser and the map data load
 * beside it, in their own chunk, and draw behind the panel when ready.
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
import './ui/styles.css';
import { App } from './ui/app';
import { bridge } from './ui/bridge';
import { loadCases } from './ui/cases';
import { BridgeEvent } from './ui/keys';

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

async function boot(): Promise<void> {
  const app = new App({ app: element('app'), main: element('main'), topbar: element('topbar'), live: element('live') });
  debug.renders = () => app.renders;
  const cases = await loadCases();
  app.start(cases);
  debug.ready = true;
  startWorld();
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
