/**
 * The countries, drawn with Graphics into a texture the size of the screen ("baked") whenever
 * the view settles, so the triangulation of ~35,000 points runs once per view, not every frame;
 * between bakes the image is moved and scaled with the view. Members and the state in crisis
 * are shaded, and the countries big enough on screen are named.
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
  /** The view, size and top-left world point of the last bake; null when the next frame must bake. */
  private baked: { view: View; width: number; height: number; origin: { x: number; y: number } } | null = null;
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
  ) {
    const { width, height } = scene.scale;
    scene.textures.addDynamicTexture(AssetKey.BakedMap, Math.max(1, width), Math.max(1, height));
    this.image = scene.add.image(0, 0, AssetKey.BakedMap).setOrigin(0, 0).setDepth(0);
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
    this.baked = null;
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
    this.baked = null;
  }

  /** Dims the map (while the chamber shows over it). */
  setDim(on: boolean): void {
    this.dim.setVisible(on);
  }

  /** Forgets the bake: the colours or the screen size changed. */
  invalidate(): void {
    this.baked = null;
  }

  get isBaked(): boolean {
    return this.baked !== null;
  }

  /** True when the bake does not match the screen size or the camera's view. */
  needsBake(): boolean {
    const b = this.baked;
    const { width, height } = this.scene.scale;
    if (!b) return true;
    if (b.width !== Math.round(width) || b.height !== Math.round(height)) return true;
    const v = this.camera.view;
    return (
      Math.abs(b.view.zoom - v.zoom) > 1e-4 || Math.abs(b.view.cx - v.cx) > 0.01 || Math.abs(b.view.cy - v.cy) > 0.01
    );
  }

  /** Draws the countries for the camera's view into the screen-sized texture. */
  bake(): void {
    const width = Math.max(1, Math.round(this.scene.scale.width));
    const height = Math.max(1, Math.round(this.scene.scale.height));
    const texture = this.scene.textures.get(AssetKey.BakedMap) as Phaser.Textures.DynamicTexture;
    if (texture.width !== width || texture.height !== height) texture.setSize(width, height);
    const theme = this.scene.theme();
    const g = this.painter;
    const { zoom } = this.camera.view;
    const origin = this.camera.toScreen(0, 0);
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
    const visible = this.atlas.countries.filter((c) => overlaps(c.bounds, vis));
    for (const c of visible) {
      const k = this.kind(c);
      const fill = { host: theme.host, accused: theme.accused, member: theme.member, land: theme.land }[k];
      g.fillStyle(hex(fill), 1);
      for (const ring of c.rings) if (ring.length > 2) g.fillPoints(ring as Phaser.Math.Vector2[], true);
    }
    const edges: [Kind, number, string, number][] = [
      ['land', 1, theme.landEdge, 0.9],
      ['member', 1.4, theme.memberEdge, 1],
      ['host', 2.2, theme.hostEdge, 1],
      ['accused', 2.2, theme.accusedEdge, 1],
    ];
    for (const [kind, lineWidth, colour, alpha] of edges) {
      g.lineStyle(lineWidth / zoom, hex(colour), alpha);
      for (const c of visible) {
        if (this.kind(c) !== kind) continue;
        for (const ring of c.rings) g.strokePoints(ring as Phaser.Math.Vector2[], true);
      }
    }
    // The case's own regions, over the countries: filled and outlined like the state in crisis.
    for (const r of this.regions) {
      if (r.ring.length < 3) continue;
      g.fillStyle(hex(theme.host), 0.85);
      g.fillPoints(r.ring as Phaser.Math.Vector2[], true);
      g.lineStyle(2.2 / zoom, hex(theme.hostEdge), 1);
      g.strokePoints(r.ring as Phaser.Math.Vector2[], true);
    }
    texture.clear();
    texture.fill(hex(theme.sea), 1);
    texture.draw(g);
    texture.render();
    g.clear();
    this.nameCountries(visible);
    // The world point drawn at the texture's top-left corner.
    this.baked = { view: { ...this.camera.view }, width, height, origin: { x: -origin.x / zoom, y: -origin.y / zoom } };
    this.dim.setSize(width, height);
  }

  /** Positions the baked image and the names for the camera's view. */
  place(): void {
    if (this.baked) {
      const s = this.camera.view.zoom / this.baked.view.zoom;
      // Where the baked texture's top-left corner lands under the current view.
      const p = this.camera.toScreen(this.baked.origin.x, this.baked.origin.y);
      this.image.setPosition(p.x, p.y).setScale(s);
    }
    for (const n of this.names) {
      const p = this.camera.toScreen(n.x, n.y);
      n.obj.setPosition(p.x, p.y);
    }
  }

  destroy(): void {
    this.clearNames();
    this.painter.destroy();
    this.scene.textures.remove(AssetKey.BakedMap);
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
   * Names the countries big enough on screen to carry one, in small capitals. A name drawn at the
   * last bake in the same words, size and colour is kept, not made again: most are, as the view
   * moves from screen to screen.
   */
  private nameCountries(visible: Country[]): void {
    const theme = this.scene.theme();
    const kept = new Map(this.names.map((n) => [n.key, n]));
    const names: CountryName[] = [];
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
      const old = kept.get(key);
      if (old) {
        kept.delete(key);
        names.push(old);
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
        .setDepth(1);
      names.push({ obj, x: at.x, y: at.y, key });
    };
    for (const c of visible) {
      const onScreen = c.label.width * this.camera.view.zoom;
      if (onScreen < 90 || !c.name) continue;
      const k = this.kind(c);
      const color = { host: theme.accent, accused: theme.accusedEdge, member: theme.memberEdge, land: theme.muted }[k];
      name(c.name, Math.min(15, 9 + onScreen / 80), k !== 'land', color, k === 'land' ? 0.5 : 0.9, c.label);
    }
    for (const r of this.regions) name(r.region.name, 13, true, theme.accent, 0.9, r.label);
    for (const n of kept.values()) n.obj.destroy();
    this.names = names;
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
