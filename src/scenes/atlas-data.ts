/**
 * The map's geometry, made at build time (src/build/atlas-plugin.ts) from Natural Earth's
 * countries (world-atlas TopoJSON, 1:50m): the countries the region's view shows, projected once
 * with the region's projection (geo.ts) into world units, as integer rings the browser reads
 * without projecting anything. Projecting the TopoJSON in the browser (d3's spherical clipping of
 * every polygon) took about 0.7 s of a slow laptop's thread each time the map started, after
 * fetching and parsing 756 KB of JSON.
 */
import { type GeoProjection, geoGraticule, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ATLAS_SCALE, type AtlasData, type Ring, regionProjection } from './geo';

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

/** The rings d3 draws for `object` with `projection`, each of two points or more. */
export function ringsOf(projection: GeoProjection, object: Parameters<ReturnType<typeof geoPath>>[0]): Ring[] {
  const ctx = new RingContext();
  geoPath(projection, ctx as unknown as CanvasRenderingContext2D)(object);
  return ctx.rings.filter((r) => r.length > 1);
}

/** A ring in ATLAS_SCALE units: the first point, then each point's step from the one before. */
function encode(ring: Ring): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const p of ring) {
    const x = Math.round(p.x * ATLAS_SCALE);
    const y = Math.round(p.y * ATLAS_SCALE);
    if (out.length > 0 && x === px && y === py) continue;
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

/** The countries of `topology` that show in the region's view, projected and encoded. */
export function atlasData(topology: unknown): AtlasData {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topo, topo.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
  const projection = regionProjection();
  const countries: AtlasData['countries'] = [];
  for (const f of collection.features as Feature<Geometry, { name: string }>[]) {
    const rings = ringsOf(projection, f);
    if (rings.length === 0) continue;
    countries.push({
      id: String(f.id ?? ''),
      name: f.properties?.name ?? '',
      rings: rings.map(encode).filter((r) => r.length >= 4),
      label: labelSpot(rings),
    });
  }
  return {
    countries,
    graticule: ringsOf(projection, geoGraticule().step([5, 5])()).map(encode),
  };
}

/** The area-weighted centre of the largest ring, and that ring's width, for placing a name. */
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
  const round = (v: number) => Math.round(v * 100) / 100;
  return { x: round(best.x), y: round(best.y), width: round(best.width) };
}
