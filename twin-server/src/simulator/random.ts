/**
 * Randomness for the simulator, all of it derived from the seed: per-sensor streams (so running
 * a subset of sensors does not change the others' values) and stateless hashed noise (so signals
 * that several sensors share, such as a flat's temperature or a feeder's load, agree exactly).
 */
import { mulberry32 } from '@twin/models';

/** A stream of pseudo-random numbers. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  range(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A standard normal variate. */
  normal(): number;
}

/** A seeded stream (mulberry32). */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    chance: (p) => next() < p,
    normal: () => {
      // Box-Muller; 1 - u keeps the logarithm finite.
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes integers into one well-spread 32-bit value (murmur3 finaliser per step). */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Split into 32-bit halves so large lattice indices (epoch-based) keep all their bits.
    const low = part >>> 0;
    const high = Math.floor(part / 4294967296) >>> 0;
    for (const word of [low, high]) {
      h ^= word;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/** A stateless uniform value in [0, 1) for the given integers. */
export function hashUnit(...parts: number[]): number {
  return mix(...parts) / 4294967296;
}

/** Key of a named stream under a seed, e.g. `streamKey(seed, 'B03-F12-CO2-01')`. */
export function streamKey(seed: number, name: string): number {
  return mix(Math.trunc(seed) >>> 0, hashString(name));
}

/**
 * Smooth value noise in [-1, 1]: random values on a lattice of spacing `periodMs`, blended with a
 * smoothstep. A pure function of its arguments.
 */
export function smoothNoise(key: number, tMs: number, periodMs: number): number {
  const x = tMs / periodMs;
  const i = Math.floor(x);
  const f = x - i;
  const a = hashUnit(key, i) * 2 - 1;
  const b = hashUnit(key, i + 1) * 2 - 1;
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}
