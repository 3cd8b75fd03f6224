/**
 * Where the gauges go and how large their words are: a grid of one or more rows at the foot of the
 * map, with cells wide enough that a meter's label takes at most two lines. In class mode on a wide
 * screen (a projector) the labels are larger, to be read from the back of a room. Pure: the app
 * measures, this decides, the gauges scene draws.
 */

export interface GaugeGrid {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Gauges a row; the last row may hold fewer. */
  columns: number;
  /** The label's and the hint's font size in CSS pixels, before the text-size setting. */
  labelPx: number;
  hintPx: number;
}

export interface GaugeGridInput {
  /** The part of the viewport the map uses: its left edge and width. */
  x: number;
  width: number;
  /** The viewport's height. */
  viewportHeight: number;
  meters: number;
  /** The text-size setting as a factor (1, 1.2, 1.4). */
  textScale: number;
  /** Class mode on a wide screen: larger words. */
  large: boolean;
}

const MARGIN = 16;

/** The narrowest cell for a label of that size: "Kazakh government's grip" in two lines. */
function minCell(labelPx: number, textScale: number): number {
  return labelPx * 7.4 * textScale;
}

export function gaugeGrid(input: GaugeGridInput): GaugeGrid | null {
  const { x, viewportHeight: vh, meters, textScale, large } = input;
  const width = Math.max(0, input.width - 2 * MARGIN);
  if (meters <= 0 || width <= 0) return null;
  const labelPx = large ? 17 : 13;
  const hintPx = large ? 13 : 11;
  const fit = Math.max(1, Math.floor(width / minCell(labelPx, textScale)));
  const rows = Math.ceil(meters / Math.min(meters, fit));
  // As even as the rows allow: 7 meters in two rows are 4 and 3, not 6 and 1.
  const columns = Math.ceil(meters / rows);
  const scale = Math.min(1.25, textScale);
  const oneRow = Math.min(190, Math.max(128, vh * 0.16)) * scale * (large ? 1.2 : 1);
  const rowHeight = rows === 1 ? oneRow : Math.max(112 * scale, oneRow * 0.8);
  const height = Math.round(Math.min(rows * rowHeight, vh * 0.5));
  return { x: x + MARGIN, y: vh - height - MARGIN, width, height, columns, labelPx, hintPx };
}
