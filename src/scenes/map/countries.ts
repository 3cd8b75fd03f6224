/**
 * The countries, drawn with Graphics into a texture the size of the screen ("baked") whenever
 * the view settles, so the triangulation of ~35,000 points runs once per view, not every frame;
 * between bakes the image is moved and scaled with the view. Members and the state in crisis
 * are shaded, and the countries big enough on screen are named.
 *
 * A bake is drawn in parts, each in a task of its own (the countries' fills in two halves, their
 * edges, their names in two halves), into a second texture while the first still shows; the two
 * swap when it is done, and the game loop is woken to draw that once. In one task it was the
 * longest of the map's start and of each move of the view: about 0.27 s of the page's thread,
 * 1 s on a slow laptop (a 4× CPU throttle here).
 */
import type * as Phaser from 'phaser';
import { AssetKey } from '../../ui/keys';
import type { MapPoint, MapRegion } from '../../ui/map-model';
import { hex } from '../../ui/palette';
import { type BaseScene, FONT } from '../base-scene';
import type { Atlas, Bounds, Country, Ring } from '../geo';
import { addText } from '../text';
import type { MapCamera, View } from './camera';

type Kind = 'host' | 'accused' | 'member' | 'land';

/** A bake under way: what it draws for, and the parts still to draw, one a task. */
interface Bake {
  view: View;
  width: number;
  height: number;
  /** The world point drawn at the texture's top-left corner. */
  origin: { x: number; y: number };
  visible: Country[];
  parts: (() => void)[];
  /** The names the bake shows: kept from the last bake (same key) or made for it, hidden until it shows. */
  names: CountryName[];
  /** The last bake's names, by key, not yet kept. */
  kept: Map<string, CountryName>;
  /** The names made for this bake (destroyed if it is given up). */
  made: CountryName[];
}

/** A country's name on the map, at its label point (world space). */
export interface CountryName {
  obj: Phaser.GameObjects.Text;
  x: number;
  y: number;
  /** Its words, size, colour and place: a name with the same key is kept from bake to bake. */
  key: string;
}

export class CountryLayer {
  /** Country names drawn at the last bake. */
  names: CountryName[] = [];
  private readonly image: Phaser.GameObjects.Image;
  private readonly painter: Phaser.GameObjects.Graphics;
  private readonly dim: Phaser.GameObjects.Rectangle;
  /** The texture the image shows, and the one the next bake draws into. */
  private shown: string = AssetKey.BakedMap;
  private hidden: string = AssetKey.BakedMapNext;
  /** The view, size and top-left world point of the texture shown: it follows the view until the next bake shows. */
  private baked: { view: View; width: number; height: number; origin: { x: number; y: number } } | null = null;
  /** False once the last bake is out of date (the countries, colours or size changed): a new one must start. */
  private current = false;
  /** The bake under way, if any, and the timer of its next part. */
  private pending: Bake | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private memberIds = new Set<string>();
  private hostIds = new Set<string>();
  private accusedIds = new Set<string>();
  /** Regions drawn as circles (the case's `map: { highlight }`), projected; a change means a new bake. */
  private regions: { region: MapRegion; ring: Ring; label: { x: number; y: number } }[] = [];
  private regionsKey = '';

  constructor(
    private readonly scene: BaseScene,
    private readonly atlas: Atlas,
    private readonly camera: MapCamera,
    /** Called when a bake shows (after its last part). */
    private readonly onBaked: () => void,
  ) {
    const { width, height } = scene.scale;
    for (const key of [this.shown, this.hidden]) {
      scene.textures.addDynamicTexture(key, Math.max(1, width), Math.max(1, height));
    }
    this.image = scene.add.image(0, 0, this.shown).setOrigin(0, 0).setDepth(0);
    this.painter = scene.make.graphics({}, false);
    this.dim = scene.add.rectangle(0, 0, 10, 10, 0x000000, 0.62).setOrigin(0, 0).setDepth(5).setVisible(false);
  }

  /** The countries around these points are members / in crisis / accused; a change means a new bake. */
  setCountries(members: MapPoint[], hosts: MapPoint[], accused: MapPoint[] = []): void {
    const m = this.countryIds(members);
    const h = this.countryIds(hosts);
    const a = this.countryIds(accused);
    if (sameSet(m, this.memberIds) && sameSet(h, this.hostIds) && sameSet(a, this.accusedIds)) return;
    this.memberIds = m;
    this.hostIds = h;
    this.accusedIds = a;
    this.invalidate();
  }

  /** The regions to draw as circles, shaded like the state in crisis (the map model computes them). */
  setRegions(regions: readonly MapRegion[]): void {
    const key = regions.map((r) => `${r.id}:${r.radiusKm}:${r.name}`).join(';');
    if (key === this.regionsKey) return;
    this.regionsKey = key;
    this.regions = regions.map((region) => ({
      region,
      ring: region.ring.map((p) => this.atlas.project(p.lon, p.lat)),
      label: this.atlas.project(region.center.lon, region.center.lat),
    }));
    this.invalidate();
  }

  /** Dims the map (while the chamber shows over it). */
  setDim(on: boolean): void {
    this.dim.setVisible(on);
  }

  /** Forgets the bake, and gives up the one under way: the colours, the countries or the screen size changed. */
  invalidate(): void {
    this.current = false;
    this.giveUp();
  }

  get isBaked(): boolean {
    return this.current;
  }

  /** True while a bake is under way (it shows within a few tasks). */
  get baking(): boolean {
    return this.pending !== null;
  }

  /**
   * True when neither the last bake nor the one under way covers the canvas as it is: its size,
   * the camera's zoom, and where the bake's top-left corner lands. That moves with the view and with
   * the part of the screen the panel leaves free (the camera centres the view there): when the panel
   * changes sides for the same view, the old bake, shifted, would leave a band of the canvas empty.
   */
  needsBake(): boolean {
    const b = this.pending ?? (this.current ? this.baked : null);
    const { width, height } = this.scene.scale;
    if (!b) return true;
    if (b.width !== Math.round(width) || b.height !== Math.round(height)) return true;
    if (Math.abs(b.view.zoom - this.camera.view.zoom) > 1e-4) return true;
    const corner = this.camera.toScreen(b.origin.x, b.origin.y);
    return Math.abs(corner.x) > 0.5 || Math.abs(corner.y) > 0.5;
  }

  /**
   * Starts drawing the countries for the camera's view, in parts, a task each (a bake under way is
   * given up); the image shows the last bake until this one is done, then `onBaked` is called.
   */
  bake(): void {
    this.giveUp();
    const width = Math.max(1, Math.round(this.scene.scale.width));
    const height = Math.max(1, Math.round(this.scene.scale.height));
    const { zoom } = this.camera.view;
    const at = this.camera.toScreen(0, 0);
    const origin = { x: -at.x / zoom, y: -at.y / zoom };
    // Visible world rectangle, to skip what is off screen.
    const vis: Bounds = { x0: origin.x, y0: origin.y, x1: origin.x + width / zoom, y1: origin.y + height / zoom };
    const visible = this.atlas.countries.filter((c) => overlaps(c.bounds, vis));
    const half = Math.ceil(visible.length / 2);
    const b: Bake = {
      view: { ...this.camera.view },
      width,
      height,
      origin,
      visible,
      parts: [],
      names: [],
      kept: new Map(this.names.map((n) => [n.key, n])),
      made: [],
    };
    b.parts = [
      () => this.drawFills(b, visible.slice(0, half), true),
      () => this.drawFills(b, visible.slice(half), false),
      () => this.drawEdges(b),
      () => this.nameCountries(b, visible.slice(0, half), false),
      () => this.nameCountries(b, visible.slice(half), true),
      () => this.show(b),
    ];
    this.pending = b;
    this.timer ??= setTimeout(this.next, 0);
  }

  /** Draws the next part of the bake under way, and asks for a task for the one after. */
  private readonly next = (): void => {
    this.timer = null;
    const b = this.pending;
    b?.parts.shift()?.();
    if (this.pending && this.pending.parts.length > 0) this.timer = setTimeout(this.next, 0);
  };

  /** Gives up the bake under way, if any: the names made for it go. */
  private giveUp(): void {
    for (const n of this.pending?.made ?? []) n.obj.destroy();
    this.pending = null;
  }

  /** The texture the bake under way draws into. */
  private hiddenTexture(): Phaser.Textures.DynamicTexture {
    return this.scene.textures.get(this.hidden) as Phaser.Textures.DynamicTexture;
  }

  /** Draws `g` into the hidden texture and empties it. */
  private paint(g: Phaser.GameObjects.Graphics): void {
    const texture = this.hiddenTexture();
    texture.draw(g);
    texture.render();
    g.clear();
  }

  /** The painter, set for the bake's view. */
  private painterFor(b: Bake): Phaser.GameObjects.Graphics {
    const zoom = b.view.zoom;
    return this.painter
      .clear()
      .setPosition(-b.origin.x * zoom, -b.origin.y * zoom)
      .setScale(zoom);
  }

  /** The fills of `countries`; `first`, over the sea and the lines of latitude and longitude. */
  private drawFills(b: Bake, countries: Country[], first: boolean): void {
    const theme = this.scene.theme();
    const g = this.painterFor(b);
    if (first) {
      const texture = this.hiddenTexture();
      if (texture.width !== b.width || texture.height !== b.height) texture.setSize(b.width, b.height);
      texture.clear();
      texture.fill(hex(theme.sea), 1);
      g.lineStyle(1 / b.view.zoom, hex(theme.graticule), 1);
      for (const ring of this.atlas.graticule) g.strokePoints(ring as Phaser.Math.Vector2[], false);
    }
    for (const c of countries) {
      const k = this.kind(c);
      const fill = { host: theme.host, accused: theme.accused, member: theme.member, land: theme.land }[k];
      g.fillStyle(hex(fill), 1);
      for (const ring of c.rings) if (ring.length > 2) g.fillPoints(ring as Phaser.Math.Vector2[], true);
    }
    this.paint(g);
  }

  /** The countries' edges, and the case's own regions over them. */
  private drawEdges(b: Bake): void {
    const theme = this.scene.theme();
    const zoom = b.view.zoom;
    const g = this.painterFor(b);
    const edges: [Kind, number, string, number][] = [
      ['land', 1, theme.landEdge, 0.9],
      ['member', 1.4, theme.memberEdge, 1],
      ['host', 2.2, theme.hostEdge, 1],
      ['accused', 2.2, theme.accusedEdge, 1],
    ];
    for (const [kind, lineWidth, colour, alpha] of edges) {
      g.lineStyle(lineWidth / zoom, hex(colour), alpha);
      for (const c of b.visible) {
        if (this.kind(c) !== kind) continue;
        for (const ring of c.rings) g.strokePoints(ring as Phaser.Math.Vector2[], true);
      }
    }
    // Filled and outlined like the state in crisis.
    for (const r of this.regions) {
      if (r.ring.length < 3) continue;
      g.fillStyle(hex(theme.host), 0.85);
      g.fillPoints(r.ring as Phaser.Math.Vector2[], true);
      g.lineStyle(2.2 / zoom, hex(theme.hostEdge), 1);
      g.strokePoints(r.ring as Phaser.Math.Vector2[], true);
    }
    this.paint(g);
  }

  /** The last part: the bake's texture and names in place of the last ones. */
  private show(b: Bake): void {
    const names = new Set(b.names);
    for (const n of this.names) if (!names.has(n)) n.obj.destroy();
    for (const n of b.made) n.obj.setVisible(true);
    this.names = b.names;
    [this.shown, this.hidden] = [this.hidden, this.shown];
    this.image.setTexture(this.shown);
    this.baked = { view: b.view, width: b.width, height: b.height, origin: b.origin };
    this.current = true;
    this.pending = null;
    this.dim.setSize(b.width, b.height);
    this.onBaked();
  }

  /** Positions the baked image and the names for the camera's view. */
  place(): void {
    const b = this.baked;
    if (b) {
      const s = this.camera.view.zoom / b.view.zoom;
      // Where the shown texture's top-left corner lands under the current view.
      const p = this.camera.toScreen(b.origin.x, b.origin.y);
      this.image.setPosition(p.x, p.y).setScale(s);
    }
    for (const n of this.names) {
      const p = this.camera.toScreen(n.x, n.y);
      n.obj.setPosition(p.x, p.y);
    }
  }

  /** Cancels the next task of the bake under way: the scene is going, or the game. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  destroy(): void {
    this.giveUp();
    this.stop();
    this.clearNames();
    this.painter.destroy();
    this.scene.textures.remove(this.shown);
    this.scene.textures.remove(this.hidden);
  }

  private kind(c: Country): Kind {
    if (this.hostIds.has(c.id)) return 'host';
    if (this.accusedIds.has(c.id)) return 'accused';
    return this.memberIds.has(c.id) ? 'member' : 'land';
  }

  private countryIds(points: MapPoint[]): Set<string> {
    const ids = new Set<string>();
    for (const p of points) {
      const c = this.atlas.countryAt(p.lon, p.lat);
      if (c) ids.add(c.id);
    }
    return ids;
  }

  private clearNames(): void {
    for (const n of this.names) n.obj.destroy();
    this.names = [];
  }

  /**
   * Names those of `countries` big enough on screen to carry one, in small capitals, and with
   * `regions` the case's regions too. A name the last bake drew in the same words, size, colour
   * and place is kept, not made again: most are, as the view moves from screen to screen. A name
   * made is hidden until the bake shows.
   */
  private nameCountries(b: Bake, countries: Country[], regions: boolean): void {
    const theme = this.scene.theme();
    const name = (
      text: string,
      size: number,
      bold: boolean,
      color: string,
      alpha: number,
      at: { x: number; y: number },
    ) => {
      const fontSize = this.scene.px(size);
      const key = [text, fontSize, bold, color, alpha, at.x, at.y].join('|');
      const old = b.kept.get(key);
      if (old) {
        b.kept.delete(key);
        b.names.push(old);
        return;
      }
      const obj = addText(this.scene, 0, 0, text.toUpperCase(), {
        fontFamily: FONT,
        fontSize,
        fontStyle: bold ? '700' : '500',
        color,
      })
        .setOrigin(0.5)
        .setLetterSpacing(2)
        .setAlpha(alpha)
        .setDepth(1)
        .setVisible(false);
      const made = { obj, x: at.x, y: at.y, key };
      b.names.push(made);
      b.made.push(made);
    };
    for (const c of countries) {
      const onScreen = c.label.width * b.view.zoom;
      if (onScreen < 90 || !c.name) continue;
      const k = this.kind(c);
      const color = { host: theme.accent, accused: theme.accusedEdge, member: theme.memberEdge, land: theme.muted }[k];
      name(c.name, Math.min(15, 9 + onScreen / 80), k !== 'land', color, k === 'land' ? 0.5 : 0.9, c.label);
    }
    if (regions) for (const r of this.regions) name(r.region.name, 13, true, theme.accent, 0.9, r.label);
  }
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x0 <= b.x1 && a.x1 >= b.x0 && a.y0 <= b.y1 && a.y1 >= b.y0;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
