import { extractZipEntry, readZipEntries, ZipFormatError } from '../archive/zipArchive.ts';
import { IfcReadError } from './ifcGeometryExtractor.ts';

/**
 * The IFC STEP file inside an `.ifczip` (a ZIP archive holding one `.ifc`).
 * @param maxBytes largest accepted uncompressed size (a guard against ZIP bombs).
 * @throws IfcReadError when the archive is not readable or holds no `.ifc`.
 */
export function unzipIfc(zip: Uint8Array, maxBytes: number): Uint8Array {
  try {
    const entry = readZipEntries(zip).find((e) => /\.ifc$/i.test(e.name) && !e.name.startsWith('__MACOSX/'));
    if (entry === undefined) throw new IfcReadError('the ZIP archive holds no .ifc file');
    return extractZipEntry(zip, entry, maxBytes);
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof RangeError) throw new IfcReadError(error.message);
    throw error;
  }
}
