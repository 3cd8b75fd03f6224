/**
 * The Council's members are listed objectors first (whom to lobby), then abstainers, then
 * supporters, in the order the case lists them within each; the order is fixed when the step
 * opens, so lobbying never reshuffles the list or its number keys (issue 12).
 */
import { describe, expect, it } from 'vitest';
import type { CouncilView } from '../../src/engine/view-types';
import { freshDraft } from '../../src/ui/screens/class-vote';
import { councilOrder } from '../../src/ui/screens/play-council';

const member = (actor: string, position: 'support' | 'abstain' | 'object') =>
  ({ actor, name: actor, lean: 0, position, reasons: [] }) as CouncilView['members'][number];
const council = (members: CouncilView['members']): CouncilView => ({
  proposal: 'Act',
  supportAt: 20,
  objectAt: -20,
  members,
  wouldPass: false,
});

describe('councilOrder', () => {
  it('lists objectors, then abstainers, then supporters, each in the case’s order', () => {
    const draft = freshDraft('1|v');
    const c = council([member('a', 'support'), member('b', 'object'), member('c', 'abstain'), member('d', 'object')]);
    expect(councilOrder(draft, c)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('keeps the order it gave when positions change (after a lobby)', () => {
    const draft = freshDraft('1|v');
    councilOrder(draft, council([member('a', 'support'), member('b', 'object')]));
    expect(councilOrder(draft, council([member('a', 'support'), member('b', 'support')]))).toEqual(['b', 'a']);
  });
});
