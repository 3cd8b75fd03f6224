import { defineConfig } from 'vite';

// A static site that works from any host, from a subfolder, and offline once loaded.
export default defineConfig({
  base: './',
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
