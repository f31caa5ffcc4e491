/** Length of a 1-minute rollup bucket, milliseconds. */
export const MINUTE_MS = 60_000;
/** Length of a 1-hour rollup bucket, milliseconds. */
export const HOUR_MS = 3_600_000;

/** Start of the bucket of `sizeMs` holding `tsMs` (epoch ms, non-negative). */
export function bucketStart(tsMs: number, sizeMs: number): number {
  return Math.floor(tsMs / sizeMs) * sizeMs;
}

/** The first bucket start at or after `tsMs`. */
export function bucketCeil(tsMs: number, sizeMs: number): number {
  const start = Math.floor(tsMs / sizeMs) * sizeMs;
  return start === tsMs ? start : start + sizeMs;
}
