/**
 * Runs work once the player has paused: no new screen and no key or pointer press for `ms`, then
 * an idle moment. The map's start (Phaser's code, the map data, the first drawing) takes seconds
 * of a slow laptop's main thread; started while a player clicks through the title, the cases and
 * the briefing, it held up every screen on the way. Started at the first pause, it runs while
 * they read.
 */
export interface QuietSignals {
  /** Subscribes to a change of screen; returns the unsubscribe. */
  onScreen(listener: () => void): () => void;
  /** Where presses are heard (the document). */
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** Calls `run` once after `ms` without a new screen or a press; returns a cancel. */
export function whenQuiet(ms: number, signals: QuietSignals, run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let done = false;
  const fire = () => {
    if (done) return;
    stop();
    run();
  };
  /** Forgets the wait under way, if any. */
  const clear = () => {
    clearTimeout(timer);
    if (idle !== undefined && 'cancelIdleCallback' in globalThis) cancelIdleCallback(idle);
    idle = undefined;
  };
  const arm = () => {
    clear();
    timer = setTimeout(() => {
      if ('requestIdleCallback' in globalThis) idle = requestIdleCallback(fire, { timeout: 1000 });
      else fire();
    }, ms);
  };
  const offScreen = signals.onScreen(arm);
  const events = ['pointerdown', 'keydown'] as const;
  for (const e of events) signals.target.addEventListener(e, arm, { capture: true, passive: true });
  function stop(): void {
    done = true;
    clear();
    offScreen();
    for (const e of events) signals.target.removeEventListener(e, arm, { capture: true });
  }
  arm();
  return stop;
}
