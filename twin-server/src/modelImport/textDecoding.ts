import type { ErrorWhere } from './importReport.ts';
import { LineIndex } from './lineIndex.ts';
import { ModelImportError } from './modelImportError.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes UTF-8 text (a leading byte-order mark is dropped).
 * @throws ModelImportError `TWIN_ERR_MODEL_IMPORT_MALFORMED` at the line of the first invalid byte.
 */
export function decodeUtf8(bytes: Uint8Array, place: ErrorWhere, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const { line, column } = new LineIndex(bytes).at(offset);
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', `${what} is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at column ${column})`, { ...place, line });
  }
}

/** Decodes UTF-8 text, or ISO 8859-1 when it is not UTF-8; says which. */
export function decodeUtf8OrLatin1(bytes: Uint8Array): { text: string; latin1At?: number } {
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'), latin1At: firstInvalidUtf8(bytes) };
  }
}
