/**
 * Early warning from operating history: a value trending toward its limit, and a value straying
 * from its usual daily profile. Sensor-agnostic: the functions take series of numbers (readings
 * or hourly means from the rollups) and return plain data describing the advisory, which the
 * server raises as a low-severity `trend` or `profile_deviation` alarm.
 * REQ PROP-2 g (automatic early warning by analysing historical operating data).
 */
import type { AlarmCondition } from '@twin/protocol';
import { localMsOfDay } from './conditionDetectors/isNightAt.ts';
import { linearFit, robustSpread, type SeriesPoint } from './earlyWarningStats.ts';

export type { SeriesPoint } from './earlyWarningStats.ts';

const HOUR_MS = 3_600_000;
/** Values an hour of the daily profile needs by default: one a day for a week. */
const DEFAULT_MIN_SAMPLES_PER_HOUR = 7;

/** Which side of a limit is the bad one: `high` for an upper limit, `low` for a lower one. */
export type LimitDirection = 'high' | 'low';

/** The limit a trend is projected toward. */
export interface TrendLimit {
  value: number;
  direction: LimitDirection;
}

/** When a trend is worth a warning. */
export interface TrendOptions {
  /** Fewest usable points to fit a line through, an integer of at least 2. */
  minPoints: number;
  /** How far ahead of the latest point a projected crossing is warned of, ms (> 0). */
  horizonMs: number;
  /** Least r² (0..1) of the fit; a noisier fit gives no warning. No lower bound when absent. */
  minR2?: number;
}

/** A value heading for its limit: what the advisory alarm reports. */
export interface TrendAdvisory {
  condition: Extract<AlarmCondition, 'trend'>;
  direction: LimitDirection;
  limit: number;
  /** Slope of the fitted line, value units per hour (positive toward a high limit). */
  slopePerHour: number;
  /** Coefficient of determination of the fit, 0..1. */
  r2: number;
  /** Points the line was fitted through. */
  points: number;
  /** The latest point. */
  lastMs: number;
  lastValue: number;
  /**
   * When the fitted line reaches the limit; the latest point's time when the line is already
   * past it there (noise has kept the last value on the safe side).
   */
  projectedCrossingMs: number;
  /** `projectedCrossingMs − lastMs`, at most the horizon. */
  timeToLimitMs: number;
}

/**
 * Warns that a value is heading for its limit: fits a least-squares line through the points and
 * answers when the line moves toward the limit and reaches it no later than `horizonMs` after
 * the latest point, while the latest value has not yet reached the limit (once it has, the
 * limit alarm itself speaks).
 *
 * Points with a non-finite time or value are left out. The points may be in any order.
 *
 * @param points - The series, e.g. hourly means over the last day.
 * @param limit - The limit and which side of it is bad.
 * @param options - Fewest points, horizon and least r².
 * @returns The advisory, or `null` when there are too few points, the line is flat, moves away
 * from the limit, fits worse than `minR2`, reaches the limit beyond the horizon, or the latest
 * value is at or past the limit.
 * @throws RangeError when the limit or an option is out of range.
 *
 * @example
 * ```ts
 * // Tank level, hourly means of the last 12 h; warn 6 h before it drops to 0.5 m.
 * const advisory = trendTowardLimit(levels, { value: 0.5, direction: 'low' }, { minPoints: 6, horizonMs: 6 * 3_600_000, minR2: 0.8 });
 * ```
 */
export function trendTowardLimit(points: readonly SeriesPoint[], limit: TrendLimit, options: TrendOptions): TrendAdvisory | null {
  validateTrendRequest(limit, options);
  const usable = points.filter(isFinitePoint);
  if (usable.length < options.minPoints) return null;
  const last = usable.reduce((latest, p) => (p.tMs > latest.tMs ? p : latest));
  if (limit.direction === 'high' ? last.value >= limit.value : last.value <= limit.value) return null;
  const fit = linearFit(usable);
  if (fit === null || (limit.direction === 'high' ? fit.slopePerMs <= 0 : fit.slopePerMs >= 0)) return null;
  if (options.minR2 !== undefined && fit.r2 < options.minR2) return null;
  const crossingMs = fit.meanMs + (limit.value - fit.meanValue) / fit.slopePerMs;
  const projectedCrossingMs = Math.max(crossingMs, last.tMs);
  const timeToLimitMs = projectedCrossingMs - last.tMs;
  if (timeToLimitMs > options.horizonMs) return null;
  return {
    condition: 'trend',
    direction: limit.direction,
    limit: limit.value,
    slopePerHour: fit.slopePerMs * HOUR_MS,
    r2: fit.r2,
    points: usable.length,
    lastMs: last.tMs,
    lastValue: last.value,
    projectedCrossingMs,
    timeToLimitMs,
  };
}

function validateTrendRequest(limit: TrendLimit, { minPoints, horizonMs, minR2 }: TrendOptions): void {
  if (!Number.isFinite(limit.value)) throw new RangeError(`the limit must be finite; got ${limit.value}`);
  if (!Number.isInteger(minPoints) || minPoints < 2) throw new RangeError(`minPoints must be an integer of at least 2; got ${minPoints}`);
  if (!(horizonMs > 0) || !Number.isFinite(horizonMs)) throw new RangeError(`horizonMs must be positive and finite; got ${horizonMs}`);
  if (minR2 !== undefined && !(minR2 >= 0 && minR2 <= 1)) throw new RangeError(`minR2 must be within 0..1; got ${minR2}`);
}

function isFinitePoint(p: SeriesPoint): boolean {
  return Number.isFinite(p.tMs) && Number.isFinite(p.value);
}

/** The usual value at one local hour of the day. */
export interface DailyProfileHour {
  /** Local hour of day (Asia/Shanghai), 0..23. */
  hour: number;
  /** Median of the values at this hour. */
  median: number;
  /** Robust spread of the values at this hour, in their unit, comparable to a standard deviation. */
  scale: number;
  /** Values the hour was computed from. */
  samples: number;
}

/** The usual daily course of a value: one entry per local hour, index = hour. */
export interface DailyProfile {
  /** 24 entries; `null` for an hour with too few values to say what is usual. */
  hours: readonly (DailyProfileHour | null)[];
}

/** How much history a daily profile needs. */
export interface DailyProfileOptions {
  /** Fewest values an hour needs, a positive integer; 7 (a week of hourly means) when absent. */
  minSamplesPerHour?: number;
}

/**
 * Learns the usual daily course of a value from hourly means over at least a week: for each
 * local hour of the day (Asia/Shanghai, UTC+8, no daylight saving) the median of the values at
 * that hour and a robust spread comparable to a standard deviation: the median absolute
 * deviation (MAD) × 1.4826, or, when more than half the values equal the median (MAD 0), the
 * mean absolute deviation from the median × 1.2533; 0 when all values are equal. Median and MAD
 * are used rather than mean and standard deviation so that past anomalies in the history do not
 * shift or widen what counts as usual. Weekdays and weekends share one profile.
 *
 * A point belongs to the local hour its time falls in; points with a non-finite time or value
 * are left out.
 *
 * @param points - Hourly means, e.g. the last 28 days.
 * @param options - The fewest values per hour.
 * @returns The profile; hours with fewer than `minSamplesPerHour` values are `null`.
 * @throws RangeError when `minSamplesPerHour` is not a positive integer.
 */
export function dailyProfile(points: readonly SeriesPoint[], options: DailyProfileOptions = {}): DailyProfile {
  const minSamples = options.minSamplesPerHour ?? DEFAULT_MIN_SAMPLES_PER_HOUR;
  if (!Number.isInteger(minSamples) || minSamples < 1) throw new RangeError(`minSamplesPerHour must be a positive integer; got ${minSamples}`);
  const valuesByHour = Array.from({ length: 24 }, (): number[] => []);
  for (const p of points) {
    if (isFinitePoint(p)) valuesByHour[localHourOfDay(p.tMs)]!.push(p.value);
  }
  return {
    hours: valuesByHour.map((values, hour) => (values.length < minSamples ? null : { hour, ...robustSpread(values), samples: values.length })),
  };
}

/** The local hour of day (UTC+8), 0..23, of an epoch time. */
function localHourOfDay(tMs: number): number {
  return Math.floor(localMsOfDay(tMs) / HOUR_MS);
}

/** When a departure from the daily profile is worth a warning. */
export interface ProfileDeviationOptions {
  /** Least |z| of a deviating value (> 0), e.g. 3. */
  zThreshold: number;
  /** Fewest consecutive deviating hourly values, a positive integer, e.g. 3. */
  minConsecutive: number;
  /**
   * Least spread, in the values' unit (≥ 0): an hour whose profile spread is smaller is judged
   * with this one, so that a value that hardly ever varies is not flagged for a trifle. 0 when
   * absent.
   */
  minScale?: number;
}

/** One value of a sustained deviation. */
export interface ProfileDeviationPoint {
  tMs: number;
  value: number;
  /** The profile's median at the value's hour. */
  expected: number;
  /** The spread the value was judged with. */
  scale: number;
  /** `(value − expected) / scale`. */
  z: number;
}

/** A value away from its usual daily course for hours on end: what the advisory alarm reports. */
export interface ProfileDeviationAdvisory {
  condition: Extract<AlarmCondition, 'profile_deviation'>;
  /** Above (`high`) or below (`low`) the usual values. */
  direction: LimitDirection;
  /** First and last value of the deviation. */
  startMs: number;
  endMs: number;
  /** Largest |z| of the deviation. */
  maxAbsZ: number;
  /** The deviating values, oldest first. */
  points: ProfileDeviationPoint[];
}

/**
 * Warns of a sustained departure from the daily profile that is still going on: the latest
 * value and the ones before it, each within an hour of the next, with |z| ≥ `zThreshold` on the
 * same side of the profile, at least `minConsecutive` of them. A value the profile cannot judge
 * (its hour is `null`, or its spread is 0 and no `minScale` is given), a value back within the
 * threshold, a deviation on the other side or a gap of more than an hour ends the run. Once the
 * value is back to usual, the answer is `null` and the server clears the advisory.
 *
 * Points with a non-finite time or value are left out. The points may be in any order.
 *
 * @param profile - The usual daily course, from {@link dailyProfile}.
 * @param recent - Recent hourly means, e.g. the last 12 h.
 * @param options - Threshold, run length and least spread.
 * @returns The ongoing deviation, or `null` when there is none of `minConsecutive` values.
 * @throws RangeError when an option is out of range.
 *
 * @example
 * ```ts
 * const profile = dailyProfile(last28Days);
 * const advisory = profileDeviation(profile, last12Hours, { zThreshold: 3, minConsecutive: 3 });
 * ```
 */
export function profileDeviation(
  profile: DailyProfile,
  recent: readonly SeriesPoint[],
  options: ProfileDeviationOptions,
): ProfileDeviationAdvisory | null {
  validateDeviationOptions(options);
  const points = recent.filter(isFinitePoint).sort((a, b) => a.tMs - b.tMs);
  // Walk back from the latest value while the run holds, then put it oldest first.
  const run: ProfileDeviationPoint[] = [];
  for (let i = points.length - 1; i >= 0; i--) {
    const judged = judge(profile, points[i]!, options);
    const later = run[run.length - 1];
    if (judged === null || Math.abs(judged.z) < options.zThreshold) break;
    if (later !== undefined && (Math.sign(judged.z) !== Math.sign(later.z) || later.tMs - judged.tMs > HOUR_MS)) break;
    run.push(judged);
  }
  if (run.length < options.minConsecutive) return null;
  run.reverse();
  return {
    condition: 'profile_deviation',
    direction: run[0]!.z > 0 ? 'high' : 'low',
    startMs: run[0]!.tMs,
    endMs: run[run.length - 1]!.tMs,
    maxAbsZ: run.reduce((max, p) => Math.max(max, Math.abs(p.z)), 0),
    points: run,
  };
}

function validateDeviationOptions({ zThreshold, minConsecutive, minScale }: ProfileDeviationOptions): void {
  if (!(zThreshold > 0) || !Number.isFinite(zThreshold)) throw new RangeError(`zThreshold must be positive and finite; got ${zThreshold}`);
  if (!Number.isInteger(minConsecutive) || minConsecutive < 1) throw new RangeError(`minConsecutive must be a positive integer; got ${minConsecutive}`);
  if (minScale !== undefined && !(minScale >= 0 && Number.isFinite(minScale))) throw new RangeError(`minScale must be finite and not negative; got ${minScale}`);
}

/** The value against the profile at its hour, or `null` when the profile cannot judge it. */
function judge(profile: DailyProfile, point: SeriesPoint, { minScale = 0 }: ProfileDeviationOptions): ProfileDeviationPoint | null {
  const usual = profile.hours[localHourOfDay(point.tMs)];
  if (usual === null || usual === undefined) return null;
  const scale = Math.max(usual.scale, minScale);
  if (scale === 0) return null;
  return { tMs: point.tMs, value: point.value, expected: usual.median, scale, z: (point.value - usual.median) / scale };
}
