/**
 * The Council chamber's layout (src/scenes/chamber-layout.ts): the verdict's stamp sits in the open
 * middle of the horseshoe, clear of the tally and of the names of the seats above it, in the free
 * part of a class laptop's and a projector's screen at every text size, and of a tablet's at the
 * normal size (with larger text its narrow chamber has no room the stamp's width fits).
 */
import { describe, expect, it } from 'vitest';
import { chamberLayout, STAMP_HALF_HEIGHT, STAMP_HALF_WIDTH } from '../../src/scenes/chamber-layout';
import { TEXT_SIZES } from '../../src/ui/settings';

/** The map's free part above the gauges, beside the panel, as the app lays it out at these sizes. */
const AREAS = {
  '1366×768': { x: 0, y: 56, width: 847, height: 560 },
  '1024×768': { x: 0, y: 56, width: 584, height: 560 },
  '1920×1080': { x: 0, y: 48, width: 1200, height: 830 },
};

describe('the Council chamber', () => {
  for (const [screen, area] of Object.entries(AREAS)) {
    for (const { id, scale } of TEXT_SIZES.filter((t) => screen !== '1024×768' || t.scale === 1)) {
      it(`at ${screen}, text ${id}: the stamp is clear of the tally and of the names above it, for 3 to 12 members`, () => {
        for (let n = 3; n <= 12; n++) {
          const l = chamberLayout(area, n, scale);
          const half = STAMP_HALF_HEIGHT * scale;
          const top = l.verdictY - half;
          const bottom = l.verdictY + half;
          expect(bottom, `${n} members: the stamp over the tally`).toBeLessThanOrEqual(l.tallyY);
          for (let i = 0; i < n; i++) {
            const s = l.seat(i);
            if (Math.abs(s.x - l.cx) >= STAMP_HALF_WIDTH * scale + l.seatR) continue;
            expect(top, `${n} members: the stamp over seat ${i}'s name`).toBeGreaterThanOrEqual(s.y + l.labelBelow);
          }
          expect(top, `${n} members: the stamp above the chamber`).toBeGreaterThan(area.y);
        }
      });
    }
  }
});
