/**
 * Format gaps instructors hit (issue 16): private author notes that never reach a player, outcomes
 * named by their label or text (never their id), fictional cases compared with no history, the
 * history lint rules of a historical case, and the map setting (no shading, invented regions).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildResult, resultsToCsv, serializeResult } from '../../src/classroom';
import { debriefLines } from '../../src/cli/render-text';
import { Game, historySummary, loadScenario, outcomeLabel, randomPlaythrough, type Scenario } from '../../src/engine';
import { legalMoves } from '../../src/engine/moves';
import { caseMap, circleRing, mapShading, memberPoints, runMap } from '../../src/ui/map-model';
import { bundledScenarioFiles, CLASS_RESULT_OPTIONS, fixture, loadOrThrow } from '../helpers';

const MINI = readFileSync(fixture('mini.yaml'), 'utf8');
const SECRET = 'PRIVATE-REMINDER';

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture lacks: ${from}`);
  return text.replace(from, to);
}

function load(text: string, lint = false): Scenario {
  const r = loadScenario(text, 'gap.yaml', lint ? { lint: { seeds: [1], runs: 20 } } : {});
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.scenario;
}

/** The mini case with an author's note on every kind of object that takes one. */
const NOTED = [
  ['title: A small test crisis\n', `title: A small test crisis\nauthor_note: ${SECRET} top\n`],
  [
    '{ id: src-a, title: Source A, publisher: Test Press, date: 2020-01 }',
    `{ id: src-a, title: Source A, publisher: Test Press, date: 2020-01, note: Shown to students., author_note: ${SECRET} check this headline before class }`,
  ],
  ['{ id: red, name: Redland, kind: member,', `{ id: red, name: Redland, kind: member, author_note: ${SECRET} actor,`],
  ['    start: request\n', `    start: request\n    author_note: ${SECRET} role\n`],
  ['    text: Protests spread.\n', `    text: Protests spread.\n    author_note: ${SECRET} step\n`],
  ['        label: Ask the alliance\n', `        label: Ask the alliance\n        author_note: ${SECRET} choice\n`],
  ['            weight: 3\n', `            weight: 3\n            author_note: ${SECRET} outcome\n`],
  ['        chance: 0.5\n', `        chance: 0.5\n        author_note: ${SECRET} event\n`],
  [
    'text: The alliance acted., historical: true,',
    `text: The alliance acted., historical: true, author_note: ${SECRET} ending,`,
  ],
].reduce((text, [from, to]) => edit(text, from as string, to as string), MINI);

/** Plays every legal path's first option each time, collecting the view at every screen. */
function playCollecting(s: Scenario, role: string, pick: (n: number) => number): { game: Game; views: string[] } {
  const game = Game.start(s, { role, seed: 3 });
  const views: string[] = [JSON.stringify(game.view())];
  for (let i = 0; i < 50 && !game.ended; i++) {
    const step = s.steps.find((x) => x.id === game.currentStep());
    const moves = legalMoves(step, game.state(), s);
    const move = moves[pick(moves.length) % moves.length];
    if (!move) break;
    game.send(move);
    views.push(JSON.stringify(game.view()));
  }
  return { game, views };
}

describe('author notes are private', () => {
  const s = load(NOTED);

  it('load on every object that takes one, and a source keeps its public note', () => {
    expect(s.sources[0]?.author_note).toContain(SECRET);
    expect(s.sources[0]?.note).toBe('Shown to students.');
    expect(s.steps[0]?.author_note).toContain(SECRET);
    expect(s.endings[0]?.author_note).toContain(SECRET);
  });

  it('never reach a view, the debrief, its text, a result file or the CSV, from any seat and path', () => {
    for (const role of s.roles) {
      for (const first of [0, 1]) {
        let moves = 0;
        // The first move takes option `first`, every later one the first option offered.
        const { game, views } = playCollecting(s, role.id, (n) => (moves++ === 0 ? first : 0) % n);
        const debrief = game.debrief();
        const result = buildResult(game, { ...CLASS_RESULT_OPTIONS, student: 'Ana' });
        const texts = [
          ...views,
          JSON.stringify(debrief),
          debriefLines(debrief, s).join('\n'),
          serializeResult(result),
          resultsToCsv([result], { scenarios: [s] }),
        ];
        for (const t of texts) expect(t).not.toContain(SECRET);
        // The public note still travels with the source.
        if (debrief.decisions.some((d) => d.history?.sources.some((x) => x.id === 'src-a'))) {
          expect(JSON.stringify(debrief)).toContain('Shown to students.');
        }
        game.stop();
      }
    }
  });

  it('do not change the rules hash (saves and replays keep working)', async () => {
    const { rulesHash } = await import('../../src/engine/rules-hash');
    expect(rulesHash(s)).toBe(rulesHash(load(MINI)));
    const labelled = load(
      edit(MINI, '          - id: believed\n', '          - id: believed\n            label: Believed\n'),
    );
    expect(rulesHash(labelled)).toBe(rulesHash(load(MINI)));
  });
});

describe('outcomes are named by label or text, never by id', () => {
  it('uses the label when given, else the first sentence of the text, cut at a word', () => {
    expect(outcomeLabel({ label: 'Bomb in the square', text: 'A bomb goes off. Many hurt.' })).toBe(
      'Bomb in the square',
    );
    expect(outcomeLabel({ text: 'A **bomb** goes off in the square. Many are hurt.' })).toBe(
      'A bomb goes off in the square.',
    );
    const long = outcomeLabel({
      text: `${'The observers report that the raiders came from across the border '.repeat(2)}.`,
    });
    expect(long.length).toBeLessThanOrEqual(81);
    expect(long.endsWith('…')).toBe(true);
  });

  it('the debrief gives the drawn result its label', () => {
    const s = load(
      edit(MINI, '          - id: believed\n', '          - id: believed\n            label: Claim believed\n'),
    );
    for (let seed = 1; seed <= 12; seed++) {
      const g = Game.start(s, { role: 'chair', seed });
      g.send({ type: 'CHOOSE', choice: 'assess_yes' });
      const d = g.debrief().decisions[0];
      expect(d?.yours.outcomeLabel).toBe(
        d?.yours.outcome === 'believed' ? 'Claim believed' : 'Observers doubt the claim.',
      );
      expect(debriefLines(g.debrief(), s).join('\n')).toContain(`Result: ${d?.yours.outcomeLabel}`);
      g.stop();
    }
  });

  it.each(bundledScenarioFiles())('no outcome id of %s appears in the debrief’s text', (file) => {
    const s = loadOrThrow(file);
    // Ids written as words (an id like `calm` is also an English word) are checked where the
    // result is named; ids that no prose holds (with _ or -) anywhere in the text.
    const compound = new Set(
      s.steps.flatMap((st) => st.choices.flatMap((c) => c.outcomes.map((o) => o.id))).filter((id) => /[_-]/.test(id)),
    );
    let drawn = 0;
    for (const role of s.roles) {
      for (let seed = 1; seed <= 6; seed++) {
        const g = randomPlaythrough(s, role.id, seed);
        const d = g.debrief();
        const text = debriefLines(d, s).join('\n');
        for (const id of compound)
          expect(text, `${role.id} seed ${seed}`).not.toMatch(new RegExp(`(?<![\\w-])${id}(?![\\w-])`));
        for (const x of d.decisions) {
          if (!x.yours.outcome) continue;
          drawn++;
          expect(x.yours.outcomeLabel).toBeTruthy();
          expect(x.yours.outcomeLabel).not.toBe(x.yours.outcome);
          expect(text).toContain(`Result: ${x.yours.outcomeLabel?.split(' ').slice(0, 3).join(' ')}`);
        }
        g.stop();
      }
    }
    expect(drawn).toBeGreaterThan(0);
  });
});

describe('a fictional case', () => {
  const FICTIONAL = edit(MINI, 'format: 1\n', 'format: 1\nfictional: true\n');

  it('compares nothing with history: no “0 of 0 matched”, no history, no historical ending', () => {
    const s = load(FICTIONAL);
    const g = randomPlaythrough(s, 'chair', 1);
    const d = g.debrief();
    expect(d.fictional).toBe(true);
    expect(d.decisions.every((x) => x.history === undefined && !x.matched)).toBe(true);
    expect(d.endings.some((e) => e.historical)).toBe(false);
    const summary = historySummary(d);
    expect(summary).not.toMatch(/matched|real decision-makers/);
    expect(summary).toContain('invented');
    expect(debriefLines(d, s).join('\n')).not.toMatch(/History:|closest to history|beside history/);
    g.stop();
  });

  it('a historical case still counts its matches, and says so when none can be compared', () => {
    const g = Game.start(load(MINI), { role: 'chair', seed: 1 });
    g.send({ type: 'CHOOSE', choice: 'assess_yes' });
    expect(historySummary(g.debrief())).toBe('You took 1 decision; 1 of 1 matched what the real decision-makers did.');
    g.stop();
    expect(historySummary({ fictional: false, decisions: [] })).toBe(
      'You took 0 decisions; none of them has a real counterpart to compare with.',
    );
  });

  it('needs no history: the checker asks for none, and warns about history it would never show', () => {
    const noHistory = FICTIONAL.replace(/\n {4}history:[^\n]*(\n {6}[^\n]*)*/g, '').replace(', historical: true', '');
    const r = loadScenario(noHistory, 'fictional.yaml', { lint: { seeds: [1], runs: 20 } });
    expect(r.ok, JSON.stringify(r.ok ? r.warnings : r.errors)).toBe(true);
    expect(r.warnings.filter((w) => /history|historical|option-unlabelled/.test(w.code))).toEqual([]);
    const kept = loadScenario(FICTIONAL, 'fictional.yaml', { lint: { seeds: [1], runs: 20 } });
    expect(kept.warnings.filter((w) => w.code === 'history-in-fictional').length).toBe(4);
  });

  it('the same case, not fictional and without history, is warned on each gap', () => {
    const noHistory = MINI.replace(/\n {4}history:[^\n]*(\n {6}[^\n]*)*/g, '').replace(', historical: true', '');
    const r = loadScenario(noHistory, 'historical.yaml', { lint: { seeds: [1], runs: 20 } });
    const codes = r.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'history-missing')).toHaveLength(3);
    expect(codes).toContain('historical-ending-missing');
    const msg = r.warnings.find((w) => w.code === 'history-missing')?.message;
    expect(msg).toContain('fictional: true');
  });

  it('history.also names options that also happened, and must name choices of the step', () => {
    const also = edit(MINI, 'history: { choice: ask_yes,', 'history: { choice: ask_yes, also: [ask_no],').replace(
      '        label: Cope alone\n        counterfactual: true\n',
      '        label: Cope alone\n',
    );
    const r = loadScenario(also, 'also.yaml', { lint: { seeds: [1], runs: 20 } });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).not.toContain('option-unlabelled');
    const bad = loadScenario(
      edit(MINI, 'history: { choice: ask_yes,', 'history: { choice: ask_yes, also: [ask_maybe],'),
      'bad.yaml',
    );
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.errors[0]?.message).toContain('history.also "ask_maybe" is not a choice of step "ask"');
  });
});

describe('the map setting', () => {
  // Redland sits at the capital: by default the real country around it is shaded.
  const PLACED = edit(
    MINI,
    '{ id: red, name: Redland, kind: member,',
    '{ id: red, name: Redland, kind: member, place: capital,',
  );
  const base = load(PLACED);

  it('by default shades members and outlines the host; `none` shades nothing', () => {
    expect(mapShading(base)).toEqual({ members: true, host: true });
    expect(memberPoints(base).members.length).toBeGreaterThan(0);
    const none = load(edit(PLACED, 'region: Testland\n', 'region: Testland\nmap: none\n'));
    expect(mapShading(none)).toEqual({ members: false, host: false });
    const m = caseMap(none);
    expect([m.members, m.hosts, m.regions]).toEqual([[], [], []]);
    // The places are still drawn, and framed.
    expect(m.places.map((p) => p.id)).toEqual(['capital']);
    expect(m.focus.length).toBeGreaterThan(0);
  });

  it('draws an invented state as a circle around a place, not the real country around it', () => {
    const s = load(
      edit(
        MINI,
        'region: Testland\n',
        'region: Testland\nhost: blue\nmap: { highlight: [{ place: capital, radius_km: 150, label: Karvenia }] }\n',
      ).replace('{ id: blue, name: Blueland, kind: member,', '{ id: blue, name: Blueland, kind: host, place: capital,'),
    );
    const m = runMap(s, undefined, [], false);
    expect(m.hosts).toEqual([]);
    expect(m.regions).toHaveLength(1);
    const r = m.regions[0];
    expect(r?.name).toBe('Karvenia');
    expect(r?.ring).toHaveLength(64);
    expect(m.focus.some((p) => p.id === 'capital')).toBe(true);
    // Every point of the ring is 150 km from the centre (haversine), within a metre.
    const rad = Math.PI / 180;
    for (const p of r?.ring ?? []) {
      const dφ = (p.lat - 43.2) * rad;
      const dλ = (p.lon - 76.9) * rad;
      const a = Math.sin(dφ / 2) ** 2 + Math.cos(43.2 * rad) * Math.cos(p.lat * rad) * Math.sin(dλ / 2) ** 2;
      expect(2 * 6371 * Math.asin(Math.sqrt(a))).toBeCloseTo(150, 0);
    }
    // `shade: false` also leaves the members' real countries unshaded.
    const plain = load(
      edit(
        PLACED,
        'region: Testland\n',
        'region: Testland\nmap: { shade: false, highlight: [{ place: capital, radius_km: 80 }] }\n',
      ),
    );
    expect(memberPoints(plain).members).toEqual([]);
    expect(caseMap(plain).regions[0]?.name).toBe('Capital');
  });

  it('refuses a highlight around an undeclared place', () => {
    const r = loadScenario(
      edit(MINI, 'region: Testland\n', 'region: Testland\nmap: { highlight: [{ place: captial, radius_km: 80 }] }\n'),
      'map.yaml',
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0]?.message).toMatch(/unknown place "captial".*capital/);
  });

  it('a circle ring is closed around its centre', () => {
    const ring = circleRing(0, 0, 111.2);
    expect(Math.max(...ring.map((p) => p.lat))).toBeCloseTo(1, 2);
    expect(Math.min(...ring.map((p) => p.lon))).toBeCloseTo(-1, 2);
  });
});

describe('labels and more citations', () => {
  const LABELLED = edit(
    edit(
      edit(
        MINI,
        '      contested_note: Source B doubts the evidence.\n',
        '      contested_note: Source B doubts the evidence.\n      labels: [inferred]\n',
      ),
      '        label: It meets Article 4\n',
      '        label: It meets Article 4\n        labels: [simplified]\n',
    ),
    '            weight: 1\n',
    '            weight: 1\n            labels: [uncertain, simplified]\n',
  );

  it('reach the result screen and the debrief, once each, with their meaning in the text', () => {
    const s = load(LABELLED);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const g = Game.start(s, { role: 'chair', seed });
      g.send({ type: 'CHOOSE', choice: 'assess_yes' });
      const d = g.debrief().decisions[0];
      const expected = d?.yours.outcome === 'doubted' ? ['simplified', 'uncertain'] : ['simplified'];
      expect(g.view().last?.labels).toEqual(expected);
      expect(d?.yours.labels).toEqual(expected);
      expect(d?.history?.labels).toEqual(['inferred']);
      const text = debriefLines(g.debrief(), s).join('\n');
      expect(text).toContain('[inferred] no source says this outright');
      expect(text).toContain('[simplified] the real events were more complicated');
      seen.add(String(d?.yours.outcome));
      g.stop();
    }
    expect(seen.size).toBe(2);
  });

  it('an unknown label is refused; a choice without labels has none', () => {
    const bad = loadScenario(
      edit(
        MINI,
        '        label: It meets Article 4\n',
        '        label: It meets Article 4\n        labels: [doubtful]\n',
      ),
      'bad.yaml',
    );
    expect(bad.ok).toBe(false);
    const g = Game.start(load(MINI), { role: 'host', seed: 1 });
    g.send({ type: 'CHOOSE', choice: 'ask_yes' });
    expect(g.view().last?.labels).toBeUndefined();
    expect(g.debrief().decisions[0]?.yours.labels).toBeUndefined();
    g.stop();
  });

  it('teacher notes, glossary entries and actors cite declared sources, which then count as cited', () => {
    const cited = edit(
      edit(
        edit(
          MINI,
          '  objectives: [See how the engine plays a scenario.]\n',
          '  objectives: [See how the engine plays a scenario.]\n  sources: [src-c]\n  glossary: [{ term: Consensus, definition: No member objects., sources: [src-d] }]\n',
        ),
        '  - { id: src-b, title: Source B, publisher: Test Press }\n',
        '  - { id: src-b, title: Source B, publisher: Test Press }\n  - { id: src-c, title: Source C, publisher: Test Press }\n  - { id: src-d, title: Source D, publisher: Test Press }\n  - { id: src-e, title: Source E, publisher: Test Press }\n',
      ),
      'stance: Wants to act., interests: Influence.',
      'stance: Wants to act., interests: Influence., sources: [src-e]',
    );
    const r = loadScenario(cited, 'cited.yaml', { lint: { seeds: [1], runs: 20 } });
    expect(r.ok, JSON.stringify(r.ok ? '' : r.errors)).toBe(true);
    expect(r.warnings.map((w) => w.code)).not.toContain('source-uncited');
    const wrong = loadScenario(cited.replace('sources: [src-e]', 'sources: [src-f]'), 'wrong.yaml');
    expect(wrong.ok).toBe(false);
    expect(wrong.ok ? '' : wrong.errors[0]?.message).toMatch(/unknown source "src-f"/);
    const s = load(cited);
    expect(s.teacher.glossary[0]?.sources).toEqual(['src-d']);
  });
});
