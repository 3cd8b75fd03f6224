/** Each lint rule: a fixture that trips it and the clean fixture that passes it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINT_RULES, type LintCode, loadScenario } from '../../src/engine';
import { fixture } from '../helpers';

const MINI = readFileSync(fixture('mini.yaml'), 'utf8');

function findings(text: string, lint: true | { maxStates: number } = true) {
  const r = loadScenario(text, 'lint.yaml', { lint });
  return [...(r.ok ? [] : r.errors), ...r.warnings];
}

function edit(from: string, to: string): string {
  if (!MINI.includes(from)) throw new Error(`fixture lacks: ${from}`);
  return MINI.replace(from, to);
}

const failing: Record<LintCode, string> = {
  'unreachable-step': edit(
    '  - id: wait\n',
    '  - id: orphan\n    phase: aftermath\n    date: 2020-01-30\n    title: Orphan\n    text: Nobody comes here.\n    next: stalemate\n  - id: wait\n',
  ),
  'unreached-ending': edit(
    '  - { id: collapse,',
    '  - { id: never, title: Never, tone: bad, text: Unreached. }\n  - { id: collapse,',
  ),
  // A walk allowed three states stops before it has seen every state.
  'lint-partial': MINI,
  'run-unended': edit(
    '    text: Nothing is sent.\n    next: stalemate\n',
    '    text: Nothing is sent.\n    next: wait\n',
  ),
  'dead-end': edit(
    '      - id: ask_no\n        label: Cope alone\n',
    '      - id: ask_no\n        label: Cope alone\n        when: { flag: asked }\n',
  )
    .replace('history: { choice: ask_yes,', 'history: { choice: ask_no,')
    .replace(
      '      - id: ask_yes\n        label: Ask the alliance\n',
      '      - id: ask_yes\n        label: Ask the alliance\n        when: { flag: asked }\n',
    ),
  'meter-unchanged': edit(
    '  - { id: harm,',
    '  - { id: morale, label: Morale, description: Unused., start: 5 }\n  - { id: harm,',
  ).replace('objectives: { credibility: 0.5 }', 'objectives: { credibility: 0.5, morale: 1 }'),
  'meter-unread': edit(
    '  - { id: harm,',
    '  - { id: morale, label: Morale, description: Changed but never read., start: 5 }\n  - { id: harm,',
  ).replace(
    'effects: [{ meter: harm, delta: 20,',
    'effects: [{ meter: morale, delta: 1, reason: Pride. }, { meter: harm, delta: 20,',
  ),
  'source-uncited': edit(
    '  - { id: src-b, title: Source B, publisher: Test Press }\n',
    '  - { id: src-b, title: Source B, publisher: Test Press }\n  - { id: src-z, title: Uncited, publisher: Nobody }\n',
  ),
  'flag-unused': edit('flags:\n', 'flags:\n  - { id: spare, description: Never used. }\n'),
  'identical-choices': edit(
    '      - id: ask_no\n',
    '      - id: ask_again\n        label: Ask again\n        set: [asked]\n        effects: [{ meter: credibility, delta: 5, reason: A member trusts the alliance. }]\n        next: request\n      - id: ask_no\n',
  ),
  'text-too-long': edit('    text: Protests spread.', `    text: ${'Protests spread. '.repeat(60)}`),
  'similar-ids': edit('  - id: wait\n', '  - id: waits\n')
    .replace('blocked: wait', 'blocked: waits')
    .replace('to: wait }', 'to: waits }')
    .replace(
      '  - id: alone\n',
      '  - id: aloner\n    phase: aftermath\n    date: 2020-01-21\n    title: Alone again\n    text: Still alone.\n    next: stalemate\n  - id: alone\n',
    )
    .replace('next: alone\n', 'next: [{ when: { flag: asked }, to: aloner }, { to: alone }]\n'),
  'dominated-choice': edit(
    '{ meter: credibility, delta: 8, reason: Members are spared a divisive call. }',
    '{ meter: credibility, delta: 2, reason: Members are spared a divisive call. }, { meter: harm, delta: 5, reason: Worse still. }',
  ).replace('{ meter: harm, delta: 20, reason: Police alone', '{ meter: harm, delta: 20, reason: Police alone'),
  'length-over-budget': edit('roles:\n', 'lengths:\n  - { id: class, label: Class lesson }\nroles:\n'),
  'quote-in-counterfactual': edit(
    '        label: It is an internal affair\n',
    '        label: It is an internal affair\n        detail: \'The chair says "we will not send a single soldier".\'\n',
  ),
  'history-missing': edit('    history: { choice: ask_yes, text: The host asked., sources: [src-a] }\n', ''),
  'historical-ending-missing': edit('text: The alliance acted., historical: true,', 'text: The alliance acted.,'),
  'option-unlabelled': edit('        label: Cope alone\n        counterfactual: true\n', '        label: Cope alone\n'),
  'history-in-fictional': edit('format: 1\n', 'format: 1\nfictional: true\n'),
  'source-local-host': edit(
    '{ id: src-b, title: Source B, publisher: Test Press }',
    '{ id: src-b, title: Source B, publisher: Test Press, url: "http://192.168.1.1/b" }',
  ),
  'source-host-mismatch': edit(
    '{ id: src-b, title: Source B, publisher: Test Press }',
    '{ id: src-b, title: Source B, publisher: Test Press, url: "https://www.example.org/b" }',
  ),
};

describe('lint rules', () => {
  it('a quotation needs four words to count, and a link may name its site in the publisher', async () => {
    const { hostMatchesPublisher, inventedQuote } = await import('../../src/engine/lint');
    expect(inventedQuote('They call it a "border incident".')).toBeNull();
    expect(inventedQuote('He said «we shall not abandon our ally».')).toBe('“we shall not abandon our ally”');
    expect(hostMatchesPublisher('https://www.rferl.org/a', 'Radio Free Europe/Radio Liberty')).toBe(true);
    expect(hostMatchesPublisher('https://news.am/eng/news/1.html', 'news.am')).toBe(true);
    expect(hostMatchesPublisher('https://www.brecorder.com/x', 'Business Recorder')).toBe(true);
    expect(hostMatchesPublisher('https://en.kremlin.ru/events/1', 'President of Russia')).toBe(false);
    expect(hostMatchesPublisher('https://en.kremlin.ru/events/1', 'President of Russia (kremlin.ru)')).toBe(true);
    expect(hostMatchesPublisher('https://www.pravda.com.ua/eng/news/1', 'Trend')).toBe(false);
  });

  it('the clean fixture passes every rule', () => {
    expect(findings(MINI)).toEqual([]);
  });

  it('every rule has a failing fixture', () => {
    expect(Object.keys(failing).sort()).toEqual(Object.keys(LINT_RULES).sort());
  });

  it.each(Object.entries(failing))('%s: the failing fixture trips it, with a position', (code, text) => {
    const list = findings(text, code === 'lint-partial' ? { maxStates: 3 } : true);
    const hits = list.filter((d) => d.code === code);
    expect(hits.length, JSON.stringify(list, null, 1)).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.line).toBeGreaterThan(1);
      expect(h.message).toContain(`[${code}]`);
    }
  });
});
