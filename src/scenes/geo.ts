/**
 * The map's geometry in the browser: the region's projection, and each country as rings of
 * projected points ready to draw with Phaser Graphics, read from the atlas the build made from
 * Natural Earth (atlas-data.ts, src/build/atlas-plugin.ts).
 */
import { type GeoProjection, geoConicEqualArea } from 'd3-geo';

/** The region the map can show: the Caucasus, Central Asia and the west of Russia. */
export const REGION = { west: 16, east: 104, south: 24, north: 66 };
/** Size of the world space the base projection fills; the camera zooms inside it. */
export const WORLD_SIZE = { width: 2400, height: 1500 };
/** What the projection keeps (world units): the world space and a margin round it. */
export const VIEW_EXTENT: [[number, number], [number, number]] = [
  [-200, -200],
  [WORLD_SIZE.width + 200, WORLD_SIZE.height + 200],
];
/** The atlas's rings are integers: world units times this (a hundredth of a unit). */
export const ATLAS_SCALE = 100;

export type Ring = { x: number; y: number }[];

/** The atlas as the build writes it: rings as steps in ATLAS_SCALE units (atlas-data.ts). */
export interface AtlasData {
  countries: { id: string; name: string; rings: number[][]; label: { x: number; y: number; width: number } }[];
  graticule: number[][];
}

export interface Country {
  id: string;
  name: string;
  rings: Ring[];
  /** Where its name goes (world space): the centre of its largest ring, and that ring's width. */
  label: { x: number; y: number; width: number };
  /** The box round its rings (world space). */
  bounds: Bounds;
}

export interface Atlas {
  projection: GeoProjection;
  countries: Country[];
  graticule: Ring[];
  project(lon: number, lat: number): { x: number; y: number };
  /** The country drawn at a place, if any (none off the map). */
  countryAt(lon: number, lat: number): Country | undefined;
}

/** Whether a projected point is inside VIEW_EXTENT: a place the map reaches. */
export function inView(p: [number, number] | null): p is [number, number] {
  const [[x0, y0], [x1, y1]] = VIEW_EXTENT;
  return p !== null && p[0] > x0 && p[0] < x1 && p[1] > y0 && p[1] < y1;
}

/** The region's projection: conic equal-area, fitted to the region in world units, clipped to VIEW_EXTENT. */
export function regionProjection(): GeoProjection {
  const { west, east, south, north } = REGION;
  const projection = geoConicEqualArea()
    .parallels([38, 56])
    .rotate([-(west + east) / 2, 0])
    .center([0, (south + north) / 2]);
  const mid = (west + east) / 2;
  projection.fitSize([WORLD_SIZE.width, WORLD_SIZE.height], {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, south],
        [west, north],
        [east, north],
        [mid, south],
        [mid, north],
      ],
    },
  });
  projection.clipExtent(VIEW_EXTENT);
  // The atlas's edges are far shorter than the length over which d3's adaptive resampling would
  // bend them, at any zoom: without it, the atlas is projected in about half the time.
  projection.precision(0);
  return projection;
}

function decode(steps: number[]): Ring {
  const ring: Ring = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < steps.length; i += 2) {
    x += steps[i] as number;
    y += steps[i + 1] as number;
    ring.push({ x: x / ATLAS_SCALE, y: y / ATLAS_SCALE });
  }
  return ring;
}

/** A box in world units. */
export type Bounds = { x0: number; y0: number; x1: number; y1: number };

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

/** Even-odd point in polygon over all of a country's rings (its holes and islands). */
function inRings(rings: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as { x: number; y: number };
      const b = ring[j] as { x: number; y: number };
      if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

/** The atlas from the build's data. */
export function atlasFrom(data: AtlasData): Atlas {
  const projection = regionProjection();
  const countries: Country[] = data.countries.map((c) => {
    const rings = c.rings.map(decode);
    return { id: c.id, name: c.name, rings, label: c.label, bounds: boundsOf(rings) };
  });
  // Which country holds a point is asked for the same few places at every screen: each answer is kept.
  const found = new Map<string, Country | undefined>();
  return {
    projection,
    countries,
    graticule: data.graticule.map(decode),
    project(lon, lat) {
      const p = projection([lon, lat]) ?? [0, 0];
      return { x: p[0], y: p[1] };
    },
    countryAt(lon, lat) {
      const key = `${lon},${lat}`;
      if (found.has(key)) return found.get(key);
      const p = projection([lon, lat]);
      // The view's edge: a place there or beyond is on no drawn country.
      const hit = inView(p)
        ? countries.find(({ bounds: b, rings }) => {
            return p[0] >= b.x0 && p[0] <= b.x1 && p[1] >= b.y0 && p[1] <= b.y1 && inRings(rings, p[0], p[1]);
          })
        : undefined;
      found.set(key, hit);
      return hit;
    },
  };
}
