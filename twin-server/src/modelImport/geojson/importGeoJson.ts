/**
 * GeoJSON (RFC 7946): a FeatureCollection, a Feature or a bare geometry. Checks structure and
 * every position; counts features by geometry type and by `kind`, `class` and `highway`; gives
 * the bounding box and the CRS (WGS84 unless a legacy `crs` member or `--projection` says otherwise).
 */
import type { ErrorWhere, GeoJsonImportReport } from '../importReport.ts';
import type { ResolvedImportOptions } from '../importOptions.ts';
import { LineIndex } from '../lineIndex.ts';
import { ModelImportError } from '../modelImportError.ts';
import { CLASS_PROPERTIES, normaliseTagValue } from '../osm/tagValue.ts';
import { sortCounts } from '../sortCounts.ts';
import { decodeUtf8 } from '../textDecoding.ts';
import type { WarningList } from '../warningList.ts';
import { GeometryChecker } from './geometryChecker.ts';
import { jsonErrorOffset } from './jsonErrorOffset.ts';
import { legacyCrsName } from './legacyCrs.ts';

/** The file being imported. */
export interface GeoJsonSource {
  file: string;
  bytes: Uint8Array;
  options: ResolvedImportOptions;
  warnings: WarningList;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Imports a GeoJSON document. @throws ModelImportError for text that is not JSON, or not valid GeoJSON. */
export function importGeoJson(source: GeoJsonSource): GeoJsonImportReport {
  const { file, options, warnings } = source;
  const place: ErrorWhere = { file };
  const text = decodeUtf8(source.bytes, place, 'the GeoJSON text');
  const root = parseJson(text, place);
  const fail = (message: string, pointer: string): never => {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', message, { file, pointer });
  };
  if (!isObject(root)) return fail('a GeoJSON document is an object', '');
  if (typeof root.type !== 'string') return fail('not a GeoJSON document: the top-level object has no type (FeatureCollection, Feature or a geometry type)', '/type');
  const legacy = root.crs === undefined ? undefined : legacyCrsName(root.crs);
  if (root.crs !== undefined) {
    warnings.add('geojson:crs', `the document has a crs member (GeoJSON 2008); RFC 7946 removed it and requires WGS84${legacy === undefined ? ', and this one cannot be read' : ''}`, { file, pointer: '/crs' });
  }
  let crs = legacy ?? 'EPSG:4326';
  if (options.projection !== undefined && options.projection !== crs) {
    warnings.add('geojson:projection', `the coordinates are taken as ${options.projection}, as the projection option says, not ${crs}`);
    crs = options.projection;
  }
  if (options.anchor !== undefined) warnings.add('geojson:anchor', 'the anchor is ignored: GeoJSON coordinates are already placed');
  const geometry = new GeometryChecker(file, crs === 'EPSG:4326' || crs === 'OGC:CRS84' || crs === 'EPSG:4490', warnings, fail);
  const counts: Record<string, number> = {};
  const bump = (key: string): void => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const feature = (value: unknown, pointer: string): void => {
    if (!isObject(value) || value.type !== 'Feature') fail(`expected a Feature object`, pointer);
    const f = value as Json;
    bump('features');
    if (!('geometry' in f)) warnings.add('geojson:feature-geometry', 'a Feature has no geometry member (null is written explicitly)', { file, pointer });
    if (!('properties' in f)) warnings.add('geojson:feature-properties', 'a Feature has no properties member (null is written explicitly)', { file, pointer });
    else if (f.properties !== null && !isObject(f.properties)) fail('the properties of a Feature are an object or null', `${pointer}/properties`);
    if (f.geometry === null || f.geometry === undefined) bump('noGeometry');
    else bump(geometry.check(f.geometry, `${pointer}/geometry`));
    if (isObject(f.properties)) {
      for (const key of CLASS_PROPERTIES) {
        const tag = normaliseTagValue(f.properties[key]);
        if (tag !== undefined) bump(`${key}=${tag}`);
      }
    }
  };
  switch (root.type) {
    case 'FeatureCollection':
      if (!Array.isArray(root.features)) fail('a FeatureCollection has a features array', '/features');
      counts.features = 0;
      (root.features as unknown[]).forEach((f, i) => feature(f, `/features/${i}`));
      break;
    case 'Feature':
      feature(root, '');
      break;
    default:
      bump(geometry.check(root, ''));
  }
  return {
    kind: 'geojson',
    file,
    bytes: source.bytes.length,
    schema: root.crs === undefined ? 'RFC 7946' : 'GeoJSON 2008',
    counts: sortCounts(counts),
    georeference: geometry.bbox === undefined ? { source: 'file', crs } : { source: 'file', crs, bbox: geometry.bbox },
    warnings: warnings.toArray(),
  };
}

function parseJson(text: string, place: ErrorWhere): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message may quote a long stretch of the text: keep its first clause.
    const message = (error as Error).message.split(/, "|\n/)[0];
    const offset = jsonErrorOffset(text);
    const where: ErrorWhere = offset < 0 ? { ...place } : { ...place, ...new LineIndex(text).at(offset) };
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', `the file is not valid JSON: ${message}`, where);
  }
}
