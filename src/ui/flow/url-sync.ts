/**
 * The address bar and the browser's history follow the flow: each screen the flow shows gets
 * its hash (pushed or replaced as the flow says), and Back and Forward send the flow a ROUTE.
 * A screen's own Back button goes back in history when the previous entry is ours, else to the
 * screen it sits under (a link opened in a fresh tab).
 */
import type { Actor } from 'xstate';
import type { appMachine } from './app-machine';
import { parentRoute, parseRoute, type Route, routeHash } from './routes';

interface EntryState {
  /** How many of our entries lie before this one. */
  articleFour: number;
  /** The hash of the entry before, for the Back button's label. */
  from: string | null;
}

function entry(): EntryState | null {
  const s = history.state as Partial<EntryState> | null;
  return s && typeof s.articleFour === 'number' ? { articleFour: s.articleFour, from: s.from ?? null } : null;
}

function currentHash(): string {
  return location.hash === '' || location.hash === '#' ? '#/' : location.hash;
}

export interface UrlSync {
  /** The route the address asked for when the page loaded. */
  initial: Route;
  /** Where a Back button leads from the screen shown: the screen before it, else the one it sits under. */
  backTarget(): Route;
  /** Goes to `target` (by default `backTarget()`): back in history when that is the entry before, else as a new entry. */
  back(target?: Route): void;
  stop(): void;
}

/**
 * `ready(route, go)` calls `go` once what the route needs is loaded (the app loads a bundled case
 * before the flow hears of it); by default at once.
 */
export function syncUrl(
  actor: Actor<typeof appMachine>,
  ready: (route: Route, go: () => void) => void = (_route, go) => go(),
): UrlSync {
  if (!entry()) history.replaceState({ articleFour: 0, from: null } satisfies EntryState, '');
  const sub = actor.subscribe((snapshot) => {
    // Until the flow has started on the address's route (once what it needs has loaded), the
    // address stays as the player left it: the booting flow's title would replace it with "#/",
    // and a reload meanwhile (or the address copied) then opened the title, not their screen.
    if (snapshot.matches('booting')) return;
    const hash = routeHash(snapshot.context.route);
    if (hash === currentHash()) return;
    const here = entry() ?? { articleFour: 0, from: null };
    if (snapshot.context.history === 'push') {
      history.pushState({ articleFour: here.articleFour + 1, from: currentHash() } satisfies EntryState, '', hash);
    } else {
      history.replaceState(here, '', hash);
    }
  });
  const onPop = () => {
    // An in-page anchor (`#main`) is not a screen.
    if (!currentHash().startsWith('#/')) return;
    const route = parseRoute(currentHash());
    ready(route, () => actor.send({ type: 'ROUTE', route }));
  };
  window.addEventListener('popstate', onPop);
  const backTarget = (): Route => {
    const e = entry();
    return e && e.articleFour > 0 && e.from ? parseRoute(e.from) : parentRoute(actor.getSnapshot().context.route);
  };
  return {
    initial: parseRoute(currentHash().startsWith('#/') ? currentHash() : '#/'),
    backTarget,
    back(target = backTarget()) {
      const e = entry();
      if (e && e.articleFour > 0 && e.from === routeHash(target)) history.back();
      else ready(target, () => actor.send({ type: 'NAVIGATE', route: target }));
    },
    stop() {
      sub.unsubscribe();
      window.removeEventListener('popstate', onPop);
    },
  };
}
