import { packNormalComponent, type MeshPackBatchInput, type MeshPackRunInput } from '@twin/protocol';

/** RGBA colour, 0..1, as web-ifc gives it. */
export interface Rgba {
  x: number;
  y: number;
  z: number;
  w: number;
}

/** Coordinates beyond this distance from the model origin get a pack origin (float32 keeps ~1 mm up to here). */
const FAR_FROM_ORIGIN_M = 10_000;

/** Thrown when a model has more vertices than the limit allows. */
export class VertexLimitError extends Error {
  override name = 'VertexLimitError';
}

class Growable<T extends Float32Array | Int16Array | Uint32Array> {
  length = 0;
  constructor(
    public array: T,
    private readonly make: (n: number) => T,
  ) {}

  reserve(extra: number): void {
    if (this.length + extra <= this.array.length) return;
    const next = this.make(Math.max(this.array.length * 2, this.length + extra, 1024));
    next.set(this.array.subarray(0, this.length));
    this.array = next;
  }
}

interface Batch {
  color: [number, number, number, number];
  positions: Growable<Float32Array>;
  normals: Growable<Int16Array>;
  indices: Growable<Uint32Array>;
  runs: MeshPackRunInput[];
}

/**
 * Merges placed geometries into one batch per colour: transforms positions (column-major 4×4, as
 * web-ifc's `flatTransformation`) and normals (inverse transpose), flips the winding of mirrored
 * placements, and records one run per element and batch.
 */
export class MeshBatchBuilder {
  private readonly batches = new Map<number, Batch>();
  private origin: [number, number, number] | undefined;
  private vertices = 0;
  private readonly normalMatrix = new Float64Array(9);

  constructor(private readonly options: { maxVertices: number }) {}

  /** Vertices merged so far. */
  get vertexCount(): number {
    return this.vertices;
  }

  /**
   * Appends one placed geometry of `element`. `vertexData` is interleaved position and normal
   * (6 floats per vertex); `indexData` holds triangles.
   * @returns the number of triangles added.
   * @throws VertexLimitError when the model exceeds `maxVertices`.
   */
  add(element: number, color: Rgba, matrix: ArrayLike<number>, vertexData: Float32Array, indexData: Uint32Array): number {
    const count = Math.floor(vertexData.length / 6);
    const triangles = Math.floor(indexData.length / 3);
    if (count === 0 || triangles === 0) return 0;
    if (this.vertices + count > this.options.maxVertices) throw new VertexLimitError(`more than ${this.options.maxVertices} vertices`);
    const batch = this.batchFor(color);
    const origin = (this.origin ??= chooseOrigin(matrix, vertexData));
    const firstVertex = batch.positions.length / 3;
    const firstIndex = batch.indices.length;
    this.writeVertices(batch, matrix, vertexData, count, origin);
    this.writeIndices(batch, indexData, 3 * triangles, firstVertex, determinant3(matrix) < 0);
    this.recordRun(batch, { element, firstVertex, vertexCount: count, firstIndex, indexCount: 3 * triangles });
    this.vertices += count;
    return triangles;
  }

  /** The batches, in order of first use, and the origin positions are relative to. */
  finish(): { origin: [number, number, number]; batches: MeshPackBatchInput[] } {
    const batches = [...this.batches.values()].map((b) => ({
      color: b.color,
      positions: b.positions.array.subarray(0, b.positions.length),
      normals: b.normals.array.subarray(0, b.normals.length),
      indices: b.indices.array.subarray(0, b.indices.length),
      vertexCount: b.positions.length / 3,
      indexCount: b.indices.length,
      runs: b.runs,
    }));
    return { origin: this.origin ?? [0, 0, 0], batches };
  }

  private batchFor(color: Rgba): Batch {
    const q = [color.x, color.y, color.z, color.w].map((c) => Math.round(Math.max(0, Math.min(1, c)) * 255)) as [number, number, number, number];
    const key = ((q[0] << 24) | (q[1] << 16) | (q[2] << 8) | q[3]) >>> 0;
    let batch = this.batches.get(key);
    if (batch === undefined) {
      batch = {
        color: q.map((c) => c / 255) as [number, number, number, number],
        positions: new Growable(new Float32Array(0), (n) => new Float32Array(n)),
        normals: new Growable(new Int16Array(0), (n) => new Int16Array(n)),
        indices: new Growable(new Uint32Array(0), (n) => new Uint32Array(n)),
        runs: [],
      };
      this.batches.set(key, batch);
    }
    return batch;
  }

  private writeVertices(batch: Batch, m: ArrayLike<number>, data: Float32Array, count: number, origin: [number, number, number]): void {
    batch.positions.reserve(3 * count);
    batch.normals.reserve(3 * count);
    const p = batch.positions.array;
    const nrm = batch.normals.array;
    const n = inverseTranspose3(m, this.normalMatrix);
    let o = batch.positions.length;
    for (let v = 0; v < count; v++, o += 3) {
      const x = data[6 * v]!;
      const y = data[6 * v + 1]!;
      const z = data[6 * v + 2]!;
      p[o] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]! - origin[0];
      p[o + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]! - origin[1];
      p[o + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]! - origin[2];
      const nx = data[6 * v + 3]!;
      const ny = data[6 * v + 4]!;
      const nz = data[6 * v + 5]!;
      const tx = n[0]! * nx + n[3]! * ny + n[6]! * nz;
      const ty = n[1]! * nx + n[4]! * ny + n[7]! * nz;
      const tz = n[2]! * nx + n[5]! * ny + n[8]! * nz;
      const scale = 1 / (Math.hypot(tx, ty, tz) || 1);
      nrm[o] = packNormalComponent(tx * scale);
      nrm[o + 1] = packNormalComponent(ty * scale);
      nrm[o + 2] = packNormalComponent(tz * scale);
    }
    batch.positions.length = o;
    batch.normals.length = o;
  }

  private writeIndices(batch: Batch, data: Uint32Array, count: number, base: number, flip: boolean): void {
    batch.indices.reserve(count);
    const out = batch.indices.array;
    let o = batch.indices.length;
    for (let i = 0; i < count; i += 3, o += 3) {
      out[o] = data[i]! + base;
      out[o + 1] = data[flip ? i + 2 : i + 1]! + base;
      out[o + 2] = data[flip ? i + 1 : i + 2]! + base;
    }
    batch.indices.length = o;
  }

  private recordRun(batch: Batch, run: MeshPackRunInput): void {
    const last = batch.runs.at(-1);
    // Geometries of one element arrive together: extend its run rather than start another.
    if (last !== undefined && last.element === run.element && last.firstVertex + last.vertexCount === run.firstVertex && last.firstIndex + last.indexCount === run.firstIndex) {
      last.vertexCount += run.vertexCount;
      last.indexCount += run.indexCount;
    } else {
      batch.runs.push(run);
    }
  }
}

/** Zero, unless the first vertex lies far from the model origin: then that vertex, rounded to metres. */
function chooseOrigin(m: ArrayLike<number>, data: Float32Array): [number, number, number] {
  const x = m[0]! * data[0]! + m[4]! * data[1]! + m[8]! * data[2]! + m[12]!;
  const y = m[1]! * data[0]! + m[5]! * data[1]! + m[9]! * data[2]! + m[13]!;
  const z = m[2]! * data[0]! + m[6]! * data[1]! + m[10]! * data[2]! + m[14]!;
  return Math.max(Math.abs(x), Math.abs(y), Math.abs(z)) > FAR_FROM_ORIGIN_M ? [Math.round(x), Math.round(y), Math.round(z)] : [0, 0, 0];
}

function determinant3(m: ArrayLike<number>): number {
  return m[0]! * (m[5]! * m[10]! - m[9]! * m[6]!) - m[4]! * (m[1]! * m[10]! - m[9]! * m[2]!) + m[8]! * (m[1]! * m[6]! - m[5]! * m[2]!);
}

/** Inverse transpose of the upper 3×3 of a column-major 4×4, column-major, into `out`. */
function inverseTranspose3(m: ArrayLike<number>, out: Float64Array): Float64Array {
  const [a, b, c, d, e, f, g, h, i] = [m[0]!, m[1]!, m[2]!, m[4]!, m[5]!, m[6]!, m[8]!, m[9]!, m[10]!];
  // Columns (a b c), (d e f), (g h i). The cofactor matrix is the inverse transpose times the determinant;
  // normals are renormalised afterwards, so only the determinant's sign matters.
  const det = determinant3(m);
  const s = det < 0 ? -1 : 1;
  out[0] = s * (e * i - h * f);
  out[1] = s * (g * f - d * i);
  out[2] = s * (d * h - g * e);
  out[3] = s * (h * c - b * i);
  out[4] = s * (a * i - g * c);
  out[5] = s * (g * b - a * h);
  out[6] = s * (b * f - e * c);
  out[7] = s * (d * c - a * f);
  out[8] = s * (a * e - d * b);
  return out;
}
