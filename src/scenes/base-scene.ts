/**
 * What the world, gauges and council scenes share: the bridge subscriptions and their release,
 * the player's settings as a theme and a text scale, and the part of the screen the panel leaves.
 *
 * Phaser calls `create`; the base reads the latest settings and layout, subscribes to their
 * changes and to resizes, then calls the scene's `build`. On shutdown (a stop or a restart) it
 * releases every bridge subscription and the resize listener before the scene's `teardown`;
 * if the game is destroyed without a shutdown, the bridge subscriptions are released too.
 */
import * as Phaser from 'phaser';
import { type Bridge, type BridgeEvents, bridge, type Layout } from '../ui/bridge';
import { BridgeEvent, type SceneKey } from '../ui/keys';
import { DARK, HIGH_CONTRAST, type Theme } from '../ui/palette';
import { defaultSettings, type Settings, textScale } from '../ui/settings';

/** The one typeface of the canvas, as in the HTML panel. */
export const FONT = 'Inter, system-ui, sans-serif';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export abstract class BaseScene extends Phaser.Scene {
  protected readonly channel: Bridge = bridge;
  protected settings: Settings = defaultSettings();
  protected layout: Layout | null = null;
  private offs: (() => void)[] = [];

  constructor(key: SceneKey) {
    super(key);
  }

  create(): void {
    this.settings = this.channel.latest(BridgeEvent.Settings) ?? this.settings;
    this.layout = this.channel.latest(BridgeEvent.Layout) ?? null;
    this.listen(BridgeEvent.Layout, (l) => {
      this.layout = l;
      this.onLayout();
    });
    this.listen(BridgeEvent.Settings, (s) => {
      this.settings = s;
      this.onSettings();
    });
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.shutdown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.release, this);
    this.build();
  }

  /** The scene's own set-up: its objects, its other subscriptions (`listen`), its first drawing. */
  protected abstract build(): void;

  /** Draws everything again for the current settings and layout. */
  protected abstract redraw(): void;

  /** The scene's own clean-up on shutdown, after the base has released its listeners. */
  protected teardown(): void {}

  /** The layout changed (already in `this.layout`). */
  protected onLayout(): void {
    this.redraw();
  }

  /** The settings changed (already in `this.settings`). */
  protected onSettings(): void {
    this.redraw();
  }

  /** The canvas changed size. */
  protected onResize(): void {
    this.redraw();
  }

  /**
   * Whether the scene is changing by itself, frame after frame, beyond its tweens (which the idle
   * loop sees): the game loop sleeps only when no scene is (idle-loop.ts).
   */
  busy(): boolean {
    return false;
  }

  /** Subscribes to a bridge event until the scene shuts down. */
  protected listen<K extends keyof BridgeEvents>(name: K, fn: (payload: BridgeEvents[K]) => void): void {
    this.onRelease(this.channel.on(name, fn));
  }

  /** Runs `off` when the scene lets go of what is outside it: at a shutdown, or when the game is destroyed. */
  protected onRelease(off: () => void): void {
    this.offs.push(off);
  }

  /** The colours of the current settings: the dark theme, or high contrast. */
  theme(): Theme {
    return this.settings.highContrast ? HIGH_CONTRAST : DARK;
  }

  /** Whether the player asked for reduced motion: nothing then animates. */
  get reducedMotion(): boolean {
    return this.settings.reducedMotion;
  }

  /** A font size for `size` CSS pixels at the text-size setting, scaled at most `maxScale` times. */
  px(size: number, maxScale = Number.POSITIVE_INFINITY): string {
    return `${Math.round(size * Math.min(textScale(this.settings.textSize), maxScale))}px`;
  }

  /** The text-size setting as a factor (1, 1.2, 1.4). */
  protected textScale(): number {
    return textScale(this.settings.textSize);
  }

  /** The part of the screen the HTML panel leaves free; the whole canvas until the app says. */
  freeRect(): Rect {
    const l = this.layout;
    if (l && l.width > 40 && l.height > 40) return l;
    return { x: 0, y: 0, width: this.scale.width, height: this.scale.height };
  }

  /** Where the free part ends at the bottom: the top of the gauges when they show. */
  freeBottom(): number {
    const free = this.freeRect();
    return this.layout?.gauges ? this.layout.gauges.y : free.y + free.height;
  }

  private shutdown(): void {
    this.events.off(Phaser.Scenes.Events.DESTROY, this.release, this);
    this.release();
    this.teardown();
  }

  /** Lets go of everything outside the scene: bridge subscriptions and the resize listener. */
  private release(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.scale?.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
  }
}
