/**
 * A minimal ZIP reader for `.ifczip`: the central directory (with ZIP64 sizes, as .NET writes
 * them), stored and deflated members, CRC check, and a cap on the unpacked size so a zip bomb
 * stops at the cap instead of filling memory. No encryption, no multi-disk archives (an
 * `.ifczip` is one file holding one model).
 */
import { crc32, inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const ZIP64_EXTRA_ID = 0x0001;
const MAX32 = 0xffffffff;

/** One member of the archive, as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

/** A problem with the archive; the caller turns it into a `ModelImportError`. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** Lists the members of the ZIP archive `bytes`. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  let count = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directorySize === MAX32 || offset === MAX32) {
    const zip64 = readZip64EndOfCentralDirectory(view, eocd);
    ({ count, directorySize, offset } = zip64);
  }
  if (offset + directorySize > eocd) throw new ZipFormatError('the central directory lies outside the archive (truncated?)');
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`central directory entry ${i + 1} is damaged`);
    }
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const entry: ZipEntry = {
      // Bit 11: the name is UTF-8; otherwise IBM437, which for ASCII names reads the same.
      name: flags & 0x800 ? decoder.decode(nameBytes) : Buffer.from(nameBytes).toString('latin1'),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      encrypted: (flags & 1) !== 0,
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    applyZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks one member.
 * @param maxBytes the largest unpacked size accepted.
 * @throws ZipFormatError for an unsupported or damaged member; RangeError when it unpacks beyond `maxBytes`.
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.size > maxBytes) throw new RangeError(`${entry.name} unpacks to ${entry.size} bytes, more than the limit of ${maxBytes}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new ZipFormatError(`the local header of ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} runs past the end of the archive (truncated?)`);
  const packed = bytes.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = packed;
  } else if (entry.method === 8) {
    try {
      data = inflateRawSync(packed, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error instanceof RangeError) throw new RangeError(`${entry.name} unpacks to more than the limit of ${maxBytes} bytes`);
      throw new ZipFormatError(`${entry.name} cannot be inflated: ${(error as Error).message}`);
    }
  } else {
    throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}; only stored and deflated members are supported`);
  }
  if (data.length !== entry.size) throw new ZipFormatError(`${entry.name} unpacks to ${data.length} bytes, not the ${entry.size} the directory declares`);
  if (crc32(data) !== entry.crc) throw new ZipFormatError(`${entry.name} fails its CRC check (the archive is damaged)`);
  return data;
}

/** A 64-bit little-endian size that must fit a JavaScript number (archives are capped far below). */
function getUint64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('a ZIP64 size is beyond reason');
  return Number(value);
}

/** ZIP64 sizes and offset of a member whose 32-bit fields are 0xFFFFFFFF, from its extra field. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA_ID) {
      // Only the fields whose 32-bit value is saturated are present, in this order.
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size || field + 8 > end) throw new ZipFormatError(`the ZIP64 extra field of ${entry.name} is too short`);
        const value = getUint64(view, field);
        field += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

function readZip64EndOfCentralDirectory(view: DataView, eocd: number): { count: number; directorySize: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) throw new ZipFormatError('the ZIP64 end-of-central-directory locator is missing');
  const record = getUint64(view, locator + 8);
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('the ZIP64 end-of-central-directory record is damaged');
  return { count: getUint64(view, record + 32), directorySize: getUint64(view, record + 40), offset: getUint64(view, record + 48) };
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65 535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new ZipFormatError('no ZIP end-of-central-directory record (not a ZIP archive, or truncated)');
}
