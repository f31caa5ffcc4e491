/** The GeoJSON (RFC 7946) the scene reads: positions are `[lon, lat]` or `[lon, lat, h]`. */
export type Position = number[];

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface Feature {
  type: 'Feature';
  id?: string | number;
  geometry: Geometry | null;
  properties: Record<string, unknown> | null;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Why a file is not the GeoJSON the scene expects. */
export class GeoJsonError extends Error {
  override name = 'GeoJsonError';
}

const GEOMETRY_TYPES = new Set(['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/**
 * Checks that parsed JSON is a FeatureCollection of features with supported geometries (others
 * become `null` geometries, kept for their properties).
 * @throws GeoJsonError when it is not a FeatureCollection.
 */
export function parseFeatureCollection(json: unknown): FeatureCollection {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((json as { features?: unknown }).features)) {
    throw new GeoJsonError('not a GeoJSON FeatureCollection');
  }
  const features = (json as { features: unknown[] }).features.map((raw, i): Feature => {
    if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'Feature') throw new GeoJsonError(`feature ${i} is not a Feature`);
    const f = raw as { id?: unknown; geometry?: unknown; properties?: unknown };
    const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    const supported = geometry !== null && geometry !== undefined && GEOMETRY_TYPES.has(geometry.type as string) && Array.isArray(geometry.coordinates);
    const feature: Feature = {
      type: 'Feature',
      geometry: supported ? (geometry as Geometry) : null,
      properties: typeof f.properties === 'object' && f.properties !== null ? (f.properties as Record<string, unknown>) : null,
    };
    if (typeof f.id === 'string' || typeof f.id === 'number') feature.id = f.id;
    return feature;
  });
  return { type: 'FeatureCollection', features };
}

/** A feature's id: its `id`, else `properties.id`, else its position in the file. */
export function featureId(feature: Feature, index: number): string {
  if (feature.id !== undefined) return String(feature.id);
  const id = feature.properties?.['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index}`;
}

/** A numeric property, or undefined. */
export function numberProperty(feature: Feature, name: string): number | undefined {
  const value = feature.properties?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A string property, or undefined. */
export function stringProperty(feature: Feature, name: string): string | undefined {
  const value = feature.properties?.[name];
  return typeof value === 'string' ? value : undefined;
}
