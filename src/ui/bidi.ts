/**
 * Scenario text in a left-to-right page: a string with right-to-left letters or bidi controls
 * (an unclosed right-to-left override, say) would reorder the game's own text beside it ("1
 * January 2020" read as "0202 yraunaJ 1"). Each such string is isolated in its own text, between
 * FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, as `<bdi>` does, so the isolation holds
 * wherever the string goes: the panel, the top bar, aria labels, the map's canvas labels. Other
 * strings are left exactly as they are.
 */
import type { Scenario } from '../engine/index';

const FSI = '\u2068';
const PDI = '\u2069';
/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, …) and every bidi control. */
const NEEDS_ISOLATION = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Whether the string is already one isolate: its first FSI is closed by its last character. */
function isolated(text: string): boolean {
  if (!text.startsWith(FSI) || !text.endsWith(PDI)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === FSI || c === '\u2066' || c === '\u2067') depth += 1;
    else if (c === PDI && depth > 0) {
      depth -= 1;
      if (depth === 0) return i === text.length - 1;
    }
  }
  return false;
}

/** The string, isolated when it could reorder the text around it (once: isolating it again changes nothing). */
export function isolateText(text: string): string {
  if (!NEEDS_ISOLATION.test(text) || isolated(text)) return text;
  return `${FSI}${text}${PDI}`;
}

function isolateValue(value: unknown, key: string): unknown {
  // Ids are slugs by the schema, left alone so that references still match; a URL stays as written (links check it).
  if (typeof value === 'string') return key === 'id' || key === 'url' ? value : isolateText(value);
  if (Array.isArray(value)) return value.map((v) => isolateValue(v, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isolateValue(v, k);
    return out;
  }
  return value;
}

/** The scenario with each of its texts isolated (the same object when nothing needs it). */
export function isolateScenario(scenario: Scenario): Scenario {
  if (!NEEDS_ISOLATION.test(JSON.stringify(scenario))) return scenario;
  return isolateValue(scenario, '') as Scenario;
}
