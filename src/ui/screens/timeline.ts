/**
 * The alliance timeline (scenarios/timeline/alliance.yaml): the dated, cited moments from the 1992
 * treaty to 2024, the three cases among them, and Article 4 as it stood at each date. Also the
 * briefing's short "treaty's test at this date" block. Opened from a briefing, the timeline stops
 * at the case's start, so that it does not tell what the alliance decided (the player can ask to
 * see everything).
 */

import timeline from 'virtual:article-four/timeline';
import type { Source } from '../../engine/schema';
import type { Article4Version, Timeline, TimelineEntry } from '../../engine/timeline';
import { article4At, compareDates, sourcesOf } from '../../engine/timeline-lookup';
import { formatDate, h } from '../dom';
import { renderText } from '../markup';
import { heading, type ScreenResult, sourceLine } from './common';

/** The bundled timeline, loaded and checked when the site is built (src/build/scenarios-plugin.ts). */
export function bundledTimeline(): Timeline {
  return timeline;
}

const KIND_LABEL: Record<TimelineEntry['kind'], string> = {
  treaty: 'Treaty',
  membership: 'Members',
  forces: 'Forces',
  amendment: 'Amendment',
  case: 'Case',
};

const LANGUAGE_NAME: Record<string, string> = { ru: 'Russian', en: 'English' };

function sourcesBlock(sources: Source[], label: string, visible?: string): HTMLElement | null {
  if (sources.length === 0) return null;
  return h(
    'div',
    { class: 'tl-sources' },
    h('span', { class: 'tl-sources-label' }, visible ?? (sources.length === 1 ? 'Source' : 'Sources')),
    h('ul', { 'aria-label': label }, ...sources.map((s) => h('li', null, ...sourceLine(s)))),
  );
}

/** When a wording applied, in words: "In force from 20 April 1994 to 18 December 2012". */
export function inForceText(v: Pick<Article4Version, 'in_force' | 'until'>): string {
  if (!v.until) return `In force from ${formatDate(v.in_force)}; still in force.`;
  const last = new Date(`${v.until}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `In force from ${formatDate(v.in_force)} to ${formatDate(last.toISOString().slice(0, 10))}.`;
}

/** The words of a wording: the original, its English translation, and who translated it. */
function wordingBlock(t: Timeline, v: Article4Version): HTMLElement {
  const [source] = sourcesOf(t, [v.source]);
  const [translationSource] = v.translation_source ? sourcesOf(t, [v.translation_source]) : [];
  const lang = v.language === 'en' ? null : v.language;
  const paras = v.text.split(/\n+/).filter((p) => p.trim() !== '');
  if (v.paraphrase) {
    return h(
      'div',
      { class: 'tl-wording tl-paraphrase' },
      h('p', { class: 'tl-wording-label' }, 'In other words (a paraphrase, not the treaty’s wording)'),
      ...paras.map((p) => h('p', { lang }, p)),
    );
  }
  return h(
    'div',
    { class: 'tl-wording' },
    h(
      'blockquote',
      { class: 'tl-quote', lang },
      v.translation
        ? h('p', { class: 'tl-wording-label', lang: 'en' }, `Original (${LANGUAGE_NAME[v.language] ?? v.language})`)
        : null,
      ...paras.map((p, i) => h('p', null, `${i === 0 ? '“' : ''}${p}${i === paras.length - 1 ? '”' : ''}`)),
      source ? h('footer', { lang: 'en' }, '— ', h('cite', null, source.title)) : null,
    ),
    v.translation
      ? h(
          'blockquote',
          { class: 'tl-quote tl-translation' },
          h('p', { class: 'tl-wording-label' }, 'English translation'),
          h('p', null, `“${v.translation}”`),
          h(
            'footer',
            null,
            `— ${v.translation_note ?? 'Translation'}`,
            translationSource ? [' (', h('cite', null, translationSource.title), ')'] : null,
          ),
        )
      : null,
  );
}

function versionItem(t: Timeline, v: Article4Version, current: boolean): HTMLElement {
  return h(
    'li',
    { class: `tl-version${current ? ' is-current' : ''}`, 'data-version': v.id },
    h('h3', null, v.title),
    h(
      'p',
      { class: 'tl-in-force' },
      current ? h('strong', { class: 'tl-flag' }, 'The wording at this case’s start. ') : null,
      inForceText(v),
    ),
    h('p', { class: 'tl-test' }, h('strong', null, 'The test: '), v.test),
    wordingBlock(t, v),
    v.note ? h('p', { class: 'tl-note' }, v.note) : null,
    sourcesBlock(sourcesOf(t, v.sources), `Sources for the dates of ${v.title}`, 'Sources for the dates in force'),
  );
}

function entryItem(
  t: Timeline,
  e: TimelineEntry,
  i: number,
  p: Pick<TimelineProps, 'caseTitle' | 'onCase' | 'caseId'>,
): HTMLElement {
  const isCase = e.kind === 'case';
  const title = e.scenario ? p.caseTitle(e.scenario) : undefined;
  const titleId = `tl-entry-${i}`;
  return h(
    'li',
    {
      class: `tl-entry tl-kind-${e.kind}${isCase ? ' is-case' : ''}${e.scenario && e.scenario === p.caseId ? ' is-this-case' : ''}`,
      'data-kind': e.kind,
      'data-date': e.date,
      'aria-labelledby': titleId,
    },
    h(
      'p',
      { class: 'tl-meta' },
      h('time', { datetime: e.date }, formatDate(e.date)),
      h('span', { class: 'tl-kind' }, isCase ? '★ Case' : KIND_LABEL[e.kind]),
      e.contested ? h('span', { class: 'tl-kind tl-contested-tag' }, '⚠ Contested') : null,
    ),
    h('h3', { id: titleId }, e.title),
    h('div', { class: 'tl-text' }, renderText(e.text)),
    e.contested ? h('p', { class: 'contested' }, `⚠ Contested: ${e.contested_note ?? 'the sources disagree.'}`) : null,
    e.scenario && title && p.onCase
      ? h(
          'p',
          { class: 'tl-case-link' },
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-small',
              'data-action': 'open-case',
              'data-case': e.scenario,
              'data-focus-id': `case-${e.scenario}-${i}`,
              onclick: () => p.onCase?.(e.scenario as string),
            },
            `Play the case: ${title}`,
          ),
        )
      : null,
    sourcesBlock(sourcesOf(t, e.sources), `Sources for ${e.title}`),
  );
}

export interface TimelineProps {
  data: Timeline;
  /** Opened from a briefing: show only what came before this date, and the wording in force then. */
  asOf?: string;
  /** The case the player came from (its entries are marked). */
  caseId?: string;
  /** The title of a loaded case, or undefined when it is not installed. */
  caseTitle(id: string): string | undefined;
  /** Opens a case's seats. */
  onCase?(id: string): void;
  /** Shows the whole timeline after all (it gives away what happened in the cases). */
  onShowAll?(): void;
  onBack(): void;
  backLabel: string;
}

export function renderTimeline(p: TimelineProps): ScreenResult {
  const title = heading(1, 'The alliance’s story so far');
  title.id = 'timeline-heading';
  const back = h(
    'button',
    { type: 'button', class: 'btn btn-quiet btn-small back', 'data-action': 'back', onclick: p.onBack },
    `← ${p.backLabel}`,
  );
  const t = p.data;
  const asOf = p.asOf;
  const entries = asOf ? t.entries.filter((e) => compareDates(e.date, asOf) < 0) : t.entries;
  const versions = asOf ? t.article4.filter((v) => v.in_force <= asOf) : t.article4;
  const hidden = t.entries.length - entries.length + (t.article4.length - versions.length);
  const current = asOf ? article4At(t, asOf) : undefined;
  const wordingsHeading = h('h2', { class: 'section-heading', id: 'tl-article4', tabindex: -1 }, 'Article 4 over time');
  const root = h(
    'section',
    { class: 'timeline-screen', 'aria-labelledby': 'timeline-heading' },
    back,
    h('span', { class: 'kicker' }, 'The Collective Security Treaty, 1992–2024'),
    title,
    h('p', { class: 'lede' }, t.summary),
    asOf
      ? h(
          'div',
          { class: 'tl-spoiler-note', role: 'note' },
          h(
            'p',
            null,
            `Shown up to ${formatDate(asOf)}, when this case begins, so as not to give away what the alliance decided. `,
            `${hidden} later ${hidden === 1 ? 'item is' : 'items are'} hidden.`,
          ),
          p.onShowAll
            ? h(
                'button',
                { type: 'button', class: 'btn btn-small', 'data-action': 'show-all', onclick: p.onShowAll },
                'Show everything, including what happened',
              )
            : null,
        )
      : null,
    h(
      'p',
      { class: 'tl-jump' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-quiet btn-small',
          'data-action': 'jump-article4',
          onclick: () => {
            wordingsHeading.focus();
            wordingsHeading.scrollIntoView({ block: 'start' });
          },
        },
        'Skip to Article 4 over time ↓',
      ),
    ),
    h('h2', { class: 'section-heading', id: 'tl-entries' }, 'Timeline'),
    h('ol', { class: 'tl-list', 'aria-labelledby': 'tl-entries' }, ...entries.map((e, i) => entryItem(t, e, i, p))),
    wordingsHeading,
    h(
      'p',
      { class: 'tl-intro' },
      'Article 4 is the treaty’s collective-defence clause. Its wording changed between the three cases: which test applied depends on the date.',
    ),
    h(
      'ol',
      { class: 'tl-versions', 'aria-labelledby': 'tl-article4' },
      ...versions.map((v) => versionItem(t, v, v === current)),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: p.onBack }, p.backLabel),
    ),
  );
  return { root, heading: title, layout: 'wide' };
}

/** The briefing's block: Article 4 as it stood at the case's start, and a way to the timeline. */
export function treatyTestBlock(t: Timeline, date: string, onOpen: () => void): HTMLElement {
  const v = article4At(t, date);
  const headingEl = h('h2', { class: 'section-heading', id: 'treaty-test-heading' }, 'The treaty’s test at this date');
  const english = v && !v.paraphrase ? (v.translation ?? (v.language === 'en' ? v.text : undefined)) : undefined;
  const englishSource = v
    ? sourcesOf(t, [v.translation ? (v.translation_source ?? v.source) : v.source])[0]
    : undefined;
  return h(
    'section',
    { class: 'treaty-test', 'aria-labelledby': 'treaty-test-heading', 'data-version': v?.id ?? 'none' },
    headingEl,
    v
      ? [
          h('p', null, h('strong', null, `Article 4 on ${formatDate(date)} — ${v.title}. `), inForceText(v)),
          h('p', null, v.test),
          english
            ? h(
                'blockquote',
                { class: 'tl-quote' },
                h('p', null, `“${english.split(/\n+/).join(' ')}”`),
                h(
                  'footer',
                  null,
                  v.translation ? `— ${v.translation_note ?? 'English translation'}` : '— ',
                  englishSource
                    ? [v.translation ? ' (' : '', h('cite', null, englishSource.title), v.translation ? ')' : '']
                    : null,
                ),
              )
            : null,
        ]
      : h('p', null, `On ${formatDate(date)} the treaty was not yet in force.`),
    h(
      'p',
      null,
      h(
        'button',
        { type: 'button', class: 'btn btn-small', 'data-action': 'timeline', onclick: onOpen },
        'The alliance’s story so far: timeline and Article 4 over time',
      ),
    ),
  );
}
