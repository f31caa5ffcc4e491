/** Resolution of a window of readings: raw readings, or 1-minute / 1-hour rollups (`/api/readings`). */
export type Resolution = 'raw' | '1m' | '1h';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The window presets of a trend chart (REQ PLAT-3 trend charts), shortest first. */
export const TREND_PRESETS = [
  { id: '15m', durationMs: 15 * MINUTE_MS },
  { id: '1h', durationMs: HOUR_MS },
  { id: '6h', durationMs: 6 * HOUR_MS },
  { id: '24h', durationMs: DAY_MS },
  { id: '7d', durationMs: 7 * DAY_MS },
] as const;

/** A preset id, e.g. `'1h'`. */
export type TrendPresetId = (typeof TREND_PRESETS)[number]['id'];

/** Longest span shown from raw readings. */
const RAW_SPAN_LIMIT_MS = HOUR_MS;
/** Longest span shown from 1-minute rollups; longer spans use hourly ones. */
const MINUTE_SPAN_LIMIT_MS = 2 * DAY_MS;
/** Shortest span a zoom may reach. */
const MIN_SPAN_MS = 10_000;

/**
 * The resolution a span is drawn at: raw readings up to an hour, 1-minute rollups up to two days,
 * hourly rollups beyond. Keeps a chart at a few thousand points per sensor whatever the span.
 */
export function resolutionFor(spanMs: number): Resolution {
  if (spanMs <= RAW_SPAN_LIMIT_MS) return 'raw';
  if (spanMs <= MINUTE_SPAN_LIMIT_MS) return '1m';
  return '1h';
}

/** A time range, epoch ms, `fromMs < toMs`. */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/** A fetched window: its range and resolution. */
export interface TrendWindow extends TimeRange {
  resolution: Resolution;
}

/**
 * The window to fetch so that `view` can be drawn, or null when the loaded window already serves
 * it: the view must lie inside the loaded range, at the resolution its span calls for. Fetches
 * exactly the view, in whole milliseconds.
 */
export function windowToFetch(view: TimeRange, loaded: TrendWindow | null): TrendWindow | null {
  const fromMs = Math.round(view.fromMs);
  const toMs = Math.round(view.toMs);
  const resolution = resolutionFor(toMs - fromMs);
  if (loaded !== null && loaded.resolution === resolution && fromMs >= loaded.fromMs && toMs <= loaded.toMs) return null;
  return { fromMs, toMs, resolution };
}

/**
 * `range` zoomed by `factor` (below 1 zooms in) around `anchorMs`, which stays where it is on
 * screen; never narrower than {@link MIN_SPAN_MS}.
 */
export function zoomAround(range: TimeRange, anchorMs: number, factor: number): TimeRange {
  const span = range.toMs - range.fromMs;
  const next = Math.max(MIN_SPAN_MS, span * factor);
  const share = span > 0 ? (anchorMs - range.fromMs) / span : 0.5;
  const fromMs = anchorMs - share * next;
  return { fromMs, toMs: fromMs + next };
}

/**
 * `range` moved by `fraction` of its span (negative: earlier), not past `latestMs`: a pan that
 * would reach beyond it stops with the range ending there.
 */
export function panBy(range: TimeRange, fraction: number, latestMs: number): TimeRange {
  const span = range.toMs - range.fromMs;
  const toMs = Math.min(latestMs, range.toMs + fraction * span);
  return { fromMs: toMs - span, toMs };
}
