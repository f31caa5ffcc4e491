/**
 * The scene's forward projection: the models' transverse Mercator (EPSG method 9807,
 * Gauss-Krüger; Krüger series to order n^6) as a function, for GeoJSON positions into the scene
 * plane and reference points into a model's map grid.
 */
import { TransverseMercator, type EastNorth, type TransverseMercatorParams } from '@twin/models/projection/transverseMercator.ts';

export { CGCS2000, WGS84 } from '@twin/models/projection/ellipsoid.ts';
export type { EastNorth, TransverseMercatorParams };

/** Projects WGS 84 / CGCS2000 longitude and latitude (degrees) to easting and northing (metres). */
export type ProjectLonLat = (lonDeg: number, latDeg: number) => EastNorth;

/**
 * A forward transverse Mercator projection.
 * @example
 * const gk = transverseMercator({ ellipsoid: CGCS2000, lon0Deg: 114, lat0Deg: 0, k0: 1, falseEastingM: 500_000, falseNorthingM: 0 });
 * gk(114.06, 22.54); // { eastM: 506171.9992, northM: 2493598.0441 }
 */
export function transverseMercator(params: TransverseMercatorParams): ProjectLonLat {
  const projection = new TransverseMercator(params);
  return (lonDeg, latDeg) => projection.forward(lonDeg, latDeg);
}
