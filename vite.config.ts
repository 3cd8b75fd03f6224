import { type ConfigEnv, defineConfig, type Plugin, type UserConfig } from 'vite';
import { atlasPlugin } from './src/build/atlas-plugin';
import { criticalCss } from './src/build/critical-css';
import { installableSite, noServiceWorker } from './src/build/pwa';
import { scenariosPlugin } from './src/build/scenarios-plugin';
import { SINGLE_FILE_CONTENT_SECURITY_POLICY, singleFile } from './src/build/single-file';
import { titleInPage } from './src/build/title-html';

/**
 * The built pages' Content-Security-Policy: the site's own scripts only (no inline script, no
 * eval), and nothing fetched from another host. Styles may be inline (the panel sets custom
 * properties in `style`); images may be data: or blob: URLs (Phaser's own textures). Development
 * runs without it, as Vite's dev server injects its own client. The service worker is registered
 * by the site's own script and is a file of the site. The single file has its own policy
 * (src/build/single-file.ts): its scripts are inline, each allowed by its hash.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy first in <head>, as written (quotes not turned into entities, so that
 * vite-plugin-singlefile's check of the single file's policy can read it).
 */
function contentSecurityPolicy(policy: string): Plugin {
  if (policy.includes('"')) throw new Error('a Content-Security-Policy with a double quote');
  return {
    name: 'article-four:content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const head = /<head\b[^>]*>/;
      if (!head.test(html)) throw new Error('a page without <head>: no place for its Content-Security-Policy');
      return html.replace(head, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
    },
  };
}

const root = import.meta.dirname;

/**
 * Three builds:
 * - `vite build` (mode `production`): a static site in `dist/` that works from any static host or
 *   subfolder, installable, and offline once loaded (a service worker precaches it).
 * - `vite build --mode single`: `dist-single/article-four.html`, the game in one file that runs
 *   opened from disk (src/build/single-file.ts).
 * - any other mode (`--mode scorm`) and `vite` (dev): no service worker.
 */
export default defineConfig((env) => siteConfig(env));

/**
 * The site's config for a command and a mode. `scenarios`: a folder of cases to bundle instead of
 * `scenarios/`, and a file for its checked cases (tests/browser/dev-server.test.ts serves a copy
 * with an error in it, and keeps the real folder's cache as it is).
 */
export function siteConfig({ command, mode }: ConfigEnv, scenarios?: { dir: string; cache: string }): UserConfig {
  const single = mode === 'single';
  const serviceWorker = command === 'build' && mode === 'production';
  return {
    base: './',
    plugins: [
      contentSecurityPolicy(single ? SINGLE_FILE_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY),
      scenariosPlugin(scenarios?.dir, scenarios?.cache),
      atlasPlugin(),
      titleInPage(),
      criticalCss(),
      serviceWorker ? installableSite(root) : noServiceWorker(),
      single ? singleFile(root) : [],
    ],
    build: {
      target: 'es2022',
      outDir: single ? 'dist-single' : 'dist',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1600,
      // The single file reads public/boot-check.js itself, inline.
      copyPublicDir: !single,
      rolldownOptions: {
        // Three pages: the game, the instructor dashboard and the Author page (the single file is
        // the game alone).
        input: single
          ? [`${root}/index.html`]
          : [`${root}/index.html`, `${root}/dashboard.html`, `${root}/author.html`],
        output: {
          // Phaser and the map code are reached only through dynamic import() in src/main.ts;
          // this keeps Phaser in a chunk of its own whatever imports it. What the game needs of the
          // format at run time has one too (the format's constants, ids and claim labels, none of
          // them Zod): it would otherwise share a chunk with the scenario schema and the YAML
          // loader, which only opened files need. Zod and the format's Zod building blocks have a
          // chunk of their own, which only what needs them loads: result files (saving one, the
          // dashboard) and opened files. (The single file turns code splitting off.)
          codeSplitting: {
            groups: [
              { name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ },
              { name: 'format-core', test: /src[\\/]engine[\\/](schema-common|constants)\.ts$/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]engine[\\/](zod|schema-blocks)\.ts$/ },
            ],
          },
        },
      },
    },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
}
