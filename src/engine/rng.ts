/**
 * Seeded randomness. The generator's whole state is one unsigned 32-bit integer kept in the
 * run's context, so a snapshot carries it and the same seed and choices give the same run.
 * Algorithm: mulberry32, seeded through splitmix32 so that nearby seeds diverge.
 */

/** Turns any integer seed into the generator's starting state. */
export function seedState(seed: number): number {
  let z = (Math.trunc(seed) + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** The next number in [0, 1) and the state after it. Pure: the state passed in is not changed. */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, state: next };
}

/** Index of the weighted item that a draw in [0, 1) selects. */
export function pickWeighted(weights: readonly number[], draw: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += (weights[i] ?? 0) / total;
    if (draw < acc) return i;
  }
  return weights.length - 1;
}
