/**
 * Starts and stops the scenes that run over the map (the gauges, the Council chamber) to match
 * what the current screen wants.
 */
import * as Phaser from 'phaser';

export class ChildScenes {
  /** Which child scenes the current screen wants running, and the frame of our last order to each. */
  private wanted = new Map<string, boolean>();
  private issued = new Map<string, number>();

  constructor(private readonly scene: Phaser.Scene) {}

  /** Records which scenes the screen wants running (scene key → on), and acts now where it can. */
  want(wanted: Record<string, boolean>): void {
    for (const [key, on] of Object.entries(wanted)) this.wanted.set(key, on);
    this.reconcile();
  }

  /** Whether every child scene runs or stands stopped as the screen wants (no order still to take effect). */
  settled(): boolean {
    for (const [key, on] of this.wanted) {
      const status = this.scene.scene.get(key)?.sys.getStatus() ?? Phaser.Scenes.PENDING;
      if (on !== (status === Phaser.Scenes.RUNNING)) return false;
    }
    return true;
  }

  /**
   * Starts or stops the child scenes to match what the screen wants. Phaser queues scene
   * operations until the next frame, so a scene's status is only trusted once no operation of
   * ours is pending for it; call this every frame to settle quick back-and-forths.
   */
  reconcile(): void {
    const frame = this.scene.game.loop.frame;
    for (const [key, on] of this.wanted) {
      if (this.issued.get(key) === frame) continue;
      const status = this.scene.scene.get(key)?.sys.getStatus() ?? Phaser.Scenes.PENDING;
      // INIT is a scene booted but never started (or whose start order was lost: Phaser drops
      // orders queued while it works through its queue, as when the world starts after a reload).
      const running = status >= Phaser.Scenes.START && status <= Phaser.Scenes.SLEEPING;
      if (on === running) continue;
      if (on) this.scene.scene.launch(key);
      else this.scene.scene.stop(key);
      this.issued.set(key, frame);
    }
  }
}
