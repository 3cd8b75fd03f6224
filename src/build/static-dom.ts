/**
 * Just enough of a `document` to run a screen's render function (src/ui/dom.ts's `h`) at build
 * time, in Node, and write what it builds as HTML. Elements keep their attributes and children;
 * event listeners are dropped (the HTML has none: the app's script adds its own). Text and
 * attribute values are escaped, so a screen's text can never become markup.
 */

/** Elements HTML writes without a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

class StaticText {
  constructor(readonly text: string) {}
  get outerHTML(): string {
    return escapeText(this.text);
  }
}

class StaticElement {
  private readonly attrs = new Map<string, string>();
  private readonly children: (StaticElement | StaticText)[] = [];
  constructor(readonly tagName: string) {}

  setAttribute(name: string, value: string): void {
    this.attrs.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  set className(value: string) {
    this.attrs.set('class', value);
  }
  get className(): string {
    return this.attrs.get('class') ?? '';
  }
  set id(value: string) {
    this.attrs.set('id', value);
  }
  get id(): string {
    return this.attrs.get('id') ?? '';
  }
  addEventListener(): void {}
  append(...nodes: (StaticElement | StaticText | string)[]): void {
    for (const n of nodes) this.children.push(typeof n === 'string' ? new StaticText(n) : n);
  }
  get outerHTML(): string {
    const attrs = [...this.attrs].map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
    if (VOID.has(this.tagName)) return `<${this.tagName}${attrs}>`;
    return `<${this.tagName}${attrs}>${this.children.map((c) => c.outerHTML).join('')}</${this.tagName}>`;
  }
}

const staticDocument = {
  createElement: (tag: string) => new StaticElement(tag),
  createTextNode: (text: string) => new StaticText(text),
};

/**
 * Runs `render` with the static document in place of the browser's and returns the HTML of the
 * element it builds.
 */
export function renderToHtml(render: () => { outerHTML: string }): string {
  const scope = globalThis as { document?: unknown };
  const saved = scope.document;
  scope.document = staticDocument;
  try {
    return render().outerHTML;
  } finally {
    if (saved === undefined) delete scope.document;
    else scope.document = saved;
  }
}
