/**
 * What the debrief says after "Save results" and "Print report", visibly and to screen readers,
 * without claiming what the browser may not have done: a frame without `allow-downloads` drops
 * the download silently, one without `allow-modals` ignores `print()`. The result is also offered
 * as text to copy, so it can reach the teacher when no file can be saved.
 */
import { h } from './dom';

export interface ResultText {
  /** The visible status line. */
  status: HTMLElement;
  /** "The result as text": a readonly textarea and a Copy button, in a <details>. */
  details: HTMLDetailsElement;
  /** Shows `text` visibly and announces it. */
  say(text: string): void;
  /** Opens the box showing `text` (by default, `text()` of the constructor, called once). */
  open(text?: string): void;
}

/** Copies `text`: the Clipboard API, else the selected textarea with execCommand (frames often refuse the API). */
async function copy(text: string, area: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    area.focus();
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** What each run's box said and showed, so that a re-render of the debrief (Save results re-renders it) keeps it. */
const kept = new Map<string, { status: string; text: string; open: boolean }>();

/** The status line and the text box of the run `key`; `text()` builds the result when it is first needed. */
export function resultText(key: string, text: () => string, announce: (text: string) => void): ResultText {
  const memory = kept.get(key) ?? { status: '', text: '', open: false };
  kept.set(key, memory);
  // Visible only: what it says is announced through the app's live region (say), not twice.
  const status = h('p', { class: 'save-status', 'data-save-status': '' }, memory.status);
  const area = h('textarea', {
    class: 'result-copy',
    readonly: true,
    rows: 6,
    spellcheck: 'false',
    'aria-label': 'Your result as text',
    'data-result-text': '',
  });
  const copied = h('span', { class: 'copy-status', 'aria-live': 'polite' });
  area.value = memory.text;
  const fill = () => {
    if (!area.value) area.value = text();
    memory.text = area.value;
  };
  const details = h(
    'details',
    {
      class: 'result-text-box',
      'data-result-text-box': '',
      open: memory.open,
      ontoggle: () => {
        memory.open = details.open;
        if (details.open) fill();
      },
    },
    h('summary', null, 'Your result as text, to copy and send if saving a file does not work'),
    area,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          'data-action': 'copy-result',
          onclick: () => {
            fill();
            void copy(area.value, area).then((ok) => {
              copied.textContent = ok
                ? 'Copied. Paste it into a message to your teacher.'
                : 'This page may not copy here: select the text above and copy it (Ctrl+C or ⌘C).';
            });
          },
        },
        'Copy',
      ),
      copied,
    ),
  );
  return {
    status,
    details,
    say(message) {
      status.textContent = message;
      memory.status = message;
      announce(message);
    },
    open(value) {
      if (value !== undefined) area.value = value;
      fill();
      details.open = true;
      memory.open = true;
    },
  };
}

/** Calls `print()` and says so when the browser ignored it (no `beforeprint` within a moment). */
export function printOrSay(say: (text: string) => void): void {
  let printing = false;
  const mark = () => {
    printing = true;
  };
  window.addEventListener('beforeprint', mark, { once: true });
  window.print();
  window.setTimeout(() => {
    window.removeEventListener('beforeprint', mark);
    if (!printing) {
      say(
        'The browser did not open printing here (this page may be in a frame that does not allow it). Open the game in its own tab to print, or copy your result as text below.',
      );
    }
  }, 1000);
}
