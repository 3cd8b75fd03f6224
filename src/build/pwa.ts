/**
 * The installable, offline site: the web app manifest, its icons (drawn into `assets/icons/` by
 * draw-icons.ts) and a Workbox service worker that precaches every page and everything they load
 * (scripts, styles, WOFF2 fonts, the cases, the map data), through vite-plugin-pwa. The player is
 * asked before a new version takes over (`registerType: 'prompt'`, src/ui/pwa-update.ts). Only
 * the default production build has it; every other build gets `virtual:pwa-register` as a stub
 * that registers nothing (`noServiceWorker`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The dark ground of the favicon and the icons, for the splash screen and the title bar. */
const BACKGROUND = '#0e151c';

/** The PNG icons in `assets/icons/`, written into the site as `icons/NAME.png`. */
function manifestIcons(dir: string): Plugin {
  return {
    name: 'article-four:manifest-icons',
    apply: 'build',
    generateBundle() {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
        this.emitFile({ type: 'asset', fileName: `icons/${file}`, source: readFileSync(join(dir, file)) });
      }
    },
  };
}

export function installableSite(root: string): PluginOption[] {
  return [
    manifestIcons(join(root, 'assets', 'icons')),
    VitePWA({
      registerType: 'prompt',
      // Registered by src/ui/pwa-update.ts through `virtual:pwa-register`: no inline script.
      injectRegister: false,
      // The icons are emitted by manifestIcons (not in public/) and precached by the globs below.
      includeManifestIcons: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: './',
        name: 'Article Four',
        short_name: 'Article Four',
        description:
          'An educational scenario game about how the CSTO decides whether, and how, to help a member in crisis.',
        lang: 'en',
        // Relative, so the site installs from whatever folder it is served from.
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: BACKGROUND,
        theme_color: BACKGROUND,
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every page (the game, the dashboard, the Author page with its editor chunk and its
        // engine worker) and all they load. WOFF fonts are left out: every browser with service
        // workers reads the WOFF2 each @font-face lists first.
        globPatterns: ['**/*.{html,js,css,woff2,json,png}'],
        // Phaser's chunk is 1.4 MB; the default limit is 2 MiB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // `index.html?seed=7` and `dashboard.html?x` are the precached pages; an unknown address
        // is not answered with the game.
        ignoreURLParametersMatching: [/./],
        navigateFallback: null,
        sourcemap: false,
        // Workbox's production runtime (no logging) even when NODE_ENV says otherwise (Vitest's 'test').
        mode: 'production',
      },
    }),
  ];
}

/** Every other build (dev, `--mode single`, `--mode scorm`): `registerSW` does nothing. */
export function noServiceWorker(): Plugin {
  const id = 'virtual:pwa-register';
  return {
    name: 'article-four:no-service-worker',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}` ? 'export function registerSW() {\n  return async () => {};\n}\n' : undefined,
  };
}
