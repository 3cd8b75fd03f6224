/**
 * The first screen before the app has loaded: the title, which the build writes into index.html
 * (src/build/title-html.ts), so it shows and works from HTML and CSS alone. Its menu entries are
 * links to their screens' addresses, which the app opens when it starts; this small chunk adds
 * only what a link cannot do, opening a scenario file, and keeps the file for the app. A visitor
 * with a saved run (the app's title offers Continue) or an address naming another screen sees the
 * loading note instead, until the app draws the screen they will use.
 */
import { h } from './dom';
import { parseRoute } from './flow/routes';
import { StorageKey } from './keys';
import { local } from './storage';

/** What the player asked for on the first screen that a link cannot carry, to be done once the app is ready. */
export type FirstChoice = { kind: 'file'; file: File };

export interface FirstScreen {
  /** The player's choice so far, if any. */
  choice(): FirstChoice | null;
}

/** Keeps the title written into the page when the address asks for it and no saved run is kept; else null. */
export function showFirstScreen(el: { app: HTMLElement; main: HTMLElement }): FirstScreen | null {
  const title = el.main.querySelector('.screen-title');
  if (!title) return null;
  const hash = location.hash;
  if ((hash.startsWith('#/') && parseRoute(hash).screen !== 'title') || local.get(StorageKey.Save) !== null) {
    el.main.replaceChildren(h('p', { class: 'muted' }, 'Loading Article Four…'));
    delete el.app.dataset.screen;
    return null;
  }
  let choice: FirstChoice | null = null;
  const input = title.querySelector<HTMLInputElement>('input[data-action="open-file"]');
  input?.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) choice ??= { kind: 'file', file };
  });
  return { choice: () => choice };
}
