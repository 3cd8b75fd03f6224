/**
 * `npm run build:single` (`vite build --mode single`): the game as one HTML file that runs opened
 * from disk, with no server (e-mail, a USB stick, an LMS's file area). vite-plugin-singlefile
 * inlines the one script bundle (every case, the map code and Phaser: code splitting is off) and
 * the stylesheet; fonts and the map data become data: URLs. Then this module inlines
 * public/boot-check.js (its message for a browser that cannot run the game), and writes the
 * policy: scripts only with the SHA-256 of the two inline scripts, fonts and the map as data:,
 * nothing fetched from anywhere.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, PluginOption, Rollup } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

export const SINGLE_FILE_NAME = 'article-four.html';

/** Stands for the inline scripts' hashes in the policy until they are known (see `hashScripts`). */
export const SCRIPT_HASHES = "'sha256-INLINE-SCRIPTS'";

/**
 * The single file's Content-Security-Policy. Like the site's (vite.config.ts), but every script
 * is inline and named by its hash, and the only things loaded are data: and blob: URLs: fonts and
 * images, and the map's TopoJSON, which Phaser's loader reads with XHR (hence `connect-src data:`).
 */
export const SINGLE_FILE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${SCRIPT_HASHES}`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'connect-src data:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** base64 SHA-256 of a script's text as the browser hashes it (the characters between the tags). */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The text of every inline `<script>` of a page. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\ssrc=/i.test(m[0].slice(0, m[0].indexOf('>'))))
    .map((m) => m[1] ?? '');
}

/** Inlines boot-check.js, then puts the hashes of all inline scripts into the policy. */
function hashScripts(publicDir: string): Plugin {
  return {
    name: 'article-four:single-file-policy',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle[SINGLE_FILE_NAME] as Rollup.OutputAsset | undefined;
        if (!page) {
          this.error(`the single-file build wrote no ${SINGLE_FILE_NAME}`);
          return;
        }
        const files = Object.keys(bundle).filter((f) => f !== SINGLE_FILE_NAME);
        if (files.length > 0) this.error(`the single-file build left files beside the page: ${files.join(', ')}`);
        const boot = readFileSync(join(publicDir, 'boot-check.js'), 'utf8').replace(/<(\/script|!--)/gi, '\\x3C$1');
        let html = String(page.source);
        const bootTag = /<script (?:defer )?src="[^"]*boot-check\.js"><\/script>/;
        if (!bootTag.test(html)) this.error('index.html no longer loads boot-check.js');
        html = html.replace(bootTag, () => `<script>${boot.trim()}</script>`);
        const scripts = inlineScripts(html);
        // The HTML parser turns CR and CRLF into LF before the browser hashes a script.
        if (scripts.some((s) => s.includes('\r'))) this.error('an inline script holds a carriage return');
        const hashes = scripts.map(scriptHash);
        const placeholder = /(&#39;|')sha256-INLINE-SCRIPTS(&#39;|')/;
        if (!placeholder.test(html)) this.error('the page has no Content-Security-Policy to complete');
        html = html.replace(placeholder, (_m, quote: string) => hashes.map((h) => h.replaceAll("'", quote)).join(' '));
        if (/<script\b[^>]*\ssrc=|<link\b[^>]*\shref="(?!data:)/i.test(html)) {
          this.error('the single file still refers to a file beside it');
        }
        page.source = html;
      },
    },
  };
}

export function singleFile(root: string): PluginOption[] {
  return [
    viteSingleFile({ outputFileName: SINGLE_FILE_NAME, removeViteModuleLoader: true }),
    hashScripts(join(root, 'public')),
  ];
}
