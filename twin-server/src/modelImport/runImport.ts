/**
 * The import itself, run where the caller chooses (the import worker, or a test in process):
 * read the file, hand it to the importer for its kind.
 */
import { readFileSync } from 'node:fs';
import { importEpanet } from './epanet/importEpanet.ts';
import { importGeoJson } from './geojson/importGeoJson.ts';
import type { ImportKind, ImportReport } from './importReport.ts';
import type { ResolvedImportOptions } from './importOptions.ts';
import { ModelImportError } from './modelImportError.ts';
import { importGraphml } from './osm/importGraphml.ts';
import { WarningList } from './warningList.ts';

/** What the import worker is asked to do. */
export interface ImportRequest {
  /** The path to read. */
  path: string;
  /** The file as errors and reports name it. */
  file: string;
  kind: ImportKind;
  options: ResolvedImportOptions;
}

/**
 * Reads and imports one file.
 * @param engineLog lines the IFC engine printed, when the caller collects them.
 * @throws ModelImportError
 */
export async function runImport(request: ImportRequest, engineLog?: readonly string[]): Promise<ImportReport> {
  const { file, options } = request;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(request.path);
  } catch (error) {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_UNREADABLE', `the file cannot be read: ${(error as Error).message}`, { file }, { cause: error });
  }
  if (bytes.length > options.maxBytes) {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_TOO_LARGE', `the file has ${bytes.length} bytes, more than the limit of ${options.maxBytes}`, { file });
  }
  const warnings = new WarningList();
  const source = { file, bytes, options, warnings };
  switch (request.kind) {
    case 'ifc': {
      // Loaded on demand: the IFC engine is large and only IFC needs it.
      const { importIfc } = await import('./ifc/importIfc.ts');
      return importIfc(engineLog === undefined ? source : { ...source, engineLog });
    }
    case 'geojson':
      return importGeoJson(source);
    case 'osm':
      return importGraphml(source);
    case 'epanet':
      return importEpanet(source);
  }
}
