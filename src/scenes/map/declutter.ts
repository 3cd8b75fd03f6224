/**
 * Keeps the map's labels apart: each place label goes right, left, above or below its marker,
 * wherever it overlaps nothing placed before and stays in the free part of the screen.
 */
import type * as Phaser from 'phaser';
import type { MapPoint } from '../../ui/map-model';
import type { Rect } from '../base-scene';

/** A place label that moves around its marker; `always` labels show even with no free spot. */
export interface FloatingLabel {
  obj: Phaser.GameObjects.Text;
  point: MapPoint;
  gap: number;
  always: boolean;
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * Places each floating label right, left, above or below its marker, the first spot that
 * overlaps nothing placed before; a label with no free spot is hidden. Country names that
 * collide with a place label are hidden too. Labels stay inside `free`, above `bottom`.
 */
export function declutter(
  floating: FloatingLabel[],
  names: Phaser.GameObjects.Text[],
  free: Rect,
  bottom: number,
  onScreen: (p: MapPoint) => { x: number; y: number },
): void {
  const placed: Box[] = [];
  const hit = (r: Box) => placed.some((q) => r.x0 < q.x1 && r.x1 > q.x0 && r.y0 < q.y1 && r.y1 > q.y0);
  const inside = (r: Box) => r.x0 >= free.x + 4 && r.x1 <= free.x + free.width - 4 && r.y0 >= free.y && r.y1 <= bottom;
  // The current place first, then the others in the order given.
  const order = [...floating].sort((a, b) => Number(b.always) - Number(a.always));
  for (const f of order) {
    const p = onScreen(f.point);
    placed.push({ x0: p.x - 5, y0: p.y - 5, x1: p.x + 5, y1: p.y + 5 });
  }
  for (const f of order) {
    const p = onScreen(f.point);
    const w = f.obj.width;
    const hgt = f.obj.height;
    const g = f.gap;
    const spots: { ox: number; oy: number; x: number; y: number }[] = [
      { ox: 0, oy: 0.5, x: p.x + g, y: p.y },
      { ox: 1, oy: 0.5, x: p.x - g, y: p.y },
      { ox: 0.5, oy: 1, x: p.x, y: p.y - g * 0.6 },
      { ox: 0.5, oy: 0, x: p.x, y: p.y + g * 0.6 },
    ];
    const rect = (s: (typeof spots)[number]): Box => ({
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
  for (const n of names) {
    const w = n.width;
    const hgt = n.height;
    const r = { x0: n.x - w / 2, y0: n.y - hgt / 2, x1: n.x + w / 2, y1: n.y + hgt / 2 };
    n.setVisible(!hit(r));
  }
}
