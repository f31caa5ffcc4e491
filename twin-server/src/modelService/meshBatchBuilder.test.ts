import { describe, expect, it } from 'vitest';
import { MeshBatchBuilder, VertexLimitError } from './meshBatchBuilder.ts';

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const GREY = { x: 0.5, y: 0.5, z: 0.5, w: 1 };
const GLASS = { x: 0.2, y: 0.4, z: 1, w: 0.3 };

/** One triangle in the XY plane facing +Z, interleaved position and normal. */
const triangle = () => ({
  vertices: Float32Array.from([0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1]),
  indices: Uint32Array.from([0, 1, 2]),
});

/** Column-major translation. */
const translate = (x: number, y: number, z: number) => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, y, z, 1];

describe('mesh batch builder', () => {
  it('merges geometries of one colour into one batch and extends the run of the same element', () => {
    const builder = new MeshBatchBuilder({ maxVertices: 100 });
    const t = triangle();
    builder.add(0, GREY, IDENTITY, t.vertices, t.indices);
    builder.add(0, GREY, translate(5, 0, 0), t.vertices, t.indices);
    builder.add(1, GREY, translate(10, 0, 0), t.vertices, t.indices);
    const { batches, origin } = builder.finish();
    expect(origin).toEqual([0, 0, 0]);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.runs).toEqual([
      { element: 0, firstVertex: 0, vertexCount: 6, firstIndex: 0, indexCount: 6 },
      { element: 1, firstVertex: 6, vertexCount: 3, firstIndex: 6, indexCount: 3 },
    ]);
    expect([...batches[0]!.indices]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...batches[0]!.positions.subarray(9, 12)]).toEqual([5, 0, 0]);
  });

  it('splits colours into batches, giving an element one run in each', () => {
    const builder = new MeshBatchBuilder({ maxVertices: 100 });
    const t = triangle();
    builder.add(0, GREY, IDENTITY, t.vertices, t.indices);
    builder.add(0, GLASS, IDENTITY, t.vertices, t.indices);
    const { batches } = builder.finish();
    expect(batches.map((b) => b.color.map((c) => Math.round(c * 255)))).toEqual([[128, 128, 128, 255], [51, 102, 255, 77]]);
    expect(batches.map((b) => b.runs.map((r) => r.element))).toEqual([[0], [0]]);
  });

  it('rotates normals with the placement and flips the winding of a mirrored one', () => {
    const builder = new MeshBatchBuilder({ maxVertices: 100 });
    const t = triangle();
    // 90° about X: +Z becomes -Y.
    builder.add(0, GREY, [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1], t.vertices, t.indices);
    // Mirror in X: the normal stays +Z, the triangle must turn round to keep facing it.
    builder.add(1, GLASS, [-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], t.vertices, t.indices);
    const [rotated, mirrored] = builder.finish().batches;
    expect([...rotated!.normals.subarray(0, 3)]).toEqual([0, -32767, 0]);
    expect([...mirrored!.normals.subarray(0, 3)]).toEqual([0, 0, 32767]);
    expect([...mirrored!.indices]).toEqual([0, 2, 1]);
  });

  it('keeps normals unit length under non-uniform scale', () => {
    const builder = new MeshBatchBuilder({ maxVertices: 100 });
    const slanted = { vertices: Float32Array.from([0, 0, 0, Math.SQRT1_2, Math.SQRT1_2, 0, 1, 0, 0, Math.SQRT1_2, Math.SQRT1_2, 0, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2, 0]), indices: Uint32Array.from([0, 1, 2]) };
    builder.add(0, GREY, [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], slanted.vertices, slanted.indices);
    const n = [...builder.finish().batches[0]!.normals.subarray(0, 3)].map((c) => c / 32767);
    // The inverse transpose halves x: (0.5, 1, 0) normalised.
    expect(n[0]).toBeCloseTo(1 / Math.sqrt(5), 3);
    expect(n[1]).toBeCloseTo(2 / Math.sqrt(5), 3);
  });

  it('moves the origin next to a model placed far away, keeping float32 precision', () => {
    const builder = new MeshBatchBuilder({ maxVertices: 100 });
    const t = triangle();
    builder.add(0, GREY, translate(500_000.25, 10, -2_500_000.5), t.vertices, t.indices);
    const { origin, batches } = builder.finish();
    expect(origin).toEqual([500_000, 10, -2_500_000]);
    expect([...batches[0]!.positions.subarray(3, 6)]).toEqual([1.25, 0, -0.5]);
  });

  it('skips empty geometries and refuses more vertices than the limit', () => {
    const builder = new MeshBatchBuilder({ maxVertices: 5 });
    const t = triangle();
    expect(builder.add(0, GREY, IDENTITY, new Float32Array(0), new Uint32Array(0))).toBe(0);
    expect(builder.add(0, GREY, IDENTITY, t.vertices, t.indices)).toBe(1);
    expect(() => builder.add(1, GREY, IDENTITY, t.vertices, t.indices)).toThrow(VertexLimitError);
  });
});
