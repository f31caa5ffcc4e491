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
  const msOfDay = (((tMs + LOCAL_UTC_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return msOfDay >= NIGHT_STARTS_MS || msOfDay < NIGHT_ENDS_MS;
}
