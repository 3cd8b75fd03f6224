import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from '../../src/ui/when-quiet';

/** A screen channel and a press target that count their listeners. */
function signals() {
  const screens = new Set<() => void>();
  const target = new EventTarget();
  let presses = 0;
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (...a: Parameters<EventTarget['addEventListener']>) => {
    presses++;
    add(...a);
  };
  target.removeEventListener = (...a: Parameters<EventTarget['removeEventListener']>) => {
    presses--;
    remove(...a);
  };
  return {
    onScreen(fn: () => void) {
      screens.add(fn);
      return () => screens.delete(fn);
    },
    target,
    screen: () => {
      for (const fn of [...screens]) fn();
    },
    listeners: () => screens.size + presses,
  };
}

describe('whenQuiet (the map starts at the player’s first pause)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once the player has paused for the whole time, once, and then stops listening', () => {
    const s = signals();
    const run = vi.fn();
    whenQuiet(1500, s, run);
    vi.advanceTimersByTime(1499);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(s.listeners()).toBe(0);
    s.screen();
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits while the player moves on: each new screen, key or pointer press starts the pause again', () => {
    const s = signals();
    const run = vi.fn();
    whenQuiet(1500, s, run);
    for (const press of [
      () => s.screen(),
      () => s.target.dispatchEvent(new Event('keydown')),
      () => s.target.dispatchEvent(new Event('pointerdown')),
    ]) {
      vi.advanceTimersByTime(1000);
      press();
    }
    vi.advanceTimersByTime(1499);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled (the map turned off meanwhile), and lets go of its listeners', () => {
    const s = signals();
    const run = vi.fn();
    const cancel = whenQuiet(1500, s, run);
    expect(s.listeners()).toBe(3);
    vi.advanceTimersByTime(1000);
    cancel();
    expect(s.listeners()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();
  });
});
