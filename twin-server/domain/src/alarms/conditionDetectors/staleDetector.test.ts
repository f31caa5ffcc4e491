import { describe, expect, it } from 'vitest';
import { StaleDetector } from './staleDetector.ts';

const T0 = Date.UTC(2024, 5, 1, 2);

describe('StaleDetector', () => {
  it('PLAT-8 activates once after the silence and clears on the next reading', () => {
    const detector = new StaleDetector({ type: 'stale', afterMs: 25_000 });
    expect(detector.ticks).toBe(true);
    expect(detector.reading(T0, 1)).toBeUndefined();
    expect(detector.tick(T0 + 24_999)).toBeUndefined();
    expect(detector.tick(T0 + 25_000)).toBe('activated');
    expect([detector.active, detector.value, detector.limit]).toEqual([true, undefined, undefined]);
    expect(detector.tick(T0 + 60_000)).toBeUndefined();
    expect(detector.reading(T0 + 61_000, 0.4)).toBe('cleared');
    expect(detector.value).toBe(0.4);
  });

  it('PLAT-8 counts the silence of a sensor never heard from the first tick', () => {
    const detector = new StaleDetector({ type: 'stale', afterMs: 25_000 });
    expect(detector.tick(T0)).toBeUndefined();
    expect(detector.tick(T0 + 24_000)).toBeUndefined();
    expect(detector.tick(T0 + 25_000)).toBe('activated');
  });

  it('PLAT-8 a detector restored active stays active until a reading comes', () => {
    const detector = new StaleDetector({ type: 'stale', afterMs: 25_000 }, true);
    expect(detector.tick(T0)).toBeUndefined();
    expect(detector.tick(T0 + 100_000)).toBeUndefined();
    expect(detector.reading(T0 + 100_001, 3)).toBe('cleared');
  });
});
