/**
 * The readable form of an import report and of an import error, for `twin import` without `--json`.
 */
import type { ErrorWhere, Georeference, ImportReport, SpatialNode } from './importReport.ts';
import type { ModelImportErrorData } from './modelImportError.ts';

const KIND_NAMES: Record<ImportReport['kind'], string> = {
  ifc: 'IFC model',
  geojson: 'GeoJSON',
  osm: 'OpenStreetMap road graph',
  epanet: 'EPANET water network',
};

/** `file:line (#entity)` and the other parts of a location that are known. */
export function formatWhere(where: ErrorWhere): string {
  let text = where.file;
  if (where.entry !== undefined) text += `!${where.entry}`;
  if (where.line !== undefined) text += `:${where.line}${where.column === undefined ? '' : `:${where.column}`}`;
  const details = [where.section, where.entity, where.pointer === undefined ? undefined : `at ${where.pointer || '/'}`].filter((d) => d !== undefined);
  return details.length > 0 ? `${text} (${details.join(', ')})` : text;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function formatDegrees(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(6)}°${value < 0 ? negative : positive}`;
}

function formatGeoreference(geo: Georeference | null): string[] {
  if (geo === null) return ['georeference: none'];
  const lines = [`georeference: ${geo.source}, CRS ${geo.crs ?? 'unknown'}`];
  const mc = geo.mapConversion;
  if (mc !== undefined) {
    lines.push(`  map conversion ${mc.entity}: E ${mc.eastings}, N ${mc.northings}, H ${mc.orthogonalHeight}, x axis ${mc.rotationDeg.toFixed(4)}°, scale ${mc.scale}`);
    const crs = [mc.targetCrs.name, mc.targetCrs.description, mc.targetCrs.geodeticDatum, mc.targetCrs.mapUnit].filter(Boolean).join(', ');
    lines.push(`  target CRS: ${crs}`);
  }
  if (geo.origin !== undefined) {
    const { latDeg, lonDeg, heightM } = geo.origin;
    lines.push(`  origin: ${formatDegrees(latDeg, 'N', 'S')} ${formatDegrees(lonDeg, 'E', 'W')}${heightM === undefined ? '' : `, ${heightM} m`}`);
  }
  if (geo.bbox !== undefined) lines.push(`  bbox: ${geo.bbox.join(', ')}`);
  return lines;
}

function formatSpatial(node: SpatialNode, depth: number, out: string[]): void {
  const extras = [
    node.elevation === undefined ? undefined : `elevation ${node.elevation}`,
    node.elements > 0 ? `${node.elements} elements` : undefined,
    node.spaces > 0 ? `${node.spaces} spaces` : undefined,
  ].filter((e) => e !== undefined);
  out.push(`${'  '.repeat(depth + 1)}${node.type} ${node.entity} '${node.name ?? ''}'${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`);
  for (const child of node.children) formatSpatial(child, depth + 1, out);
}

/** A multi-line summary of `report`. */
export function formatReport(report: ImportReport): string {
  const out = [`${report.file}: ${KIND_NAMES[report.kind]}, ${report.schema}, ${formatBytes(report.bytes)}`];
  if (report.kind === 'ifc') {
    if (report.entry !== undefined) out.push(`archive member: ${report.entry}`);
    out.push(`entities: ${report.entities}${report.lengthUnit === undefined ? '' : `, length unit ${report.lengthUnit}`}`);
    if (report.spatialStructure.length > 0) {
      out.push('spatial structure:');
      for (const root of report.spatialStructure) formatSpatial(root, 0, out);
    }
    const p = report.propertySets;
    out.push(`property sets: ${p.propertySets} (${p.properties} properties), quantity sets: ${p.quantitySets}, objects with properties: ${p.objectsWithProperties}`);
  }
  if (report.kind === 'epanet') {
    if (report.title !== '') out.push(`title: ${report.title.split('\n')[0]}`);
    out.push(`flow units: ${report.flowUnits} (${report.unitSystem}), head loss: ${report.headloss}`);
  }
  out.push('counts:');
  const width = Math.max(...Object.keys(report.counts).map((k) => k.length), 0);
  for (const [key, count] of Object.entries(report.counts)) out.push(`  ${key.padEnd(width)}  ${count}`);
  out.push(...formatGeoreference(report.georeference));
  if (report.warnings.length > 0) {
    out.push(`warnings (${report.warnings.length}):`);
    for (const w of report.warnings) {
      out.push(`  - ${w.message}${w.count !== undefined && w.count > 1 ? ` (×${w.count})` : ''}${w.where === undefined ? '' : ` [${formatWhere(w.where)}]`}`);
    }
  }
  return out.join('\n');
}

/** One line: what went wrong and where. */
export function formatError(error: ModelImportErrorData): string {
  return `${formatWhere(error.where)}: ${error.message} [${error.code}]`;
}
