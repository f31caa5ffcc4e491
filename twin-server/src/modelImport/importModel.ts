/**
 * `importModel`: the library entry the server and `twin import` use.
 */
import { open, stat } from 'node:fs/promises';
import { detectFormat } from './detectFormat.ts';
import type { ImportOptions, ImportReport } from './importReport.ts';
import { resolveImportOptions } from './importOptions.ts';
import { importInWorker } from './importWorkerHost.ts';
import { ModelImportError } from './modelImportError.ts';

/** Bytes read to recognise a file's kind. */
const HEAD_BYTES = 4096;

/**
 * Imports a model file: IFC (`.ifc`, `.ifczip`), GeoJSON, an OpenStreetMap road graph in
 * GraphML, or an EPANET network (`.inp`). The kind is recognised from the content unless
 * `options.kind` says it. The file is read and checked in a worker thread bounded by
 * `options.timeoutMs` and `options.maxHeapMb`, and refused above `options.maxBytes`.
 *
 * @returns counts per entity or feature type, the georeference and warnings.
 * @throws ModelImportError `{ code, message, where }`, `where` naming the file and, when known,
 *   the line, the entity (`#1234`) or the JSON pointer.
 * @example
 * const report = await importModel('site/house.ifc', { anchor: { lonDeg: 114.05, latDeg: 22.54 } });
 * report.counts.IfcBuildingStorey; // 4
 */
export async function importModel(path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const resolved = resolveImportOptions(options, path);
  const where = { file: path };
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_UNREADABLE', `the file cannot be read: ${(error as Error).message}`, where, { cause: error });
  }
  if (size > resolved.maxBytes) {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_TOO_LARGE', `the file has ${size} bytes, more than the limit of ${resolved.maxBytes}`, where);
  }
  const kind = resolved.kind ?? detectFormat(await readHead(path), path);
  return importInWorker({ path, file: path, kind, options: resolved }, size);
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
