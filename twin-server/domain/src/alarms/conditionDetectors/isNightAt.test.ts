import { describe, expect, it } from 'vitest';
import { isNightAt, nextDayNightChange } from './isNightAt.ts';

/** Epoch ms of a local (UTC+8) wall-clock time on 1 June 2024. */
const local = (h: number, m = 0, ms = 0) => Date.UTC(2024, 5, 1, h - 8, m, 0, ms);

describe('isNightAt (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['21:59:59.999', local(21, 59, 59_999), false],
    ['22:00', local(22), true],
    ['23:30', local(23, 30), true],
    ['00:00', local(24), true],
    ['05:59', local(5, 59), true],
    ['06:00', local(6), false],
    ['14:00', local(14), false],
  ])('ENV-4 %s local is night: %s', (_label, tMs, night) => {
    expect(isNightAt(tMs)).toBe(night);
  });

  it('ENV-4 handles times before the epoch', () => {
    expect(isNightAt(Date.UTC(1969, 11, 31, 15))).toBe(true); // 23:00 local
    expect(isNightAt(Date.UTC(1969, 11, 31, 4))).toBe(false); // 12:00 local
  });

  it.each([
    ['00:00', local(0), local(6)],
    ['05:59', local(5, 59), local(6)],
    ['06:00', local(6), local(22)],
    ['14:00', local(14), local(22)],
    ['22:00', local(22), local(30)],
    ['23:30', local(23, 30), local(30)],
  ])('ENV-4 the period after %s local changes at the next 06:00 or 22:00', (_label, tMs, change) => {
    expect(nextDayNightChange(tMs)).toBe(change);
  });

  it('ENV-4 finds the next change before the epoch too', () => {
    expect(nextDayNightChange(Date.UTC(1969, 11, 31, 15))).toBe(Date.UTC(1969, 11, 31, 22)); // 23:00 → 06:00 local
  });
});
