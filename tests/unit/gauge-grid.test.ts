/**
 * The gauges' grid (src/ui/gauge-grid.ts): one row when the map's side is wide enough for every
 * label in two lines, else as many even rows as it takes; larger words on a projector in class mode.
 */
import { describe, expect, it } from 'vitest';
import { gaugeGrid } from '../../src/ui/gauge-grid';

const base = { x: 0, viewportHeight: 768, meters: 7, textScale: 1, large: false };

describe('the gauges’ grid', () => {
  it('puts seven gauges in one row beside a laptop’s panel (847 px of map)', () => {
    const g = gaugeGrid({ ...base, width: 847 });
    expect(g?.columns).toBe(7);
    expect(g?.labelPx).toBe(13);
  });

  it('splits them 4 and 3 at 1024 px, where one row wrapped each label to three lines', () => {
    const g = gaugeGrid({ ...base, width: 431 });
    expect(g?.columns).toBe(4);
    // Two rows, taller than one, still at the foot of the screen.
    const one = gaugeGrid({ ...base, width: 847 });
    expect(g && one && g.height).toBeGreaterThan(one?.height ?? 0);
    expect(g && g.y + g.height).toBe(768 - 16);
    // Each cell wide enough for a 13 px label in two lines.
    expect((g?.width ?? 0) / (g?.columns ?? 1)).toBeGreaterThanOrEqual(13 * 7.4);
  });

  it('gives a projector in class mode 17 px labels, in even rows', () => {
    const g = gaugeGrid({ ...base, width: 768, viewportHeight: 1080, large: true });
    expect(g?.labelPx).toBe(17);
    expect(g?.hintPx).toBe(13);
    expect(g?.columns).toBe(4);
    expect((g?.width ?? 0) / (g?.columns ?? 1)).toBeGreaterThanOrEqual(17 * 7.4);
  });

  it('needs wider cells for a larger text size, and never takes more than half the screen', () => {
    const small = gaugeGrid({ ...base, width: 847 });
    const large = gaugeGrid({ ...base, width: 847, textScale: 1.4 });
    expect(large?.columns ?? 0).toBeLessThan(small?.columns ?? 0);
    const narrow = gaugeGrid({ ...base, width: 150, meters: 12, textScale: 1.4 });
    expect(narrow?.height ?? 0).toBeLessThanOrEqual(768 * 0.5);
  });

  it('draws nothing without meters or room', () => {
    expect(gaugeGrid({ ...base, width: 847, meters: 0 })).toBeNull();
    expect(gaugeGrid({ ...base, width: 20 })).toBeNull();
  });
});
