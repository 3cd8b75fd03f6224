/**
 * The first screen before the app has loaded: the title, drawn from the small case index alone,
 * so it is usable as soon as the page's HTML, CSS and this small chunk are in. The app (the flow,
 * the engine, every other screen) loads right after it is painted and takes over; a choice made
 * before then is kept and carried out when the app is ready. A visitor with a saved run (the
 * title offers Continue) or an address naming another screen waits for the app instead.
 */
import { cases } from 'virtual:article-four/cases';
import type { Route } from './flow/routes';
import { parseRoute } from './flow/routes';
import { StorageKey } from './keys';
import { shortTitle } from './map-model';
import { renderTitle } from './screens/title';
import { local } from './storage';

/** What the player asked for on the first screen, to be done once the app is ready. */
export type FirstChoice = { kind: 'route'; route: Route } | { kind: 'file'; file: File };

export interface FirstScreen {
  /** The player's choice so far, if any. */
  choice(): FirstChoice | null;
}

/** Shows the title at once when the address asks for it and no saved run is kept; else null. */
export function showFirstScreen(el: { app: HTMLElement; main: HTMLElement }): FirstScreen | null {
  const hash = location.hash;
  if (hash.startsWith('#/') && parseRoute(hash).screen !== 'title') return null;
  if (local.get(StorageKey.Save) !== null) return null;
  let choice: FirstChoice | null = null;
  const go = (route: Route) => {
    choice ??= { kind: 'route', route };
  };
  const result = renderTitle({
    cases: cases.map((c) => shortTitle(c.title)),
    resume: null,
    notice: null,
    onContinue: () => go({ screen: 'play' }),
    onNew: () => go({ screen: 'cases' }),
    onSettings: () => go({ screen: 'settings' }),
    onCredits: () => go({ screen: 'credits' }),
    onTimeline: () => go({ screen: 'timeline' }),
    onOpenFile: (file) => {
      choice ??= { kind: 'file', file };
    },
  });
  el.app.classList.add(`layout-${result.layout}`);
  el.app.dataset.screen = 'title';
  el.main.replaceChildren(result.root);
  document.title = 'Article Four';
  return { choice: () => choice };
}
