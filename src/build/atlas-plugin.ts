/**
 * The map's atlas, made when the site is built or served (a Vite plugin): Natural Earth's
 * countries (world-atlas, 1:50m) projected for the region by src/scenes/atlas-data.ts, written as
 * JSON to node_modules/.cache/article-four/, and imported by the preload scene as
 * `virtual:article-four/atlas.json?url` (an asset file of the site, fetched with Phaser's loader
 * and precached by the service worker like any other). The browser then projects nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { atlasData } from '../scenes/atlas-data';

export const ATLAS_MODULE = 'virtual:article-four/atlas.json';
const FILE = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'article-four', 'region-atlas.json');

/** The atlas as JSON, from the installed world-atlas. */
export function atlasJson(): string {
  const source = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  return JSON.stringify(atlasData(JSON.parse(readFileSync(source, 'utf8'))));
}

export function atlasPlugin(): Plugin {
  let written = false;
  return {
    name: 'article-four:atlas',
    resolveId(id) {
      const [path, query] = id.split('?');
      if (path !== ATLAS_MODULE) return null;
      if (!written) {
        const json = atlasJson();
        mkdirSync(dirname(FILE), { recursive: true });
        let old = '';
        try {
          old = readFileSync(FILE, 'utf8');
        } catch {
          // Not made yet.
        }
        // Rewritten only when it changed, so a dev server does not reload for nothing.
        if (old !== json) writeFileSync(FILE, json);
        written = true;
      }
      return query ? `${FILE}?${query}` : FILE;
    },
  };
}
