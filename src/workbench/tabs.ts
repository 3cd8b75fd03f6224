/**
 * Tabs as the WAI-ARIA pattern has them: one tab in the focus order, Left/Right (and Home/End)
 * move between tabs and show each at once, each panel labelled by its tab and focusable.
 */
export class Tabs {
  private readonly tabs: HTMLButtonElement[];

  constructor(
    list: HTMLElement,
    private readonly shown: (id: string) => void,
  ) {
    this.tabs = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    for (const tab of this.tabs) {
      // Each panel takes the focus after its tab (the APG's tabs pattern), even one with no control in it.
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.tabIndex = 0;
      tab.addEventListener('click', () => this.select(tab.id));
      tab.addEventListener('keydown', (e) => this.key(e, tab));
    }
    const first = this.tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? this.tabs[0];
    if (first) this.select(first.id, false);
  }

  private key(e: KeyboardEvent, tab: HTMLButtonElement): void {
    const i = this.tabs.indexOf(tab);
    const n = this.tabs.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = this.tabs[to] as HTMLButtonElement;
    this.select(next.id, true);
  }

  /** The tab selected now. */
  get current(): string {
    return this.tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.id ?? '';
  }

  /** Shows the tab `id`'s panel (and focuses the tab when asked). */
  select(id: string, focus = false): void {
    for (const tab of this.tabs) {
      const on = tab.id === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
      if (on && focus) tab.focus();
    }
    this.shown(id);
  }
}
