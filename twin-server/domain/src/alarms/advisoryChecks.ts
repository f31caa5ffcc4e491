/**
 * The early-warning checks of one sensor, as the server runs them every few minutes over the
 * rollups: a trend of the last hours' 1-minute means toward the sensor's limit, and the last
 * hours' hourly means against the daily profile learnt from the weeks before. REQ PROP-2 g
 * (automatic early warning by analysing historical operating data).
 */
import type { SensorLimits } from './advisoryLimits.ts';
import { limitAt } from './advisoryLimits.ts';
import { dailyProfile, profileDeviation, trendTowardLimit, type LimitDirection, type ProfileDeviationAdvisory, type SeriesPoint, type TrendAdvisory } from './earlyWarning.ts';

const HOUR_MS = 3_600_000;

/** How far back the checks look and when they warn. */
export interface EarlyWarningPolicy {
  /** Span of 1-minute means the trend line is fitted through, ms. */
  trendWindowMs: number;
  /** How far ahead a projected crossing of the limit is warned of, ms. */
  trendHorizonMs: number;
  /** Least r² of the trend line (0..1). */
  trendMinR2: number;
  /** Fewest 1-minute means to fit a trend through. */
  trendMinPoints: number;
  /** Span of hourly means the daily profile is learnt from, ms; at least a week. */
  profileHistoryMs: number;
  /** Fewest values an hour of the profile needs. */
  profileMinSamplesPerHour: number;
  /** Hourly means tested against the profile: this many hours, the current one included. */
  recentHours: number;
  /** Least |z| of a deviating hourly mean. */
  zThreshold: number;
  /** Fewest consecutive deviating hourly means. */
  minConsecutive: number;
  /**
   * Least spread of the profile as a share of the sensor's limit, so that a value that hardly
   * ever varies (a gas detector reading 0.3 %LEL all day) is not flagged for a trifle: the limit
   * sets the scale of what matters for the sensor.
   */
  minScaleOfLimit: number;
}

/**
 * The default policy: a trend over the last 2 h reaching the limit within 6 h at r² ≥ 0.6; the
 * profile of the last 14 days (each hour seen on at least 7 of them), and 3 hours in a row at
 * |z| ≥ 4 within the last 6, with a spread of at least 2 % of the limit.
 */
export const DEFAULT_EARLY_WARNING_POLICY: Readonly<EarlyWarningPolicy> = Object.freeze({
  trendWindowMs: 2 * HOUR_MS,
  trendHorizonMs: 6 * HOUR_MS,
  trendMinR2: 0.6,
  trendMinPoints: 20,
  profileHistoryMs: 14 * 24 * HOUR_MS,
  profileMinSamplesPerHour: 7,
  recentHours: 6,
  zThreshold: 4,
  minConsecutive: 3,
  minScaleOfLimit: 0.02,
});

/** A span of time, `[fromMs, toMs)`. */
export interface TimeSpan {
  fromMs: number;
  toMs: number;
}

/** The rollup windows one round of checks at a time reads. */
export interface EarlyWarningWindows {
  /** 1-minute means for the trend. */
  trend: TimeSpan;
  /** Hourly means: the profile's history up to `recentFromMs`, the recent hours from it. */
  hourly: TimeSpan;
  /** Start of the recent hours: the current hour and the `recentHours − 1` before it. */
  recentFromMs: number;
}

/**
 * The windows the checks at `nowMs` read. Both end just after `nowMs`, so the current minute and
 * the current hour count with what they hold so far: an advisory clears as soon as the value is
 * back to usual.
 */
export function earlyWarningWindows(nowMs: number, policy: Readonly<EarlyWarningPolicy> = DEFAULT_EARLY_WARNING_POLICY): EarlyWarningWindows {
  const toMs = nowMs + 1;
  const recentFromMs = Math.floor(nowMs / HOUR_MS) * HOUR_MS - (policy.recentHours - 1) * HOUR_MS;
  return {
    trend: { fromMs: nowMs - policy.trendWindowMs, toMs },
    hourly: { fromMs: recentFromMs - policy.profileHistoryMs, toMs },
    recentFromMs,
  };
}

/**
 * Whether the sensor's 1-minute means are heading for its high or its low limit (the one in
 * force at `nowMs`, day or night) within the horizon.
 *
 * @returns The trend, or `null` when there is none worth a warning, or the limit is already reached.
 */
export function trendAdvisory(limits: SensorLimits, minuteMeans: readonly SeriesPoint[], nowMs: number, policy: Readonly<EarlyWarningPolicy> = DEFAULT_EARLY_WARNING_POLICY): TrendAdvisory | null {
  const options = { minPoints: policy.trendMinPoints, horizonMs: policy.trendHorizonMs, minR2: policy.trendMinR2 };
  const sides: Array<[LimitDirection, SensorLimits['high']]> = [
    ['high', limits.high],
    ['low', limits.low],
  ];
  for (const [direction, limit] of sides) {
    if (limit === undefined) continue;
    const advisory = trendTowardLimit(minuteMeans, { value: limitAt(limit, nowMs), direction }, options);
    if (advisory !== null) return advisory;
  }
  return null;
}

/**
 * Whether the sensor's recent hourly means have left its usual daily course, judged against the
 * profile learnt from `history`.
 *
 * @param history - Hourly means before the recent hours (see {@link earlyWarningWindows}).
 * @param recent - Hourly means of the recent hours.
 * @returns The ongoing deviation, or `null` when the values are usual or the history is too short.
 */
export function profileAdvisory(
  limits: SensorLimits,
  history: readonly SeriesPoint[],
  recent: readonly SeriesPoint[],
  policy: Readonly<EarlyWarningPolicy> = DEFAULT_EARLY_WARNING_POLICY,
): ProfileDeviationAdvisory | null {
  if (recent.length < policy.minConsecutive) return null;
  const profile = dailyProfile(history, { minSamplesPerHour: policy.profileMinSamplesPerHour });
  const scaleLimit = Math.max(Math.abs(limits.high?.day ?? 0), Math.abs(limits.low?.day ?? 0));
  return profileDeviation(profile, recent, { zThreshold: policy.zThreshold, minConsecutive: policy.minConsecutive, minScale: policy.minScaleOfLimit * scaleLimit });
}
