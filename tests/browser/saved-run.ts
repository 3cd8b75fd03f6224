/**
 * A finished run as the game keeps it in localStorage, played by the engine in Node: tests of the
 * screens after a run (the debrief) open it as a player's reload would, instead of playing the
 * whole case by keyboard first (playthrough.test.ts and keyboard.ts cover playing).
 */
import type { Page } from 'playwright-core';
import { Game } from '../../src/engine/game';
import type { Scenario } from '../../src/engine/schema';
import { StorageKey } from '../../src/ui/keys';
import { STORED_VERSION, type StoredRun } from '../../src/ui/save-store';
import { type Site, waitReady, waitScreen } from './harness';
import type { Policy } from './keyboard';

/**
 * Plays `role` in `s` with `seed` to its ending: at each decision the `policy.choose(turn, n)`-th
 * of the n choices open, or (at a Council) each member that can be lobbied first when
 * `policy.lobby`, then the vote; as keyboard.ts's `playOn` does in the page.
 */
export function finishedRun(
  s: Scenario,
  role: string,
  seed: number,
  policy: Policy,
  mode: 'solo' | 'class' = 'solo',
): StoredRun {
  const game = Game.start(s, { role, seed });
  let turn = 0;
  for (let i = 0; i < 400 && !game.ended; i++) {
    const moves = game.moves();
    const choices = moves.filter((m) => m.type === 'CHOOSE');
    const lobby = policy.lobby ? moves.find((m) => m.type === 'LOBBY') : undefined;
    const vote = moves.find((m) => m.type === 'CALL_VOTE' && m.position === undefined);
    const move =
      choices.length > 0
        ? choices[policy.choose(turn + 1, choices.length)]
        : (lobby ?? vote ?? moves.find((m) => m.type === 'CONTINUE'));
    if (!move || !game.send(move)) throw new Error(`no move at ${game.currentStep()} of ${s.id}`);
    if (move.type === 'CHOOSE' || move.type === 'CALL_VOTE') turn += 1;
  }
  if (!game.ended) throw new Error(`${s.id} as ${role} did not end`);
  const now = new Date().toISOString();
  const run: StoredRun = {
    version: STORED_VERSION,
    scenario: s.id,
    role,
    savedAt: now,
    screen: 'debrief',
    seen: game.view().turn,
    engine: game.save(),
    startedAt: now,
    mode,
  };
  game.stop();
  return run;
}

/** Stores `run` in the page's localStorage and opens its debrief, as a reload there would. */
export async function openDebrief(page: Page, site: Site, run: StoredRun): Promise<void> {
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [StorageKey.Save, JSON.stringify(run)] as const);
  await page.goto(`${site.url}#/play/debrief`);
  await page.reload();
  await waitReady(page);
  await waitScreen(page, 'debrief');
}
