/**
 * Where the Council chamber's parts go in the free part of the screen: the title on top, the seats
 * on a horseshoe, each name under its seat, the tally under the lowest names, and the verdict's
 * stamp in the open middle of the horseshoe. Arithmetic only (no Phaser), so it is tested alone.
 */
import type { Rect } from './base-scene';

/** Heights at text scale 1: the title line, a seat's name and position under it, the tally's two lines. */
const TITLE_H = 34;
const LABEL_H = 46;
const TALLY_H = 48;

/** The verdict's stamp at text scale 1, as the scene draws it: its word's type, its padding, its turn. */
export const STAMP = { fontSize: 38, pad: 14, angle: -6 } as const;
/** How far that stamp reaches from its centre, sideways and up and down, for a word of up to 9 capitals. */
export const STAMP_HALF_WIDTH = 150;
export const STAMP_HALF_HEIGHT = 46;

export interface ChamberLayout {
  cx: number;
  /** The horseshoe's centre and radii. */
  cy: number;
  radius: number;
  radiusY: number;
  seatR: number;
  /** Where the seats' names and positions end below a seat's centre. */
  labelBelow: number;
  /** The top of the tally's first line. */
  tallyY: number;
  /** The centre of the verdict's stamp. */
  verdictY: number;
  /** The centre of member `i`'s seat. */
  seat(i: number): { x: number; y: number };
}

export function chamberLayout(area: Rect, members: number, scale: number): ChamberLayout {
  const n = Math.max(1, members);
  const cx = area.x + area.width / 2;
  const titleH = TITLE_H * scale;
  const labelH = LABEL_H * scale;
  const tallyH = TALLY_H * scale;
  // The lowest seats sit this fraction of the radius above the arc's centre.
  const lift = Math.sin(Math.PI / (2 * n));
  const fitHeight = (seat: number) => (area.height - titleH - 12 - 2 * seat - labelH - tallyH) / (1 - lift);
  const fitRadius = (seat: number) => Math.min(area.width * 0.38, fitHeight(seat));
  let seatR = 34;
  let radius = fitRadius(seatR);
  seatR = Math.max(22, Math.min(40, (Math.PI * radius) / n / 3.2));
  radius = Math.max(80, fitRadius(seatR));
  // A narrow free area (the map beside a wide panel) leaves height to spare: the horseshoe grows
  // taller than wide, so neighbouring seats and their names stand further apart.
  const radiusY = Math.max(radius, Math.min(radius * 1.35, fitHeight(seatR)));
  const cy = area.y + titleH + 12 + seatR + radiusY;
  const labelBelow = seatR + labelH;
  const tallyY = cy - radiusY * lift + labelBelow + 4;
  const seat = (i: number) => {
    const a = Math.PI + (Math.PI * (i + 0.5)) / n;
    return { x: cx + Math.cos(a) * radius, y: cy + Math.sin(a) * radiusY };
  };
  // The stamp goes midway between the names of the seats above it and the tally, where the
  // horseshoe is open. A narrow area with large text (a tablet's) leaves no such room: the stamp
  // then covers part of the names or the tally, as a stamp would.
  const halfWidth = STAMP_HALF_WIDTH * scale;
  let above = area.y + titleH;
  for (let i = 0; i < n; i++) {
    const s = seat(i);
    if (Math.abs(s.x - cx) < halfWidth + seatR) above = Math.max(above, s.y + labelBelow);
  }
  return {
    cx,
    cy,
    radius,
    radiusY,
    seatR,
    labelBelow,
    tallyY,
    verdictY: (above + tallyY) / 2,
    seat,
  };
}
