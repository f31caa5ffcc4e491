/**
 * An IFC model (IFC2X3, IFC4, IFC4X3; `.ifc` or `.ifczip`): unpack, check the STEP text, open it
 * in web-ifc, read counts, spatial structure, property sets and georeference. Runs inside the
 * import worker, which bounds its time and memory.
 */
import { IfcAPI, LogLevel } from 'web-ifc';
import type { ErrorWhere, Georeference, IfcImportReport } from '../importReport.ts';
import type { ResolvedImportOptions } from '../importOptions.ts';
import { LineIndex } from '../lineIndex.ts';
import { ModelImportError } from '../modelImportError.ts';
import type { WarningList } from '../warningList.ts';
import { prevalidateStep, type StepSummary } from './prevalidateStep.ts';
import { readIfcModel, type IfcModelFacts } from './readIfcModel.ts';
import { extractZipEntry, readZipEntries, ZipFormatError } from '../../archive/zipArchive.ts';

/** The file being imported. */
export interface IfcSource {
  file: string;
  bytes: Uint8Array;
  options: ResolvedImportOptions;
  warnings: WarningList;
  /** Lines the IFC engine printed so far (the worker collects them); quoted when it fails. */
  engineLog?: readonly string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Imports an IFC model. @throws ModelImportError for every reason the model cannot be read. */
export async function importIfc(source: IfcSource): Promise<IfcImportReport> {
  const { file, warnings } = source;
  const unpacked = isZip(source.bytes) ? unpackIfcZip(source.bytes, file, source.options.maxBytes, warnings) : undefined;
  const step = unpacked?.bytes ?? source.bytes;
  const place: ErrorWhere = unpacked === undefined ? { file } : { file, entry: unpacked.entry };
  const summary = prevalidateStep(step, place, warnings);
  const api = new IfcAPI();
  await api.Init();
  api.SetLogLevel(LogLevel.LOG_LEVEL_ERROR);
  let modelId: number;
  try {
    modelId = api.OpenModel(step, { ALLOW_INCOMPATIBLE_SCHEMA_ALIASES: false });
  } catch (error) {
    throw engineFailure(`the IFC engine failed while reading the model: ${(error as Error).message}`, place, source.engineLog, error);
  }
  if (modelId < 0) throw engineFailure('the IFC engine could not open the model', place, source.engineLog);
  try {
    const lines = new LineIndex(step);
    const whereOf = (label: number): ErrorWhere => {
      const offset = summary.offsetOf(label);
      return offset === undefined ? { ...place, entity: `#${label}` } : { ...place, line: lines.lineAt(offset), entity: `#${label}` };
    };
    warnUnknownTypes(api, modelId, summary, warnings, whereOf);
    const facts = readIfcModel(api, modelId, summary.schema, warnings, whereOf);
    const report: IfcImportReport = {
      kind: 'ifc',
      file,
      bytes: source.bytes.length,
      schema: summary.schemaIdentifier.toUpperCase(),
      counts: facts.counts,
      georeference: ifcGeoreference(facts, source.options, warnings, place),
      warnings: [],
      entities: facts.entities,
      spatialStructure: facts.spatialStructure,
      propertySets: facts.propertySets,
    };
    if (unpacked !== undefined) report.entry = unpacked.entry;
    if (facts.lengthUnit !== undefined) report.lengthUnit = facts.lengthUnit;
    if (facts.spatialStructure.length === 0) warnings.add('ifc:no-project', 'the model has no IfcProject, so no spatial structure', place);
    report.warnings = warnings.toArray();
    return report;
  } finally {
    api.CloseModel(modelId);
    api.Dispose();
  }
}

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** The `.ifc` member of an `.ifczip`. */
function unpackIfcZip(bytes: Uint8Array, file: string, maxBytes: number, warnings: WarningList): { entry: string; bytes: Uint8Array } {
  try {
    const entries = readZipEntries(bytes).filter((e) => !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/'));
    const models = entries.filter((e) => /\.ifc$/i.test(e.name));
    const entry = models[0];
    if (entry === undefined) {
      if (entries.some((e) => /\.ifcxml$/i.test(e.name))) {
        throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_FORMAT', 'the archive holds ifcXML (ISO 10303-28), which is not supported: export the model as IFC-SPF (.ifc or .ifczip)', { file });
      }
      throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_BAD_ARCHIVE', `the archive holds no .ifc file (${entries.length} member(s))`, { file });
    }
    if (models.length > 1) warnings.add('ifczip:several', `the archive holds ${models.length} .ifc files; only ${entry.name} is read`, { file });
    return { entry: entry.name, bytes: extractZipEntry(bytes, entry, maxBytes) };
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_BAD_ARCHIVE', `the .ifczip cannot be read: ${error.message}`, { file }, { cause: error });
    if (error instanceof RangeError) throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_TOO_LARGE', error.message, { file }, { cause: error });
    throw error;
  }
}

function engineFailure(message: string, place: ErrorWhere, engineLog: readonly string[] | undefined, cause?: unknown): ModelImportError {
  const said = engineLog?.filter((line) => line.trim() !== '').slice(-3).join('; ');
  return new ModelImportError('TWIN_ERR_MODEL_IMPORT_ENGINE_FAILED', said ? `${message} (${said})` : message, place, { cause });
}

/** Entity names the schema does not define: web-ifc skips their instances. */
function warnUnknownTypes(api: IfcAPI, modelId: number, summary: StepSummary, warnings: WarningList, whereOf: (label: number) => ErrorWhere): void {
  const known = new Set(api.GetIfcEntityList(modelId));
  for (const [name, use] of summary.keywords) {
    if (known.has(api.GetTypeCodeFromName(name))) continue;
    warnings.add(
      `ifc:unknown-type:${name}`,
      `${name} is not an entity of ${summary.schema}; its ${use.count} instance(s) are ignored`,
      whereOf(use.firstLabel),
    );
  }
}

/** The model's own georeference first (IfcMapConversion, then IfcSite), else the anchor. */
function ifcGeoreference(facts: IfcModelFacts, options: ResolvedImportOptions, warnings: WarningList, place: ErrorWhere): Georeference | null {
  const site = facts.siteOrigin;
  const siteIsDefault = site !== undefined && site.latDeg === 0 && site.lonDeg === 0;
  if (siteIsDefault) warnings.add('ifc:site-zero', `IfcSite ${site.entity} gives 0°, 0° as its reference point (an exporter default); it is not used`, { ...place, entity: site.entity });
  const origin = site === undefined || siteIsDefault ? undefined : { lonDeg: site.lonDeg, latDeg: site.latDeg, ...(site.heightM === undefined ? {} : { heightM: site.heightM }) };
  let georeference: Georeference | null = null;
  if (facts.mapConversion !== undefined) {
    georeference = { source: 'IfcMapConversion', crs: facts.mapConversion.targetCrs.name || null, mapConversion: facts.mapConversion };
    if (origin !== undefined) georeference.origin = origin;
  } else if (origin !== undefined) {
    georeference = { source: 'IfcSite', crs: 'local-metres', origin };
  }
  if (georeference !== null) {
    if (options.anchor !== undefined) warnings.add('ifc:anchor-ignored', `the anchor is ignored: the model has its own georeference (${georeference.source})`);
    return georeference;
  }
  if (options.anchor === undefined) {
    warnings.add('ifc:no-georeference', 'the model has no georeference (no IfcMapConversion, no IfcSite reference point): give an anchor lon,lat[,heightM] to place it');
    return null;
  }
  return { source: 'anchor', crs: options.projection ?? 'local-metres', origin: options.anchor };
}
