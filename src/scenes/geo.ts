/**
 * Map geometry from Natural Earth (world-atlas TopoJSON): one base projection for the region,
 * and each country as rings of projected points ready to draw with Phaser Graphics.
 */
import { type GeoProjection, geoConicEqualArea, geoContains, geoGraticule, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The region the map can show: the Caucasus, Central Asia and the west of Russia. */
export const REGION = { west: 16, east: 104, south: 24, north: 66 };
/** Size of the world space the base projection fills; the camera zooms inside it. */
export const WORLD_SIZE = { width: 2400, height: 1500 };

export type Ring = { x: number; y: number }[];

export interface Country {
  id: string;
  name: string;
  feature: Feature<Geometry>;
  rings: Ring[];
  /** Where its name goes (world space): the centre of its largest ring, and that ring's width. */
  label: { x: number; y: number; width: number };
}

export interface Atlas {
  projection: GeoProjection;
  countries: Country[];
  graticule: Ring[];
  project(lon: number, lat: number): { x: number; y: number };
  countryAt(lon: number, lat: number): Country | undefined;
}

/** Collects the rings d3 would draw, as arrays of points. */
class RingContext {
  rings: Ring[] = [];
  private current: Ring | null = null;
  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.current = [{ x, y }];
    this.rings.push(this.current);
  }
  lineTo(x: number, y: number): void {
    this.current?.push({ x, y });
  }
  closePath(): void {
    this.current = null;
  }
  arc(): void {}
}

function ringsOf(projection: GeoProjection, object: Parameters<ReturnType<typeof geoPath>>[0]): Ring[] {
  const ctx = new RingContext();
  geoPath(projection, ctx as unknown as CanvasRenderingContext2D)(object);
  return ctx.rings.filter((r) => r.length > 1);
}

export function buildAtlas(topology: unknown): Atlas {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topo, topo.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
  const { west, east, south, north } = REGION;
  const projection = geoConicEqualArea()
    .parallels([38, 56])
    .rotate([-(west + east) / 2, 0])
    .center([0, (south + north) / 2]);
  const frame: Feature<Geometry> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, south],
        [west, north],
        [east, north],
        [(west + east) / 2, south],
        [(west + east) / 2, north],
      ],
    },
  };
  projection.fitSize([WORLD_SIZE.width, WORLD_SIZE.height], frame);
  const extent: Box = [
    [-200, -200],
    [WORLD_SIZE.width + 200, WORLD_SIZE.height + 200],
  ];
  projection.clipExtent(extent);
  // Each point is projected whether or not it lands in view: countries whose coordinates' extent
  // misses the view's (most of the world) are not projected at all. With that, and without d3's
  // adaptive resampling (the atlas's edges are far shorter than a pixel's worth of curvature at
  // any zoom), building the atlas took a quarter less time (118 -> 88 ms, Node, median of 9).
  projection.precision(0);
  const view = viewBox(projection, extent);
  const countries: Country[] = [];
  const boxes: Box[] = [];
  for (const f of collection.features) {
    const box = planarBox(f.geometry);
    if (!boxesMeet(box, view)) continue;
    const rings = ringsOf(projection, f);
    if (rings.length === 0) continue;
    countries.push({
      id: String(f.id ?? ''),
      name: f.properties?.name ?? '',
      feature: f,
      rings,
      label: labelSpot(rings),
    });
    boxes.push(box);
  }
  const graticule = ringsOf(projection, geoGraticule().step([5, 5])());
  // Which country holds a point is asked for the same few places at every screen, and a spherical
  // point-in-polygon test against every country took about 0.2 s each time: each answer is kept,
  // and only countries whose bounding box holds the point are tested. The boxes are the
  // coordinates' own extent, widened (`planarBox`): d3's spherical `geoBounds` for every country
  // took about 0.35 s of the main thread while the map started (4× CPU throttle).
  const found = new Map<string, Country | undefined>();
  return {
    projection,
    countries,
    graticule,
    project(lon, lat) {
      const p = projection([lon, lat]) ?? [0, 0];
      return { x: p[0], y: p[1] };
    },
    countryAt(lon, lat) {
      const key = `${lon},${lat}`;
      if (found.has(key)) return found.get(key);
      const hit = countries.find((c, i) => inBox(boxes[i] as Box, lon, lat) && geoContains(c.feature, [lon, lat]));
      found.set(key, hit);
      return hit;
    },
  };
}

type Box = [[number, number], [number, number]];

/**
 * Degrees a box is widened by. A polygon's edges are great-circle arcs, which bow poleward of their
 * end points: by about 0.1° for a 10° edge at 49° N and 1° for a 30° one. The atlas's edges are
 * far shorter, so 2° holds every point inside.
 */
const BOX_MARGIN = 2;

/**
 * The longitude and latitude extent of a geometry's coordinates, widened by `BOX_MARGIN`: a box
 * that holds every point of the shape, to filter by before the spherical test. A shape across 180°
 * has coordinates near both -180 and 180, so its box spans every longitude.
 */
function planarBox(geometry: Geometry): Box {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [lon, lat] = c as [number, number];
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    } else {
      for (const x of c as unknown[]) visit(x);
    }
  };
  visit(
    geometry.type === 'GeometryCollection'
      ? geometry.geometries.map((g) => ('coordinates' in g ? g.coordinates : []))
      : geometry.coordinates,
  );
  return [
    [Math.max(-180, west - BOX_MARGIN), Math.max(-90, south - BOX_MARGIN)],
    [Math.min(180, east + BOX_MARGIN), Math.min(90, north + BOX_MARGIN)],
  ];
}

/**
 * The longitudes and latitudes a projected rectangle shows: the extent of its edges' points carried
 * back through the projection, widened by `BOX_MARGIN`; every longitude, up to the pole, when the
 * pole is inside. (On a conic projection, parallels and meridians reach their extremes over a
 * rectangle on its edges, unless it holds a pole.)
 */
function viewBox(projection: GeoProjection, [[x0, y0], [x1, y1]]: Box): Box {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const steps = 64;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    for (const [x, y] of [
      [x0 + (x1 - x0) * t, y0],
      [x0 + (x1 - x0) * t, y1],
      [x0, y0 + (y1 - y0) * t],
      [x1, y0 + (y1 - y0) * t],
    ] as const) {
      const p = projection.invert?.([x, y]);
      if (!p) continue;
      west = Math.min(west, p[0]);
      east = Math.max(east, p[0]);
      south = Math.min(south, p[1]);
      north = Math.max(north, p[1]);
    }
  }
  const inside = ([x, y]: [number, number]) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const pole = (lat: number) => {
    const p = projection([0, lat]);
    return p !== null && inside(p);
  };
  if (pole(90)) [west, east, north] = [-180, 180, 90];
  if (pole(-90)) [west, east, south] = [-180, 180, -90];
  return [
    [Math.max(-180, west - BOX_MARGIN), Math.max(-90, south - BOX_MARGIN)],
    [Math.min(180, east + BOX_MARGIN), Math.min(90, north + BOX_MARGIN)],
  ];
}

/** Whether two boxes share a point (a box whose west > east crosses 180°). */
function boxesMeet([[w1, s1], [e1, n1]]: Box, [[w2, s2], [e2, n2]]: Box): boolean {
  if (s1 > n2 || s2 > n1) return false;
  const spans = (w: number, e: number): [number, number][] =>
    w <= e
      ? [[w, e]]
      : [
          [w, 180],
          [-180, e],
        ];
  return spans(w1, e1).some(([a, b]) => spans(w2, e2).some(([c, d]) => a <= d && c <= b));
}

/** Whether a longitude and latitude fall in a box (west > east: it crosses 180°). */
function inBox([[west, south], [east, north]]: Box, lon: number, lat: number): boolean {
  if (lat < south || lat > north) return false;
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

/** The area-weighted centre of the largest ring, for placing a name. */
function labelSpot(rings: Ring[]): { x: number; y: number; width: number } {
  let best: { area: number; x: number; y: number; width: number } = { area: -1, x: 0, y: 0, width: 0 };
  for (const ring of rings) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i] as { x: number; y: number };
      const q = ring[(i + 1) % ring.length] as { x: number; y: number };
      const cross = p.x * q.y - q.x * p.y;
      a += cross;
      cx += (p.x + q.x) * cross;
      cy += (p.y + q.y) * cross;
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
    }
    const area = Math.abs(a / 2);
    if (area > best.area && a !== 0) best = { area, x: cx / (3 * a), y: cy / (3 * a), width: x1 - x0 };
  }
  return { x: best.x, y: best.y, width: best.width };
}
