import { inflateRawSync } from 'node:zlib';
import { IfcReadError } from './ifcGeometryExtractor.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The IFC STEP file inside an `.ifczip` (a ZIP archive holding one `.ifc`, stored or deflated).
 * @param maxBytes largest accepted uncompressed size (a guard against ZIP bombs).
 * @throws IfcReadError when the archive is not readable or holds no `.ifc`.
 */
export function unzipIfc(zip: Uint8Array, maxBytes: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let at = zip.byteLength - 22; at >= Math.max(0, zip.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new IfcReadError('not a ZIP archive (no end of central directory)');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.byteLength || view.getUint32(at, true) !== CENTRAL) throw new IfcReadError('ZIP central directory is damaged');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const local = view.getUint32(at + 42, true);
    if (/\.ifc$/i.test(name)) return readEntry(zip, view, { name, method, compressed, size, local }, maxBytes);
    at = next;
  }
  throw new IfcReadError('the ZIP archive holds no .ifc file');
}

function readEntry(zip: Uint8Array, view: DataView, entry: { name: string; method: number; compressed: number; size: number; local: number }, maxBytes: number): Uint8Array {
  if (entry.compressed === 0xffffffff || entry.size === 0xffffffff) throw new IfcReadError('ZIP64 archives are not supported');
  if (entry.size > maxBytes) throw new IfcReadError(`${entry.name} unpacks to ${entry.size} bytes, over the limit of ${maxBytes}`);
  if (entry.local + 30 > zip.byteLength || view.getUint32(entry.local, true) !== LOCAL) throw new IfcReadError('ZIP local header is damaged');
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const data = zip.subarray(start, start + entry.compressed);
  if (data.length !== entry.compressed) throw new IfcReadError('ZIP entry is truncated');
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new IfcReadError(`ZIP compression method ${entry.method} is not supported`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    throw new IfcReadError(`${entry.name} does not inflate: ${(error as Error).message}`);
  }
}
