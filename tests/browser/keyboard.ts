/**
 * Playing the game with the keyboard alone: Tab and Enter to move through menus, number keys to
 * pick options. The page is read only to decide which key to press next.
 */
import type { Page } from 'playwright-core';
import { afterRender, screen, tabTo, waitScreen } from './harness';

export { renders } from './harness';

/** Presses a key and waits until the panel has rendered again. */
export async function pressAndWait(page: Page, key: string): Promise<void> {
  await afterRender(page, () => page.keyboard.press(key));
}

/** Continues (Enter) on a screen with a Continue button, else presses 1 (the first option or lobbying). */
export async function advance(page: Page): Promise<void> {
  const onContinue = await page.evaluate(() => document.querySelector('#main [data-continue]') !== null);
  await pressAndWait(page, onContinue ? 'Enter' : '1');
}

/** Tab to an element and press Enter; waits for the next render. */
export async function tabAndEnter(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  await pressAndWait(page, 'Enter');
}

/**
 * From the title screen to the first step of `caseId` from seat `roleId`; `length` picks how long
 * to play on the seat screen (`class`: the class lesson), else the full case.
 */
export async function startRun(
  page: Page,
  caseId: string,
  roleId: string,
  opts: { length?: string } = {},
): Promise<void> {
  await tabAndEnter(page, '[data-action="new"]');
  await waitScreen(page, 'cases');
  await tabAndEnter(page, `[data-case="${caseId}"]`);
  await waitScreen(page, 'seats');
  if (opts.length) await chooseLength(page, opts.length);
  await tabAndEnter(page, `[data-role="${roleId}"]`);
  await waitScreen(page, 'briefing');
  await tabAndEnter(page, '[data-action="begin"]');
  await waitScreen(page, 'play');
}

/** On the seat screen: Tab to the lengths (one Tab stop, a radio group), then arrows to `length`. */
export async function chooseLength(page: Page, length: string): Promise<void> {
  const chosen = () =>
    page.evaluate(
      (l) => document.querySelector<HTMLInputElement>(`#main [data-length-choice="${l}"]`)?.checked ?? false,
      length,
    );
  await tabTo(page, '[data-length-choice]');
  for (let i = 0; i < 5 && !(await chosen()); i++) await page.keyboard.press('ArrowDown');
  if (!(await chosen())) throw new Error(`the arrows never chose the length "${length}"`);
}

export interface Move {
  turn: number;
  step: string;
  kind: 'choice' | 'lobby' | 'vote' | 'continue' | 'result' | 'ending';
  id?: string;
}

interface PanelState {
  screen: string;
  step: string | null;
  result: string | null;
  continueKey: string | null;
  choices: { id: string; key: string | null }[];
  lobbies: { id: string; key: string | null }[];
  voteKey: string | null;
}

async function panel(page: Page): Promise<PanelState> {
  return page.evaluate(() => {
    const main = document.getElementById('main') as HTMLElement;
    const q = (sel: string) => [...main.querySelectorAll<HTMLElement>(sel)];
    return {
      screen: document.getElementById('app')?.dataset.screen ?? '',
      step: main.querySelector<HTMLElement>('[data-step]')?.dataset.step ?? null,
      result: main.querySelector<HTMLElement>('[data-result]')?.dataset.result ?? null,
      continueKey: main.querySelector<HTMLElement>('[data-continue]')?.dataset.key ?? null,
      choices: q('[data-choice]').map((b) => ({ id: b.dataset.choice ?? '', key: b.dataset.key ?? null })),
      lobbies: q('[data-lobby]').map((b) => ({ id: b.dataset.lobby ?? '', key: b.dataset.key ?? null })),
      voteKey: main.querySelector<HTMLElement>('[data-vote]')?.dataset.key ?? null,
    };
  });
}

/** Presses the option's number key, or (past 9) tabs to it and presses Enter. */
async function pick(page: Page, key: string | null, selector: string): Promise<void> {
  if (key) await pressAndWait(page, key);
  else await tabAndEnter(page, selector);
}

export interface Policy {
  /** Which choice to take (index into the options shown) at a given decision. */
  choose(turn: number, options: number): number;
  /** Whether to lobby every member that can be lobbied before calling the vote. */
  lobby: boolean;
}

/**
 * Plays from the current step to the debrief with number keys alone.
 * `stopAtTurn` stops before taking that decision (for reload tests); `stopAtEnding` on the ending
 * screen, before the debrief.
 */
export async function playOn(
  page: Page,
  policy: Policy,
  opts: { stopAtTurn?: number; stopAtEnding?: boolean; maxMoves?: number } = {},
): Promise<Move[]> {
  const moves: Move[] = [];
  let turn = 0;
  for (let i = 0; i < (opts.maxMoves ?? 400); i++) {
    const s = await panel(page);
    if (s.screen === 'debrief') return moves;
    if (s.screen === 'ending') {
      if (opts.stopAtEnding) return moves;
      moves.push({ turn, step: '', kind: 'ending' });
      await pressAndWait(page, s.continueKey ?? '1');
      await waitScreen(page, 'debrief');
      return moves;
    }
    if (s.screen !== 'play') throw new Error(`unexpected screen "${s.screen}" during play`);
    if (s.result) {
      turn = Number(s.result);
      moves.push({ turn, step: '', kind: 'result' });
      await pressAndWait(page, s.continueKey ?? '1');
      continue;
    }
    const step = s.step ?? '';
    if (opts.stopAtTurn !== undefined && turn + 1 >= opts.stopAtTurn && (s.choices.length > 0 || s.voteKey))
      return moves;
    if (s.choices.length > 0) {
      const index = policy.choose(turn + 1, s.choices.length);
      const c = s.choices[index] ?? s.choices[0];
      if (!c) throw new Error(`no option at ${step}`);
      moves.push({ turn: turn + 1, step, kind: 'choice', id: c.id });
      await pick(page, c.key, `[data-choice="${c.id}"]`);
    } else if (s.voteKey) {
      const lobby = policy.lobby ? s.lobbies[0] : undefined;
      if (lobby) {
        moves.push({ turn: turn + 1, step, kind: 'lobby', id: lobby.id });
        await pick(page, lobby.key, `[data-lobby="${lobby.id}"]`);
      } else {
        moves.push({ turn: turn + 1, step, kind: 'vote' });
        await pressAndWait(page, s.voteKey);
      }
    } else if (s.continueKey) {
      moves.push({ turn, step, kind: 'continue' });
      await pressAndWait(page, s.continueKey);
    } else {
      throw new Error(`nothing to do at step "${step}" (screen ${await screen(page)})`);
    }
  }
  throw new Error('the run did not end within the move limit');
}
