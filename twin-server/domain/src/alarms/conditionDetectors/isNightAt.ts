/**
 * Day and night by the community's local time. Shenzhen keeps Asia/Shanghai time, UTC+8 all
 * year (no daylight saving), so local time is a fixed offset from epoch milliseconds.
 */

/** Offset of Asia/Shanghai local time from UTC, ms. */
export const LOCAL_UTC_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;
const NIGHT_STARTS_MS = 22 * 3_600_000;
const NIGHT_ENDS_MS = 6 * 3_600_000;

/**
 * Whether `tMs` (epoch ms) falls in the night period, 22:00 (inclusive) to 06:00 (exclusive) local
 * time: the period of the night noise limits of GB 3096 (REQ ENV-4) and of `thresholds.night`.
 */
export function isNightAt(tMs: number): boolean {
  const msOfDay = localMsOfDay(tMs);
  return msOfDay >= NIGHT_STARTS_MS || msOfDay < NIGHT_ENDS_MS;
}

/**
 * The first change between day and night after `tMs` (epoch ms): the next 06:00 or 22:00 local
 * time. With {@link isNightAt}, cuts a time range into its day and night periods.
 * @example
 * // 20:00 local on 1 June 2024 → 22:00 the same evening.
 * nextDayNightChange(Date.UTC(2024, 5, 1, 12)) === Date.UTC(2024, 5, 1, 14);
 */
export function nextDayNightChange(tMs: number): number {
  const msOfDay = localMsOfDay(tMs);
  const startOfDay = tMs - msOfDay;
  if (msOfDay < NIGHT_ENDS_MS) return startOfDay + NIGHT_ENDS_MS;
  if (msOfDay < NIGHT_STARTS_MS) return startOfDay + NIGHT_STARTS_MS;
  return startOfDay + DAY_MS + NIGHT_ENDS_MS;
}

/** Milliseconds since local midnight of `tMs` (epoch ms), 0 ≤ result < one day, also before the epoch. */
export function localMsOfDay(tMs: number): number {
  return (((tMs + LOCAL_UTC_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}
