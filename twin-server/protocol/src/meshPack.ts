/**
 * Mesh packs: render-ready geometry of one IFC model, as the server sends it
 * (`GET /api/models/geometry/<path>`, media type {@link MESH_PACK_MEDIA_TYPE}). One pack holds
 * every element's triangles merged into one vertex array and one index array, ordered by
 * material (colour) batch, plus the element table a client needs to pick and highlight.
 *
 * Coordinates are the model's own, in metres, right-handed with **Y up** (IFC's Z becomes Y and
 * IFC's Y becomes -Z, the convention of web-ifc and three.js). A vertex's position is
 * `origin + position`: `origin` is zero unless the model lies far (over 10 km) from its own
 * origin, where float32 would lose millimetres.
 *
 * Little-endian. Every section starts on a 4-byte boundary, so a client wraps the sections in
 * typed arrays without copying (one `BufferGeometry`, one group per batch):
 *
 * | offset | type                 | field                                                       |
 * |--------|----------------------|-------------------------------------------------------------|
 * | 0      | u32                  | magic `0x504D5754` ("TWMP")                                 |
 * | 4      | u16                  | format version ({@link MESH_PACK_VERSION})                  |
 * | 6      | u16                  | flags (0)                                                   |
 * | 8      | u32                  | byte length of the whole pack                               |
 * | 12     | u32                  | CRC-32 (IEEE, as zlib) of the bytes after the header        |
 * | 16     | u32 × 6              | counts: elements E, batches B, runs R, vertices V, indices I, meta bytes M |
 * | 40     | f64 × 3              | origin x, y, z (m)                                          |
 * | 64     | u8 × M               | meta JSON ({@link MeshPackMeta}), ASCII (others as `\uXXXX`) |
 * | …      | u32 × E              | element express ids                                         |
 * | …      | u16 × E              | element type, index into `meta.types`                       |
 * | …      | u8 × 22E             | element GlobalIds, 22 ASCII characters each (zeros: none)   |
 * | …      | f32 × 6E             | element bounds, min xyz then max xyz, relative to origin    |
 * | …      | (f32 × 4, u32 × 6) × B | batch: colour RGBA 0..1; first vertex, vertex count, first index, index count, first run, run count |
 * | …      | u32 × 5R             | run: element index, first vertex, vertex count, first index, index count |
 * | …      | f32 × 3V             | positions relative to origin (m)                            |
 * | …      | i16 × 3V             | normals, signed normalised (value / 32767)                  |
 * | …      | u32 × I              | triangle indices into the whole vertex array                |
 *
 * A run is one element's share of one batch: its vertices and indices are contiguous. Runs are
 * ordered by batch, then by index, so the element under a picked triangle is a binary search
 * ({@link elementAtIndex}). An element has one run per colour it uses.
 */
import { z } from 'zod';

/** `"TWMP"` read as a little-endian u32. */
export const MESH_PACK_MAGIC = 0x504d5754;
/** Version of the layout above; part of the geometry ETag, so a new layout invalidates caches. */
export const MESH_PACK_VERSION = 1;
/** Media type of a mesh pack. */
export const MESH_PACK_MEDIA_TYPE = 'application/vnd.twin.meshpack';
/** Size of the fixed header. */
export const MESH_PACK_HEADER_BYTES = 64;
/** Characters in an IFC GlobalId. */
export const GLOBAL_ID_LENGTH = 22;

const BATCH_BYTES = 40;
const RUN_WORDS = 5;

/** Axis-aligned box in pack coordinates (relative to the origin), metres. */
export interface MeshPackBounds {
  min: [number, number, number];
  max: [number, number, number];
}

/** The pack's JSON metadata. */
export interface MeshPackMeta {
  /** IFC schema of the source, e.g. `IFC2X3`, `IFC4`. */
  schema: string;
  /** IFC entity names, indexed by the element type column (`IfcWall`, `IfcDoor`, …). */
  types: string[];
  /** Bounds of all vertices; all zeros for an empty pack. */
  bounds: MeshPackBounds;
  /** SHA-256 (hex) of the IFC file the pack was made from. */
  sourceSha256?: string;
}

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const metaSchema = z.object({
  schema: z.string(),
  types: z.array(z.string()),
  bounds: z.object({ min: vec3, max: vec3 }),
  sourceSha256: z.string().optional(),
});

/** One run as the encoder takes it: offsets local to its batch. */
export interface MeshPackRunInput {
  element: number;
  firstVertex: number;
  vertexCount: number;
  firstIndex: number;
  indexCount: number;
}

/** One colour batch as the encoder takes it; indices and runs are local to the batch. */
export interface MeshPackBatchInput {
  /** RGBA, 0..1. */
  color: [number, number, number, number];
  /** Positions relative to the origin, xyz per vertex; only the first `vertexCount` are used. */
  positions: Float32Array;
  /** Signed normalised normals, xyz per vertex. */
  normals: Int16Array;
  indices: Uint32Array;
  vertexCount: number;
  indexCount: number;
  runs: MeshPackRunInput[];
}

/** Everything {@link encodeMeshPack} needs. Element types are names; the encoder builds the table. */
export interface MeshPackInput {
  schema: string;
  sourceSha256?: string;
  origin: [number, number, number];
  elements: Array<{ expressId: number; globalId: string; type: string }>;
  batches: MeshPackBatchInput[];
}

/** A batch of a decoded pack: one material, a contiguous range of vertices, indices and runs. */
export interface MeshPackBatch {
  color: [number, number, number, number];
  firstVertex: number;
  vertexCount: number;
  firstIndex: number;
  indexCount: number;
  firstRun: number;
  runCount: number;
}

/** A decoded pack. The typed arrays are views onto the pack bytes (or onto one aligned copy). */
export interface MeshPack {
  version: number;
  origin: [number, number, number];
  meta: MeshPackMeta;
  elementCount: number;
  expressIds: Uint32Array;
  typeIndices: Uint16Array;
  /** 22 bytes per element; read with {@link globalIdAt}. */
  globalIds: Uint8Array;
  /** 6 floats per element: min xyz, max xyz. */
  elementBounds: Float32Array;
  batches: MeshPackBatch[];
  /** 5 words per run: element index, first vertex, vertex count, first index, index count. */
  runs: Uint32Array;
  positions: Float32Array;
  normals: Int16Array;
  indices: Uint32Array;
}

/** Why bytes could not be decoded as a mesh pack. */
export class MeshPackError extends Error {
  override name = 'MeshPackError';
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Byte offsets of every section, from the counts in the header. */
function layout(counts: { elements: number; batches: number; runs: number; vertices: number; indices: number; metaBytes: number }) {
  const meta = MESH_PACK_HEADER_BYTES;
  const expressIds = pad4(meta + counts.metaBytes);
  const typeIndices = expressIds + 4 * counts.elements;
  const globalIds = pad4(typeIndices + 2 * counts.elements);
  const bounds = pad4(globalIds + GLOBAL_ID_LENGTH * counts.elements);
  const batches = bounds + 24 * counts.elements;
  const runs = batches + BATCH_BYTES * counts.batches;
  const positions = runs + 4 * RUN_WORDS * counts.runs;
  const normals = positions + 12 * counts.vertices;
  const indices = pad4(normals + 6 * counts.vertices);
  const end = indices + 4 * counts.indices;
  return { meta, expressIds, typeIndices, globalIds, bounds, batches, runs, positions, normals, indices, end };
}

/** Quantises a unit normal component to the pack's signed normalised int16. */
export function packNormalComponent(value: number): number {
  return Math.round(Math.max(-1, Math.min(1, value)) * 32767);
}

/**
 * Writes a pack. Indices and runs of each batch are rebased onto the merged arrays; the type
 * table, element bounds, total bounds and the checksum are computed here.
 * @example
 * const bytes = encodeMeshPack({ schema: 'IFC4', origin: [0, 0, 0], elements, batches });
 */
export function encodeMeshPack(input: MeshPackInput): Uint8Array {
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const elementTypes = input.elements.map(({ type }) => {
    let index = typeIndex.get(type);
    if (index === undefined) {
      index = types.length;
      types.push(type);
      typeIndex.set(type, index);
    }
    return index;
  });
  const vertices = input.batches.reduce((n, b) => n + b.vertexCount, 0);
  const indexTotal = input.batches.reduce((n, b) => n + b.indexCount, 0);
  const runTotal = input.batches.reduce((n, b) => n + b.runs.length, 0);
  const elementBounds = new Float32Array(6 * input.elements.length);
  for (let e = 0; e < input.elements.length; e++) elementBounds.set([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity], 6 * e);
  const total = emptyBounds();
  for (const batch of input.batches) accumulateBounds(batch, elementBounds, total);
  const meta: MeshPackMeta = { schema: input.schema, types, bounds: vertices === 0 ? { min: [0, 0, 0], max: [0, 0, 0] } : total };
  if (input.sourceSha256 !== undefined) meta.sourceSha256 = input.sourceSha256;
  const metaBytes = asciiJson(meta);
  const at = layout({ elements: input.elements.length, batches: input.batches.length, runs: runTotal, vertices, indices: indexTotal, metaBytes: metaBytes.length });

  const buffer = new ArrayBuffer(at.end);
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  view.setUint32(0, MESH_PACK_MAGIC, true);
  view.setUint16(4, MESH_PACK_VERSION, true);
  view.setUint16(6, 0, true);
  view.setUint32(8, at.end, true);
  [input.elements.length, input.batches.length, runTotal, vertices, indexTotal, metaBytes.length].forEach((n, i) => view.setUint32(16 + 4 * i, n, true));
  input.origin.forEach((v, i) => view.setFloat64(40 + 8 * i, v, true));
  bytes.set(metaBytes, at.meta);
  writeElements(input, elementTypes, elementBounds, bytes, at);
  writeBatches(input.batches, buffer, view, at);
  view.setUint32(12, crc32(bytes.subarray(MESH_PACK_HEADER_BYTES)), true);
  return bytes;
}

/** JSON as ASCII bytes: characters beyond ASCII are written as `\uXXXX` escapes. */
function asciiJson(value: unknown): Uint8Array {
  const text = JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function asciiString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function emptyBounds(): MeshPackBounds {
  return { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
}

function accumulateBounds(batch: MeshPackBatchInput, elementBounds: Float32Array, total: MeshPackBounds): void {
  const p = batch.positions;
  for (const run of batch.runs) {
    const o = 6 * run.element;
    for (let v = run.firstVertex; v < run.firstVertex + run.vertexCount; v++) {
      for (let axis = 0; axis < 3; axis++) {
        const c = p[3 * v + axis]!;
        if (c < elementBounds[o + axis]!) elementBounds[o + axis] = c;
        if (c > elementBounds[o + 3 + axis]!) elementBounds[o + 3 + axis] = c;
        if (c < total.min[axis]!) total.min[axis] = c;
        if (c > total.max[axis]!) total.max[axis] = c;
      }
    }
  }
}

function writeElements(input: MeshPackInput, elementTypes: number[], elementBounds: Float32Array, bytes: Uint8Array, at: ReturnType<typeof layout>): void {
  const n = input.elements.length;
  const ids = new Uint32Array(bytes.buffer, at.expressIds, n);
  const typeColumn = new Uint16Array(bytes.buffer, at.typeIndices, n);
  input.elements.forEach((element, e) => {
    ids[e] = element.expressId;
    typeColumn[e] = elementTypes[e]!;
    const gid = element.globalId.length === GLOBAL_ID_LENGTH ? element.globalId : '';
    for (let c = 0; c < gid.length; c++) bytes[at.globalIds + GLOBAL_ID_LENGTH * e + c] = gid.charCodeAt(c) & 0x7f;
  });
  // Elements without vertices keep an empty box at zero rather than infinities.
  for (let i = 0; i < elementBounds.length; i++) if (!Number.isFinite(elementBounds[i]!)) elementBounds[i] = 0;
  new Float32Array(bytes.buffer, at.bounds, 6 * n).set(elementBounds);
}

function writeBatches(batches: MeshPackBatchInput[], buffer: ArrayBuffer, view: DataView, at: ReturnType<typeof layout>): void {
  let firstVertex = 0;
  let firstIndex = 0;
  let firstRun = 0;
  const positions = new Float32Array(buffer, at.positions, (at.normals - at.positions) / 4);
  const normals = new Int16Array(buffer, at.normals, positions.length);
  const indices = new Uint32Array(buffer, at.indices, (at.end - at.indices) / 4);
  const runs = new Uint32Array(buffer, at.runs, (at.positions - at.runs) / 4);
  batches.forEach((batch, b) => {
    const o = at.batches + BATCH_BYTES * b;
    batch.color.forEach((c, i) => view.setFloat32(o + 4 * i, c, true));
    [firstVertex, batch.vertexCount, firstIndex, batch.indexCount, firstRun, batch.runs.length].forEach((n, i) => view.setUint32(o + 16 + 4 * i, n, true));
    positions.set(batch.positions.subarray(0, 3 * batch.vertexCount), 3 * firstVertex);
    normals.set(batch.normals.subarray(0, 3 * batch.vertexCount), 3 * firstVertex);
    for (let i = 0; i < batch.indexCount; i++) indices[firstIndex + i] = batch.indices[i]! + firstVertex;
    batch.runs.forEach((run, r) => {
      runs.set([run.element, run.firstVertex + firstVertex, run.vertexCount, run.firstIndex + firstIndex, run.indexCount], RUN_WORDS * (firstRun + r));
    });
    firstVertex += batch.vertexCount;
    firstIndex += batch.indexCount;
    firstRun += batch.runs.length;
  });
}

/** The fixed header, readable from the first {@link MESH_PACK_HEADER_BYTES} bytes alone. */
export interface MeshPackHeader {
  version: number;
  byteLength: number;
  checksum: number;
  elementCount: number;
  batchCount: number;
  runCount: number;
  vertexCount: number;
  indexCount: number;
  metaBytes: number;
  origin: [number, number, number];
}

/**
 * Reads and checks the header: magic, version, and that the counts describe exactly
 * `byteLength` bytes. Enough to tell a complete pack file from a truncated one without reading it.
 * @throws MeshPackError when the bytes do not start a pack of this version.
 */
export function readMeshPackHeader(data: Uint8Array): MeshPackHeader {
  if (data.byteLength < MESH_PACK_HEADER_BYTES) throw new MeshPackError(`${data.byteLength} bytes is shorter than the mesh pack header`);
  const view = new DataView(data.buffer, data.byteOffset, MESH_PACK_HEADER_BYTES);
  if (view.getUint32(0, true) !== MESH_PACK_MAGIC) throw new MeshPackError('not a mesh pack (bad magic)');
  const version = view.getUint16(4, true);
  if (version !== MESH_PACK_VERSION) throw new MeshPackError(`mesh pack version ${version} is not supported (expected ${MESH_PACK_VERSION})`);
  const [elementCount, batchCount, runCount, vertexCount, indexCount, metaBytes] = [0, 1, 2, 3, 4, 5].map((i) => view.getUint32(16 + 4 * i, true)) as [number, number, number, number, number, number];
  const header: MeshPackHeader = {
    version,
    byteLength: view.getUint32(8, true),
    checksum: view.getUint32(12, true),
    elementCount,
    batchCount,
    runCount,
    vertexCount,
    indexCount,
    metaBytes,
    origin: [view.getFloat64(40, true), view.getFloat64(48, true), view.getFloat64(56, true)],
  };
  const expected = layout({ elements: elementCount, batches: batchCount, runs: runCount, vertices: vertexCount, indices: indexCount, metaBytes }).end;
  if (expected !== header.byteLength) throw new MeshPackError(`header counts describe ${expected} bytes but the header says ${header.byteLength}`);
  return header;
}

/**
 * Reads a pack. Accepts an `ArrayBuffer` or any byte view; an unaligned view is copied once.
 * @param options.verifyChecksum compare the CRC-32 of the body with the header (default true).
 * @throws MeshPackError when the bytes are not a complete, consistent pack of this version.
 */
export function decodeMeshPack(data: ArrayBuffer | ArrayBufferView, options: { verifyChecksum?: boolean } = {}): MeshPack {
  const bytes = alignedBytes(data);
  const header = readMeshPackHeader(bytes);
  if (bytes.byteLength !== header.byteLength) throw new MeshPackError(`mesh pack of ${bytes.byteLength} bytes, header says ${header.byteLength} (truncated?)`);
  if ((options.verifyChecksum ?? true) && crc32(bytes.subarray(MESH_PACK_HEADER_BYTES)) !== header.checksum) throw new MeshPackError('mesh pack checksum does not match its contents');
  const at = layout({ elements: header.elementCount, batches: header.batchCount, runs: header.runCount, vertices: header.vertexCount, indices: header.indexCount, metaBytes: header.metaBytes });
  const { buffer, byteOffset: base } = bytes;
  let meta: MeshPackMeta;
  try {
    meta = metaSchema.parse(JSON.parse(asciiString(bytes.subarray(at.meta, at.meta + header.metaBytes))));
  } catch (error) {
    throw new MeshPackError(`mesh pack metadata is not valid: ${String(error)}`);
  }
  const n = header.elementCount;
  const pack: MeshPack = {
    version: header.version,
    origin: header.origin,
    meta,
    elementCount: n,
    expressIds: new Uint32Array(buffer, base + at.expressIds, n),
    typeIndices: new Uint16Array(buffer, base + at.typeIndices, n),
    globalIds: new Uint8Array(buffer, base + at.globalIds, GLOBAL_ID_LENGTH * n),
    elementBounds: new Float32Array(buffer, base + at.bounds, 6 * n),
    batches: readBatches(new DataView(buffer, base + at.batches, BATCH_BYTES * header.batchCount), header.batchCount),
    runs: new Uint32Array(buffer, base + at.runs, RUN_WORDS * header.runCount),
    positions: new Float32Array(buffer, base + at.positions, 3 * header.vertexCount),
    normals: new Int16Array(buffer, base + at.normals, 3 * header.vertexCount),
    indices: new Uint32Array(buffer, base + at.indices, header.indexCount),
  };
  checkTables(pack, header);
  return pack;
}

function alignedBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data.byteOffset % 4 === 0) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // Typed views need aligned offsets: copy an unaligned slice once.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
}

function readBatches(view: DataView, count: number): MeshPackBatch[] {
  const batches: MeshPackBatch[] = [];
  for (let b = 0; b < count; b++) {
    const o = BATCH_BYTES * b;
    const u = (i: number) => view.getUint32(o + 16 + 4 * i, true);
    batches.push({
      color: [view.getFloat32(o, true), view.getFloat32(o + 4, true), view.getFloat32(o + 8, true), view.getFloat32(o + 12, true)],
      firstVertex: u(0),
      vertexCount: u(1),
      firstIndex: u(2),
      indexCount: u(3),
      firstRun: u(4),
      runCount: u(5),
    });
  }
  return batches;
}

/** Batches tile the arrays in order; runs lie inside their batch and name existing elements. */
function checkTables(pack: MeshPack, header: MeshPackHeader): void {
  let vertex = 0;
  let index = 0;
  let run = 0;
  for (const [b, batch] of pack.batches.entries()) {
    if (batch.firstVertex !== vertex || batch.firstIndex !== index || batch.firstRun !== run) throw new MeshPackError(`batch ${b} does not follow the previous one`);
    for (let r = batch.firstRun; r < batch.firstRun + batch.runCount; r++) {
      const [element, firstVertex, vertexCount, firstIndex, indexCount] = pack.runs.subarray(RUN_WORDS * r, RUN_WORDS * r + RUN_WORDS) as unknown as [number, number, number, number, number];
      const inside = firstVertex >= batch.firstVertex && firstVertex + vertexCount <= batch.firstVertex + batch.vertexCount && firstIndex >= batch.firstIndex && firstIndex + indexCount <= batch.firstIndex + batch.indexCount;
      if (element >= header.elementCount || !inside) throw new MeshPackError(`run ${r} lies outside its batch or names no element`);
    }
    vertex += batch.vertexCount;
    index += batch.indexCount;
    run += batch.runCount;
  }
  if (vertex !== header.vertexCount || index !== header.indexCount || run !== header.runCount) throw new MeshPackError('batches do not cover the vertex, index and run arrays');
  for (let e = 0; e < pack.elementCount; e++) if (pack.typeIndices[e]! >= pack.meta.types.length) throw new MeshPackError(`element ${e} has an unknown type`);
}

/** GlobalId of element `e` ('' when the element has none). */
export function globalIdAt(pack: MeshPack, e: number): string {
  const start = GLOBAL_ID_LENGTH * e;
  if (pack.globalIds[start] === 0) return '';
  return String.fromCharCode(...pack.globalIds.subarray(start, start + GLOBAL_ID_LENGTH));
}

/** IFC entity name of element `e`, e.g. `IfcDoor`. */
export function typeAt(pack: MeshPack, e: number): string {
  return pack.meta.types[pack.typeIndices[e]!]!;
}

/**
 * The element owning the triangle that starts at `index` in the merged index array (a picked
 * triangle `t` starts at `3 * t`), or -1. Binary search over the runs.
 */
export function elementAtIndex(pack: MeshPack, index: number): number {
  let lo = 0;
  let hi = pack.runs.length / RUN_WORDS - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const first = pack.runs[RUN_WORDS * mid + 3]!;
    const count = pack.runs[RUN_WORDS * mid + 4]!;
    if (index < first) hi = mid - 1;
    else if (index >= first + count) lo = mid + 1;
    else return pack.runs[RUN_WORDS * mid]!;
  }
  return -1;
}

/** Index ranges (`[firstIndex, indexCount]` per run) of element `e`, to highlight it. */
export function elementIndexRanges(pack: MeshPack, e: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let r = 0; r < pack.runs.length; r += RUN_WORDS) if (pack.runs[r] === e) ranges.push([pack.runs[r + 3]!, pack.runs[r + 4]!]);
  return ranges;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, the zlib and PNG checksum) of `data`, continuing from `previous`. */
export function crc32(data: Uint8Array, previous = 0): number {
  const table = (crcTable ??= makeCrcTable());
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * Progress of preparing the mesh pack of one model file, sent as `model:progress` while the
 * server extracts geometry (never for a cached pack). `done`/`total` count bytes in `parse`
 * and `write`, elements in `geometry`. The last event of a successful load is
 * `{ phase: 'write', done: total }`.
 */
export interface ModelProgress {
  /** Manifest path of the IFC file, e.g. `ifc/B01.ifc`. */
  path: string;
  phase: 'parse' | 'geometry' | 'write';
  done: number;
  total: number;
}

/** Runtime validator of {@link ModelProgress}, for clients. */
export const modelProgressSchema = z.object({
  path: z.string(),
  phase: z.enum(['parse', 'geometry', 'write']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
