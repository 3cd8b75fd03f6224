/**
 * The questions asked before something is lost: a new run replacing the saved one (unfinished,
 * or finished with results never saved), and "Replay from here" rewinding a finished run.
 */
import { h } from '../dom';
import { heading, type ScreenResult } from './common';

interface Action {
  label: string;
  action: string;
  primary?: boolean;
  onClick(): void;
}

function confirmScreen(title: string, lede: string[], actions: Action[]): ScreenResult {
  const head = heading(1, title);
  head.id = 'confirm-heading';
  const root = h(
    'section',
    { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-heading', 'aria-describedby': 'confirm-body' },
    head,
    h('div', { id: 'confirm-body' }, ...lede.map((p) => h('p', { class: 'lede' }, p))),
    h(
      'div',
      { class: 'actions' },
      ...actions.map((a) =>
        h(
          'button',
          {
            type: 'button',
            class: `btn ${a.primary ? 'btn-primary' : ''}`,
            'data-action': a.action,
            onclick: a.onClick,
          },
          a.label,
        ),
      ),
    ),
  );
  return { root, heading: head, layout: 'side' };
}

export interface ReplaceRunProps {
  /** The saved run's case (its short title) and seat, as the player knows them. */
  savedTitle: string;
  savedSeat: string;
  finished: boolean;
  onStart(): void;
  onKeep(): void;
  /** Opens the saved run (its debrief when finished, to save its results first). */
  onOpenSaved(): void;
}

export function renderReplaceRun(p: ReplaceRunProps): ScreenResult {
  const what = `${p.savedTitle} (${p.savedSeat})`;
  return confirmScreen(
    'Replace your saved run?',
    p.finished
      ? [
          `Your finished run of ${what} has results that were never saved to a file.`,
          'This browser keeps one run at a time: starting a new one deletes it.',
        ]
      : [
          `You have an unfinished run of ${what}.`,
          'This browser keeps one run at a time: starting a new one deletes it.',
        ],
    [
      {
        label: p.finished ? 'Open its debrief to save the results' : 'Continue the saved run',
        action: 'open-saved',
        onClick: p.onOpenSaved,
      },
      { label: 'Keep it and go back', action: 'cancel', onClick: p.onKeep },
      { label: 'Start the new run', action: 'confirm', primary: true, onClick: p.onStart },
    ],
  );
}

export interface ReplayProps {
  turn: number;
  resultsSaved: boolean;
  onReplay(): void;
  onCancel(): void;
}

export function renderConfirmReplay(p: ReplayProps): ScreenResult {
  return confirmScreen(
    `Replay from decision ${p.turn}?`,
    [
      `Decision ${p.turn} and every one after it are undone, with their results and the ending; the decisions before it stay.`,
      p.resultsSaved
        ? 'The results you saved to a file are not affected.'
        : 'These results were never saved to a file: save them from the debrief first if your teacher wants them.',
    ],
    [
      { label: 'Back to the debrief', action: 'cancel', onClick: p.onCancel },
      { label: `Replay from decision ${p.turn}`, action: 'confirm', primary: true, onClick: p.onReplay },
    ],
  );
}
