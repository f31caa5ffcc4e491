/**
 * Live telemetry frames: the compact binary form in which readings travel from the server to
 * clients over socket.io. Columnar and little-endian, so a client can wrap it in typed arrays
 * without parsing:
 *
 * | offset      | type          | field                                   |
 * |-------------|---------------|-----------------------------------------|
 * | 0           | u32           | magic `0x464C5754` ("TWLF")             |
 * | 4           | u16           | frame format version                    |
 * | 6           | u16           | flags (bit 0: snapshot)                 |
 * | 8           | u32           | registry revision of the sensor indices |
 * | 12          | u32           | reading count n                         |
 * | 16          | f64           | server time, epoch ms                   |
 * | 24          | f64 × n       | reading timestamps, epoch ms            |
 * | 24 + 8n     | f64 × n       | values, in each sensor's unit           |
 * | 24 + 16n    | u32 × n       | sensor indices (positions in registry)  |
 */
export const LIVE_FRAME_MAGIC = 0x464c5754;
/** Version of the frame layout above. */
export const LIVE_FRAME_VERSION = 1;
/** Flag: the frame is a snapshot of latest values rather than a delta. */
export const LIVE_FRAME_SNAPSHOT = 1;

const HEADER_BYTES = 24;
const BYTES_PER_READING = 20;

/** A decoded frame; the arrays are views onto (or copies of) the frame bytes. */
export interface LiveFrame {
  flags: number;
  registryRevision: number;
  serverTimeMs: number;
  timestampsMs: Float64Array;
  values: Float64Array;
  sensorIndices: Uint32Array;
}

/** Bytes needed for a frame of `count` readings. */
export function liveFrameByteLength(count: number): number {
  return HEADER_BYTES + BYTES_PER_READING * count;
}

/**
 * Writes a frame into a new buffer. `count` readings are taken from the start of the arrays.
 */
export function encodeLiveFrame(frame: Omit<LiveFrame, 'timestampsMs' | 'values' | 'sensorIndices'> & {
  count: number;
  timestampsMs: ArrayLike<number>;
  values: ArrayLike<number>;
  sensorIndices: ArrayLike<number>;
}): ArrayBuffer {
  const n = frame.count;
  const buffer = new ArrayBuffer(liveFrameByteLength(n));
  const view = new DataView(buffer);
  view.setUint32(0, LIVE_FRAME_MAGIC, true);
  view.setUint16(4, LIVE_FRAME_VERSION, true);
  view.setUint16(6, frame.flags, true);
  view.setUint32(8, frame.registryRevision >>> 0, true);
  view.setUint32(12, n, true);
  view.setFloat64(16, frame.serverTimeMs, true);
  const ts = new Float64Array(buffer, HEADER_BYTES, n);
  const values = new Float64Array(buffer, HEADER_BYTES + 8 * n, n);
  const indices = new Uint32Array(buffer, HEADER_BYTES + 16 * n, n);
  for (let i = 0; i < n; i++) {
    ts[i] = frame.timestampsMs[i]!;
    values[i] = frame.values[i]!;
    indices[i] = frame.sensorIndices[i]!;
  }
  return buffer;
}

/** Why a frame could not be decoded. */
export class LiveFrameError extends Error {
  override name = 'LiveFrameError';
}

/**
 * Reads a frame. Accepts an `ArrayBuffer` or any byte view (socket.io hands Node clients a Buffer).
 * @throws LiveFrameError when the bytes are not a frame of a known version.
 */
export function decodeLiveFrame(data: ArrayBuffer | ArrayBufferView): LiveFrame {
  let buffer: ArrayBuffer;
  let offset: number;
  let length: number;
  if (data instanceof ArrayBuffer) {
    buffer = data;
    offset = 0;
    length = data.byteLength;
  } else {
    length = data.byteLength;
    if (data.byteOffset % 8 === 0 && data.buffer instanceof ArrayBuffer) {
      buffer = data.buffer;
      offset = data.byteOffset;
    } else {
      // Typed views need aligned offsets: copy an unaligned slice once.
      const copy = new Uint8Array(length);
      copy.set(new Uint8Array(data.buffer, data.byteOffset, length));
      buffer = copy.buffer;
      offset = 0;
    }
  }
  if (length < HEADER_BYTES) throw new LiveFrameError(`frame of ${length} bytes is shorter than its header`);
  const view = new DataView(buffer, offset, length);
  if (view.getUint32(0, true) !== LIVE_FRAME_MAGIC) throw new LiveFrameError('not a live frame (bad magic)');
  const version = view.getUint16(4, true);
  if (version !== LIVE_FRAME_VERSION) throw new LiveFrameError(`frame version ${version} is not supported`);
  const n = view.getUint32(12, true);
  if (length !== liveFrameByteLength(n)) throw new LiveFrameError(`frame of ${length} bytes does not hold ${n} readings`);
  return {
    flags: view.getUint16(6, true),
    registryRevision: view.getUint32(8, true),
    serverTimeMs: view.getFloat64(16, true),
    timestampsMs: new Float64Array(buffer, offset + HEADER_BYTES, n),
    values: new Float64Array(buffer, offset + HEADER_BYTES + 8 * n, n),
    sensorIndices: new Uint32Array(buffer, offset + HEADER_BYTES + 16 * n, n),
  };
}
