/**
 * OpenStreetMap tag values as the counts key them. OSMnx merges the tags of simplified ways
 * into a list and writes it as Python's repr, `['steps', 'footway']`; GeoJSON may hold a real
 * array. Both become OSM's own multi-value form, `steps;footway`, so GraphML and GeoJSON of the
 * same graph count the same classes.
 */
export function normaliseTagValue(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(normaliseTagValue).filter((item): item is string => item !== undefined && item !== '');
    return items.length > 0 ? items.join(';') : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  const list = /^\[(.*)\]$/s.exec(text);
  if (list === null) return text;
  const items = [...list[1]!.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? '');
  return items.length > 0 ? items.join(';') : text;
}

/** The properties the counts classify features by, in this order. */
export const CLASS_PROPERTIES = ['kind', 'class', 'highway'] as const;
