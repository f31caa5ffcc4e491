/**
 * Model import: reads IFC (IFC2X3, IFC4, IFC4X3; `.ifc`, `.ifczip`), GeoJSON, OpenStreetMap
 * road graphs in GraphML and EPANET networks, checks them, and reports counts, spatial
 * structure, georeference and warnings. Imports run in a worker thread bounded in time and memory.
 */
export { importModel } from './importModel.ts';
export { ModelImportError, type ModelImportErrorCode, type ModelImportErrorData } from './modelImportError.ts';
export { runImportCommand, importCommand, type ImportCommandOptions } from './runImportCommand.ts';
export { formatReport, formatError, formatWhere } from './formatSummary.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_HEAP_MB, DEFAULT_TIMEOUT_MS, parseAnchor } from './importOptions.ts';
export type {
  EpanetImportReport,
  ErrorWhere,
  GeodeticPoint,
  GeoJsonImportReport,
  Georeference,
  IfcImportReport,
  ImportKind,
  ImportOptions,
  ImportReport,
  ImportWarning,
  MapConversion,
  OsmImportReport,
  PlacementOptions,
  SpatialNode,
  TargetCrs,
} from './importReport.ts';
