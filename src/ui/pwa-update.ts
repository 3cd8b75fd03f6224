/**
 * The service worker (src/build/pwa.ts) and what the player is told about it. After the first
 * visit the site loads from the worker's cache, offline too. When a new version has been
 * installed and waits, a note with "Reload now" shows, but never during a run: it waits until
 * the run has ended or the player has left it. Nothing reloads unless the player asks, even when
 * another tab switched the site to the new version. Loaded after the first screen is usable; in
 * builds without a service worker `registerSW` does nothing.
 */
/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { h } from './dom';
import './pwa-update.css';

export interface UpdatePlace {
  /** Where the note goes. */
  parent: HTMLElement;
  /** Tells `listener` whether a run is in progress, now and at each change (the game; not the dashboard). */
  watchRun?(listener: (inProgress: boolean) => void): void;
  /** What a reload costs on this page. */
  cost?: string;
}

const GAME_COST = 'Reloading brings you back to this screen; a game you have started is kept.';
/** How often an open page asks the server for a new version (the browser also asks at each load). */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** After "Reload now", how long to wait for the new version to take over before reloading anyway. */
const TAKEOVER_MS = 4000;

export function watchForUpdates(place: UpdatePlace): void {
  let waiting = false;
  let inRun = false;
  let later = false;
  let asked = false;
  // The live region is there from the start, empty, so that the note is announced when it appears.
  const region = h('div', { class: 'update-region', role: 'status', 'aria-live': 'polite', 'data-update': 'none' });
  place.parent.append(region);

  const reload = () => window.location.reload();
  const update = registerSW({
    onNeedRefresh: () => {
      waiting = true;
      render();
    },
    // The new version took over this page: by our "Reload now", or from another tab.
    onNeedReload: () => {
      if (asked) reload();
      else {
        waiting = true;
        render();
      }
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      window.setInterval(() => {
        if (navigator.onLine && !registration.installing) registration.update().catch(() => undefined);
      }, CHECK_EVERY_MS);
    },
  });

  function reloadNow(button: HTMLButtonElement): void {
    asked = true;
    button.disabled = true;
    button.textContent = 'Reloading…';
    void update(true);
    window.setTimeout(reload, TAKEOVER_MS);
  }

  function render(): void {
    const show = waiting && !inRun && !later;
    // Read by the browser tests: no new version, shown, or waiting for the run's end or the next run.
    region.dataset.update = !waiting ? 'none' : show ? 'shown' : inRun ? 'after-run' : 'later';
    if (!show) {
      region.replaceChildren();
      return;
    }
    if (region.firstChild) return;
    const now = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-primary btn-small',
        'data-action': 'reload-update',
        onclick: () => reloadNow(now),
      },
      'Reload now',
    );
    const dismiss = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-quiet btn-small',
        'data-action': 'later-update',
        onclick: () => {
          later = true;
          render();
        },
      },
      'Later',
    );
    region.append(
      h(
        'div',
        { class: 'update-note foot-notice', 'data-update': 'waiting' },
        h(
          'p',
          { class: 'update-text' },
          h('strong', null, 'A new version of Article Four is ready. '),
          place.cost ?? GAME_COST,
        ),
        h('div', { class: 'update-actions' }, now, dismiss),
      ),
    );
  }

  place.watchRun?.((inProgress) => {
    inRun = inProgress;
    // "Later" lasts until the next run: the note comes back when that run is over.
    if (inProgress) later = false;
    render();
  });
}
