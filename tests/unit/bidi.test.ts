/** Scenario text isolated in its own text (FSI … PDI), so it cannot reorder the game's text beside it. */
import { describe, expect, it } from 'vitest';
import { isolateScenario, isolateText } from '../../src/ui/bidi';

describe('scenario text isolation', () => {
  it('isolates only strings with right-to-left letters or bidi controls, and never ids', () => {
    expect(isolateText('1 January 2020')).toBe('1 January 2020');
    expect(isolateText('Title \u202E')).toBe('\u2068Title \u202E\u2069');
    expect(isolateText(isolateText('שלום'))).toBe('\u2068שלום\u2069');
    // Two isolates with an override between them are not one isolate.
    expect(isolateText('\u2068a\u2069\u202E\u2068b\u2069')).toBe('\u2068\u2068a\u2069\u202E\u2068b\u2069\u2069');
    const s = { id: 'a', title: 'x\u202E', roles: [{ id: 'r', title: 'plain' }] } as never;
    expect(isolateScenario(s)).toEqual({ id: 'a', title: '\u2068x\u202E\u2069', roles: [{ id: 'r', title: 'plain' }] });
    const plain = { id: 'b', title: 'plain' } as never;
    expect(isolateScenario(plain)).toBe(plain);
  });
});
