import { describe, expect, it } from 'vitest';
import type { ConditionEdge } from './conditionDetector.ts';
import { LimitDetector, type LimitDetectorConfig } from './limitDetector.ts';

/** 10:00 local time (UTC+8) on 1 June 2024: day. */
const DAY = Date.UTC(2024, 5, 1, 2);
/** 23:00 local time: night. */
const NIGHT = Date.UTC(2024, 5, 1, 15);

const gas = (fields: Partial<LimitDetectorConfig> = {}): LimitDetectorConfig => ({
  type: 'high',
  limit: { day: 20, night: 20 },
  deadband: { day: 2, night: 2 },
  onDelayMs: 0,
  offDelayMs: 0,
  ...fields,
});

/** Feeds values 5 s apart from `startMs`; returns the edges with their reading index. */
function feed(detector: LimitDetector, values: number[], startMs = DAY, stepMs = 5_000): Array<[number, ConditionEdge]> {
  const edges: Array<[number, ConditionEdge]> = [];
  values.forEach((value, i) => {
    const edge = detector.reading(startMs + i * stepMs, value);
    if (edge !== undefined) edges.push([i, edge]);
  });
  return edges;
}

/** A gas reading wobbling around the 20 %LEL limit for minutes, then falling away. */
const WOBBLE = [19.8, 20.1, 19.9, 20.2, 20.3, 20.5, 19.9, 20.1, 19.7, 20.2, 19.8, 20.4, 19.9, 20.1, 19.6, 20.3, 19.9, 20.2, 17, 17.5, 16, 15, 14, 15, 16, 12];

describe('LimitDetector', () => {
  it('PLAT-8 MUN-5 a value wobbling around the limit activates once with deadband and delays', () => {
    const detector = new LimitDetector(gas({ onDelayMs: 10_000, offDelayMs: 30_000 }));
    // 20.2 at index 3 starts the on-delay; 20.5 at index 5 has held for 10 s. 17 at index 18 is
    // below 20 - 2 and the values stay there: cleared 30 s later at index 24.
    expect(feed(detector, WOBBLE)).toEqual([
      [5, 'activated'],
      [24, 'cleared'],
    ]);
  });

  it('PLAT-8 MUN-5 the gas defaults (no on-delay, 2 %LEL deadband) also give one activation', () => {
    const detector = new LimitDetector(gas());
    expect(feed(detector, WOBBLE)).toEqual([
      [1, 'activated'],
      [18, 'cleared'],
    ]);
    expect(detector.limit).toBe(20);
  });

  it('PLAT-8 without deadband or delays the same wobble chatters', () => {
    const detector = new LimitDetector(gas({ deadband: { day: 0, night: 0 } }));
    expect(feed(detector, WOBBLE).filter(([, edge]) => edge === 'activated').length).toBeGreaterThan(5);
  });

  it('MUN-5 reaching the limit is an alarm; the value and limit are kept', () => {
    const detector = new LimitDetector(gas());
    expect(detector.reading(DAY, 19.99)).toBeUndefined();
    expect(detector.reading(DAY + 5_000, 20)).toBe('activated');
    expect([detector.active, detector.value, detector.limit]).toEqual([true, 20, 20]);
  });

  it('PLAT-8 low limits mirror high ones', () => {
    const detector = new LimitDetector({ type: 'low_low', limit: { day: 180, night: 180 }, deadband: { day: 10, night: 10 }, onDelayMs: 0, offDelayMs: 0 });
    expect(feed(detector, [200, 181, 180, 185, 189.9, 190.1])).toEqual([
      [2, 'activated'],
      [5, 'cleared'],
    ]);
  });

  it('ENV-4 uses the night limit between 22:00 and 06:00 local time', () => {
    const config: LimitDetectorConfig = { type: 'high', limit: { day: 45, night: 35 }, deadband: { day: 2, night: 2 }, onDelayMs: 0, offDelayMs: 0 };
    const day = new LimitDetector(config);
    expect(day.reading(DAY, 40)).toBeUndefined();
    const night = new LimitDetector(config);
    expect(night.reading(NIGHT, 40)).toBe('activated');
    expect(night.limit).toBe(35);
    // At 06:00 the day limit applies again and 40 dB(A) is below 45 - 2.
    expect(night.reading(Date.UTC(2024, 5, 1, 22), 40)).toBe('cleared');
  });

  it('PLAT-8 on-delay and off-delay also complete on ticks, the last reading holding', () => {
    const detector = new LimitDetector(gas({ onDelayMs: 60_000, offDelayMs: 60_000 }));
    expect(detector.ticks).toBe(true);
    expect(detector.tick(DAY)).toBeUndefined();
    expect(detector.reading(DAY, 25)).toBeUndefined();
    expect(detector.tick(DAY + 59_999)).toBeUndefined();
    expect(detector.tick(DAY + 60_000)).toBe('activated');
    expect(detector.reading(DAY + 70_000, 10)).toBeUndefined();
    expect(detector.tick(DAY + 130_000)).toBe('cleared');
    expect(detector.tick(DAY + 200_000)).toBeUndefined();
  });

  it('PLAT-8 a detector without delays never needs ticks', () => {
    expect(new LimitDetector(gas()).ticks).toBe(false);
  });

  it('PLAT-8 a detector restored active clears only once the value is back inside the deadband', () => {
    const detector = new LimitDetector(gas(), true);
    expect(detector.reading(DAY, 19)).toBeUndefined();
    expect(detector.reading(DAY + 5_000, 17.9)).toBe('cleared');
  });

  it('PLAT-8 a reading that is not a number neither activates nor clears, and breaks a delay', () => {
    const detector = new LimitDetector(gas({ onDelayMs: 10_000 }));
    expect(feed(detector, [25, Number.NaN, 25, 25])).toEqual([]);
    expect(detector.reading(DAY + 20_000, 25)).toBe('activated');
    expect(detector.reading(DAY + 25_000, Number.NaN)).toBeUndefined();
    expect(detector.active).toBe(true);
  });
});
