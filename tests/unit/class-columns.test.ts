/**
 * Class mode's two columns (the narrative beside the room's controls) need a panel 40em wide in the
 * page's own type: the text size decides as much as the screen. Panel widths are projector.css's
 * (clamp(800px, 60vw, 1500px) from 1200 pixels); the root's type is 125 % of 16 pixels times the
 * text size (classroom.css).
 */
import { describe, expect, it } from 'vitest';
import { classColumns } from '../../src/ui/class-columns';

const panel = (vw: number) => Math.min(1500, Math.max(800, 0.6 * vw));
const rem = (scale: number) => 20 * scale;

describe('class mode: two columns or one', () => {
  it('at normal size: two from 1200 pixels on', () => {
    expect(classColumns(panel(1200), rem(1))).toBe(true);
    expect(classColumns(panel(1366), rem(1))).toBe(true);
    expect(classColumns(panel(1920), rem(1))).toBe(true);
    // Below 1200 pixels the panel is 58vw (classroom.css): 696 pixels at 1199.
    expect(classColumns(0.58 * 1199, rem(1))).toBe(false);
  });

  it('with Large or Larger text, a laptop keeps one column and a projector two', () => {
    expect(classColumns(panel(1366), rem(1.2))).toBe(false);
    expect(classColumns(panel(1366), rem(1.4))).toBe(false);
    expect(classColumns(panel(1600), rem(1.2))).toBe(true);
    expect(classColumns(panel(1920), rem(1.4))).toBe(true);
  });

  it('no type measured, no columns', () => {
    expect(classColumns(1000, 0)).toBe(false);
  });
});
