/**
 * The statistics behind the early warnings: a least-squares line and a robust centre and
 * spread. REQ PROP-2 g (early warning from history).
 */

/** Scales a median absolute deviation to the standard deviation of a normal distribution. */
const MAD_TO_SIGMA = 1.4826;
/** Scales a mean absolute deviation to the standard deviation of a normal distribution (√(π/2)). */
const MEAN_AD_TO_SIGMA = 1.2533;

/** A value of a series at a time: a reading, or an hourly mean from the rollups. */
export interface SeriesPoint {
  tMs: number;
  value: number;
}

/**
 * A least-squares line through points, written about their mean time.
 * @internal
 */
export interface LinearFit {
  /** Value change per millisecond. */
  slopePerMs: number;
  /** Mean time and mean value of the points: the line passes through them. */
  meanMs: number;
  meanValue: number;
  /** Coefficient of determination, 0..1; 0 for points that all have the same value. */
  r2: number;
}

/**
 * Fits `value = meanValue + slopePerMs × (t − meanMs)` by least squares. Sums are taken about
 * the means, so epoch-millisecond times lose no precision to cancellation.
 *
 * @returns The line, or `null` when fewer than two distinct times leave the slope undefined.
 * @internal
 */
export function linearFit(points: readonly SeriesPoint[]): LinearFit | null {
  const n = points.length;
  if (n < 2) return null;
  let sumT = 0;
  let sumV = 0;
  for (const p of points) {
    sumT += p.tMs;
    sumV += p.value;
  }
  const meanMs = sumT / n;
  const meanValue = sumV / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    const dt = p.tMs - meanMs;
    const dv = p.value - meanValue;
    sxx += dt * dt;
    sxy += dt * dv;
    syy += dv * dv;
  }
  if (sxx === 0) return null;
  return { slopePerMs: sxy / sxx, meanMs, meanValue, r2: syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}

/**
 * A robust centre and spread of a sample.
 * @internal
 */
export interface RobustSpread {
  median: number;
  /**
   * The spread in the unit of the values, comparable to a standard deviation: the median
   * absolute deviation × 1.4826; when more than half the values equal the median (the MAD is 0),
   * the mean absolute deviation from the median × 1.2533 instead; 0 when all values are equal.
   */
  scale: number;
}

/**
 * The median and robust spread of a non-empty sample.
 * @internal
 */
export function robustSpread(values: readonly number[]): RobustSpread {
  const median = medianOf(values);
  const deviations = values.map((v) => Math.abs(v - median));
  const mad = medianOf(deviations);
  if (mad > 0) return { median, scale: mad * MAD_TO_SIGMA };
  const meanDeviation = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  return { median, scale: meanDeviation * MEAN_AD_TO_SIGMA };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
