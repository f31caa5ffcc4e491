import { describe, expect, it } from 'vitest';
import { pickParts, pickPoints, pickSegments, rayBoxEntry, rayTriangle, type PickRay } from './rayPick.ts';

const down: PickRay = { origin: [0, 100, 0], direction: [0, -1, 0] };

describe('ray picking', () => {
  it('enters boxes at the right distance, or never', () => {
    expect(rayBoxEntry(down, [-1, 0, -1, 1, 10, 1])).toBeCloseTo(90, 9);
    expect(rayBoxEntry(down, [2, 0, 2, 3, 10, 3])).toBe(Infinity);
  });

  it('hits triangles from either side', () => {
    const p = new Float32Array([-1, 5, -1, 1, 5, -1, 0, 5, 1]);
    expect(rayTriangle(down, p, 0, 1, 2)).toBeCloseTo(95, 6);
    expect(rayTriangle(down, p, 0, 2, 1)).toBeCloseTo(95, 6);
    expect(rayTriangle({ origin: [5, 100, 0], direction: [0, -1, 0] }, p, 0, 1, 2)).toBe(Infinity);
  });

  it('finds the nearest accepted part, honouring a section plane', () => {
    // Two stacked horizontal triangles: part 0 at y = 10, part 1 at y = 20.
    const positions = new Float32Array([-1, 10, -1, 1, 10, -1, 0, 10, 1, -1, 20, -1, 1, 20, -1, 0, 20, 1]);
    const indices = new Uint32Array([0, 1, 2, 3, 4, 5]);
    const parts = { count: 2, firstIndex: new Uint32Array([0, 3]), indexCount: new Uint32Array([3, 3]), bounds: new Float32Array([-1, 10, -1, 1, 10, 1, -1, 20, -1, 1, 20, 1]) };
    expect(pickParts(down, positions, indices, parts, () => true)).toEqual({ index: 1, t: 80, triangle: 1 });
    expect(pickParts(down, positions, indices, parts, (i) => i === 0)?.index).toBe(0);
    expect(pickParts(down, positions, indices, parts, () => true, (_x, y) => y <= 15)?.index).toBe(0);
  });

  it('picks points and segments within their radius or a pixel tolerance, nearest first', () => {
    const centres = new Float32Array([0.5, 0, 0, 0, 50, 0, 30, 0, 0]);
    expect(pickPoints(down, centres, () => 1, 0, () => true)).toEqual({ index: 1, t: 50 });
    expect(pickPoints(down, centres, () => 1, 0, (i) => i !== 1)).toEqual({ index: 0, t: 100 });
    expect(pickPoints(down, centres, () => 0.1, 0.001, (i) => i !== 1)).toBeUndefined();
    expect(pickPoints(down, centres, () => 0.1, 0.01, (i) => i !== 1)).toEqual({ index: 0, t: 100 });
    const segments = new Float32Array([-10, -2, 0.2, 10, -2, 0.2, -10, 50, 40, 10, 50, 40]);
    expect(pickSegments(down, segments, () => 0.1, 0, () => true)).toBeUndefined();
    expect(pickSegments(down, segments, () => 0.25, 0, () => true)).toEqual({ index: 0, t: 102 });
  });
});
