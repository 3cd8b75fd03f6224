/**
 * The map's atlas, made at build time (src/scenes/atlas-data.ts) and read in the browser
 * (src/scenes/geo.ts): it keeps every country the region's view shows, and the browser's rings are
 * d3's projected rings to a hundredth of a world unit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { atlasJson } from '../../src/build/atlas-plugin';
import { atlasData, ringsOf } from '../../src/scenes/atlas-data';
import { type AtlasData, atlasFrom, type Ring, regionProjection } from '../../src/scenes/geo';
import { ROOT } from '../helpers';

const topo = JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;
const all = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
const data = atlasData(topo);
const atlas = atlasFrom(JSON.parse(JSON.stringify(data)) as AtlasData);

/** The rings d3 draws for a feature with the region's projection. */
const projected = (f: FeatureCollection['features'][number]): Ring[] => ringsOf(regionProjection(), f);

describe('the atlas', () => {
  it('keeps every country that shows in the view, and no other', () => {
    const shown = all.features.filter((f) => projected(f).length > 0).map((f) => String(f.id ?? ''));
    expect(all.features.length).toBe(241);
    expect(atlas.countries.map((c) => c.id).sort()).toEqual(shown.sort());
    const names = new Set(atlas.countries.map((c) => c.name));
    for (const name of ['Kazakhstan', 'Armenia', 'Kyrgyzstan', 'Russia', 'Belarus', 'Tajikistan', 'Azerbaijan']) {
      expect(names.has(name), name).toBe(true);
    }
    for (const name of ['Brazil', 'Australia', 'Canada', 'Fiji']) expect(names.has(name), name).toBe(false);
  });

  it('gives the browser d3’s projected rings to a hundredth of a world unit', () => {
    let points = 0;
    for (const f of all.features) {
      const want = projected(f).filter((r) => r.length >= 2);
      const got = atlas.countries.find((c) => c.id === String(f.id ?? '') && c.name === f.properties?.name);
      if (want.length === 0) continue;
      expect(got, String(f.properties?.name)).toBeDefined();
      const rings = got?.rings ?? [];
      expect(rings.length, String(f.properties?.name)).toBe(want.length);
      rings.forEach((ring, i) => {
        // A point that rounds to the one before it is dropped; every other is kept, in order.
        let j = 0;
        for (const p of ring) {
          const source = want[i] as Ring;
          while (j < source.length && Math.hypot((source[j]?.x ?? 0) - p.x, (source[j]?.y ?? 0) - p.y) > 0.0071) j++;
          expect(j, `${f.properties?.name} ring ${i}`).toBeLessThan(source.length);
          points++;
        }
      });
    }
    expect(points).toBeGreaterThan(30_000);
  });

  it('is the file the build serves, and stays small', () => {
    const json = atlasJson();
    expect(JSON.parse(json)).toEqual(data);
    // The browser fetched 756 KB of TopoJSON before; a byte budget for what replaced it.
    expect(json.length).toBeLessThan(400_000);
  });
});
