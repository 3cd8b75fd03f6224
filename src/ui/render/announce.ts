/** The screen reader's live region: what changed after a move, and the news of a step just opened. */
import type { GameView } from '../../engine/view-types';
import { plainText } from '../markup';

export class Announcer {
  constructor(private readonly live: HTMLElement) {}

  say(text: string): void {
    this.live.textContent = '';
    window.setTimeout(() => {
      this.live.textContent = text;
    }, 60);
  }
}

/** After a move: the decision's result and what it moved, or how the Council now stands. */
export function announceChange(a: Announcer, view: GameView, seen: number): void {
  const parts: string[] = [];
  const last = view.last;
  if (last && last.turn > seen) {
    parts.push(`Decision ${last.turn}: ${last.label}.`);
    for (const e of last.entries) {
      const m = view.meters.find((x) => x.id === e.meter);
      parts.push(`${m?.label ?? e.meter} ${e.delta > 0 ? 'up' : 'down'} ${Math.abs(e.delta)}.`);
    }
  } else if (view.step?.council) {
    const c = view.step.council;
    parts.push(c.wouldPass ? 'Consensus would now form.' : 'The proposal would still be blocked.');
    const word = { support: 'supports', abstain: 'abstains', object: 'objects' } as const;
    for (const m of c.members) parts.push(`${m.name} ${word[m.position]}.`);
  }
  if (parts.length > 0) a.say(parts.join(' '));
}

/** A step just opened: its news. */
export function announceNews(a: Announcer, view: GameView, seen: number): void {
  if (!view.step || (view.last && view.last.turn > seen)) return;
  const news = view.step.news.map((n) => plainText(n.text));
  if (news.length > 0) a.say(`News: ${news.join(' ')}`);
}
