/**
 * The one renderer for scenario text. It builds DOM nodes (never innerHTML): blank lines make
 * paragraphs, **bold** and *italic* are the only markup, and anything else, HTML included, is text.
 */

export type Inline = { text: string; bold: boolean; italic: boolean };

/** Splits one paragraph into runs of plain, bold and italic text. Unclosed markers stay as text. */
export function parseInline(source: string): Inline[] {
  const runs: Inline[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = () => {
    if (buf) runs.push({ text: buf, bold, italic });
    buf = '';
  };
  const closes = (from: number, marker: string) => source.indexOf(marker, from) !== -1;
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('**', i) && (bold || closes(i + 2, '**'))) {
      flush();
      bold = !bold;
      i += 2;
    } else if (source.startsWith('**', i)) {
      // An unclosed ** is text.
      buf += '**';
      i += 2;
    } else if (source[i] === '*' && (italic || closesItalic(source, i + 1))) {
      flush();
      italic = !italic;
      i += 1;
    } else {
      buf += source[i];
      i += 1;
    }
  }
  flush();
  return runs;
}

function closesItalic(source: string, from: number): boolean {
  for (let j = from; j < source.length; j++) {
    if (source.startsWith('**', j)) {
      j++;
      continue;
    }
    if (source[j] === '*') return true;
  }
  return false;
}

export function paragraphs(source: string): string[] {
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Appends the runs of one paragraph to `parent`. */
export function appendInline(parent: HTMLElement, source: string): HTMLElement {
  for (const run of parseInline(source)) {
    let node: Node = document.createTextNode(run.text);
    if (run.italic) {
      const em = document.createElement('em');
      em.append(node);
      node = em;
    }
    if (run.bold) {
      const strong = document.createElement('strong');
      strong.append(node);
      node = strong;
    }
    parent.append(node);
  }
  return parent;
}

/** Renders text as <p> elements inside a fragment. */
export function renderText(source: string, className?: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const para of paragraphs(source)) {
    const p = document.createElement('p');
    if (className) p.className = className;
    frag.append(appendInline(p, para));
  }
  return frag;
}

/** The text without markers, for places that take plain strings (canvas labels, aria-labels). */
export function plainText(source: string): string {
  return paragraphs(source)
    .map((p) =>
      parseInline(p)
        .map((r) => r.text)
        .join(''),
    )
    .join('\n\n');
}
