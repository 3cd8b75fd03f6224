/**
 * Writes the title screen into index.html when the site is built or served (a Vite plugin), so a
 * player sees it and can use it as soon as the HTML and the CSS are in, before any script has
 * run. It is the game's own title (src/ui/screens/title.ts, run at build time through
 * static-dom.ts) with the bundled cases' names; its menu entries are links to their screens'
 * addresses (`#/cases`), which the app, once loaded, opens. The app then draws its own title in
 * its place (with Continue, when a run is saved). The SCORM package opens where the LMS says, so
 * its page keeps the plain loading note.
 */
import type { Plugin } from 'vite';
import { shortTitle } from '../ui/map-model';
import { renderTitle } from '../ui/screens/title';
import { SCENARIOS_PLUGIN, type ScenariosApi } from './scenarios-plugin';
import { renderToHtml } from './static-dom';

/** The loading note index.html shows until the title replaces it. */
const BOOT_NOTE = /<p class="muted" id="boot-note">[^<]*<\/p>/;
/** The app's element, which names the screen shown. */
const APP = /<div id="app" class="layout-hero">/;

/** The title's HTML, with these cases' names; `pages`: the dashboard and the Author page are beside it. */
export function titleHtml(caseTitles: string[], pages: boolean): string {
  const none = () => {};
  return renderToHtml(
    () =>
      renderTitle({
        cases: caseTitles.map(shortTitle),
        resume: null,
        notice: null,
        onContinue: none,
        onNew: none,
        onSettings: none,
        onCredits: none,
        onTimeline: none,
        onOpenFile: none,
        pages,
        links: true,
      }).root as unknown as { outerHTML: string },
  );
}

export function titleInPage(): Plugin {
  let api: ScenariosApi | null = null;
  let mode = 'production';
  return {
    name: 'article-four:title-html',
    configResolved(config) {
      mode = config.mode;
      api = (config.plugins.find((p) => p.name === SCENARIOS_PLUGIN)?.api as ScenariosApi | undefined) ?? null;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!/(^|\/)index\.html$/.test(ctx.filename) || mode === 'scorm') return html;
        if (!api) throw new Error(`${SCENARIOS_PLUGIN} must come before the title's plugin`);
        if (!BOOT_NOTE.test(html) || !APP.test(html)) throw new Error('index.html has no loading note to replace');
        const title = titleHtml(
          api.index().map((c) => c.title),
          mode !== 'single',
        );
        return html
          .replace(APP, '<div id="app" class="layout-hero" data-screen="title">')
          .replace(BOOT_NOTE, () => title);
      },
    },
  };
}
