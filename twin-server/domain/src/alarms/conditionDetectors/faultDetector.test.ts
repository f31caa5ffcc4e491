import { describe, expect, it } from 'vitest';
import { FaultDetector } from './faultDetector.ts';

const T0 = Date.UTC(2024, 5, 1, 2);

describe('FaultDetector', () => {
  it('PLAT-8 a reading outside the instrument range is a fault until one is back inside', () => {
    const detector = new FaultDetector({ type: 'fault', range: { min: 0, max: 100 }, flatlineTolerance: 0 });
    expect(detector.ticks).toBe(false);
    expect(detector.reading(T0, 100)).toBeUndefined();
    expect(detector.reading(T0 + 1, 101)).toBe('activated');
    expect([detector.value, detector.limit]).toEqual([101, 100]);
    expect(detector.reading(T0 + 2, -3)).toBeUndefined();
    expect(detector.reading(T0 + 3, 0)).toBe('cleared');
    expect(detector.reading(T0 + 4, -3)).toBe('activated');
    expect(detector.limit).toBe(0);
    expect(detector.tick()).toBeUndefined();
  });

  it('PLAT-8 a reading that is not a number is a fault', () => {
    const detector = new FaultDetector({ type: 'fault', range: { min: 0, max: 100 }, flatlineTolerance: 0 });
    expect(detector.reading(T0, Number.NaN)).toBe('activated');
  });

  it('PLAT-8 a value flat within the tolerance for the configured time is a fault', () => {
    const detector = new FaultDetector({ type: 'fault', flatlineMs: 3_600_000, flatlineTolerance: 0.05 });
    expect(detector.reading(T0, 21.3)).toBeUndefined();
    expect(detector.reading(T0 + 1_800_000, 21.34)).toBeUndefined();
    expect(detector.reading(T0 + 3_599_999, 21.26)).toBeUndefined();
    expect(detector.reading(T0 + 3_600_000, 21.3)).toBe('activated');
    expect([detector.value, detector.limit]).toEqual([21.3, undefined]);
    expect(detector.reading(T0 + 3_660_000, 21.5)).toBe('cleared');
    // The flat stretch starts again from the value that broke it.
    expect(detector.reading(T0 + 7_259_999, 21.5)).toBeUndefined();
    expect(detector.reading(T0 + 7_260_000, 21.5)).toBe('activated');
  });

  it('PLAT-8 a detector restored active clears on a good reading', () => {
    const detector = new FaultDetector({ type: 'fault', range: { min: 0, max: 100 }, flatlineTolerance: 0 }, true);
    expect(detector.reading(T0, 5)).toBe('cleared');
  });
});
