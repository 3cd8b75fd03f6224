/**
 * The map's camera: which world point sits at the centre of the free part of the screen, at what
 * zoom, and the view that frames a set of points above the gauges.
 */
import type { MapPoint } from '../../ui/map-model';
import type { Rect } from '../base-scene';
import { WORLD_SIZE } from '../geo';

export interface View {
  zoom: number;
  /** World point at the centre of the free rect. */
  cx: number;
  cy: number;
}

type Project = (lon: number, lat: number) => { x: number; y: number };

export class MapCamera {
  view: View = { zoom: 1, cx: WORLD_SIZE.width / 2, cy: WORLD_SIZE.height / 2 };

  /** `free` is the part of the screen the map may use; `project` maps lon/lat to world space. */
  constructor(
    private readonly free: () => Rect,
    private readonly project: Project,
  ) {}

  /** World → screen. */
  toScreen(x: number, y: number): { x: number; y: number } {
    const free = this.free();
    const { zoom, cx, cy } = this.view;
    return { x: free.x + free.width / 2 + (x - cx) * zoom, y: free.y + free.height / 2 + (y - cy) * zoom };
  }

  pointOnScreen(p: MapPoint): { x: number; y: number } {
    const w = this.project(p.lon, p.lat);
    return this.toScreen(w.x, w.y);
  }

  /** The view that frames `focus` (the whole region when empty) above `gaugeSpace` pixels of gauges. */
  fit(focus: MapPoint[], gaugeSpace: number): View {
    const free = this.free();
    const usable = { ...free, height: Math.max(120, free.height - gaugeSpace) };
    if (focus.length === 0) {
      // The whole region, covering the free area.
      const zoom = Math.max(usable.width / WORLD_SIZE.width, usable.height / WORLD_SIZE.height) * 1.02;
      return { zoom, cx: WORLD_SIZE.width * 0.52, cy: WORLD_SIZE.height * 0.5 };
    }
    const pts = focus.map((p) => this.project(p.lon, p.lat));
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
}

/** True when two views differ by less than can be seen. */
export function sameView(a: View, b: View): boolean {
  return Math.abs(a.zoom - b.zoom) < 1e-3 && Math.abs(a.cx - b.cx) < 0.5 && Math.abs(a.cy - b.cy) < 0.5;
}

/** The view a fraction `t` of the way from `from` to `to`, zooming at an even pace. */
export function between(from: View, to: View, t: number): View {
  const zoom = Math.exp(Math.log(from.zoom) + (Math.log(to.zoom) - Math.log(from.zoom)) * t);
  return { zoom, cx: from.cx + (to.cx - from.cx) * t, cy: from.cy + (to.cy - from.cy) * t };
}
