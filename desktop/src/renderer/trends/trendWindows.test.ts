import { describe, expect, it } from 'vitest';
import { panBy, resolutionFor, TREND_PRESETS, windowToFetch, zoomAround } from './trendWindows.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('trend windows (PLAT-3 trend charts)', () => {
  it('draws raw readings up to an hour, minute rollups up to two days, hourly rollups beyond', () => {
    expect(TREND_PRESETS.map((p) => [p.id, resolutionFor(p.durationMs)])).toEqual([
      ['15m', 'raw'],
      ['1h', 'raw'],
      ['6h', '1m'],
      ['24h', '1m'],
      ['7d', '1h'],
    ]);
    expect(resolutionFor(HOUR + 1)).toBe('1m');
    expect(resolutionFor(2 * DAY)).toBe('1m');
    expect(resolutionFor(2 * DAY + 1)).toBe('1h');
  });

  it('fetches exactly the view when nothing is loaded', () => {
    expect(windowToFetch({ fromMs: 1000.4, toMs: HOUR + 1000.4 }, null)).toEqual({ fromMs: 1000, toMs: HOUR + 1000, resolution: 'raw' });
    expect(windowToFetch({ fromMs: 1000.6, toMs: HOUR + 1000.6 }, null)).toEqual({ fromMs: 1001, toMs: HOUR + 1001, resolution: 'raw' });
  });

  it('fetches nothing while the loaded window holds the view at its resolution', () => {
    const loaded = { fromMs: 0, toMs: 6 * HOUR, resolution: '1m' as const };
    expect(windowToFetch({ fromMs: HOUR, toMs: 5 * HOUR }, loaded)).toBeNull();
  });

  it('fetches again when the view leaves the loaded window or its span calls for another resolution', () => {
    const loaded = { fromMs: 0, toMs: 6 * HOUR, resolution: '1m' as const };
    expect(windowToFetch({ fromMs: -HOUR, toMs: 4 * HOUR }, loaded)).toEqual({ fromMs: -HOUR, toMs: 4 * HOUR, resolution: '1m' });
    // Zoomed in to 30 minutes of a 6-hour window: raw readings of those 30 minutes.
    expect(windowToFetch({ fromMs: HOUR, toMs: HOUR + 30 * MIN }, loaded)).toEqual({ fromMs: HOUR, toMs: HOUR + 30 * MIN, resolution: 'raw' });
  });

  it('zooms around the anchor, which keeps its place, and not below ten seconds', () => {
    expect(zoomAround({ fromMs: 0, toMs: 1000 * MIN }, 250 * MIN, 0.5)).toEqual({ fromMs: 125 * MIN, toMs: 625 * MIN });
    expect(zoomAround({ fromMs: 0, toMs: 1000 * MIN }, 250 * MIN, 2)).toEqual({ fromMs: -250 * MIN, toMs: 1750 * MIN });
    const tiny = zoomAround({ fromMs: 0, toMs: 20_000 }, 10_000, 0.1);
    expect(tiny.toMs - tiny.fromMs).toBe(10_000);
  });

  it('pans by a share of the span, stopping at the latest time', () => {
    expect(panBy({ fromMs: 0, toMs: HOUR }, -0.5, 10 * HOUR)).toEqual({ fromMs: -HOUR / 2, toMs: HOUR / 2 });
    expect(panBy({ fromMs: 8 * HOUR, toMs: 9 * HOUR }, 2, 10 * HOUR)).toEqual({ fromMs: 9 * HOUR, toMs: 10 * HOUR });
  });
});
