/** The teacher guide of a case: its `teacher` block and how to run it with a class. Printable. */
import { lengthsOf } from '../../engine/estimates';
import type { Scenario } from '../../engine/schema';
import { sourcesById } from '../../engine/view';
import { MINUTES_PER_DECISION, WORDS_PER_MINUTE } from '../../engine/words';
import { formatRange, h } from '../dom';
import { heading, inlineSources, type ScreenResult, sourceList } from './common';

export interface TeacherGuideProps {
  scenario: Scenario;
  onBack(): void;
  backLabel: string;
  /** Opens the printable role sheets of the Council teams. */
  onRoleSheets?(): void;
  /** Opens the alliance timeline shared by the cases (screens/timeline.ts). */
  onTimeline?(): void;
}

export function renderTeacherGuide(p: TeacherGuideProps): ScreenResult {
  const s = p.scenario;
  const t = s.teacher;
  const title = heading(1, `Teacher guide: ${s.title}`);
  title.id = 'guide-heading';
  const root = h(
    'section',
    { class: 'teacher-guide', 'aria-labelledby': 'guide-heading' },
    h(
      'button',
      { type: 'button', class: 'btn btn-quiet btn-small back no-print', onclick: p.onBack },
      `← ${p.backLabel}`,
    ),
    h('span', { class: 'kicker' }, `${formatRange(s.dates.start, s.dates.end)} · ${s.region}`),
    title,
    h('p', { class: 'lede' }, s.summary),
    h('h2', { class: 'section-heading' }, 'Learning objectives'),
    h('ul', null, ...t.objectives.map((o) => h('li', null, o))),
    h('h2', { class: 'section-heading' }, 'Timing'),
    h(
      'ul',
      { class: 'length-times' },
      ...lengthsOf(s).map((l) =>
        h(
          'li',
          null,
          h('strong', null, l.label),
          ': ',
          h('span', { 'data-estimate': s.id, 'data-length': l.id }, 'measuring…'),
          l.description ? ` — ${l.description}` : '',
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      `Measured from the words each seat’s paths show (${WORDS_PER_MINUTE} words a minute), plus ${MINUTES_PER_DECISION.solo} minute a decision alone or ${MINUTES_PER_DECISION.class} minutes as a class that discusses and votes. Add time for the briefing and the debrief.`,
    ),
    t.timing ? h('p', null, t.timing) : null,
    h('h2', { class: 'section-heading' }, 'Seats'),
    h('ul', null, ...s.roles.map((r) => h('li', null, h('strong', null, r.title), ` — ${r.summary}`))),
    h('h2', { class: 'section-heading' }, 'Running it with a class'),
    h(
      'ol',
      null,
      h('li', null, 'On the seat screen, tick “Play as a class (projector)” and pick the seat the class will play.'),
      h(
        'li',
        null,
        'Read the briefing aloud. At each decision, let groups discuss; start the countdown if you want one.',
      ),
      h('li', null, 'Count hands for each option and enter the votes with + and − or by typing the number.'),
      h(
        'li',
        null,
        'Write the reasons the class gave in “Why?”. The option with the most votes is taken unless you pick another.',
      ),
      h(
        'li',
        null,
        'For Council votes, split the class into teams, each holding a member state’s seat (“Set up Council teams” on the seat screen), and print their role sheets. At each Council vote every team casts its member’s vote; without teams, count the room’s own vote on the proposal.',
      ),
      h('li', null, 'Reveal the consequences and discuss what moved, and why, before going on.'),
      h(
        'li',
        null,
        'On the debrief, compare the class’s path with history, then “Save results” for the instructor dashboard or “Print report”.',
      ),
    ),
    t.discussion.length > 0 ? h('h2', { class: 'section-heading' }, 'Discussion questions') : null,
    t.discussion.length > 0 ? h('ol', null, ...t.discussion.map((q) => h('li', null, q))) : null,
    t.glossary.length > 0 ? h('h2', { class: 'section-heading' }, 'Glossary') : null,
    t.glossary.length > 0
      ? h(
          'dl',
          { class: 'glossary' },
          ...t.glossary.flatMap((g) => [
            h('dt', null, g.term),
            h('dd', null, g.definition, inlineSources(sourcesById(s, g.sources))),
          ]),
        )
      : null,
    t.sources.length > 0 ? h('h2', { class: 'section-heading' }, 'Further reading') : null,
    sourceList(sourcesById(s, t.sources), 'Sources for the teacher’s notes'),
    h(
      'div',
      { class: 'actions no-print' },
      h(
        'button',
        { type: 'button', class: 'btn', 'data-action': 'print', onclick: () => window.print() },
        'Print guide',
      ),
      p.onRoleSheets
        ? h(
            'button',
            { type: 'button', class: 'btn', 'data-action': 'role-sheets', onclick: p.onRoleSheets },
            'Council role sheets',
          )
        : null,
      p.onTimeline
        ? h(
            'button',
            { type: 'button', class: 'btn', 'data-action': 'timeline', onclick: p.onTimeline },
            'The alliance’s story so far',
          )
        : null,
      h('button', { type: 'button', class: 'btn btn-primary', onclick: p.onBack }, p.backLabel),
    ),
  );
  return { root, heading: title, layout: 'wide' };
}
