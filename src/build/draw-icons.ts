/**
 * Draws the app's icons (the web app manifest's images) into `assets/icons/`: the favicon's look
 * (a dark rounded square, an amber "4" in Inter ExtraBold) as `icon.svg`, rasterised with headless
 * Chromium to PNG at 192 and 512 pixels, and a maskable 512 (full-bleed square; the "4" sits well
 * inside the central 80% circle a launcher may crop to). The PNGs are committed; run this again
 * after changing the look: `npx tsx src/build/draw-icons.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'assets', 'icons');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The same colours as the favicon in index.html (palette's dark background and accent). */
const BACKGROUND = '#0e151c';
const ACCENT = '#e3a93b';

/** The icon as SVG on a 64-unit grid; `maskable` fills the whole square (no rounded corners). */
export function iconSvg(maskable: boolean): string {
  const rx = maskable ? 0 : 12;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
    '<title>Article Four</title>',
    `<rect width="64" height="64" rx="${rx}" fill="${BACKGROUND}"/>`,
    `<text x="32" y="47" font-family="Inter,system-ui,sans-serif" font-size="44" font-weight="800" text-anchor="middle" fill="${ACCENT}">4</text>`,
    '</svg>',
  ].join('');
}

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
] as const;

async function main(): Promise<void> {
  // Inter ExtraBold from @fontsource, so the "4" is drawn in the game's face on any machine.
  const font = readFileSync(
    join(ROOT, 'node_modules', '@fontsource', 'inter', 'files', 'inter-latin-800-normal.woff2'),
  );
  const fontFace = `@font-face{font-family:Inter;font-weight:800;src:url(data:font/woff2;base64,${font.toString('base64')}) format('woff2')}`;
  writeFileSync(join(OUT, 'icon.svg'), `${iconSvg(false)}\n`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      await page.setContent(
        `<!doctype html><style>${fontFace}html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style>${iconSvg(icon.maskable)}`,
      );
      await page.evaluate(() => document.fonts.load('800 44px Inter').then(() => document.fonts.ready));
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      writeFileSync(join(OUT, icon.file), png);
      process.stdout.write(`assets/icons/${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes\n`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === import.meta.filename) await main();
