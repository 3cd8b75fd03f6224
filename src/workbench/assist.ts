/**
 * Completion and hover help in the editor, from the scenario format's JSON Schema
 * (scenarios/scenario.schema.json) and the ids the text declares: keys a mapping may still take
 * (required ones first), a key's description and what it takes, the values of an enum, and the
 * declared ids a reference may name (a `meter:` the meters, a `next:` the steps and endings).
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import schemaJson from '../../scenarios/scenario.schema.json';
import {
  declaredIds,
  type IdKind,
  idKindOf,
  type JsonSchema,
  type KeyHelp,
  keyIdKindOf,
  SchemaHelp,
} from './schema-help';
import { contextAt, keyAt } from './yaml-path';

export const schemaHelp = new SchemaHelp(schemaJson as unknown as JsonSchema);

const KIND_WORD: Record<IdKind, string> = {
  meter: 'meter',
  flag: 'flag',
  step: 'step',
  ending: 'ending',
  source: 'source',
  actor: 'actor',
  place: 'place',
  role: 'seat',
  length: 'length',
  choice: 'choice',
};

function infoNode(h: KeyHelp): () => HTMLElement {
  return () => {
    const box = document.createElement('div');
    box.className = 'wb-help';
    const head = document.createElement('p');
    const name = document.createElement('code');
    name.textContent = h.name;
    head.append(name, h.required ? ' (required)' : '');
    box.append(head);
    if (h.description) {
      const p = document.createElement('p');
      p.textContent = h.description;
      box.append(p);
    }
    const takes = document.createElement('p');
    takes.className = 'wb-help-takes';
    takes.textContent = `Takes ${h.takes}.`;
    box.append(takes);
    return box;
  };
}

function idOptions(text: string, kinds: IdKind[], type: string): Completion[] {
  if (kinds.length === 0) return [];
  const ids = declaredIds(text);
  return kinds.flatMap((k) => ids[k].map((id): Completion => ({ label: id, type, detail: KIND_WORD[k], boost: 1 })));
}

/** The completion source: keys, values and ids at the cursor. */
export function schemaCompletion(ctx: CompletionContext): CompletionResult | null {
  const text = ctx.state.doc.toString();
  const at = contextAt(text, ctx.pos);
  if (at.kind === 'none') return null;
  // Only when asked (Ctrl+Space) or while a word is being typed, not at every new line.
  if (!ctx.explicit && at.prefix === '' && at.kind === 'key') return null;
  let options: Completion[] = [];
  if (at.kind === 'key') {
    const mapping = !at.afterDash || schemaHelp.isMapping(at.path);
    if (mapping) {
      const taken = new Set(at.siblings);
      const keys = schemaHelp.keys(at.path).filter((k) => !taken.has(k.name));
      options = keys.map(
        (k, i): Completion => ({
          label: k.name,
          apply: `${k.name}: `,
          type: 'property',
          detail: k.required ? 'required' : k.takes.length > 28 ? `${k.takes.slice(0, 27)}…` : k.takes,
          info: infoNode(k),
          // Required keys first, then the schema's order.
          boost: (k.required ? 50 : 0) - Math.min(49, i),
        }),
      );
      options.push(
        ...idOptions(text, keyIdKindOf(at.path), 'variable')
          .filter((o) => !taken.has(o.label))
          .map((o) => ({ ...o, apply: `${o.label}: ` })),
      );
    }
    if (at.afterDash) {
      options.push(...idOptions(text, idKindOf(at.path), 'constant'));
      options.push(
        ...schemaHelp.values(at.path).map((v): Completion => ({ label: v.label, type: 'enum', detail: v.detail })),
      );
    }
  } else {
    options = [
      ...schemaHelp.values(at.path).map((v): Completion => ({ label: v.label, type: 'enum', detail: v.detail })),
      ...idOptions(text, idKindOf(at.path), 'constant'),
    ];
  }
  if (options.length === 0) return null;
  return { from: at.from, options, validFor: /^[\w$-]*$/ };
}

/** Hover help on a key: what it is for and what it takes. */
export const schemaHover = hoverTooltip((view, pos): Tooltip | null => {
  const text = view.state.doc.toString();
  const key = keyAt(text, pos);
  if (!key) return null;
  const help = schemaHelp.key(key.path);
  const create = () => {
    if (help) return { dom: infoNode(help)() };
    const dom = document.createElement('div');
    dom.className = 'wb-help';
    dom.textContent = `The format has no key “${String(key.path[key.path.length - 1])}” here.`;
    return { dom };
  };
  return { pos: key.from, end: key.to, above: true, create };
});
