/**
 * "Save results" and "Print report" on the debrief: an optional name and team, then a download
 * of the result file (built by src/classroom, saved by the browser: nothing is uploaded). The
 * result is checked against its schema before it is saved: that check brings Zod, so it is loaded
 * when "Save results" is first on screen, not with the game.
 */

import { version as packageVersion } from '../../package.json';
import type { CouncilTeamsRecord } from '../classroom/council-teams-record';
import {
  assembleResult,
  type BuildResultOptions,
  localTimestamp,
  RESULT_MIME_TYPE,
  serializeResult,
} from '../classroom/result-build';
import type { buildResult } from '../classroom/result-check';
import { MAX_NAME } from '../classroom/result-limits';
import { resultFileName } from '../classroom/result-name';
import type { Game } from '../engine/index';
import { downloadText, h } from './dom';
import { printOrSay, resultText } from './result-text';
import type { PlayMode } from './screens/class-vote';

// Only the version is imported: the rest of package.json (its scripts) stays out of the bundle.
export const APP_VERSION: string = packageVersion ?? '0.0.0';

let checker: Promise<typeof buildResult> | undefined;
/** The builder that checks, once loaded. */
let loaded: typeof buildResult | undefined;

/** Loads the builder that checks results (once; again after a failed load). */
function loadChecker(): Promise<typeof buildResult> {
  checker ??= import('../classroom/result-check').then(
    (m) => (loaded = m.buildResult),
    (e: unknown) => {
      checker = undefined;
      throw e;
    },
  );
  return checker;
}

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
  void loadChecker().catch(() => undefined);
  const options = (): BuildResultOptions => ({
    startedAt: p.startedAt,
    finishedAt: localTimestamp(new Date()),
    mode: p.mode,
    appVersion: APP_VERSION,
    student: p.names.student,
    team: p.names.team,
    ...(p.councilTeams?.length ? { councilTeams: p.councilTeams } : {}),
  });
  // The text to copy is the checked result once the check is loaded (a moment after this shows).
  const text = () => serializeResult(loaded ? loaded(p.game, options()) : assembleResult(p.game, options()));
  const box = resultText(p.startedAt, text, p.announce);
  const save = async () => {
    try {
      const r = (await loadChecker())(p.game, options());
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
