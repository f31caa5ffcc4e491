/**
 * The registry file's text: pretty JSON, two-space indent, a trailing newline and a stable key
 * order (the order of the registry schema), so regenerating is byte-for-byte reproducible and
 * diffs stay readable.
 */
import type { SensorRegistry } from '@twin/protocol';

/** Keys in schema order; keys not listed follow in alphabetical order. */
const KEY_ORDER = [
  // registry
  'version', 'community', 'sensors',
  // community and sensor
  'id', 'kind', 'unit', 'name', 'nameEn', 'location', 'samplingIntervalS', 'range', 'thresholds',
  // location
  'lon', 'lat', 'heightM', 'area', 'placement', 'building', 'storey', 'ifcGlobalId', 'networkElement',
  // range and thresholds
  'min', 'max', 'day', 'night', 'lowLow', 'low', 'high', 'highHigh', 'deadband',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? KEY_ORDER.length;
  const rb = RANK.get(b) ?? KEY_ORDER.length;
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

/** The registry as the text of `sensors.json`. */
export function serializeRegistry(registry: SensorRegistry): string {
  return `${JSON.stringify(canonical(registry), null, 2)}\n`;
}
