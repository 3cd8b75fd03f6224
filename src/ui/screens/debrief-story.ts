/**
 * Each decision's whole story on the debrief, collapsed one click away: your decision beside what
 * really happened, with quotes (the original and its English translation), contested notes and sources.
 */
import type { DebriefDecision } from '../../engine/index';
import { formatDate, h } from '../dom';
import { renderText } from '../markup';
import { claimLabels, sourceList } from './common';
import { phaseLabel } from './play';

type Quote = NonNullable<DebriefDecision['history']>['quotes'][number];

export const storyId = (turn: number) => `decision-${turn}-story`;

/**
 * The language of a quote's original words, when it is obvious: Cyrillic words whose speaker line
 * says they were given in Russian. Otherwise none (the page's language is not claimed for them).
 */
export function quoteLang(q: Pick<Quote, 'text' | 'speaker'>): string | null {
  return /\p{Script=Cyrillic}/u.test(q.text) && /\bin Russian\b/i.test(q.speaker) ? 'ru' : null;
}

/** A quotation: the original words, and an English translation beside them when there is one. */
export function quoteBlock(q: Quote): HTMLElement {
  const lang = q.translation ? quoteLang(q) : null;
  return h(
    'blockquote',
    { class: q.translation ? 'quote quote-translated' : 'quote' },
    q.translation ? h('span', { class: 'quote-label' }, 'Original') : null,
    h('p', { class: 'quote-original', lang }, `“${q.text}”`),
    q.translation
      ? h(
          'p',
          { class: 'quote-translation' },
          h('span', { class: 'quote-label' }, 'English translation'),
          ' ',
          h('span', null, `“${q.translation}”`),
        )
      : null,
    h('footer', null, `— ${q.speaker}${q.date ? `, ${formatDate(q.date)}` : ''}, in `, h('cite', null, q.source.title)),
  );
}

export function matchWord(d: DebriefDecision): HTMLElement {
  if (!d.history?.choice) return h('span', { class: 'match match-none' }, '— No counterpart');
  return d.matched
    ? h('span', { class: 'match match-yes' }, '✓ Matched')
    : h('span', { class: 'match match-no' }, '≠ Differed');
}

/** One decision's whole story, collapsed: your decision and what really happened, with sources. */
function decisionStory(d: DebriefDecision, fictional: boolean): HTMLElement {
  const hist = d.history;
  return h(
    'li',
    { class: 'decision', 'data-turn': String(d.turn), 'data-sources': String(hist?.sources.length ?? 0) },
    h(
      'details',
      { id: storyId(d.turn) },
      h(
        'summary',
        null,
        h('span', { class: 'story-num' }, `${d.turn}.`),
        h('span', { class: 'story-title' }, d.title),
        h('span', { class: 'sr-only' }, ': the whole story'),
      ),
      h(
        'div',
        { class: 'story' },
        h(
          'p',
          { class: 'meta' },
          `Decision ${d.turn} · ${phaseLabel(d.phase)} · `,
          h('time', { datetime: d.date }, formatDate(d.date)),
          ' ',
          d.counterfactual ? h('span', { class: 'tag tag-invented' }, 'Invented moment') : null,
          ' ',
          fictional ? null : matchWord(d),
        ),
        h(
          'div',
          { class: 'compare' },
          h(
            'div',
            { class: 'yours' },
            h('h3', { class: 'story-h' }, 'Your decision'),
            h('p', null, h('strong', null, d.yours.label)),
            d.yours.outcomeText
              ? h(
                  'p',
                  { class: 'muted', 'data-outcome': 'text' },
                  'What came of it: ',
                  d.yours.outcomeLabel && !d.yours.outcomeText.startsWith(d.yours.outcomeLabel.replace(/…$/, ''))
                    ? [h('strong', null, d.yours.outcomeLabel), '. ']
                    : null,
                  d.yours.outcomeText,
                )
              : null,
            claimLabels(d.yours.labels),
            d.yours.rationale ? h('p', null, h('span', { class: 'muted' }, 'Why: '), d.yours.rationale) : null,
            d.yours.votes?.length
              ? h(
                  'p',
                  { class: 'muted class-votes' },
                  `Class vote: ${d.yours.votes.map((v) => `${v.count} for “${v.label}”`).join(', ')}`,
                )
              : null,
          ),
          fictional && !hist
            ? null
            : h(
                'div',
                { class: 'history' },
                h('h3', { class: 'story-h story-h-history' }, 'What really happened'),
                hist
                  ? [
                      hist.choice ? h('p', null, h('strong', null, hist.choice.label)) : null,
                      h('div', null, renderText(hist.text)),
                      hist.contested
                        ? h(
                            'p',
                            { class: 'contested' },
                            `⚠ Contested: ${hist.contestedNote ?? 'the sources disagree on this point.'}`,
                          )
                        : null,
                      claimLabels(hist.labels),
                      ...hist.quotes.map(quoteBlock),
                      sourceList(hist.sources, `Sources for decision ${d.turn}`),
                    ]
                  : h(
                      'p',
                      { class: 'muted' },
                      'This moment has no historical counterpart: it belongs to an invented path.',
                    ),
              ),
        ),
      ),
    ),
  );
}

/** The stories as a list, and a button that opens or closes them all (kept in step with the list). */
export function storyList(
  decisions: DebriefDecision[],
  fictional = false,
): { stories: HTMLElement; toggle: HTMLElement } {
  const stories = h(
    'ol',
    { class: 'decisions', id: 'debrief-stories' },
    ...decisions.map((d) => decisionStory(d, fictional)),
  );
  const toggle = h(
    'button',
    { type: 'button', class: 'btn btn-small', 'aria-controls': 'debrief-stories', 'data-action': 'whole-story' },
    'Show the whole story',
  );
  const allDetails = () => [...stories.querySelectorAll<HTMLDetailsElement>(':scope > li > details')];
  const syncToggle = () => {
    const allOpen = allDetails().every((x) => x.open);
    toggle.textContent = allOpen ? 'Hide the whole story' : 'Show the whole story';
    toggle.setAttribute('aria-expanded', String(allOpen));
  };
  toggle.addEventListener('click', () => {
    const open = !allDetails().every((x) => x.open);
    for (const x of allDetails()) x.open = open;
    syncToggle();
  });
  stories.addEventListener('toggle', syncToggle, true);
  syncToggle();
  return { stories, toggle };
}
