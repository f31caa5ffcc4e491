import { describe, expect, it } from 'vitest';
import { CGCS2000, WGS84, type Ellipsoid } from './ellipsoid.ts';
import { TransverseMercator } from './transverseMercator.ts';

const DEG = Math.PI / 180;

/**
 * The classic transverse Mercator series (Snyder, "Map Projections: A Working Manual", USGS
 * Professional Paper 1395, eqs. 3-21, 8-9 and 8-10), an independent check of Krüger's series
 * near the central meridian.
 */
function snyderForward(ellipsoid: Ellipsoid, lon0: number, lat0: number, lon: number, lat: number): { eastM: number; northM: number } {
  const { a, f } = ellipsoid;
  const e2 = f * (2 - f);
  const ep2 = e2 / (1 - e2);
  const meridianArc = (phi: number) =>
    a *
    ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi -
      ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
  const phi = lat * DEG;
  const N = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const T = Math.tan(phi) ** 2;
  const C = ep2 * Math.cos(phi) ** 2;
  const A = (lon - lon0) * DEG * Math.cos(phi);
  const x = N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T ** 2 + 72 * C - 58 * ep2) * A ** 5) / 120);
  const y =
    meridianArc(phi) -
    meridianArc(lat0 * DEG) +
    N * Math.tan(phi) * (A ** 2 / 2 + ((5 - T + 9 * C + 4 * C ** 2) * A ** 4) / 24 + ((61 - 58 * T + T ** 2 + 600 * C - 330 * ep2) * A ** 6) / 720);
  return { eastM: x, northM: y };
}

const gk = new TransverseMercator({ ellipsoid: CGCS2000, lon0Deg: 114, lat0Deg: 0, k0: 1, falseEastingM: 500_000, falseNorthingM: 0 });

describe('TransverseMercator', () => {
  it('matches PROJ (cs2cs EPSG:4490 → EPSG:4547) to a millimetre across the 3-degree belt', () => {
    // [lon, lat, easting, northing] from PROJ 9.1: `cs2cs -d 4 EPSG:4490 EPSG:4547`.
    const reference: Array<[number, number, number, number]> = [
      [114.06, 22.54, 506171.9992, 2493598.0441],
      [114.0, 22.54, 500000.0, 2493596.8053],
      [114.07, 22.55, 507200.1473, 2494705.869],
      [115.4, 22.5, 644064.9566, 2489840.9585],
      [112.6, 22.7, 356143.0985, 2511993.3417],
    ];
    for (const [lon, lat, e, n] of reference) {
      const p = gk.forward(lon, lat);
      expect(Math.abs(p.eastM - e), `easting at ${lon},${lat}`).toBeLessThan(0.001);
      expect(Math.abs(p.northM - n), `northing at ${lon},${lat}`).toBeLessThan(0.001);
    }
  });

  it('agrees with the classic series formulas to a millimetre near the central meridian', () => {
    for (const [lon, lat] of [[114.06, 22.54], [114.3, 22.6], [113.8, 22.45]] as const) {
      const krueger = gk.forward(lon, lat);
      const snyder = snyderForward(CGCS2000, 114, 0, lon, lat);
      expect(Math.abs(krueger.eastM - 500_000 - snyder.eastM)).toBeLessThan(0.001);
      expect(Math.abs(krueger.northM - snyder.northM)).toBeLessThan(0.001);
    }
  });

  it('inverts its forward projection to 1e-10 degrees', () => {
    for (const [lon, lat] of [[114.06, 22.54], [115.45, 22.3], [112.55, 23.1], [114, 0], [114.5, -33]] as const) {
      const { eastM, northM } = gk.forward(lon, lat);
      const back = gk.inverse(eastM, northM);
      expect(Math.abs(back.lonDeg - lon)).toBeLessThan(1e-10);
      expect(Math.abs(back.latDeg - lat)).toBeLessThan(1e-10);
    }
  });

  it('counts northings from the latitude of origin', () => {
    const local = new TransverseMercator({ ellipsoid: WGS84, lon0Deg: 114.06, lat0Deg: 22.54, k0: 1, falseEastingM: 0, falseNorthingM: 0 });
    const origin = local.forward(114.06, 22.54);
    expect(Math.abs(origin.eastM)).toBeLessThan(1e-9);
    expect(Math.abs(origin.northM)).toBeLessThan(1e-6);
  });
});
