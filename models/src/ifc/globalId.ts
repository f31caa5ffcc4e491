import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';

/**
 * The IFC GlobalId (22 characters, IFC's base-64 of a 128-bit GUID) of a model element,
 * derived from a stable key such as `B03/F12/SPACE/1203`. The same key always gives the same id,
 * so the IFC writer, the GeoJSON and the sensor registry agree without sharing state, and the
 * models regenerate byte for byte.
 */
export function ifcGlobalId(key: string): string {
  const bytes = createHash('sha256').update(key, 'utf8').digest().subarray(0, 16);
  // RFC 4122 version 4 / variant bits, as GUIDs carry them.
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return compressGuid(bytes);
}

/** IFC's GUID compression: 2 bits, then 21 groups of 6 bits, most significant first. */
export function compressGuid(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error(`a GUID has 16 bytes, not ${bytes.length}`);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < 22; i++) {
    const shift = BigInt((21 - i) * 6);
    out += ALPHABET[Number((value >> shift) & 63n)];
  }
  return out;
}
