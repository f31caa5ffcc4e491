import { describe, expect, it } from 'vitest';
import {
  crc32,
  decodeMeshPack,
  elementAtIndex,
  elementIndexRanges,
  encodeMeshPack,
  globalIdAt,
  MESH_PACK_HEADER_BYTES,
  MeshPackError,
  modelProgressSchema,
  packNormalComponent,
  readMeshPackHeader,
  typeAt,
  type MeshPackBatchInput,
  type MeshPackInput,
} from './meshPack.ts';

/** A unit quad (two triangles) at `x`, facing +Z. */
function quad(x: number): { positions: number[]; normals: number[]; indices: number[] } {
  return {
    positions: [x, 0, 0, x + 1, 0, 0, x + 1, 1, 0, x, 1, 0],
    normals: Array.from({ length: 4 }, () => [0, 0, packNormalComponent(1)]).flat(),
    indices: [0, 1, 2, 0, 2, 3],
  };
}

/** A batch holding a quad per listed element, in order. */
function batch(color: [number, number, number, number], elements: Array<{ element: number; x: number }>): MeshPackBatchInput {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const runs: MeshPackBatchInput['runs'] = [];
  for (const { element, x } of elements) {
    const q = quad(x);
    const firstVertex = positions.length / 3;
    runs.push({ element, firstVertex, vertexCount: 4, firstIndex: indices.length, indexCount: 6 });
    positions.push(...q.positions);
    normals.push(...q.normals);
    indices.push(...q.indices.map((i) => i + firstVertex));
  }
  return {
    color,
    positions: Float32Array.from(positions),
    normals: Int16Array.from(normals),
    indices: Uint32Array.from(indices),
    vertexCount: positions.length / 3,
    indexCount: indices.length,
    runs,
  };
}

const input: MeshPackInput = {
  schema: 'IFC4',
  sourceSha256: 'ab'.repeat(32),
  origin: [500_000, 0, -2_500_000],
  elements: [
    { expressId: 101, globalId: '2O2Fr$t4X7Zf8NOew3FKau', type: 'IfcWall' },
    { expressId: 202, globalId: '1hOSvn6df7F8_7GcBWlR72', type: 'IfcWindow' },
    { expressId: 303, globalId: '', type: 'IfcWall' },
  ],
  // The window has a frame (grey, with the walls) and glass (blue, translucent).
  batches: [
    batch([0.8, 0.8, 0.8, 1], [{ element: 0, x: 0 }, { element: 1, x: 2 }, { element: 2, x: 4 }]),
    batch([0.2, 0.4, 1, 0.3], [{ element: 1, x: 2.25 }]),
  ],
};

describe('mesh packs', () => {
  it('round-trips elements, batches, runs and geometry, rebasing indices onto the merged arrays', () => {
    const pack = decodeMeshPack(encodeMeshPack(input));
    expect(pack.origin).toEqual([500_000, 0, -2_500_000]);
    expect(pack.meta.schema).toBe('IFC4');
    expect(pack.meta.sourceSha256).toBe('ab'.repeat(32));
    expect(pack.meta.types).toEqual(['IfcWall', 'IfcWindow']);
    expect(pack.elementCount).toBe(3);
    expect([...pack.expressIds]).toEqual([101, 202, 303]);
    expect([0, 1, 2].map((e) => typeAt(pack, e))).toEqual(['IfcWall', 'IfcWindow', 'IfcWall']);
    expect([0, 1, 2].map((e) => globalIdAt(pack, e))).toEqual(['2O2Fr$t4X7Zf8NOew3FKau', '1hOSvn6df7F8_7GcBWlR72', '']);
    expect(pack.batches).toEqual([
      { color: [expect.closeTo(0.8, 6), expect.closeTo(0.8, 6), expect.closeTo(0.8, 6), 1], firstVertex: 0, vertexCount: 12, firstIndex: 0, indexCount: 18, firstRun: 0, runCount: 3 },
      { color: [expect.closeTo(0.2, 6), expect.closeTo(0.4, 6), 1, expect.closeTo(0.3, 6)], firstVertex: 12, vertexCount: 4, firstIndex: 18, indexCount: 6, firstRun: 3, runCount: 1 },
    ]);
    expect(pack.positions.length).toBe(3 * 16);
    expect(pack.normals[2]).toBe(32767);
    // The glass quad's indices point past the 12 vertices of the first batch.
    expect([...pack.indices.subarray(18)]).toEqual([12, 13, 14, 12, 14, 15]);
    expect([...pack.runs.subarray(15, 20)]).toEqual([1, 12, 4, 18, 6]);
    expect([...pack.elementBounds.subarray(6, 12)]).toEqual([2, 0, 0, 3.25, 1, 0]);
    expect(pack.meta.bounds).toEqual({ min: [0, 0, 0], max: [5, 1, 0] });
  });

  it('finds the element under a picked triangle and the ranges that highlight it', () => {
    const pack = decodeMeshPack(encodeMeshPack(input));
    const triangles = pack.indices.length / 3;
    expect(Array.from({ length: triangles }, (_, t) => elementAtIndex(pack, 3 * t))).toEqual([0, 0, 1, 1, 2, 2, 1, 1]);
    expect(elementAtIndex(pack, pack.indices.length)).toBe(-1);
    expect(elementIndexRanges(pack, 1)).toEqual([[6, 6], [18, 6]]);
  });

  it('encodes an empty model as a valid pack with zero bounds', () => {
    const pack = decodeMeshPack(encodeMeshPack({ schema: 'IFC2X3', origin: [0, 0, 0], elements: [], batches: [] }));
    expect(pack.elementCount).toBe(0);
    expect(pack.batches).toEqual([]);
    expect(pack.meta.bounds).toEqual({ min: [0, 0, 0], max: [0, 0, 0] });
  });

  it('keeps metadata beyond ASCII intact', () => {
    const pack = decodeMeshPack(encodeMeshPack({ ...input, schema: 'IFC4 楼栋' }));
    expect(pack.meta.schema).toBe('IFC4 楼栋');
  });

  it('decodes from an unaligned byte view, as a Node client receives it', () => {
    const bytes = encodeMeshPack(input);
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    const pack = decodeMeshPack(padded.subarray(3));
    expect([...pack.expressIds]).toEqual([101, 202, 303]);
  });

  it('reads the header alone, as a cache does to check a file', () => {
    const bytes = encodeMeshPack(input);
    const header = readMeshPackHeader(bytes.subarray(0, MESH_PACK_HEADER_BYTES));
    expect(header).toMatchObject({ byteLength: bytes.length, elementCount: 3, batchCount: 2, runCount: 4, vertexCount: 16, indexCount: 24 });
    expect(header.checksum).toBe(crc32(bytes.subarray(MESH_PACK_HEADER_BYTES)));
  });

  it('rejects truncated, corrupted and foreign bytes, naming the reason', () => {
    const bytes = encodeMeshPack(input);
    expect(() => decodeMeshPack(bytes.slice(0, 10))).toThrow(/shorter than the mesh pack header/);
    expect(() => decodeMeshPack(bytes.slice(0, bytes.length - 4))).toThrow(/truncated/);
    const flipped = bytes.slice();
    flipped[flipped.length - 1]! ^= 1;
    expect(() => decodeMeshPack(flipped)).toThrow(/checksum/);
    expect(decodeMeshPack(flipped, { verifyChecksum: false }).elementCount).toBe(3);
    const foreign = bytes.slice();
    foreign[0] = 0;
    expect(() => decodeMeshPack(foreign)).toThrow(/bad magic/);
    const future = bytes.slice();
    future[4] = 99;
    expect(() => decodeMeshPack(future)).toThrow(/version 99/);
    const miscounted = bytes.slice();
    new DataView(miscounted.buffer).setUint32(16, 4, true);
    expect(() => decodeMeshPack(miscounted)).toThrow(MeshPackError);
  });

  it('computes the standard CRC-32, in one go or continued', () => {
    const text = Uint8Array.from('123456789', (c) => c.charCodeAt(0));
    expect(crc32(text)).toBe(0xcbf43926);
    expect(crc32(text.subarray(4), crc32(text.subarray(0, 4)))).toBe(0xcbf43926);
  });

  it('validates progress events', () => {
    expect(modelProgressSchema.safeParse({ path: 'ifc/B01.ifc', phase: 'geometry', done: 3, total: 10 }).success).toBe(true);
    expect(modelProgressSchema.safeParse({ path: 'ifc/B01.ifc', phase: 'render', done: 3, total: 10 }).success).toBe(false);
  });
});
