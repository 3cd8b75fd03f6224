/**
 * The map of the region, drawn with Phaser from Natural Earth data: countries, the alliance's
 * members, the state in crisis, the places of events, the track of the crisis and the movements
 * of forces. It renders only the MapModel the app sends and reports clicks on case markers.
 *
 * The countries are drawn with Graphics into a texture the size of the screen ("baked") whenever
 * the view settles, so the triangulation of ~35,000 points runs once per view, not every frame.
 * Markers and labels live in screen space and follow the view transform.
 */
import * as Phaser from 'phaser';
import { type Bridge, bridge, type Layout, type ScreenPayload } from '../ui/bridge';
import { AssetKey, BridgeEvent, SceneKey } from '../ui/keys';
import { emptyMap, type MapModel, type MapPoint } from '../ui/map-model';
import { DARK, HIGH_CONTRAST, hex, type Theme } from '../ui/palette';
import { defaultSettings, type Settings, textScale } from '../ui/settings';
import { type Atlas, buildAtlas, type Country, type Ring, WORLD_SIZE } from './geo';

interface View {
  zoom: number;
  /** World point at the centre of the free rect. */
  cx: number;
  cy: number;
}

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export class WorldScene extends Phaser.Scene {
  private atlas!: Atlas;
  private ringBounds = new Map<Country, Bounds>();
  private model: MapModel = emptyMap();
  private layout: Layout | null = null;
  private settings: Settings = defaultSettings();
  private highlight: string | null = null;
  private view: View = { zoom: 1, cx: WORLD_SIZE.width / 2, cy: WORLD_SIZE.height / 2 };
  private baked: { view: View; width: number; height: number; origin: { x: number; y: number } } | null = null;
  private memberIds = new Set<string>();
  private hostIds = new Set<string>();

  private mapImage!: Phaser.GameObjects.Image;
  private painter!: Phaser.GameObjects.Graphics;
  private routes!: Phaser.GameObjects.Graphics;
  private dim!: Phaser.GameObjects.Rectangle;
  private overlay: Phaser.GameObjects.GameObject[] = [];
  private anchored: { obj: Phaser.GameObjects.Components.Transform; point: MapPoint; dx: number; dy: number }[] = [];
  private names: { obj: Phaser.GameObjects.Text; x: number; y: number }[] = [];
  /** Place labels that move around their marker to avoid each other (in priority order). */
  private floating: { obj: Phaser.GameObjects.Text; point: MapPoint; gap: number; always: boolean }[] = [];
  private movers: { t: number; dot: Phaser.GameObjects.Arc; from: MapPoint; to: MapPoint }[] = [];
  private viewTween: Phaser.Tweens.Tween | null = null;
  private offs: (() => void)[] = [];
  private readonly channel: Bridge = bridge;
  /** Which child scenes the current screen wants running, and the frame of our last order to each. */
  private wanted = new Map<string, boolean>();
  private issued = new Map<string, number>();

  constructor() {
    super(SceneKey.World);
  }

  create(): void {
    this.atlas = buildAtlas(this.cache.json.get(AssetKey.Countries));
    for (const c of this.atlas.countries) this.ringBounds.set(c, boundsOf(c.rings));

    this.textures.addDynamicTexture(AssetKey.BakedMap, Math.max(1, this.scale.width), Math.max(1, this.scale.height));
    this.mapImage = this.add.image(0, 0, AssetKey.BakedMap).setOrigin(0, 0).setDepth(0);
    this.painter = this.make.graphics({}, false);
    this.routes = this.add.graphics().setDepth(2);
    this.dim = this.add.rectangle(0, 0, 10, 10, 0x000000, 0.62).setOrigin(0, 0).setDepth(5).setVisible(false);

    const settings = this.channel.latest(BridgeEvent.Settings);
    if (settings) this.settings = settings;
    this.layout = this.channel.latest(BridgeEvent.Layout) ?? null;
    this.highlight = this.channel.latest(BridgeEvent.HighlightCase) ?? null;

    this.offs.push(
      this.channel.on(BridgeEvent.Screen, (p) => this.onScreen(p)),
      this.channel.on(BridgeEvent.View, (p) => this.onModel(p.map)),
      this.channel.on(BridgeEvent.Layout, (l) => {
        this.layout = l;
        this.frame(false);
      }),
      this.channel.on(BridgeEvent.Settings, (s) => {
        this.settings = s;
        this.cameras.main.setBackgroundColor(this.theme().sea);
        this.baked = null;
        this.rebuildOverlay();
        this.frame(true);
      }),
      this.channel.on(BridgeEvent.HighlightCase, (id) => {
        this.highlight = id;
        this.rebuildOverlay();
        this.frame(false);
      }),
    );
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.shutdown, this);

    this.cameras.main.setBackgroundColor(this.theme().sea);
    const screen = this.channel.latest(BridgeEvent.Screen);
    if (screen) this.onScreen(screen);
    else this.frame(true);
    this.channel.emit(BridgeEvent.WorldReady, undefined);
  }

  override update(_time: number, delta: number): void {
    this.reconcile();
    if (this.movers.length === 0 || this.settings.reducedMotion) return;
    for (const m of this.movers) {
      m.t = (m.t + delta / 2600) % 1;
      const p = this.curvePoint(m.from, m.to, m.t);
      m.dot.setPosition(p.x, p.y);
    }
  }

  /** For the browser tests: what the map shows now. */
  describe(): { zoom: number; focus: number; labels: number; moving: boolean } {
    return {
      zoom: this.view.zoom,
      focus: this.model.focus.length,
      labels: this.floating.filter((f) => f.obj.visible).length,
      moving: this.viewTween !== null,
    };
  }

  private theme(): Theme {
    return this.settings.highContrast ? HIGH_CONTRAST : DARK;
  }

  private onScreen(payload: ScreenPayload): void {
    this.syncChildScenes(payload);
    this.onModel(payload.map);
  }

  /** Runs the gauges and the council chamber only while the screen has something for them. */
  private syncChildScenes(payload: ScreenPayload): void {
    this.wanted.set(SceneKey.Gauges, payload.meters !== null);
    this.wanted.set(SceneKey.Council, payload.council !== null);
    this.reconcile();
  }

  /**
   * Starts or stops the child scenes to match what the screen wants. Phaser queues scene
   * operations until the next frame, so a scene's status is only trusted once no operation of
   * ours is pending for it; `update` calls this every frame to settle quick back-and-forths.
   */
  private reconcile(): void {
    const frame = this.game.loop.frame;
    for (const [key, on] of this.wanted) {
      if (this.issued.get(key) === frame) continue;
      const status = this.scene.get(key)?.sys.getStatus() ?? Phaser.Scenes.PENDING;
      const running = status >= Phaser.Scenes.INIT && status <= Phaser.Scenes.SLEEPING;
      if (on === running) continue;
      if (on) this.scene.launch(key);
      else this.scene.stop(key);
      this.issued.set(key, frame);
    }
  }

  private onModel(model: MapModel): void {
    const before = this.model;
    this.model = model;
    const members = this.countryIds(model.members);
    const hosts = this.countryIds(model.hosts);
    if (!sameSet(members, this.memberIds) || !sameSet(hosts, this.hostIds)) {
      this.memberIds = members;
      this.hostIds = hosts;
      this.baked = null;
    }
    this.dim.setVisible(model.dim);
    this.rebuildOverlay();
    const refocus = pointsKey(before.focus) !== pointsKey(model.focus);
    this.frame(!refocus);
  }

  private countryIds(points: MapPoint[]): Set<string> {
    const ids = new Set<string>();
    for (const p of points) {
      const c = this.atlas.countryAt(p.lon, p.lat);
      if (c) ids.add(c.id);
    }
    return ids;
  }

  private onResize(): void {
    this.baked = null;
    this.frame(true);
  }

  // ---------------------------------------------------------------- the view

  private freeRect(): { x: number; y: number; width: number; height: number } {
    const l = this.layout;
    if (l && l.width > 40 && l.height > 40) return l;
    return { x: 0, y: 0, width: this.scale.width, height: this.scale.height };
  }

  private targetView(): View {
    const free = this.freeRect();
    const gaugeSpace = this.layout?.gauges ? this.layout.gauges.height : 0;
    const usable = { ...free, height: Math.max(120, free.height - gaugeSpace) };
    const focus = this.model.focus;
    if (focus.length === 0) {
      // The whole region, covering the free area.
      const zoom = Math.max(usable.width / WORLD_SIZE.width, usable.height / WORLD_SIZE.height) * 1.02;
      return { zoom, cx: WORLD_SIZE.width * 0.52, cy: WORLD_SIZE.height * 0.5 };
    }
    const pts = focus.map((p) => this.atlas.project(p.lon, p.lat));
    let b = {
      x0: Math.min(...pts.map((p) => p.x)),
      y0: Math.min(...pts.map((p) => p.y)),
      x1: Math.max(...pts.map((p) => p.x)),
      y1: Math.max(...pts.map((p) => p.y)),
    };
    const minW = 520;
    const minH = 340;
    const w = Math.max(minW, (b.x1 - b.x0) * 1.5);
    const h = Math.max(minH, (b.y1 - b.y0) * 1.6);
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    b = { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
    const zoom = Math.min(usable.width / (b.x1 - b.x0), usable.height / (b.y1 - b.y0));
    return { zoom, cx, cy: cy + gaugeSpace / 2 / zoom };
  }

  /** Moves the view to frame the model; animated unless `instant` or reduced motion. */
  private frame(instant: boolean): void {
    const target = this.targetView();
    this.viewTween?.stop();
    this.viewTween = null;
    const same =
      Math.abs(target.zoom - this.view.zoom) < 1e-3 &&
      Math.abs(target.cx - this.view.cx) < 0.5 &&
      Math.abs(target.cy - this.view.cy) < 0.5;
    if (instant || this.settings.reducedMotion || same || this.baked === null) {
      this.view = target;
      if (this.needsBake()) this.bake();
      this.place();
      return;
    }
    const from = { ...this.view };
    const state = { t: 0 };
    this.viewTween = this.tweens.add({
      targets: state,
      t: 1,
      duration: 900,
      ease: 'Cubic.easeInOut',
      onUpdate: () => {
        const t = state.t;
        const zoom = Math.exp(Math.log(from.zoom) + (Math.log(target.zoom) - Math.log(from.zoom)) * t);
        this.view = { zoom, cx: from.cx + (target.cx - from.cx) * t, cy: from.cy + (target.cy - from.cy) * t };
        this.place();
      },
      onComplete: () => {
        this.viewTween = null;
        this.view = target;
        this.bake();
        this.place();
      },
    });
  }

  private needsBake(): boolean {
    const b = this.baked;
    if (!b) return true;
    if (b.width !== Math.round(this.scale.width) || b.height !== Math.round(this.scale.height)) return true;
    const v = this.view;
    return (
      Math.abs(b.view.zoom - v.zoom) > 1e-4 || Math.abs(b.view.cx - v.cx) > 0.01 || Math.abs(b.view.cy - v.cy) > 0.01
    );
  }

  /** World → screen. */
  private toScreen(x: number, y: number): { x: number; y: number } {
    const free = this.freeRect();
    const { zoom, cx, cy } = this.view;
    return { x: free.x + free.width / 2 + (x - cx) * zoom, y: free.y + free.height / 2 + (y - cy) * zoom };
  }

  private pointOnScreen(p: MapPoint): { x: number; y: number } {
    const w = this.atlas.project(p.lon, p.lat);
    return this.toScreen(w.x, w.y);
  }

  /** Draws the countries for the current view into the screen-sized texture. */
  private bake(): void {
    const width = Math.max(1, Math.round(this.scale.width));
    const height = Math.max(1, Math.round(this.scale.height));
    const texture = this.textures.get(AssetKey.BakedMap) as Phaser.Textures.DynamicTexture;
    if (texture.width !== width || texture.height !== height) texture.setSize(width, height);
    const theme = this.theme();
    const g = this.painter;
    const { zoom } = this.view;
    const origin = this.toScreen(0, 0);
    g.clear();
    g.setPosition(origin.x, origin.y).setScale(zoom);
    // Visible world rectangle, to skip what is off screen.
    const vis: Bounds = {
      x0: -origin.x / zoom,
      y0: -origin.y / zoom,
      x1: (width - origin.x) / zoom,
      y1: (height - origin.y) / zoom,
    };
    g.lineStyle(1 / zoom, hex(theme.graticule), 1);
    for (const ring of this.atlas.graticule) g.strokePoints(ring as Phaser.Math.Vector2[], false);
    const visible = this.atlas.countries.filter((c) => overlaps(this.ringBounds.get(c), vis));
    const kind = (c: Country) => (this.hostIds.has(c.id) ? 'host' : this.memberIds.has(c.id) ? 'member' : 'land');
    for (const c of visible) {
      const k = kind(c);
      g.fillStyle(hex(k === 'host' ? theme.host : k === 'member' ? theme.member : theme.land), 1);
      for (const ring of c.rings) if (ring.length > 2) g.fillPoints(ring as Phaser.Math.Vector2[], true);
    }
    g.lineStyle(1 / zoom, hex(theme.landEdge), 0.9);
    for (const c of visible) {
      if (kind(c) !== 'land') continue;
      for (const ring of c.rings) g.strokePoints(ring as Phaser.Math.Vector2[], true);
    }
    g.lineStyle(1.4 / zoom, hex(theme.memberEdge), 1);
    for (const c of visible) {
      if (kind(c) !== 'member') continue;
      for (const ring of c.rings) g.strokePoints(ring as Phaser.Math.Vector2[], true);
    }
    g.lineStyle(2.2 / zoom, hex(theme.hostEdge), 1);
    for (const c of visible) {
      if (kind(c) !== 'host') continue;
      for (const ring of c.rings) g.strokePoints(ring as Phaser.Math.Vector2[], true);
    }
    texture.clear();
    texture.fill(hex(theme.sea), 1);
    texture.draw(g);
    texture.render();
    g.clear();
    this.nameCountries(visible, kind);
    // The world point drawn at the texture's top-left corner.
    this.baked = { view: { ...this.view }, width, height, origin: { x: -origin.x / zoom, y: -origin.y / zoom } };
    this.dim.setSize(width, height);
  }

  /** Positions the baked image, the markers and the routes for the current view. */
  private place(): void {
    if (this.baked) {
      const s = this.view.zoom / this.baked.view.zoom;
      // Where the baked texture's top-left corner lands under the current view.
      const p = this.toScreen(this.baked.origin.x, this.baked.origin.y);
      this.mapImage.setPosition(p.x, p.y).setScale(s);
    }
    for (const a of this.anchored) {
      const p = this.pointOnScreen(a.point);
      a.obj.setPosition(p.x + a.dx, p.y + a.dy);
    }
    for (const n of this.names) {
      const p = this.toScreen(n.x, n.y);
      n.obj.setPosition(p.x, p.y);
    }
    this.declutter();
    this.drawRoutes();
  }

  /** Names the countries big enough on screen to carry one, in small capitals. */
  private nameCountries(visible: Country[], kind: (c: Country) => string): void {
    for (const n of this.names) n.obj.destroy();
    this.names = [];
    const theme = this.theme();
    const scale = textScale(this.settings.textSize);
    for (const c of visible) {
      const onScreen = c.label.width * this.view.zoom;
      if (onScreen < 90 || !c.name) continue;
      const k = kind(c);
      const size = Math.round(Math.min(15, 9 + onScreen / 80) * scale);
      const t = this.add
        .text(0, 0, c.name.toUpperCase(), {
          fontFamily: 'Inter, system-ui, sans-serif',
          fontSize: `${size}px`,
          fontStyle: k === 'land' ? '500' : '700',
          color: k === 'host' ? theme.accent : k === 'member' ? theme.memberEdge : theme.muted,
        })
        .setOrigin(0.5)
        .setLetterSpacing(2)
        .setAlpha(k === 'land' ? 0.5 : 0.9)
        .setDepth(1);
      this.names.push({ obj: t, x: c.label.x, y: c.label.y });
    }
  }

  // ---------------------------------------------------------------- overlay

  private clearOverlay(): void {
    for (const o of this.overlay) o.destroy();
    this.overlay = [];
    this.anchored = [];
    this.floating = [];
    this.movers = [];
  }

  private label(
    point: MapPoint,
    text: string,
    opts: {
      size: number;
      bold?: boolean;
      color?: string;
      dx?: number;
      dy?: number;
      origin?: [number, number];
      float?: boolean;
      always?: boolean;
    },
  ): Phaser.GameObjects.Text {
    const theme = this.theme();
    const scale = textScale(this.settings.textSize);
    const t = this.add
      .text(0, 0, text, {
        fontFamily: 'Inter, system-ui, sans-serif',
        fontSize: `${Math.round(opts.size * scale)}px`,
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

  /**
   * Places each floating label right, left, above or below its marker, the first spot that
   * overlaps nothing placed before; a label with no free spot is hidden. Country names that
   * collide with a place label are hidden too.
   */
  private declutter(): void {
    type R = { x0: number; y0: number; x1: number; y1: number };
    const placed: R[] = [];
    const hit = (r: R) => placed.some((q) => r.x0 < q.x1 && r.x1 > q.x0 && r.y0 < q.y1 && r.y1 > q.y0);
    // Labels stay in the part of the screen the panel and the gauges leave free.
    const free = this.freeRect();
    const bottom = this.layout?.gauges ? this.layout.gauges.y : free.y + free.height;
    const inside = (r: R) => r.x0 >= free.x + 4 && r.x1 <= free.x + free.width - 4 && r.y0 >= free.y && r.y1 <= bottom;
    // The current place first, then the others in the order given.
    const order = [...this.floating].sort((a, b) => Number(b.always) - Number(a.always));
    for (const f of order) {
      const p = this.pointOnScreen(f.point);
      placed.push({ x0: p.x - 5, y0: p.y - 5, x1: p.x + 5, y1: p.y + 5 });
    }
    for (const f of order) {
      const p = this.pointOnScreen(f.point);
      const w = f.obj.width;
      const hgt = f.obj.height;
      const g = f.gap;
      const spots: { ox: number; oy: number; x: number; y: number }[] = [
        { ox: 0, oy: 0.5, x: p.x + g, y: p.y },
        { ox: 1, oy: 0.5, x: p.x - g, y: p.y },
        { ox: 0.5, oy: 1, x: p.x, y: p.y - g * 0.6 },
        { ox: 0.5, oy: 0, x: p.x, y: p.y + g * 0.6 },
      ];
      const rect = (s: (typeof spots)[number]): R => ({
        x0: s.x - s.ox * w,
        y0: s.y - s.oy * hgt,
        x1: s.x + (1 - s.ox) * w,
        y1: s.y + (1 - s.oy) * hgt,
      });
      let chosen = spots.find((s) => inside(rect(s)) && !hit(rect(s))) ?? null;
      if (!chosen && f.always) chosen = spots.find((s) => inside(rect(s))) ?? spots[0] ?? null;
      if (chosen) placed.push(rect(chosen));
      f.obj.setVisible(chosen !== null);
      if (chosen) f.obj.setOrigin(chosen.ox, chosen.oy).setPosition(chosen.x, chosen.y);
    }
    for (const n of this.names) {
      const w = n.obj.width;
      const hgt = n.obj.height;
      const r = { x0: n.obj.x - w / 2, y0: n.obj.y - hgt / 2, x1: n.obj.x + w / 2, y1: n.obj.y + hgt / 2 };
      n.obj.setVisible(!hit(r));
    }
  }

  private dot(point: MapPoint, radius: number, fill: string, stroke: string, depth = 3): Phaser.GameObjects.Arc {
    const c = this.add.circle(0, 0, radius, hex(fill), 1).setStrokeStyle(2, hex(stroke), 1).setDepth(depth);
    this.overlay.push(c);
    this.anchored.push({ obj: c, point, dx: 0, dy: 0 });
    return c;
  }

  private rebuildOverlay(): void {
    this.clearOverlay();
    const m = this.model;
    const theme = this.theme();
    const currentId = m.current?.id;
    for (const p of m.places) {
      if (p.id === currentId) continue;
      this.dot(p, 3.5, theme.muted, theme.sea);
      this.label(p, p.name, { size: 13, color: theme.muted, float: true });
    }
    if (m.current) {
      const ring = this.dot(m.current, 9, theme.sea, theme.accent, 3);
      ring.setFillStyle(hex(theme.accent), 0.18);
      if (!this.settings.reducedMotion) {
        const pulse = this.add
          .circle(0, 0, 9, hex(theme.accent), 0)
          .setStrokeStyle(2, hex(theme.accent), 1)
          .setDepth(3);
        this.overlay.push(pulse);
        this.anchored.push({ obj: pulse, point: m.current, dx: 0, dy: 0 });
        this.tweens.add({ targets: pulse, scale: 3, alpha: 0, duration: 1800, repeat: -1, ease: 'Sine.easeOut' });
      }
      this.dot(m.current, 4, theme.accent, theme.accent, 4);
      this.label(m.current, m.current.name, {
        size: 16,
        bold: true,
        color: theme.accent,
        dx: 16,
        float: true,
        always: true,
      });
    }
    for (const c of m.cases) {
      const on = c.id === this.highlight;
      const marker = this.dot(c.point, on ? 12 : 9, theme.accent, theme.accent, 4);
      marker.setInteractive({ useHandCursor: true });
      marker.on(Phaser.Input.Events.POINTER_DOWN, () => this.channel.emit(BridgeEvent.PickCase, c.id));
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
      label.on(Phaser.Input.Events.POINTER_DOWN, () => this.channel.emit(BridgeEvent.PickCase, c.id));
    }
    for (const p of m.track) {
      if (p.id === currentId) continue;
      this.dot(p, 3, theme.track, theme.sea, 3);
    }
    for (const [i, mv] of m.moves.entries()) {
      const d = this.add.circle(0, 0, 4, hex(theme.worse), 1).setDepth(3);
      this.overlay.push(d);
      this.movers.push({ t: i / Math.max(1, m.moves.length), dot: d, from: mv.from, to: mv.to });
      const end = this.curvePoint(mv.from, mv.to, 1);
      d.setPosition(end.x, end.y);
    }
    this.place();
  }

  private curvePoint(from: MapPoint, to: MapPoint, t: number, bow = 0.2): { x: number; y: number } {
    const a = this.pointOnScreen(from);
    const b = this.pointOnScreen(to);
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // Bow the route to the left of its direction, by `bow` of its length.
    const cx = mx - (dy / len) * len * bow;
    const cy = my + (dx / len) * len * bow;
    const u = 1 - t;
    return { x: u * u * a.x + 2 * u * t * cx + t * t * b.x, y: u * u * a.y + 2 * u * t * cy + t * t * b.y };
  }

  private drawRoutes(): void {
    const g = this.routes;
    const theme = this.theme();
    g.clear();
    // The track of the crisis: faint dashed arcs between the places of events, the latest strongest.
    const track = this.model.track;
    for (let i = 1; i < track.length; i++) {
      const from = track[i - 1] as MapPoint;
      const to = track[i] as MapPoint;
      const pts: { x: number; y: number }[] = [];
      for (let k = 0; k <= 24; k++) pts.push(this.curvePoint(from, to, k / 24, 0.12));
      g.lineStyle(1.6, hex(theme.track), i === track.length - 1 ? 0.7 : 0.3);
      for (let k = 1; k < pts.length; k += 2) {
        const a = pts[k - 1] as { x: number; y: number };
        const b = pts[k] as { x: number; y: number };
        g.lineBetween(a.x, a.y, b.x, b.y);
      }
    }
    for (const mv of this.model.moves) {
      const pts: { x: number; y: number }[] = [];
      for (let i = 0; i <= 40; i++) pts.push(this.curvePoint(mv.from, mv.to, i / 40));
      g.lineStyle(5, hex(theme.sea), 0.7);
      g.strokePoints(pts as Phaser.Math.Vector2[], false);
      g.lineStyle(2.5, hex(theme.worse), 0.95);
      g.strokePoints(pts as Phaser.Math.Vector2[], false);
      const tip = pts[pts.length - 1] as { x: number; y: number };
      const prev = pts[pts.length - 4] as { x: number; y: number };
      const ang = Math.atan2(tip.y - prev.y, tip.x - prev.x);
      g.fillStyle(hex(theme.worse), 1);
      g.fillTriangle(
        tip.x,
        tip.y,
        tip.x - 13 * Math.cos(ang - 0.45),
        tip.y - 13 * Math.sin(ang - 0.45),
        tip.x - 13 * Math.cos(ang + 0.45),
        tip.y - 13 * Math.sin(ang + 0.45),
      );
    }
  }

  private shutdown(): void {
    for (const off of this.offs) off();
    this.offs = [];
    this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.viewTween?.stop();
    this.clearOverlay();
    for (const n of this.names) n.obj.destroy();
    this.names = [];
    this.painter.destroy();
    this.textures.remove(AssetKey.BakedMap);
  }
}

function boundsOf(rings: Ring[]): Bounds {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const r of rings)
    for (const p of r) {
      if (p.x < b.x0) b.x0 = p.x;
      if (p.y < b.y0) b.y0 = p.y;
      if (p.x > b.x1) b.x1 = p.x;
      if (p.y > b.y1) b.y1 = p.y;
    }
  return b;
}

function overlaps(a: Bounds | undefined, b: Bounds): boolean {
  return !!a && a.x0 <= b.x1 && a.x1 >= b.x0 && a.y0 <= b.y1 && a.y1 >= b.y0;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function pointsKey(points: MapPoint[]): string {
  return points.map((p) => `${p.lon},${p.lat}`).join(';');
}
