/**
 * "Save results" and "Print report" on the debrief: an optional name and team, then a download
 * of the result file (built by src/classroom, saved by the browser: nothing is uploaded).
 */

import { version as packageVersion } from '../../package.json';
import { buildResult, localTimestamp, RESULT_MIME_TYPE, serializeResult } from '../classroom/result-build';
import { resultFileName } from '../classroom/result-name';
import { type CouncilTeamsRecord, MAX_NAME } from '../classroom/result-schema';
import type { Game } from '../engine/index';
import { downloadText, h } from './dom';
import { printOrSay, resultText } from './result-text';
import type { PlayMode } from './screens/class-vote';

// Only the version is imported: the rest of package.json (its scripts) stays out of the bundle.
export const APP_VERSION: string = packageVersion ?? '0.0.0';

export interface SaveResultsProps {
  game: Game;
  mode: PlayMode;
  startedAt: string;
  /** What was typed, kept by the app so that a re-render keeps it. */
  names: { student: string; team: string };
  /** Class mode: each Council team's vote at the Council steps played. */
  councilTeams?: readonly CouncilTeamsRecord[];
  announce(text: string): void;
  /** The result file was handed to the browser to download. */
  onSaved?(): void;
}

/** The "Save results" form, and the "Print report" button. */
export function saveResultsBlock(p: SaveResultsProps): HTMLElement {
  const field = (id: 'student' | 'team', label: string) => {
    const input = h('input', {
      id: `result-${id}`,
      type: 'text',
      autocomplete: 'off',
      maxlength: MAX_NAME,
      'data-focus-id': `result-${id}`,
      // The debrief's printed report names its student or team from these fields.
      'data-report-name': id,
      oninput: (e: Event) => {
        p.names[id] = (e.target as HTMLInputElement).value;
      },
    });
    input.value = p.names[id];
    return h('div', { class: 'field' }, h('label', { for: `result-${id}` }, label), input);
  };
  const result = () =>
    buildResult(p.game, {
      startedAt: p.startedAt,
      finishedAt: localTimestamp(new Date()),
      mode: p.mode,
      appVersion: APP_VERSION,
      student: p.names.student,
      team: p.names.team,
      ...(p.councilTeams?.length ? { councilTeams: p.councilTeams } : {}),
    });
  const box = resultText(p.startedAt, () => serializeResult(result()), p.announce);
  const save = () => {
    try {
      const r = result();
      const name = resultFileName(r);
      const text = serializeResult(r);
      downloadText(name, text, RESULT_MIME_TYPE);
      // Whether the browser kept the file cannot be known here (a frame may drop downloads): say what was asked.
      box.say(
        `Your browser was asked to download ${name}. If it is not in your downloads, copy your result as text below and send it to your teacher.`,
      );
      box.open(text);
      p.onSaved?.();
    } catch (e) {
      console.error(e);
      box.say(`The results could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return h(
    'section',
    { class: 'save-results no-print', 'aria-labelledby': 'save-results-heading' },
    h('h2', { class: 'section-heading', id: 'save-results-heading' }, 'Save results'),
    h(
      'p',
      { class: 'muted' },
      'Downloads a file with your decisions and reasons for your teacher. It stays on this computer until you hand it in; a name is included only if you type one.',
    ),
    h('div', { class: 'field-row' }, field('student', 'Your name (optional)'), field('team', 'Team (optional)')),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'btn btn-primary', 'data-action': 'save-results', onclick: save },
        'Save results',
      ),
      h(
        'button',
        { type: 'button', class: 'btn', 'data-action': 'print', onclick: () => printOrSay(box.say) },
        'Print report',
      ),
    ),
    box.status,
    box.details,
  );
}
