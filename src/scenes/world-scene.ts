/**
 * The map of the region, drawn with Phaser from Natural Earth data: countries, the alliance's
 * members, the state in crisis, the places of events, the track of the crisis and the movements
 * of forces. It renders only the MapModel the app sends and reports clicks on case markers, and
 * runs the gauges and the Council chamber while the screen has something for them.
 *
 * The countries are baked into a screen-sized texture whenever the view settles, in a few tasks
 * (map/countries.ts); markers and labels live in screen space and follow the camera
 * (map/markers.ts, map/camera.ts). The world is ready once its first bake shows.
 */
import type * as Phaser from 'phaser';
import type { ScreenPayload } from '../ui/bridge';
import { AssetKey, BridgeEvent, SceneKey } from '../ui/keys';
import { emptyMap, type MapModel, type MapPoint } from '../ui/map-model';
import { BaseScene } from './base-scene';
import { ChildScenes } from './child-scenes';
import { type Atlas, type AtlasData, atlasFrom } from './geo';
import { between, MapCamera, sameView } from './map/camera';
import { CountryLayer } from './map/countries';
import { MarkerLayer } from './map/markers';

export class WorldScene extends BaseScene {
  private atlas!: Atlas;
  private countries!: CountryLayer;
  private markers!: MarkerLayer;
  private model: MapModel = emptyMap();
  private highlight: string | null = null;
  private readonly camera = new MapCamera(
    () => this.freeRect(),
    (lon, lat) => this.atlas.project(lon, lat),
  );
  private viewTween: Phaser.Tweens.Tween | null = null;
  private readonly childScenes = new ChildScenes(this);
  /** Whether the app has been told the world is ready (after its first bake). */
  private announced = false;

  constructor() {
    super(SceneKey.World);
  }

  protected override build(): void {
    this.atlas = atlasFrom(this.cache.json.get(AssetKey.Atlas) as AtlasData);
    this.countries = new CountryLayer(this, this.atlas, this.camera, () => this.onBaked());
    // A bake's next part runs in a task of its own: not after the scene or the game has gone.
    this.onRelease(() => this.countries.stop());
    this.markers = new MarkerLayer(this, this.camera, (id) => this.channel.emit(BridgeEvent.PickCase, id));
    this.highlight = this.channel.latest(BridgeEvent.HighlightCase) ?? null;

    this.listen(BridgeEvent.Screen, (p) => this.onScreen(p));
    this.listen(BridgeEvent.View, (p) => this.onModel(p.map));
    this.listen(BridgeEvent.HighlightCase, (id) => {
      this.highlight = id;
      this.rebuildOverlay();
      this.frame(false);
    });

    this.cameras.main.setBackgroundColor(this.theme().sea);
    this.announced = false;
    const screen = this.channel.latest(BridgeEvent.Screen);
    if (screen) this.onScreen(screen);
    else this.frame(true);
    // Until the first bake shows there is nothing to draw (the canvas shows once the world is
    // ready): the loop sleeps, and the bake's tasks do not wait for frames. It wakes when it shows.
    if (this.countries.baking) this.game.loop.sleep();
  }

  override update(_time: number, delta: number): void {
    this.childScenes.reconcile();
    this.markers.animate(delta);
  }

  /** Dots still travelling, or a child scene still starting or stopping. */
  override busy(): boolean {
    return this.markers?.moving() || !this.childScenes.settled();
  }

  /** A bake shows (between frames, the loop perhaps asleep): its names and what avoids them are placed, and drawn. */
  private onBaked(): void {
    this.place();
    this.game.loop.wake();
    if (!this.announced) {
      this.announced = true;
      this.channel.emit(BridgeEvent.WorldReady, undefined);
    }
  }

  /** For the browser tests: what the map shows now. */
  describe(): { zoom: number; focus: number; labels: number; moving: boolean } {
    return {
      zoom: this.camera.view.zoom,
      focus: this.model.focus.length,
      // Asked before `create` too (while the map data loads): no markers yet.
      labels: this.markers ? this.markers.visibleLabels() : 0,
      // The view still moving, or its map still being drawn.
      moving: this.viewTween !== null || (this.countries?.baking ?? false),
    };
  }

  protected override redraw(): void {
    this.countries.invalidate();
    this.frame(true);
  }

  protected override onLayout(): void {
    this.frame(false);
  }

  protected override onSettings(): void {
    this.cameras.main.setBackgroundColor(this.theme().sea);
    this.countries.invalidate();
    this.rebuildOverlay(true);
    this.frame(true);
  }

  protected override teardown(): void {
    this.viewTween?.stop();
    this.markers.clear();
    this.countries.destroy();
  }

  private onScreen(payload: ScreenPayload): void {
    // The gauges and the council chamber run only while the screen has something for them.
    this.childScenes.want({ [SceneKey.Gauges]: payload.meters !== null, [SceneKey.Council]: payload.council !== null });
    this.onModel(payload.map);
  }

  private onModel(model: MapModel): void {
    const before = this.model;
    this.model = model;
    this.countries.setCountries(model.members, model.hosts, model.accused);
    this.countries.setRegions(model.regions);
    this.countries.setDim(model.dim);
    this.rebuildOverlay();
    const refocus = pointsKey(before.focus) !== pointsKey(model.focus);
    this.frame(!refocus);
  }

  private rebuildOverlay(force = false): void {
    this.markers.rebuild(this.model, this.highlight, force);
    this.place();
  }

  /** Moves the view to frame the model; animated unless `instant` or reduced motion. */
  private frame(instant: boolean): void {
    const target = this.camera.fit(this.model.focus, this.layout?.gauges ? this.layout.gauges.height : 0);
    this.viewTween?.stop();
    this.viewTween = null;
    if (instant || this.reducedMotion || sameView(target, this.camera.view) || !this.countries.isBaked) {
      this.camera.view = target;
      if (this.countries.needsBake()) this.countries.bake();
      this.place();
      return;
    }
    const from = { ...this.camera.view };
    const state = { t: 0 };
    this.viewTween = this.tweens.add({
      targets: state,
      t: 1,
      duration: 900,
      ease: 'Cubic.easeInOut',
      onUpdate: () => {
        this.camera.view = between(from, target, state.t);
        this.place();
      },
      onComplete: () => {
        this.viewTween = null;
        this.camera.view = target;
        this.countries.bake();
        this.place();
      },
    });
  }

  /** Positions the baked map, the names, the markers and the routes for the current view. */
  private place(): void {
    this.countries.place();
    this.markers.place(this.countries.names.map((n) => n.obj));
  }
}

function pointsKey(points: MapPoint[]): string {
  return points.map((p) => `${p.lon},${p.lat}`).join(';');
}
