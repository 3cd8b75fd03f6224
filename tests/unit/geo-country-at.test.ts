/**
 * `countryAt` (src/scenes/geo.ts) names the country drawn at a place: a point-in-polygon test on
 * the atlas's projected rings, kept for each place asked. It must name the country whose polygon
 * on the sphere holds the place (d3's `geoContains` over all 241 of Natural Earth's countries),
 * across the region and wherever the view reaches, and none for a place off the map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoBounds, geoContains } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { atlasData } from '../../src/scenes/atlas-data';
import { atlasFrom, inView, REGION } from '../../src/scenes/geo';
import { ROOT } from '../helpers';

const topo = JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;
const all = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
const atlas = atlasFrom(atlasData(topo));
/** Whether the view reaches a place (its projection falls inside the view's extent). */
const onMap = (lon: number, lat: number) => inView(atlas.projection([lon, lat]));
/**
 * Each country's bounds on the sphere (d3's `geoBounds`: west > east where it crosses 180°, the
 * whole circle of longitudes where it holds a pole), widened by a hair: a place outside them is not
 * in the country, so `geoContains` is asked only of the few countries whose bounds hold the place.
 */
const EPS = 1e-6;
const bounds = all.features.map((f) => geoBounds(f));
const mayHold = (i: number, lon: number, lat: number) => {
  const [[w, s], [e, n]] = bounds[i] as [[number, number], [number, number]];
  if (lat < s - EPS || lat > n + EPS) return false;
  return w <= e ? lon >= w - EPS && lon <= e + EPS : lon >= w - EPS || lon <= e + EPS;
};
/** The id of the country whose spherical polygon holds a place, among all 241; none off the map. */
const onSphere = (lon: number, lat: number) =>
  onMap(lon, lat) ? all.features.find((f, i) => mayHold(i, lon, lat) && geoContains(f, [lon, lat]))?.id : undefined;

/** A spread of points over the region (a 6 × 5 grid, offset so no point falls on a round meridian). */
const grid: [number, number][] = [];
for (let i = 0; i < 6; i++) {
  for (let j = 0; j < 5; j++) {
    grid.push([
      REGION.west + 1.3 + ((REGION.east - REGION.west) * i) / 6,
      REGION.south + 1.7 + ((REGION.north - REGION.south) * j) / 5,
    ]);
  }
}
const places: [number, number][] = [
  [72.8, 40.5], // Osh
  [76.9, 43.2], // Almaty
  [44.5, 40.2], // Yerevan
  [45.6, 39.6], // Jermuk, near the 2022 fighting
  [37.6, 55.8], // Moscow
  [27.6, 53.9], // Minsk
  [68.8, 38.6], // Dushanbe
  [49.9, 40.4], // Baku
  [69.3, 41.3], // Tashkent
];

describe('countryAt', () => {
  it('names the country whose polygon holds the place, the same again when asked twice, and none off the map', () => {
    const named = new Set<string>();
    for (const [lon, lat] of [...grid, ...places]) {
      const want = onSphere(lon, lat);
      const got = atlas.countryAt(lon, lat);
      expect(got?.id, `${lon}, ${lat}`).toBe(want === undefined ? undefined : String(want));
      expect(atlas.countryAt(lon, lat)).toBe(got);
      if (got) named.add(got.name);
    }
    // The points do fall in many countries, and in none at sea.
    expect(named.size).toBeGreaterThan(10);
    expect(atlas.countryAt(72.8, 40.5)?.name).toBe('Kyrgyzstan');
    expect(atlas.countryAt(45.6, 39.6)?.name).toBe('Armenia');
    expect(atlas.countryAt(37.6, 55.8)?.name).toBe('Russia');
    // Off the map: the Atlantic, Chukotka on either side of 180°, Fiji.
    for (const [lon, lat] of [
      [-30, 40],
      [178.5, 66],
      [-179.5, 68.5],
      [178.4, -18.1],
    ] as const) {
      expect(onMap(lon, lat), `${lon}, ${lat}`).toBe(false);
      expect(atlas.countryAt(lon, lat), `${lon}, ${lat}`).toBeUndefined();
    }
  });

  it('names the same country as the sphere at a lattice of places over the whole globe', () => {
    // A 4° lattice, offset from round meridians and parallels, from 84° S to 84° N: every place the
    // view reaches is tested against the sphere, and every other must be on no country.
    let reached = 0;
    let named = 0;
    for (let lon = -178.3; lon < 180; lon += 4) {
      for (let lat = -83.7; lat < 85; lat += 4) {
        const want = onSphere(lon, lat);
        expect(atlas.countryAt(lon, lat)?.id, `${lon}, ${lat}`).toBe(want === undefined ? undefined : String(want));
        if (onMap(lon, lat)) reached += 1;
        if (want !== undefined) named += 1;
      }
    }
    expect(reached).toBeGreaterThan(500);
    expect(named).toBeGreaterThan(350);
  });
});
