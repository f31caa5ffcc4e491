/**
 * Recognises a model file's kind from its first bytes and, where they are not decisive, its
 * extension. Says plainly when a file is a format this importer does not read (ifcXML, raw
 * OpenStreetMap XML, anything else).
 */
import { extname } from 'node:path';
import type { ImportKind } from './importReport.ts';
import { ModelImportError } from './modelImportError.ts';

const BY_EXTENSION: Record<string, ImportKind> = {
  '.ifc': 'ifc',
  '.ifczip': 'ifc',
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.graphml': 'osm',
  '.inp': 'epanet',
};

const SUPPORTED = 'IFC (.ifc, .ifczip), GeoJSON (.geojson, .json), OpenStreetMap road graphs in GraphML (.graphml) and EPANET networks (.inp)';

/**
 * The kind of the file whose first bytes are `head` (a few kilobytes suffice).
 * @throws ModelImportError `TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_FORMAT`.
 */
export function detectFormat(head: Uint8Array, file: string): ImportKind {
  const extension = extname(file).toLowerCase();
  const unsupported = (message: string): never => {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_FORMAT', message, { file });
  };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return extension === '.ifczip' || extension === '.zip' ? 'ifc' : unsupported(`the file is a ZIP archive; only .ifczip archives holding an IFC model are read`);
  }
  const text = Buffer.from(head.buffer, head.byteOffset, head.length).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  if (text.startsWith('ISO-10303-21')) return 'ifc';
  if (text.startsWith('<')) {
    if (/iso_10303_28|ifcXML|<ifc:|xmlns:ifc=/i.test(text) || extension === '.ifcxml') {
      return unsupported('ifcXML (ISO 10303-28) is not supported: export the model as IFC-SPF (.ifc or .ifczip)');
    }
    if (/<graphml[\s>]/.test(text)) return 'osm';
    if (/<osm[\s>]/.test(text)) return unsupported('raw OpenStreetMap XML is not supported: read it into a road graph (OSMnx) and save it as GraphML');
    return BY_EXTENSION[extension] ?? unsupported(`the file is XML but not GraphML; supported: ${SUPPORTED}`);
  }
  if (text.startsWith('{')) return 'geojson';
  if (/^\[[A-Za-z_]+\]/.test(text) || (text.startsWith(';') && extension === '.inp')) return 'epanet';
  return BY_EXTENSION[extension] ?? unsupported(`${extension === '' ? 'the file' : `a ${extension} file`} is not a model file this importer reads; supported: ${SUPPORTED}`);
}
