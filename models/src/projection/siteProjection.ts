/**
 * Coordinates of the community models.
 *
 * - Site coordinates: metres east and north of the site origin, on a transverse Mercator
 *   projection centred on the origin (central meridian through the origin, scale 1, no false
 *   origin), so site x is true east and y true north at the origin and distances are true to a
 *   few parts per billion across the site. The layout, the IFC models and the network builders
 *   work in these.
 * - Geographic: WGS 84 longitude and latitude (EPSG:4326), the coordinates of GeoJSON (RFC 7946)
 *   and of the sensor registry. CGCS2000 (EPSG:4490) positions are taken as equal: the datums
 *   differ by a few centimetres, below the accuracy of the models.
 * - Map grid: CGCS2000 / 3-degree Gauss-Krüger CM 114E (EPSG:4547; zone 38 of the 3-degree
 *   belts, false easting 500 000 m without the zone number, which EPSG:4526 prefixes), the grid
 *   of Shenzhen surveys and of the IFC models' IfcMapConversion.
 */
import { CGCS2000, WGS84 } from './ellipsoid.ts';
import { TransverseMercator, type EastNorth } from './transverseMercator.ts';

/** A WGS84 position, degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Site origin: a residential block in Futian district, Shenzhen (WGS84). */
export const SITE_ORIGIN: LonLat = { lon: 114.06, lat: 22.54 };

/** EPSG code of the geographic coordinates (GeoJSON, registry). */
export const GEOGRAPHIC_CRS = 'EPSG:4326';

/** EPSG code of the map grid (IFC map conversion). */
export const MAP_GRID_CRS = 'EPSG:4547';

/** Central meridian of EPSG:4547, degrees east. */
export const GAUSS_KRUGER_CM_DEG = 114;

const siteProjections = new Map<string, TransverseMercator>();

/** The site transverse Mercator centred on `origin` (cached per origin). */
export function siteTransverseMercator(origin: LonLat = SITE_ORIGIN): TransverseMercator {
  const key = `${origin.lon},${origin.lat}`;
  let projection = siteProjections.get(key);
  if (projection === undefined) {
    projection = new TransverseMercator({ ellipsoid: WGS84, lon0Deg: origin.lon, lat0Deg: origin.lat, k0: 1, falseEastingM: 0, falseNorthingM: 0 });
    siteProjections.set(key, projection);
  }
  return projection;
}

const gaussKruger = new TransverseMercator({
  ellipsoid: CGCS2000,
  lon0Deg: GAUSS_KRUGER_CM_DEG,
  lat0Deg: 0,
  k0: 1,
  falseEastingM: 500_000,
  falseNorthingM: 0,
});

/**
 * The WGS84 position of a site point, unrounded.
 * @param eastM metres east of the site origin
 * @param northM metres north of the site origin
 * @example
 * const { lon, lat } = toLonLat(120, -80);
 */
export function toLonLat(eastM: number, northM: number, origin: LonLat = SITE_ORIGIN): LonLat {
  const { lonDeg, latDeg } = siteTransverseMercator(origin).inverse(eastM, northM);
  return { lon: lonDeg, lat: latDeg };
}

/** The site coordinates (metres east and north of the origin) of a WGS84 position. */
export function fromLonLat(lon: number, lat: number, origin: LonLat = SITE_ORIGIN): EastNorth {
  return siteTransverseMercator(origin).forward(lon, lat);
}

/**
 * EPSG:4547 coordinates (CGCS2000 / 3-degree Gauss-Krüger CM 114E) of a geographic position.
 * Note the EPSG axis order is northing (X) then easting (Y); this returns named fields.
 * @example
 * toGaussKruger(114, 22.54).eastM; // 500000
 */
export function toGaussKruger(lon: number, lat: number): EastNorth {
  return gaussKruger.forward(lon, lat);
}

/** The geographic position of EPSG:4547 coordinates. */
export function fromGaussKruger(eastM: number, northM: number): LonLat {
  const { lonDeg, latDeg } = gaussKruger.inverse(eastM, northM);
  return { lon: lonDeg, lat: latDeg };
}

/** EPSG:4547 coordinates of a site point. */
export function siteToGaussKruger(eastM: number, northM: number, origin: LonLat = SITE_ORIGIN): EastNorth {
  const { lon, lat } = toLonLat(eastM, northM, origin);
  return toGaussKruger(lon, lat);
}

/**
 * How the site frame sits in EPSG:4547, in the terms of IFC's IfcMapConversion: the grid
 * coordinates of the site origin, the direction of the site x axis (east) in the grid
 * (`xAxisAbscissa`, `xAxisOrdinate`; it differs from grid east by the meridian convergence,
 * about 0.023° anticlockwise here) and the scale from site metres to grid metres.
 */
export function siteMapConversion(origin: LonLat = SITE_ORIGIN): {
  eastings: number;
  northings: number;
  xAxisAbscissa: number;
  xAxisOrdinate: number;
  scale: number;
} {
  const base = toGaussKruger(origin.lon, origin.lat);
  const span = 500;
  const east = siteToGaussKruger(span, 0, origin);
  const dx = east.eastM - base.eastM;
  const dy = east.northM - base.northM;
  const length = Math.hypot(dx, dy);
  return { eastings: base.eastM, northings: base.northM, xAxisAbscissa: dx / length, xAxisOrdinate: dy / length, scale: length / span };
}
