import { isNightAt, nextDayNightChange } from '@twin/domain';
import type { Thresholds } from '@twin/protocol';

/** The limits a sensor may have, in drawing order. */
export const LIMIT_KEYS = ['highHigh', 'high', 'low', 'lowLow'] as const;

/** A limit of a sensor, e.g. `'high'`. */
export type LimitKey = (typeof LIMIT_KEYS)[number];

/** A sensor's limits: by day, and the night values that differ (REQ ENV-4). */
export interface DayNightThresholds {
  day: Thresholds;
  night?: Thresholds;
}

/** A stretch of a threshold line: one limit at one value over `[fromMs, toMs)`. */
export interface ThresholdSegment {
  key: LimitKey;
  value: number;
  fromMs: number;
  toMs: number;
  night: boolean;
}

/**
 * The value of limit `key` in force at `tMs`: the night value at night (22:00–06:00 community time,
 * `isNightAt` of `@twin/domain`, GB 3096, REQ ENV-4) when there is one, else the day value.
 */
export function limitAt(thresholds: DayNightThresholds | undefined, key: LimitKey, tMs: number): number | undefined {
  if (thresholds === undefined) return undefined;
  return (isNightAt(tMs) ? thresholds.night?.[key] : undefined) ?? thresholds.day[key];
}

/**
 * The threshold lines of `[fromMs, toMs)`: for each limit the sensor has, one segment per day
 * or night period, at the value in force then (the night limit between 22:00 and 06:00
 * community time). Consecutive periods with the same value make one segment.
 */
export function thresholdSegments(thresholds: DayNightThresholds | undefined, fromMs: number, toMs: number): ThresholdSegment[] {
  if (thresholds === undefined || !(toMs > fromMs)) return [];
  const periods = dayNightPeriods(fromMs, toMs);
  const segments: ThresholdSegment[] = [];
  for (const key of LIMIT_KEYS) {
    let open: ThresholdSegment | null = null;
    for (const period of periods) {
      const value = limitAt(thresholds, key, period.fromMs);
      if (value === undefined) {
        open = null;
      } else if (open !== null && open.value === value) {
        open.toMs = period.toMs;
      } else {
        open = { key, value, fromMs: period.fromMs, toMs: period.toMs, night: period.night };
        segments.push(open);
      }
    }
  }
  return segments;
}

/** `[fromMs, toMs)` cut at every 06:00 and 22:00 community time. */
export function dayNightPeriods(fromMs: number, toMs: number): Array<{ fromMs: number; toMs: number; night: boolean }> {
  const periods: Array<{ fromMs: number; toMs: number; night: boolean }> = [];
  let start = fromMs;
  while (start < toMs) {
    const end = Math.min(toMs, nextDayNightChange(start));
    periods.push({ fromMs: start, toMs: end, night: isNightAt(start) });
    start = end;
  }
  return periods;
}
