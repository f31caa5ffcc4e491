/**
 * The GeoJSON (RFC 7946) subset the community files use, and conversion from site coordinates.
 * Positions are WGS 84 [longitude, latitude] rounded to 1e-7° (about 1 cm); polygons' outer
 * rings are counter-clockwise and closed.
 */
import { LON_LAT_DIGITS, roundTo } from '../geo.ts';
import type { SitePoint } from '../layout/layoutTypes.ts';
import { signedArea } from '../layout/planGeometry.ts';
import { SITE_ORIGIN, toLonLat, type LonLat } from '../projection/siteProjection.ts';

/** [longitude, latitude], degrees. */
export type Position = [number, number];

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] };

/** Property values the files use. */
export type PropertyValue = string | number | boolean | null | string[] | number[];

/** A feature: `id` both at the top (RFC 7946 §3.2) and among the properties, for tools that read only those. */
export interface Feature<P extends Record<string, PropertyValue> = Record<string, PropertyValue>> {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: P & { id: string };
}

export interface FeatureCollection<P extends Record<string, PropertyValue> = Record<string, PropertyValue>> {
  type: 'FeatureCollection';
  /** Foreign member naming what the collection holds, e.g. `network:gas`. */
  name: string;
  features: Array<Feature<P>>;
}

/** The rounded GeoJSON position of a site point. */
export function position(p: SitePoint, origin: LonLat = SITE_ORIGIN): Position {
  const { lon, lat } = toLonLat(p.eastM, p.northM, origin);
  return [roundTo(lon, LON_LAT_DIGITS), roundTo(lat, LON_LAT_DIGITS)];
}

export function pointGeometry(p: SitePoint, origin?: LonLat): Geometry {
  return { type: 'Point', coordinates: position(p, origin) };
}

export function lineGeometry(points: readonly SitePoint[], origin?: LonLat): Geometry {
  return { type: 'LineString', coordinates: points.map((p) => position(p, origin)) };
}

/** A polygon from a ring of corners (either orientation, unclosed): counter-clockwise and closed. */
export function polygonGeometry(ring: readonly SitePoint[], origin?: LonLat): Geometry {
  const ccw = signedArea(ring) >= 0 ? [...ring] : [...ring].reverse();
  const coordinates = ccw.map((p) => position(p, origin));
  coordinates.push([...coordinates[0]!]);
  return { type: 'Polygon', coordinates: [coordinates] };
}

/** A feature with its id first among the properties. */
export function feature<P extends Record<string, PropertyValue>>(id: string, geometry: Geometry, properties: P): Feature<P> {
  return { type: 'Feature', id, geometry, properties: { id, ...properties } };
}

export function featureCollection<P extends Record<string, PropertyValue>>(name: string, features: Array<Feature<P>>): FeatureCollection<P> {
  return { type: 'FeatureCollection', name, features };
}
