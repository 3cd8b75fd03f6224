/**
 * `buildAtlas` (src/scenes/geo.ts) projects only the countries whose coordinates' extent meets the
 * view's: it must keep every country that shows in the view, as projecting them all would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/scenes/geo';
import { ROOT } from '../helpers';

const topo = JSON.parse(readFileSync(join(ROOT, 'node_modules/world-atlas/countries-50m.json'), 'utf8')) as Topology<{
  countries: GeometryCollection<{ name: string }>;
}>;

describe('buildAtlas', () => {
  it('keeps every country that shows in the view, as projecting all 241 would, and no other', () => {
    const atlas = buildAtlas(topo);
    const all = feature(topo, topo.objects.countries) as unknown as FeatureCollection;
    const shown: string[] = [];
    for (const f of all.features) {
      let points = 0;
      const ctx = { beginPath() {}, moveTo: () => points++, lineTo: () => points++, closePath() {}, arc() {} };
      geoPath(atlas.projection, ctx as unknown as CanvasRenderingContext2D)(f);
      if (points > 0) shown.push(String(f.id ?? ''));
    }
    expect(all.features.length).toBe(241);
    expect(atlas.countries.map((c) => c.id).sort()).toEqual(shown.sort());
    // The region's states are there, the far side of the world is not.
    const names = new Set(atlas.countries.map((c) => c.name));
    for (const name of ['Kazakhstan', 'Armenia', 'Kyrgyzstan', 'Russia', 'Belarus', 'Tajikistan', 'Azerbaijan']) {
      expect(names.has(name), name).toBe(true);
    }
    for (const name of ['Brazil', 'Australia', 'Canada', 'Fiji']) expect(names.has(name), name).toBe(false);
  });
});
