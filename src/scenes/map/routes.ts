/**
 * Routes on the map: the track of the crisis (faint dashed arcs between the places of events)
 * and the movements of forces (bowed arrows), drawn in screen space for the camera's view.
 */
import type * as Phaser from 'phaser';
import type { MapModel, MapPoint } from '../../ui/map-model';
import { hex, type Theme } from '../../ui/palette';
import type { MapCamera } from './camera';

type Point = { x: number; y: number };

/** The point a fraction `t` along the route from `from` to `to`, bowed left by `bow` of its length. */
export function curvePoint(camera: MapCamera, from: MapPoint, to: MapPoint, t: number, bow = 0.2): Point {
  const a = camera.pointOnScreen(from);
  const b = camera.pointOnScreen(to);
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

/** Draws the model's track and moves into `g`, cleared first. */
export function drawRoutes(g: Phaser.GameObjects.Graphics, model: MapModel, theme: Theme, camera: MapCamera): void {
  g.clear();
  // The track of the crisis: faint dashed arcs between the places of events, the latest strongest.
  const track = model.track;
  for (let i = 1; i < track.length; i++) {
    const from = track[i - 1] as MapPoint;
    const to = track[i] as MapPoint;
    const pts: Point[] = [];
    for (let k = 0; k <= 24; k++) pts.push(curvePoint(camera, from, to, k / 24, 0.12));
    g.lineStyle(1.6, hex(theme.track), i === track.length - 1 ? 0.7 : 0.3);
    for (let k = 1; k < pts.length; k += 2) {
      const a = pts[k - 1] as Point;
      const b = pts[k] as Point;
      g.lineBetween(a.x, a.y, b.x, b.y);
    }
  }
  for (const mv of model.moves) {
    const pts: Point[] = [];
    for (let i = 0; i <= 40; i++) pts.push(curvePoint(camera, mv.from, mv.to, i / 40));
    g.lineStyle(5, hex(theme.sea), 0.7);
    g.strokePoints(pts as Phaser.Math.Vector2[], false);
    g.lineStyle(2.5, hex(theme.worse), 0.95);
    g.strokePoints(pts as Phaser.Math.Vector2[], false);
    const tip = pts[pts.length - 1] as Point;
    const prev = pts[pts.length - 4] as Point;
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
