/**
 * Said visibly, when the browser will not keep what the game stores (a sandboxed frame,
 * blocked cookies, a full quota): the game plays on, but progress lasts only for this visit.
 */
import { h } from './dom';
import type { StorageProblem } from './storage';

const TEXT: Record<StorageProblem, string> = {
  denied:
    'This browser is not letting the game keep anything, so your progress will not be kept after you close or reload this page. You can still play, and save your results to a file at the end.',
  full: 'This browser’s storage for the game is full, so your latest progress could not be kept. You can still play, and save your results to a file at the end.',
};

/**
 * Shows the banner over the foot of the page until dismissed. Called at every failed save: a
 * banner showing stays as it is; one dismissed comes back, since this save was not kept either.
 */
export function storageBanner(app: HTMLElement, problem: StorageProblem): void {
  const shown = app.querySelector<HTMLElement>('.storage-banner');
  if (shown?.dataset.storage === problem) return;
  shown?.remove();
  const banner = h(
    'div',
    { class: 'storage-banner foot-notice', role: 'status', 'data-storage': problem },
    h('p', { class: 'storage-text' }, TEXT[problem]),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-small storage-dismiss',
        'data-action': 'dismiss-storage',
        onclick: () => banner.remove(),
      },
      'OK',
    ),
  );
  app.append(banner);
}
