/**
 * Lets Phaser's game loop sleep while the canvas stands still, and wakes it for anything that can
 * change it. Without a GPU driver (common on classroom laptops, and in headless test browsers)
 * WebGL draws every frame on the CPU: a still map at 30 frames a second kept both cores of a
 * 2-core machine busy. Asleep, the canvas keeps showing its last frame and costs nothing.
 *
 * Once the world is first drawn, the loop sleeps after IDLE_FRAMES frames in a row in which no
 * scene is starting, loading or stopping, no tween runs and no scene says it is busy
 * (`BaseScene.busy`). It wakes on every message from the app (the bridge), a resize of the window
 * or of the canvas's parent, the pointer over the canvas (hover and clicks on the case markers),
 * the page becoming visible, a restored WebGL context, and a scene queued to start or stop from
 * outside a frame.
 */
import * as Phaser from 'phaser';
import type { Bridge } from '../ui/bridge';
import { BridgeEvent } from '../ui/keys';

/** Still frames in a row before the loop sleeps: what woke it is applied and drawn in the first. */
export const IDLE_FRAMES = 1;

const POINTER_EVENTS = ['pointermove', 'pointerdown', 'pointerup', 'pointerleave', 'wheel', 'touchstart'] as const;

export interface IdleLoop {
  /** Frames drawn since the game started, and how many times the loop has gone to sleep. */
  stats(): { frames: number; sleeps: number; asleep: boolean };
  stop(): void;
}

/** Whether anything in the game changes by itself this frame. */
function busy(game: Phaser.Game): boolean {
  const manager = game.scene as unknown as {
    isProcessing: boolean;
    _pending: unknown[];
    _queue: unknown[];
    _start: unknown[];
  };
  if (manager.isProcessing || manager._pending.length + manager._queue.length + manager._start.length > 0) return true;
  for (const scene of game.scene.getScenes(false)) {
    const status = scene.sys.getStatus();
    // Booted and told to start, but still loading or creating.
    if (status >= Phaser.Scenes.START && status < Phaser.Scenes.RUNNING) return true;
    if (status !== Phaser.Scenes.RUNNING) continue;
    if (scene.load?.isLoading()) return true;
    if ((scene.tweens?.getTweens().length ?? 0) > 0) return true;
    const own = scene as unknown as { busy?: () => boolean };
    if (own.busy?.()) return true;
  }
  return false;
}

export function idleLoop(game: Phaser.Game, parent: HTMLElement, channel: Bridge): IdleLoop {
  let still = 0;
  let frames = 0;
  let sleeps = 0;
  /** The loop never sleeps before the world first reports ready (loading, fonts, first drawing). */
  let ready = false;

  /** The animation frame a wake waits for, while the loop sleeps (0: none). */
  let pending = 0;

  /**
   * Wakes the loop at the next animation frame, not at once: Phaser's `wake()` draws a frame then
   * and there, and an event wakes the loop before the scenes hear it, so that frame drew the
   * picture the event was about to change. At the next animation frame, the first frame shows
   * everything the task changed (the panel's update too), drawn once.
   */
  const wake = () => {
    still = 0;
    if (game.loop.running || pending !== 0) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      still = 0;
      if (!game.loop.running) game.loop.wake();
    });
  };

  const afterFrame = () => {
    frames++;
    if (!ready || busy(game)) {
      still = 0;
      return;
    }
    still++;
    if (still >= IDLE_FRAMES && game.loop.running) {
      game.loop.sleep();
      sleeps++;
    }
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, afterFrame);

  const offs: (() => void)[] = [
    channel.tap((name) => {
      if (name === BridgeEvent.WorldReady) ready = true;
      wake();
    }),
  ];
  // A scene started or stopped from outside a frame (after a promise, as the preload scene does
  // once the fonts are in) is only queued: Phaser carries it out at the next frame.
  const manager = game.scene as unknown as { queueOp: (...args: unknown[]) => unknown };
  const queueOp = manager.queueOp;
  manager.queueOp = (...args: unknown[]) => {
    wake();
    return queueOp.apply(game.scene, args);
  };
  offs.push(() => {
    manager.queueOp = queueOp;
  });
  const on = (target: EventTarget, name: string) => {
    target.addEventListener(name, wake, { passive: true });
    offs.push(() => target.removeEventListener(name, wake));
  };
  on(window, 'resize');
  on(document, 'visibilitychange');
  const resized = new ResizeObserver(wake);
  resized.observe(parent);
  offs.push(() => resized.disconnect());
  const watchCanvas = () => {
    for (const name of POINTER_EVENTS) on(game.canvas, name);
    on(game.canvas, 'webglcontextrestored');
  };
  if (game.canvas) watchCanvas();
  else game.events.once(Phaser.Core.Events.BOOT, watchCanvas);

  return {
    stats: () => ({ frames, sleeps, asleep: !game.loop.running }),
    stop() {
      cancelAnimationFrame(pending);
      pending = 0;
      game.events.off(Phaser.Core.Events.POST_RENDER, afterFrame);
      for (const off of offs) off();
    },
  };
}
