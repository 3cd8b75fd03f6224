/*
 * Loaded as a deferred classic script, which runs after the page is parsed (so it does not hold up
 * the first paint) and before the game's module script runs or fails: a classic script loads even where
 * module scripts cannot (an iframe sandboxed without allow-same-origin has an opaque origin, and
 * its module scripts and stylesheets, fetched with CORS, are refused). When the page's module
 * script fails to load, or has neither loaded nor failed after a while, this puts a plain message
 * on the page saying what the frame must allow, instead of an endless "Loading…". It runs no game
 * code and fetches nothing. The app replaces the message as soon as it starts.
 */
(() => {
  const STALL_MS = 20000;
  let settled = false;

  const text = (tag, content) => {
    const el = document.createElement(tag);
    el.textContent = content;
    return el;
  };

  const show = (why) => {
    if (document.getElementById('boot-problem')) return;
    const framed = (() => {
      try {
        return window.top !== window;
      } catch {
        return true;
      }
    })();
    const box = document.createElement('div');
    box.id = 'boot-problem';
    box.setAttribute('role', 'alert');
    box.dataset.why = why;
    box.append(text('h1', `${document.title || 'Article Four'} could not load here`));
    if (framed) {
      box.append(
        text(
          'p',
          'This page is inside a frame that does not let it load its scripts. Whoever set up the page (a learning platform, a course page) must let the frame run scripts from its own site:',
        ),
        text('p', 'sandbox="allow-scripts allow-same-origin allow-downloads allow-modals allow-popups"'),
        text(
          'p',
          'allow-scripts and allow-same-origin are needed to run at all; allow-downloads to save result files; allow-modals to print the report; allow-popups to open the sources.',
        ),
      );
    } else {
      box.append(
        text(
          'p',
          'The page could not load its scripts. Reload it; if this stays, the copy on this site may be incomplete.',
        ),
      );
    }
    const link = text('a', 'Open it in its own tab');
    link.href = location.href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    const linkLine = document.createElement('p');
    linkLine.append(link);
    const address = text('p', 'Or copy this address into a new tab: ');
    address.append(text('code', location.href));
    box.append(linkLine, address);
    // The loading note, or the title the build wrote into the page (its links need the app).
    const note = document.getElementById('boot-note') ?? document.querySelector('#main .screen-title');
    const main = document.getElementById('main');
    if (note) note.replaceWith(box);
    else if (main) main.prepend(box);
    else document.body.prepend(box);
  };

  const isPageModule = (el) => el instanceof HTMLScriptElement && el.type === 'module';

  document.addEventListener(
    'error',
    (e) => {
      if (!isPageModule(e.target) || settled) return;
      settled = true;
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => show('error'));
      else show('error');
    },
    true,
  );
  document.addEventListener(
    'load',
    (e) => {
      if (isPageModule(e.target)) settled = true;
    },
    true,
  );
  window.setTimeout(() => {
    if (!settled) show('stalled');
  }, STALL_MS);
})();
