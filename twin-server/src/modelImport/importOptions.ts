import type { GeodeticPoint, ImportKind, ImportOptions } from './importReport.ts';
import { ModelImportError } from './modelImportError.ts';

/** Default size limit: 256 MiB. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
/** The largest size limit accepted: the IFC engine's 32-bit WASM memory holds the file and its model. */
export const MAX_MAX_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_HEAP_MB = 2048;

const KINDS: readonly ImportKind[] = ['ifc', 'geojson', 'osm', 'epanet'];

/** Import options with every default filled in and every value checked. */
export interface ResolvedImportOptions {
  kind?: ImportKind;
  maxBytes: number;
  timeoutMs: number;
  maxHeapMb: number;
  anchor?: GeodeticPoint;
  projection?: string;
}

/**
 * Checks `options` and fills in the defaults.
 * @throws ModelImportError `TWIN_ERR_BAD_REQUEST` naming the option at fault.
 */
export function resolveImportOptions(options: ImportOptions, file: string): ResolvedImportOptions {
  const bad = (message: string): never => {
    throw new ModelImportError('TWIN_ERR_BAD_REQUEST', message, { file });
  };
  const resolved: ResolvedImportOptions = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxHeapMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB,
  };
  if (!Number.isInteger(resolved.maxBytes) || resolved.maxBytes <= 0 || resolved.maxBytes > MAX_MAX_BYTES) {
    bad(`the size limit must be a whole number of bytes from 1 to ${MAX_MAX_BYTES}`);
  }
  if (!Number.isFinite(resolved.timeoutMs) || resolved.timeoutMs <= 0) bad('the time limit must be a positive number of milliseconds');
  if (!Number.isInteger(resolved.maxHeapMb) || resolved.maxHeapMb < 16) bad('the heap limit must be a whole number of MiB, at least 16');
  if (options.kind !== undefined) {
    if (!KINDS.includes(options.kind)) bad(`unknown kind ${String(options.kind)}; the kinds are ${KINDS.join(', ')}`);
    resolved.kind = options.kind;
  }
  if (options.anchor !== undefined) resolved.anchor = checkAnchor(options.anchor, bad);
  if (options.projection !== undefined) resolved.projection = normaliseProjection(options.projection, bad);
  return resolved;
}

function checkAnchor(anchor: GeodeticPoint, bad: (message: string) => never): GeodeticPoint {
  const { lonDeg, latDeg, heightM } = anchor;
  if (!Number.isFinite(lonDeg) || lonDeg < -180 || lonDeg > 180) bad('the anchor longitude must be from -180 to 180 degrees');
  if (!Number.isFinite(latDeg) || latDeg < -90 || latDeg > 90) bad('the anchor latitude must be from -90 to 90 degrees');
  if (heightM !== undefined && !Number.isFinite(heightM)) bad('the anchor height must be a number of metres');
  return heightM === undefined ? { lonDeg, latDeg } : { lonDeg, latDeg, heightM };
}

/** `local-metres` or `EPSG:<code>` (any case) → the canonical spelling. */
function normaliseProjection(projection: string, bad: (message: string) => never): string {
  const text = projection.trim();
  if (text.toLowerCase() === 'local-metres' || text.toLowerCase() === 'local-meters') return 'local-metres';
  const epsg = /^epsg:(\d{4,6})$/i.exec(text);
  if (epsg === null) return bad(`unknown projection ${projection}; use local-metres or EPSG:<code>`);
  return `EPSG:${epsg[1]}`;
}

/**
 * Parses `lon,lat[,heightM]` as the command line gives it.
 * @throws ModelImportError `TWIN_ERR_BAD_REQUEST` when it is not two or three numbers.
 */
export function parseAnchor(text: string, file: string): GeodeticPoint {
  const parts = text.split(',').map((part) => part.trim());
  const numbers = parts.map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '') || numbers.some((n) => !Number.isFinite(n))) {
    throw new ModelImportError('TWIN_ERR_BAD_REQUEST', `--anchor takes lon,lat[,heightM] in degrees and metres, not ${text}`, { file });
  }
  const [lonDeg, latDeg, heightM] = numbers as [number, number, number?];
  return heightM === undefined ? { lonDeg, latDeg } : { lonDeg, latDeg, heightM };
}
