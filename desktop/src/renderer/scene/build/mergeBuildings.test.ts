import { describe, expect, it } from 'vitest';
import { NO_STOREY, type BuildingSurfaces } from '../ifc/buildingModel.ts';
import { mergeBuildingSurfaces } from './mergeBuildings.ts';

/** `triangles` triangles of one element each, one vertex triple per triangle. */
function surfaces(elements: number[], storey: number): BuildingSurfaces {
  const n = 3 * elements.length;
  return {
    positions: new Float32Array(3 * n).map((_, i) => i),
    normals: new Int16Array(3 * n),
    colors: new Uint8Array(4 * n).fill(200),
    storeys: new Uint16Array(n).fill(storey),
    indices: new Uint32Array(n).map((_, i) => i),
    runs: new Uint32Array(elements.flatMap((e, t) => [e, 3 * t, 3])),
    runBounds: new Float32Array(6 * elements.length).map((_, i) => i),
  };
}

describe('mergeBuildingSurfaces', () => {
  const merged = mergeBuildingSurfaces([
    { slot: 0, surfaces: surfaces([4, 5], 1), storeyBase: 0 },
    { slot: 3, surfaces: surfaces([0], NO_STOREY), storeyBase: 10 },
  ]);

  it('concatenates vertices and rebases indices', () => {
    expect(merged.positions.length).toBe(27);
    expect([...merged.indices]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives each vertex a global storey id, -1 outside storeys', () => {
    expect([...merged.storeyIds]).toEqual([1, 1, 1, 1, 1, 1, -1, -1, -1]);
  });

  it('lists parts with slot, element and index range, and maps triangles back to them', () => {
    expect([...merged.parts.slot]).toEqual([0, 0, 3]);
    expect([...merged.parts.element]).toEqual([4, 5, 0]);
    expect([...merged.parts.firstIndex]).toEqual([0, 3, 6]);
    expect(merged.ranges.lookup(1)).toEqual({ owner: 0, subOwner: 5 });
    expect(merged.ranges.lookup(2)).toEqual({ owner: 3, subOwner: 0 });
    expect(merged.ranges.rangesOf(0)).toEqual([[0, 1], [1, 1]]);
  });
});
