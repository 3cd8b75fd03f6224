/**
 * What the map marks over the countries: places of events, the current place (pulsing twice unless
 * motion is reduced), the cases to pick (the highlighted one larger), the track of the crisis and
 * the movements of forces, with dots travelling along them for about five seconds. Markers live in
 * screen space and follow the camera; clicks on a case call `onPick`.
 */
import * as Phaser from 'phaser';
import { emptyMap, type MapModel, type MapPoint } from '../../ui/map-model';
import { hex } from '../../ui/palette';
import { type BaseScene, FONT } from '../base-scene';
import { addText } from '../text';
import type { MapCamera } from './camera';
import { declutter, type FloatingLabel } from './declutter';
import { curvePoint, drawRoutes } from './routes';

/** How long a dot takes from start to destination, and how long the dots go round before they stop (ms). */
const LAP_MS = 2600;
const TRAVEL_MS = 2400;

interface LabelOptions {
  size: number;
  bold?: boolean;
  color?: string;
  dx?: number;
  dy?: number;
  origin?: [number, number];
  /** Placed around its marker to avoid other labels (see declutter.ts). */
  float?: boolean;
  /** A floating label that shows even where it overlaps. */
  always?: boolean;
}

export class MarkerLayer {
  private model: MapModel = emptyMap();
  private overlay: Phaser.GameObjects.GameObject[] = [];
  /** Objects pinned to a map point, at an offset in pixels. */
  private anchored: { obj: Phaser.GameObjects.Components.Transform; point: MapPoint; dx: number; dy: number }[] = [];
  /** Place labels that move around their marker to avoid each other (in priority order). */
  private floating: FloatingLabel[] = [];
  private movers: { t: number; dot: Phaser.GameObjects.Arc; from: MapPoint; to: MapPoint; parked: boolean }[] = [];
  /** What the markers shown were made from (see `rebuild`). */
  private shown = '';
  /** How long the dots have travelled since the movements were drawn (ms). */
  private travelled = 0;
  private readonly routes: Phaser.GameObjects.Graphics;

  constructor(
    private readonly scene: BaseScene,
    private readonly camera: MapCamera,
    private readonly onPick: (caseId: string) => void,
  ) {
    this.routes = scene.add.graphics().setDepth(2);
  }

  /** How many place labels show (for the browser tests). */
  visibleLabels(): number {
    return this.floating.filter((f) => f.obj.visible).length;
  }

  /**
   * Moves the dots along the movements; `delta` in milliseconds. After TRAVEL_MS each dot ends its
   * lap at its destination and stays there (where reduced motion puts it at once): the map then
   * stands still, so the game loop can sleep, and no motion lasts past five seconds (WCAG 2.2.2).
   */
  animate(delta: number): void {
    if (!this.moving()) return;
    this.travelled += delta;
    for (const m of this.movers) {
      if (m.parked) continue;
      m.t += delta / LAP_MS;
      if (m.t >= 1 && this.travelled >= TRAVEL_MS) {
        m.t = 1;
        m.parked = true;
      } else m.t %= 1;
      const p = curvePoint(this.camera, m.from, m.to, m.t);
      m.dot.setPosition(p.x, p.y);
    }
  }

  /** Whether a dot is still travelling. */
  moving(): boolean {
    return !this.scene.reducedMotion && this.movers.some((m) => !m.parked);
  }

  /** Positions the markers, keeps the labels apart (hiding `names` they cover) and draws the routes. */
  place(names: Phaser.GameObjects.Text[]): void {
    for (const a of this.anchored) {
      const p = this.camera.pointOnScreen(a.point);
      a.obj.setPosition(p.x + a.dx, p.y + a.dy);
    }
    // Labels stay in the part of the screen the panel and the gauges leave free.
    declutter(this.floating, names, this.scene.freeRect(), this.scene.freeBottom(), (p) =>
      this.camera.pointOnScreen(p),
    );
    drawRoutes(this.routes, this.model, this.scene.theme(), this.camera);
  }

  /**
   * Makes the markers and labels of `model`, the case `highlight` (an id) larger; call `place` after.
   * When they would be the same as those shown, it keeps them (a result screen after its step, a
   * reload of the same screen), unless `force` (the theme or text size changed): each label is a
   * texture drawn on the CPU.
   */
  rebuild(model: MapModel, highlight: string | null, force = false): void {
    const key = JSON.stringify([model.places, model.current, model.cases, model.track, model.moves, highlight]);
    this.model = model;
    if (!force && key === this.shown) return;
    this.clear();
    this.shown = key;
    const m = model;
    const theme = this.scene.theme();
    const currentId = m.current?.id;
    for (const p of m.places) {
      if (p.id === currentId) continue;
      this.dot(p, 3.5, theme.muted, theme.sea);
      this.label(p, p.name, { size: 13, color: theme.muted, float: true });
    }
    if (m.current) this.markCurrent(m.current);
    for (const c of m.cases) {
      const on = c.id === highlight;
      const marker = this.dot(c.point, on ? 12 : 9, theme.accent, theme.accent, 4);
      marker.setInteractive({ useHandCursor: true });
      marker.on(Phaser.Input.Events.POINTER_DOWN, () => this.onPick(c.id));
      if (!on) marker.setFillStyle(hex(theme.sea), 0.85);
      const label = this.label(c.point, c.title, {
        size: on ? 18 : 15,
        bold: true,
        color: on ? theme.accent : theme.text,
        dx: 18,
        float: true,
        always: on,
      });
      label.setInteractive({ useHandCursor: true });
      label.on(Phaser.Input.Events.POINTER_DOWN, () => this.onPick(c.id));
    }
    for (const p of m.track) {
      if (p.id === currentId) continue;
      this.dot(p, 3, theme.track, theme.sea, 3);
    }
    for (const [i, mv] of m.moves.entries()) {
      const d = this.scene.add.circle(0, 0, 4, hex(theme.worse), 1).setDepth(3);
      this.overlay.push(d);
      this.movers.push({ t: i / Math.max(1, m.moves.length), dot: d, from: mv.from, to: mv.to, parked: false });
      const end = curvePoint(this.camera, mv.from, mv.to, 1);
      d.setPosition(end.x, end.y);
    }
  }

  clear(): void {
    for (const o of this.overlay) o.destroy();
    this.overlay = [];
    this.anchored = [];
    this.floating = [];
    this.movers = [];
    this.travelled = 0;
    this.shown = '';
  }

  /** The place where the current step happens: a ring, a pulse unless motion is reduced, a dot, its name. */
  private markCurrent(point: MapPoint): void {
    const theme = this.scene.theme();
    const ring = this.dot(point, 9, theme.sea, theme.accent, 3);
    ring.setFillStyle(hex(theme.accent), 0.18);
    if (!this.scene.reducedMotion) {
      const pulse = this.scene.add
        .circle(0, 0, 9, hex(theme.accent), 0)
        .setStrokeStyle(2, hex(theme.accent), 1)
        .setDepth(3);
      this.overlay.push(pulse);
      this.anchored.push({ obj: pulse, point, dx: 0, dy: 0 });
      // Two pulses, 3.6 s: enough to find the place, then the map stands still (see `animate`).
      this.scene.tweens.add({ targets: pulse, scale: 3, alpha: 0, duration: 1800, repeat: 1, ease: 'Sine.easeOut' });
    }
    this.dot(point, 4, theme.accent, theme.accent, 4);
    this.label(point, point.name, { size: 16, bold: true, color: theme.accent, dx: 16, float: true, always: true });
  }

  private dot(point: MapPoint, radius: number, fill: string, stroke: string, depth = 3): Phaser.GameObjects.Arc {
    const c = this.scene.add.circle(0, 0, radius, hex(fill), 1).setStrokeStyle(2, hex(stroke), 1).setDepth(depth);
    this.overlay.push(c);
    this.anchored.push({ obj: c, point, dx: 0, dy: 0 });
    return c;
  }

  private label(point: MapPoint, text: string, opts: LabelOptions): Phaser.GameObjects.Text {
    const theme = this.scene.theme();
    const t = addText(this.scene, 0, 0, text, {
      fontFamily: FONT,
      fontSize: this.scene.px(opts.size),
      fontStyle: opts.bold ? '700' : '500',
      color: opts.color ?? theme.text,
      stroke: theme.sea,
      strokeThickness: 4,
    })
      .setOrigin(...(opts.origin ?? [0, 0.5]))
      .setDepth(4);
    this.overlay.push(t);
    if (opts.float) this.floating.push({ obj: t, point, gap: opts.dx ?? 10, always: opts.always ?? false });
    else this.anchored.push({ obj: t, point, dx: opts.dx ?? 10, dy: opts.dy ?? 0 });
    return t;
  }
}
