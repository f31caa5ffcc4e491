import { describe, expect, it } from 'vitest';
import { RateOfChangeDetector, type RateOfChangeDetectorConfig } from './rateOfChangeDetector.ts';

const T0 = Date.UTC(2024, 5, 1, 2);

const config = (fields: Partial<RateOfChangeDetectorConfig> = {}): RateOfChangeDetectorConfig => ({
  type: 'rate_of_change',
  maxPerMinute: 10,
  windowMs: 60_000,
  direction: 'either',
  capacity: 14,
  ...fields,
});

describe('RateOfChangeDetector', () => {
  it('PLAT-8 MUN-5 a fast climb over the window activates; a steady value clears', () => {
    const detector = new RateOfChangeDetector(config());
    const edges: Array<[number, string]> = [];
    // 0.5 %LEL per 5 s (6/min) for a minute, then 1.5 per 5 s (18/min), then steady.
    const values = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7.5, 9, 10.5, 12, 13.5, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15];
    values.forEach((v, i) => {
      const edge = detector.reading(T0 + i * 5_000, v);
      if (edge) edges.push([i, edge]);
    });
    // At index 16 the minute since index 4 rose 10 %LEL, reaching the limit; at index 23 the minute
    // since index 11 rose 9.5 %LEL.
    expect(edges).toEqual([
      [16, 'activated'],
      [23, 'cleared'],
    ]);
  });

  it('PLAT-8 reports the signed rate per minute and its limit', () => {
    const detector = new RateOfChangeDetector(config());
    detector.reading(T0, 50);
    expect(detector.reading(T0 + 60_000, 30)).toBe('activated');
    expect([detector.value, detector.limit]).toEqual([-20, 10]);
  });

  it('PLAT-8 counts only the configured direction', () => {
    const rise = new RateOfChangeDetector(config({ direction: 'rise' }));
    rise.reading(T0, 50);
    expect(rise.reading(T0 + 60_000, 30)).toBeUndefined();
    const fall = new RateOfChangeDetector(config({ direction: 'fall' }));
    fall.reading(T0, 50);
    expect(fall.reading(T0 + 60_000, 30)).toBe('activated');
  });

  it('PLAT-8 keeps working when readings come faster than its capacity', () => {
    const detector = new RateOfChangeDetector(config({ capacity: 2 }));
    let edge;
    for (let i = 0; i < 100 && edge === undefined; i++) edge = detector.reading(T0 + i * 1_000, i * 0.5);
    expect(edge).toBe('activated');
    expect(detector.value).toBeCloseTo(30);
  });

  it('PLAT-8 skips readings that are not numbers and readings at the same time', () => {
    const detector = new RateOfChangeDetector(config());
    expect(detector.reading(T0, 1)).toBeUndefined();
    expect(detector.reading(T0, 100)).toBeUndefined();
    expect(detector.reading(T0 + 1_000, Number.NaN)).toBeUndefined();
    expect(detector.tick()).toBeUndefined();
    expect(detector.ticks).toBe(false);
  });

  it('PLAT-8 a detector restored active clears once the rate is back under the limit', () => {
    const detector = new RateOfChangeDetector(config(), true);
    detector.reading(T0, 1);
    expect(detector.reading(T0 + 60_000, 2)).toBe('cleared');
  });
});
