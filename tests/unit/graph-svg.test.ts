/**
 * The offline statechart drawing (src/authoring/graph-svg.ts) and `graph --format svg|html`:
 * well-formed XML (libxml2, through xmllint-wasm, and a strict little parser here to read it),
 * one box per step, ending and seat, the historical arrows marked per seat, the current step
 * marked, accessible names, hostile text made safe, and no Node.js import in what the browser's
 * workbench will load.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { scenarioEdges } from '../../src/authoring/diagram';
import { graphSvg } from '../../src/authoring/graph-svg';
import type { Scenario } from '../../src/engine';
import { bundledScenario, bundledScenarioFiles, fixture, loadOrThrow, ROOT, runCli } from '../helpers';

interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (t: string) =>
  t.replace(/&([a-z]+);/g, (m, name: string) => {
    const v = Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined;
    if (v === undefined) throw new Error(`unknown entity ${m}`);
    return v;
  });

/** A strict parser for the subset of XML the drawing uses: elements, double-quoted attributes, text, the five entities. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: new Map(), children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let at = 0;
  while (at < xml.length) {
    token.lastIndex = at;
    const m = token.exec(xml);
    if (!m) throw new Error(`not XML at offset ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
    at = token.lastIndex;
    const top = stack[stack.length - 1] as XmlElement;
    if (m[5] !== undefined) {
      if (m[5].includes('&') && /&(?![a-z]+;)/.test(m[5])) throw new Error('a bare & in text');
      top.text += unescapeXml(m[5]);
      continue;
    }
    const [, close, name, rawAttrs, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (attrs.has(a[1] as string)) throw new Error(`attribute ${a[1]} twice`);
      attrs.set(a[1] as string, unescapeXml(a[2] as string));
    }
    const el: XmlElement = { name, attrs, children: [], text: '' };
    top.children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]?.name}> is not closed`);
  const elements = root.children;
  if (elements.length !== 1 || root.text.trim() !== '') throw new Error('not one root element');
  return elements[0] as XmlElement;
}

function all(el: XmlElement, pred: (e: XmlElement) => boolean): XmlElement[] {
  return el.children.flatMap((c) => [...(pred(c) ? [c] : []), ...all(c, pred)]);
}

const classes = (e: XmlElement) => (e.attrs.get('class') ?? '').split(/\s+/);
const hasClass = (name: string) => (e: XmlElement) => e.name === 'g' && classes(e).includes(name);
const textOf = (e: XmlElement): string => e.text + e.children.map(textOf).join('');

/** libxml2's verdict: no errors parsing the document. */
async function wellFormed(svg: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'graph.svg', contents: svg }], normalization: 'format' });
  return r.errors.map((e) => e.rawMessage);
}

const cases: [string, () => Scenario][] = [
  ...bundledScenarioFiles().map((f): [string, () => Scenario] => [f, () => loadOrThrow(f)]),
  ['tutorial', () => loadOrThrow(fixture('tutorial.yaml'))],
  ['mini', () => loadOrThrow(fixture('mini.yaml'))],
];

describe('graphSvg', () => {
  it('libxml2 refuses what is not well-formed (the check can fail)', async () => {
    expect(await wellFormed('<svg><g></svg>')).not.toEqual([]);
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg>a & b</svg>')).toThrow();
  });

  for (const [name, load] of cases) {
    it(`draws ${name.replace(`${ROOT}/`, '')}: well-formed, one node per step, ending and seat, history marked`, async () => {
      const s = load();
      const svg = graphSvg(s, {});
      expect(await wellFormed(svg)).toEqual([]);
      const doc = parseXml(svg);
      expect(doc.name).toBe('svg');
      expect(doc.attrs.get('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(doc.attrs.get('viewBox')).toMatch(/^0 0 \d+ \d+$/);
      // Accessible: a title and a description name the document.
      const [titleId, descId] = (doc.attrs.get('aria-labelledby') ?? '').split(' ');
      const byId = (id?: string) => all(doc, (e) => e.attrs.get('id') === id);
      expect(byId(titleId).map((e) => e.name)).toEqual(['title']);
      expect(byId(descId).map((e) => e.name)).toEqual(['desc']);
      expect(textOf(byId(titleId)[0] as XmlElement)).toBe(`Statechart of ${s.title}`);

      const ids = (kind: string) =>
        all(doc, hasClass(kind))
          .filter((e) => classes(e).includes('node'))
          .map((e) => e.attrs.get('data-id'));
      expect(ids('step').sort()).toEqual(s.steps.map((x) => x.id).sort());
      expect(ids('ending').sort()).toEqual(s.endings.map((x) => x.id).sort());
      expect(ids('seat').sort()).toEqual(s.roles.map((x) => x.id).sort());
      for (const node of all(doc, hasClass('node'))) {
        expect(node.attrs.get('aria-label')).toBeTruthy();
        expect(node.children[0]?.name).toBe('title');
      }
      const cf = new Set([...s.steps, ...s.endings].filter((x) => x.counterfactual).map((x) => x.id));
      for (const node of all(doc, hasClass('counterfactual')))
        expect(cf.has(node.attrs.get('data-id') ?? '')).toBe(true);

      // Every historical transition has a marked arrow, and every marked arrow is one.
      const edges = scenarioEdges(s);
      const pair = (from?: string, to?: string) => `${from} → ${to}`;
      const historical = new Set(edges.filter((e) => e.historical).map((e) => pair(e.from, e.to)));
      const arrows = all(doc, hasClass('transition'));
      const marked = arrows.filter((e) => classes(e).includes('historical'));
      expect(new Set(marked.map((e) => pair(e.attrs.get('data-from'), e.attrs.get('data-to'))))).toEqual(historical);
      expect(historical.size).toBeGreaterThan(0);
      // Each transition is drawn: its pair of nodes has an arrow (parallel ones off history share one).
      expect(new Set(arrows.map((e) => pair(e.attrs.get('data-from'), e.attrs.get('data-to'))))).toEqual(
        new Set(edges.map((e) => pair(e.from, e.to))),
      );
      for (const a of arrows) {
        expect(a.attrs.get('aria-label')).toMatch(/^From \S+ to \S+/);
        expect(all(a, (e) => e.name === 'path')).toHaveLength(1);
      }
      // Nothing is marked current unless asked.
      expect(all(doc, hasClass('current'))).toEqual([]);
      // The same drawing every time.
      expect(graphSvg(s, {})).toBe(svg);
    });
  }

  it("marks one seat's path with role, and every seat's without (both sides of a branch on the seat)", () => {
    const s = bundledScenario('kyrgyzstan-2010');
    const marked = (svg: string) =>
      all(parseXml(svg), hasClass('transition'))
        .filter((e) => classes(e).includes('historical'))
        .map((e) => `${e.attrs.get('data-from')} → ${e.attrs.get('data-to')}`);
    const every = marked(graphSvg(s, {}));
    const alliance = marked(graphSvg(s, { role: 'alliance' }));
    const government = marked(graphSvg(s, { role: 'kyrgyz_government' }));
    expect(every).toContain('council_package → a_advisers');
    expect(every).toContain('council_package → kg_coping');
    expect(alliance).toContain('council_package → a_advisers');
    expect(alliance).not.toContain('council_package → kg_coping');
    expect(government).toContain('council_package → kg_coping');
    expect(government).not.toContain('council_package → a_advisers');
    expect(new Set(every)).toEqual(new Set([...alliance, ...government]));
    const seats = all(parseXml(graphSvg(s, {})), hasClass('transition')).find(
      (e) => e.attrs.get('data-from') === 'council_package' && e.attrs.get('data-to') === 'a_advisers',
    );
    expect(seats?.attrs.get('data-seats')).toBe('alliance');
    expect(seats?.attrs.get('aria-label')).toContain("history's path (seat alliance)");
  });

  it('marks the current step, for a screen reader too', () => {
    const s = loadOrThrow(fixture('tutorial.yaml'));
    const doc = parseXml(graphSvg(s, { current: 'council' }));
    const current = all(doc, hasClass('current'));
    expect(current.map((e) => e.attrs.get('data-id'))).toEqual(['council']);
    expect(current[0]?.attrs.get('aria-current')).toBe('step');
    expect(current[0]?.attrs.get('aria-label')).toMatch(/, current step$/);
    expect(textOf(current[0] as XmlElement)).toContain('You are here');
    expect(textOf(all(doc, (e) => e.name === 'desc')[0] as XmlElement)).toContain('Current step: council.');
  });

  it("says history's path in words in its description", () => {
    const s = loadOrThrow(fixture('tutorial.yaml'));
    const desc = textOf(all(parseXml(graphSvg(s, {})), (e) => e.name === 'desc')[0] as XmlElement);
    expect(desc).toBe(
      "4 steps, 4 endings and 10 transitions. History's path for seat secretary_general: request → council → deploy → quiet_border.",
    );
  });

  it('keeps hostile text out: no control or bidi characters, markup escaped', async () => {
    const s = loadOrThrow(fixture(join('hostile', 'escapes.yaml')));
    const svg = graphSvg(s, {});
    expect(await wellFormed(svg)).toEqual([]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(svg).not.toContain('pwned');
    const tricky = { ...s, title: 'A <script>alert("x")</script> & "quotes"' };
    const doc = parseXml(graphSvg(tricky, {}));
    expect(all(doc, (e) => e.name === 'script')).toEqual([]);
    expect(textOf(all(doc, (e) => e.name === 'title')[0] as XmlElement)).toBe(`Statechart of ${tricky.title}`);
  });
});

describe('graph --format svg and html', () => {
  it('prints the drawing, the same as graphSvg, for a seat with --role', async () => {
    const file = join(ROOT, 'scenarios', 'kyrgyzstan-2010.yaml');
    const r = await runCli(['graph', file, '--format', 'svg', '--role', 'alliance']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(graphSvg(loadOrThrow(file), { role: 'alliance' }));
  });

  it('writes a self-contained page: the drawing, no script, nothing fetched', async () => {
    const r = await runCli(['graph', fixture('tutorial.yaml'), '--format', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(graphSvg(loadOrThrow(fixture('tutorial.yaml')), {}));
    expect(html).toContain('<title>Karvenia 2025 (fictional): raiders on the border: statechart</title>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
    // The only address is the SVG namespace, which is a name, not a download.
    expect(html.match(/https?:\/\/[^\s"']+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain("default-src 'none'");
  });

  it('refuses an unknown format or seat (usage error, exit 2)', async () => {
    expect((await runCli(['graph', fixture('mini.yaml'), '--format', 'png'])).code).toBe(2);
    expect((await runCli(['graph', fixture('mini.yaml'), '--format', 'svg', '--role', 'nobody'])).code).toBe(2);
  });
});

describe('what the browser loads', () => {
  it('graph-svg.ts and the modules it imports (outside the engine) import nothing from Node.js', () => {
    const seen = new Set<string>();
    const queue = [join(ROOT, 'src', 'authoring', 'graph-svg.ts')];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const specs = [...code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1] as string);
      for (const spec of specs) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^(fs|path|os|url|child_process|readline)$/);
        // The engine is held to purity by engine-purity.test.ts; follow the rest.
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), `${spec}.ts`);
        if (!target.includes(`${join('src', 'engine')}`)) queue.push(target);
      }
    }
    expect([...seen].map((f) => f.replace(`${ROOT}/`, '')).sort()).toEqual([
      'src/authoring/diagram.ts',
      'src/authoring/graph-svg.ts',
      'src/cli/safe-text.ts',
    ]);
  });
});
