/**
 * Deterministic, readable JSON text for the generated files: two-space indent, a trailing
 * newline, keys in a given order (unlisted keys after, alphabetically), and arrays of numbers
 * (GeoJSON positions, lists of storeys) on one line, so a polygon takes a line per corner and
 * diffs stay small.
 */

/** Writes `value` with keys ranked by `keyOrder`. */
export function serializeJson(value: unknown, keyOrder: readonly string[]): string {
  const rank = new Map(keyOrder.map((key, index) => [key, index]));
  return `${write(value, rank, '')}\n`;
}

function compareKeys(rank: Map<string, number>, a: string, b: string): number {
  const ra = rank.get(a) ?? rank.size;
  const rb = rank.get(b) ?? rank.size;
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
}

function write(value: unknown, rank: Map<string, number>, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'number' || typeof v === 'string')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + write(v, rank, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  entries.sort(([a], [b]) => compareKeys(rank, a, b));
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, rank, inner)}`).join(',\n')}\n${indent}}`;
}

/** Key order of the GeoJSON files: the GeoJSON members, then identity, then topology, then attributes. */
export const GEOJSON_KEY_ORDER = [
  'type', 'id', 'featureType', 'network', 'category', 'kind', 'name', 'nameEn',
  'geometry', 'properties', 'coordinates', 'features',
  'zone', 'building', 'from', 'to', 'attachedTo', 'ifcGlobalId',
  // buildings
  'storeys', 'basements', 'heightM', 'storeyHeightM', 'flatsPerStorey', 'households', 'parkingSpaces', 'hasGas', 'widthM', 'rotationDeg',
  // links and nodes
  'role', 'diameterMm', 'material', 'pressureClass', 'pressureZone', 'voltageKv', 'cableType', 'ratedKw', 'lengthM', 'depthM',
  'slope', 'fromInvertElevationM', 'toInvertElevationM', 'rimElevationM', 'invertElevationM',
];
