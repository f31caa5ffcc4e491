import { describe, expect, it } from 'vitest';
// The server's own encoder: the renderer decodes exactly what `/api/readings` sends.
import { windowToArrow } from '../../../../twin-server/src/storage/windowToArrow.ts';
import { alignedColumns } from './trendTable.ts';
import { decodeTrendWindow } from './decodeTrendWindow.ts';

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);

describe('decoding Arrow windows into chart columns (PLAT-3 trend charts, EVAL-2 Arrow exchange)', () => {
  it('lays raw readings of two sensors on shared times, in the asked order', () => {
    const bytes = windowToArrow({
      resolution: 'raw',
      rowCount: 4,
      truncated: false,
      sensorIds: ['NOISE-1', 'NOISE-2', 'NOISE-1', 'NOISE-2'],
      tsMs: new Float64Array([T0, T0, T0 + 30_000, T0 + 45_000]),
      values: new Float64Array([41.5, 38, 42.25, 39]),
    });
    const table = decodeTrendWindow(bytes, ['NOISE-2', 'NOISE-1']);
    expect(table.resolution).toBe('raw');
    expect(table.truncated).toBe(false);
    expect(table.x).toEqual([T0, T0 + 30_000, T0 + 45_000]);
    expect(table.values).toEqual([
      [38, null, 39],
      [41.5, 42.25, null],
    ]);
    expect(alignedColumns(table)).toHaveLength(7);
  });

  it('reads rollups as mean lines with min/max bands, and the truncation flag', () => {
    const bytes = windowToArrow({
      resolution: '1m',
      rowCount: 2,
      truncated: true,
      sensorIds: ['PM25-1', 'PM25-1'],
      tsMs: new Float64Array([T0, T0 + 60_000]),
      count: new Int32Array([2, 3]),
      min: new Float64Array([30, 31]),
      max: new Float64Array([36, 40]),
      mean: new Float64Array([33, 35.5]),
      last: new Float64Array([36, 32]),
    });
    const table = decodeTrendWindow(bytes, ['PM25-1']);
    expect(table.resolution).toBe('1m');
    expect(table.truncated).toBe(true);
    expect(table.x).toEqual([T0, T0 + 60_000]);
    expect(table.values[0]).toEqual([33, 35.5]);
    expect(table.min[0]).toEqual([30, 31]);
    expect(table.max[0]).toEqual([36, 40]);
  });

  it('ignores rows of sensors not asked for and keeps times beyond 2^32 ms exact', () => {
    const late = 4_102_444_800_123; // 2100-01-01T00:00:00.123Z
    const bytes = windowToArrow({ resolution: 'raw', rowCount: 2, truncated: false, sensorIds: ['A', 'B'], tsMs: new Float64Array([late, late + 1]), values: new Float64Array([1, 2]) });
    const table = decodeTrendWindow(bytes, ['B']);
    expect(table.x).toEqual([late + 1]);
    expect(table.values[0]).toEqual([2]);
  });

  it('decodes an empty window', () => {
    const bytes = windowToArrow({ resolution: '1h', rowCount: 0, truncated: false, sensorIds: [], tsMs: new Float64Array(0), count: new Int32Array(0), min: new Float64Array(0), max: new Float64Array(0), mean: new Float64Array(0), last: new Float64Array(0) });
    const table = decodeTrendWindow(bytes, ['A']);
    expect(table.x).toEqual([]);
    expect(table.values).toEqual([[]]);
  });
});
