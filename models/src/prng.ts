/**
 * A small seeded pseudo-random generator (mulberry32): fast, 32-bit state, good enough for
 * plausible layouts and signals, and identical on every platform, so a seed always yields the
 * same community.
 */

/** A stream of pseudo-random numbers drawn from one seed. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  range(min: number, max: number): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * The mulberry32 generator: returns a function yielding floats in [0, 1).
 * The seed is taken modulo 2^32 (fractions are truncated).
 */
export function mulberry32(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded generator with the helpers the generator needs.
 * @example
 * const rng = createRng(7);
 * const storeys = rng.int(18, 33);
 */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(items.length * next())]!;
    },
  };
}
