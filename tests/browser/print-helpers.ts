/**
 * What the print tests share: a PDF's page count, the text a reader sees (under print emulation
 * or on screen), the ids of a scenario a person must never read, and the longest run of the
 * bundled cases.
 */
import type { Page } from 'playwright-core';
import { Game, type GameEvent, type Scenario } from '../../src/engine/index';
import { nextRandom, seedState } from '../../src/engine/rng';

/** Pages in a PDF Chromium printed (its text is compressed, its page objects are not). */
/**
 * The page printed to PDF as the browser's Print would (A4 from its @page rule), once every font
 * it uses has loaded: a page laid out in a fallback font can run onto an extra page.
 */
export async function printedPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready.then(() => true));
  return page.pdf({ preferCSSPageSize: true, printBackground: false });
}

export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The text of `selector` a reader sees: visible elements only (display, visibility, closed <details>). */
export async function visibleText(page: Page, selector = '#main'): Promise<string> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return '';
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true }))
        continue;
      const r = parent.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      out.push(n.textContent ?? '');
    }
    return out.join(' ').replace(/\s+/g, ' ');
  }, selector);
}

/** Keys whose values are ids or references, not words a reader is given. */
const ID_KEYS = new Set([
  'id',
  'step',
  'choice',
  'next',
  'to',
  'start',
  'actor',
  'meter',
  'flag',
  'set',
  'clear',
  'source',
  'sources',
  'scenario',
  'chose',
  'visited',
  'role',
  'length',
  'place',
  'host',
  'consensus',
  'blocked',
  'outcome',
  'url',
  'tone_for',
  'objectives',
]);

/** Every string of the scenario a reader may be shown (titles, texts, labels, …), lower-cased. */
function prose(s: Scenario): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (ID_KEYS.has(key)) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(s, '');
  return out.join('\n').toLowerCase();
}

/**
 * The scenario's step, option and outcome ids that are not ordinary words (they hold a hyphen, an
 * underscore or a digit, and neither they nor their spaced form, "ch req consult", occur in the
 * case's own text): none of them may appear where a person reads.
 */
export function readableIds(s: Scenario): string[] {
  const ids = new Set<string>();
  for (const st of s.steps) {
    ids.add(st.id);
    for (const c of st.choices) {
      ids.add(c.id);
      for (const o of c.outcomes) ids.add(o.id);
    }
  }
  const text = prose(s);
  return [...ids].filter((id) => {
    if (!/[-_\d]/.test(id)) return false;
    const spaced = id.replace(/[-_]+/g, ' ').toLowerCase();
    return !text.includes(id.toLowerCase()) && !text.includes(spaced);
  });
}

/** The ids of `ids` found in `text`, as written or spaced ("ch-req-consult", "ch req consult"), whole words only. */
export function idsIn(text: string, ids: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const literal = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ids.filter((id) =>
    [id.toLowerCase(), id.replace(/[-_]+/g, ' ').toLowerCase()].some((form) =>
      new RegExp(`(?<![\\p{L}\\p{N}_-])${literal(form)}(?![\\p{L}\\p{N}_-])`, 'u').test(lower),
    ),
  );
}

export interface LongestRun {
  scenario: Scenario;
  role: string;
  /** The choice taken at each step (no lobbying; the Council's vote called at once). */
  plan: Map<string, string>;
  decisions: number;
}

/**
 * The longest run of the bundled cases at full length, game seed `seed`: the most decisions, then
 * the most words in the labels the report prints, over `policies` seeded random policies a seat.
 */
export function longestRun(cases: readonly Scenario[], seed: number, policies = 120): LongestRun {
  let best: (LongestRun & { score: number }) | null = null;
  for (const s of cases) {
    for (const role of s.roles) {
      for (let p = 1; p <= policies; p++) {
        const game = Game.start(s, { role: role.id, seed }, 'table');
        let state = seedState(p);
        const plan = new Map<string, string>();
        for (let i = 0; i < 500 && !game.ended; i++) {
          const moves = game.moves().filter((m) => m.type !== 'LOBBY');
          const r = nextRandom(state);
          state = r.state;
          const move = moves[Math.floor(r.value * moves.length)] as GameEvent;
          if (move.type === 'CHOOSE') plan.set(game.currentStep() ?? '', move.choice);
          game.send(move);
        }
        const d = game.debrief();
        game.stop();
        const words = d.decisions
          .map((x) => `${x.title} ${x.yours.label} ${x.history?.choice?.label ?? ''}`)
          .join(' ')
          .split(/\s+/).length;
        const score = d.decisions.length * 100_000 + words;
        if (!best || score > best.score)
          best = { scenario: s, role: role.id, plan, decisions: d.decisions.length, score };
      }
    }
  }
  if (!best) throw new Error('no bundled case');
  return best;
}
