import { defineConfig, type Plugin } from 'vite';
import { scenariosPlugin } from './src/build/scenarios-plugin';

/**
 * The built pages' Content-Security-Policy: the site's own scripts only (no inline script, no
 * eval), and nothing fetched from another host. Styles may be inline (the panel sets custom
 * properties in `style`); images may be data: or blob: URLs (Phaser's own textures). Development
 * runs without it, as Vite's dev server injects its own client.
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

function contentSecurityPolicy(): Plugin {
  return {
    name: 'article-four:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// A static site that works from any host, from a subfolder, and offline once loaded.
export default defineConfig({
  base: './',
  plugins: [contentSecurityPolicy(), scenariosPlugin()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // Two pages: the game and the instructor dashboard.
      input: [`${import.meta.dirname}/index.html`, `${import.meta.dirname}/dashboard.html`],
      output: {
        // Phaser and the map code are reached only through dynamic import() in src/main.ts;
        // this keeps Phaser in a chunk of its own whatever imports it.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
