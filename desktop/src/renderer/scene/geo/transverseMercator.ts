/**
 * Forward transverse Mercator (EPSG method 9807, Gauss-Krüger) by Krüger's series in the third
 * flattening n to order n^4 (Karney 2011, "Transverse Mercator with an accuracy of a few
 * nanometers", eqs. 7-9 and 35). Within a few degrees of the central meridian the truncation
 * error is far below a millimetre. The scene only projects forward: GeoJSON positions into the
 * scene plane, and reference points into a model's map grid to fit the grid to the scene.
 */

/** An ellipsoid of revolution: semi-major axis (m) and flattening. */
export interface Ellipsoid {
  a: number;
  f: number;
}

/** WGS 84, the ellipsoid of GeoJSON positions (RFC 7946). */
export const WGS84: Ellipsoid = { a: 6378137, f: 1 / 298.257223563 };
/** CGCS2000 (EPSG:1024), the ellipsoid of Chinese map grids; equal to WGS 84 within 0.1 mm. */
export const CGCS2000: Ellipsoid = { a: 6378137, f: 1 / 298.257222101 };

/** Parameters of one transverse Mercator projection. */
export interface TransverseMercatorParams {
  ellipsoid: Ellipsoid;
  lon0Deg: number;
  lat0Deg: number;
  k0: number;
  falseEastingM: number;
  falseNorthingM: number;
}

/** Projected coordinates, metres. */
export interface EastNorth {
  eastM: number;
  northM: number;
}

/** Projects WGS 84 / CGCS2000 longitude and latitude (degrees) to easting and northing (metres). */
export type ProjectLonLat = (lonDeg: number, latDeg: number) => EastNorth;

const DEG = Math.PI / 180;

/**
 * A forward transverse Mercator projection.
 * @example
 * const gk = transverseMercator({ ellipsoid: CGCS2000, lon0Deg: 114, lat0Deg: 0, k0: 1, falseEastingM: 500_000, falseNorthingM: 0 });
 * gk(114.06, 22.54); // { eastM: 506171.9992, northM: 2493598.0441 }
 */
export function transverseMercator(params: TransverseMercatorParams): ProjectLonLat {
  const { a, f } = params.ellipsoid;
  const n = f / (2 - f);
  const e = Math.sqrt(f * (2 - f));
  const n2 = n * n;
  const rectifyingRadius = (a / (1 + n)) * (1 + n2 / 4 + (n2 * n2) / 64);
  const alpha = [
    n / 2 - (2 / 3) * n2 + (5 / 16) * n2 * n + (41 / 180) * n2 * n2,
    (13 / 48) * n2 - (3 / 5) * n2 * n + (557 / 1440) * n2 * n2,
    (61 / 240) * n2 * n - (103 / 140) * n2 * n2,
    (49561 / 161280) * n2 * n2,
  ];
  const conformalTan = (tau: number) => {
    const sigma = Math.sinh(e * Math.atanh((e * tau) / Math.hypot(1, tau)));
    return tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
  };
  const series = (lambda: number, tau: number): [number, number] => {
    const tauPrime = conformalTan(tau);
    const xiPrime = Math.atan2(tauPrime, Math.cos(lambda));
    const etaPrime = Math.asinh(Math.sin(lambda) / Math.hypot(tauPrime, Math.cos(lambda)));
    let xi = xiPrime;
    let eta = etaPrime;
    for (let j = 1; j <= alpha.length; j++) {
      xi += alpha[j - 1]! * Math.sin(2 * j * xiPrime) * Math.cosh(2 * j * etaPrime);
      eta += alpha[j - 1]! * Math.cos(2 * j * xiPrime) * Math.sinh(2 * j * etaPrime);
    }
    return [xi, eta];
  };
  const [xi0] = series(0, Math.tan(params.lat0Deg * DEG));
  const scale = params.k0 * rectifyingRadius;
  return (lonDeg, latDeg) => {
    const [xi, eta] = series((lonDeg - params.lon0Deg) * DEG, Math.tan(latDeg * DEG));
    return { eastM: params.falseEastingM + scale * eta, northM: params.falseNorthingM + scale * (xi - xi0) };
  };
}
