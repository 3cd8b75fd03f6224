/** Sources and credits: what each case cites, and what the game is made with. */
import type { CaseEntry } from '../cases';
import { h } from '../dom';
import { heading, type ScreenResult, sourceList } from './common';

export interface CreditsProps {
  cases: CaseEntry[];
  onBack(): void;
}

export function renderCredits(p: CreditsProps): ScreenResult {
  const title = heading(1, 'Sources and credits');
  title.id = 'credits-heading';
  const perCase = p.cases.flatMap((c) =>
    c.ok ? [h('h3', null, c.scenario.title), sourceList(c.scenario.sources, `Sources for ${c.scenario.title}`)] : [],
  );
  const root = h(
    'section',
    { 'aria-labelledby': 'credits-heading' },
    h('button', { type: 'button', class: 'btn btn-quiet btn-small back', onclick: p.onBack }, '← Back to the title'),
    title,
    h(
      'p',
      { class: 'lede' },
      'Every historical claim in a case names its sources. Moments, options and endings that did not happen are marked “Invented”.',
    ),
    h('h2', { class: 'section-heading' }, 'Sources by case'),
    ...perCase,
    h('h2', { class: 'section-heading' }, 'Made with'),
    h(
      'ul',
      null,
      h(
        'li',
        null,
        'Map data: Natural Earth (public domain), through the world-atlas TopoJSON files; drawn with d3-geo and topojson-client.',
      ),
      h('li', null, 'Typeface: Inter by Rasmus Andersson (SIL Open Font License), from Fontsource.'),
      h('li', null, 'Game framework: Phaser. State machines: XState. Scenario validation: Zod and YAML.'),
    ),
    h(
      'p',
      { class: 'muted' },
      'Article Four is open source under the MIT licence. Nothing in the game is fetched from another site.',
    ),
  );
  return { root, heading: title, layout: 'side' };
}
