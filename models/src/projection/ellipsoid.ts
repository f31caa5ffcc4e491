/**
 * Reference ellipsoids of the coordinate systems the community models use.
 */

/** An ellipsoid of revolution: semi-major axis and flattening. */
export interface Ellipsoid {
  name: string;
  /** Semi-major axis, metres. */
  a: number;
  /** Flattening (a - b) / a. */
  f: number;
}

/** WGS 84 (EPSG:7030), the ellipsoid of GeoJSON positions (RFC 7946). */
export const WGS84: Ellipsoid = { name: 'WGS 84', a: 6378137, f: 1 / 298.257223563 };

/**
 * CGCS2000 (China Geodetic Coordinate System 2000, EPSG:1024). It differs from WGS 84 only in
 * the eleventh digit of the flattening (about 0.1 mm at the surface); the datums agree to a few
 * centimetres, which is below the accuracy of the community models.
 */
export const CGCS2000: Ellipsoid = { name: 'CGCS2000', a: 6378137, f: 1 / 298.257222101 };
