import { describe, expect, it } from 'vitest';
import { FIELD_MAX_CELLS, FIELD_MIN_CELL_M, fieldGridOver, renderField, type FieldSamples } from './fieldGrid.ts';
import { OVERLAYS, packBands } from './overlayBands.ts';

const samples = (points: Array<[number, number, number]>): FieldSamples => ({
  count: points.length,
  xs: Float32Array.from(points.map((p) => p[0])),
  ys: Float32Array.from(points.map((p) => p[1])),
  values: Float32Array.from(points.map((p) => p[2])),
});
const noise = { ...packBands(OVERLAYS.noise.bands(false)), alpha: 0.6, reachM: 150 };
const pixel = (out: Uint8ClampedArray, width: number, c: number, r: number) => [...out.subarray(4 * (r * width + c), 4 * (r * width + c) + 4)];

describe('fieldGridOver', () => {
  it('covers the extent with square cells, at most 256 a side and no finer than 2 m', () => {
    const large = fieldGridOver(-400, -300, 400, 300);
    expect(large.width).toBe(FIELD_MAX_CELLS);
    expect(large.cellM).toBeCloseTo(800 / FIELD_MAX_CELLS, 9);
    expect(large.height).toBe(Math.ceil(600 / large.cellM));
    const small = fieldGridOver(0, 0, 100, 50);
    expect([small.cellM, small.width, small.height]).toEqual([FIELD_MIN_CELL_M, 50, 25]);
  });
});

describe('renderField', () => {
  it('ENV-4 colours each cell by the noise band of its interpolated value', () => {
    const grid = { x0: 0, y0: 0, cellM: 10, width: 10, height: 1 };
    const out = new Uint8ClampedArray(4 * 10);
    // A quiet point in the west, a loud one in the east.
    const range = renderField(samples([[5, 5, 40], [95, 5, 70]]), grid, noise, out);
    expect(pixel(out, 10, 0, 0)).toEqual([0x00, 0xe4, 0x00, 153]);
    expect(pixel(out, 10, 9, 0)).toEqual([0xff, 0x00, 0x00, 153]);
    expect(range.min).toBeCloseTo(40, 6);
    expect(range.max).toBeCloseTo(70, 6);
  });

  it('is exact at a sample and the weighted mean between samples', () => {
    const grid = { x0: 0, y0: 0, cellM: 10, width: 3, height: 1 };
    const out = new Uint8ClampedArray(12);
    // Equidistant from both samples (at 5 and 25), the centre cell gets their mean, 50: band 45–55.
    const range = renderField(samples([[5, 5, 40], [25, 5, 60]]), grid, noise, out);
    expect(pixel(out, 3, 1, 0).slice(0, 3)).toEqual([0xff, 0xff, 0x00]);
    expect(range.min).toBe(40);
    expect(range.max).toBe(60);
  });

  it('leaves cells beyond the reach of every sample transparent and fades towards it', () => {
    const grid = { x0: 0, y0: 0, cellM: 10, width: 30, height: 1 };
    const out = new Uint8ClampedArray(4 * 30);
    renderField(samples([[5, 5, 50]]), grid, noise, out);
    expect(pixel(out, 30, 5, 0)[3]).toBe(153);
    expect(pixel(out, 30, 14, 0)[3]).toBeGreaterThan(0);
    expect(pixel(out, 30, 14, 0)[3]).toBeLessThan(153);
    expect(pixel(out, 30, 20, 0)[3]).toBe(0);
  });

  it('draws nothing without samples', () => {
    const out = new Uint8ClampedArray(16).fill(9);
    const range = renderField(samples([]), { x0: 0, y0: 0, cellM: 1, width: 2, height: 2 }, noise, out);
    expect([out[3], out[7], out[11], out[15]]).toEqual([0, 0, 0, 0]);
    expect(range.min).toBe(Infinity);
  });
});
