/**
 * The title written into index.html at build time (src/build/title-html.ts): the game's own title
 * screen, rendered through the static document, with links where the app has buttons.
 */
import { describe, expect, it } from 'vitest';
import { renderToHtml } from '../../src/build/static-dom';
import { titleHtml } from '../../src/build/title-html';

describe('the title in index.html', () => {
  const html = titleHtml(['Kyrgyzstan, June 2010: Osh', 'Kazakhstan, January 2022: unrest'], true);

  it('is the title screen, its menu entries links to their screens', () => {
    expect(html).toMatch(/^<section class="screen-title" aria-labelledby="title-heading">/);
    expect(html).toContain('<h1 class="title-mark" tabindex="-1" id="title-heading">Article <span>Four</span></h1>');
    expect(html).toContain('<a class="btn btn-primary" href="#/cases" data-action="new">');
    for (const [action, hash] of [
      ['timeline', '#/timeline'],
      ['settings', '#/settings'],
      ['credits', '#/credits'],
    ]) {
      expect(html).toContain(`href="${hash}" data-action="${action}"`);
    }
    expect(html).not.toContain('<button');
    expect(html).not.toContain('data-action="continue"');
  });

  it('names the cases by their short titles', () => {
    expect(html).toContain('2 cases</span>Kyrgyzstan, June 2010 · Kazakhstan, January 2022</p>');
  });

  it('offers a scenario file from the computer, and the other pages only where they are beside it', () => {
    expect(html).toContain(
      '<input type="file" id="open-file-1" accept=".yaml,.yml" class="file-input" data-action="open-file">',
    );
    expect(html).toContain('href="dashboard.html"');
    const single = titleHtml(['A case'], false);
    expect(single).not.toContain('dashboard.html');
    expect(single).not.toContain('author.html');
  });

  it('escapes text and attribute values, so a title cannot become markup', () => {
    const evil = titleHtml(['<script>alert("x")</script> & co'], false);
    expect(evil).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; co');
    expect(evil).not.toContain('<script>');
    expect(
      renderToHtml(() => {
        const p = document.createElement('p');
        p.setAttribute('title', '"a" <b> & c');
        return p;
      }),
    ).toBe('<p title="&quot;a&quot; &lt;b&gt; &amp; c"></p>');
  });

  it('puts the document back after rendering', () => {
    expect((globalThis as { document?: unknown }).document).toBeUndefined();
  });
});
