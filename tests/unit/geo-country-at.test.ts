/**
 * `countryAt` (src/scenes/geo.ts) answers from a bounding-box filter and a cache: it must name the
 * same country as testing every country's polygon, across the region, outside it, across 180° and
 * over the whole globe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { buildAtlas, REGION } from '../../src/scenes/geo';
import { ROOT } from '../helpers';

const atlas = buildAtlas(JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8')));
const everyCountry = (lon: number, lat: number) => atlas.countries.find((c) => geoContains(c.feature, [lon, lat]));

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
  [178.5, 66.0], // Chukotka, east of 180°
  [-179.5, 68.5], // Chukotka, west of 180°
  [178.4, -18.1], // Suva: Fiji crosses 180°
  [-30, 40], // the Atlantic: no country
];

describe('countryAt', () => {
  it('names the same country as testing every polygon, and the same again when asked twice', () => {
    const named = new Set<string>();
    for (const [lon, lat] of [...grid, ...places]) {
      const want = everyCountry(lon, lat);
      expect(atlas.countryAt(lon, lat)?.id, `${lon}, ${lat}`).toBe(want?.id);
      expect(atlas.countryAt(lon, lat)).toBe(want);
      if (want) named.add(want.name);
    }
    // The points do fall in many countries, and in none at sea.
    expect(named.size).toBeGreaterThan(10);
    expect(atlas.countryAt(-30, 40)).toBeUndefined();
    expect(atlas.countryAt(72.8, 40.5)?.name).toBe('Kyrgyzstan');
    expect(atlas.countryAt(178.5, 66)?.name).toBe('Russia');
    expect(atlas.countryAt(-179.5, 68.5)?.name).toBe('Russia');
  });

  it('names the same country as testing every polygon at points over the whole globe', () => {
    // A 12° lattice, offset from round meridians and parallels, from 84° S to 84° N.
    let named = 0;
    for (let lon = -176.3; lon < 180; lon += 12) {
      for (let lat = -83.7; lat < 85; lat += 12) {
        const want = everyCountry(lon, lat);
        expect(atlas.countryAt(lon, lat)?.id, `${lon}, ${lat}`).toBe(want?.id);
        if (want) named += 1;
      }
    }
    expect(named).toBeGreaterThan(50);
  });
});
