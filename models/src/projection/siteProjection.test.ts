import { describe, expect, it } from 'vitest';
import { fromGaussKruger, fromLonLat, SITE_ORIGIN, siteMapConversion, siteToGaussKruger, toGaussKruger, toLonLat } from './siteProjection.ts';

/** Metres per degree near the site, to turn degree errors into distances. */
const M_PER_DEG_LAT = 110_766;
const M_PER_DEG_LON = 102_850;

describe('site coordinates', () => {
  it('put the site origin at 114.06°E 22.54°N (Futian, Shenzhen)', () => {
    expect(toLonLat(0, 0)).toEqual({ lon: 114.06, lat: 22.54 });
    expect(SITE_ORIGIN).toEqual({ lon: 114.06, lat: 22.54 });
  });

  it('match PROJ (+proj=tmerc about the origin on WGS 84) to a centimetre over 2 km', () => {
    // [east, north, lon, lat] from PROJ 9.1: `cs2cs +proj=tmerc +lat_0=22.54 +lon_0=114.06 +k=1 +ellps=WGS84 +to +proj=longlat`.
    const reference: Array<[number, number, number, number]> = [
      [2000, 2000, 114.0794451792, 22.5580595119],
      [-1500, 1800, 114.0454163053, 22.5562539594],
      [-2000, -2000, 114.0405598789, 22.5219380982],
    ];
    for (const [east, north, lon, lat] of reference) {
      const p = toLonLat(east, north);
      expect(Math.abs(p.lon - lon) * M_PER_DEG_LON).toBeLessThan(0.01);
      expect(Math.abs(p.lat - lat) * M_PER_DEG_LAT).toBeLessThan(0.01);
      const back = fromLonLat(lon, lat);
      expect(Math.abs(back.eastM - east)).toBeLessThan(0.01);
      expect(Math.abs(back.northM - north)).toBeLessThan(0.01);
    }
  });

  it('round-trip site points to a millimetre', () => {
    for (let east = -2000; east <= 2000; east += 500) {
      for (let north = -2000; north <= 2000; north += 500) {
        const { lon, lat } = toLonLat(east, north);
        const back = fromLonLat(lon, lat);
        expect(Math.abs(back.eastM - east)).toBeLessThan(0.001);
        expect(Math.abs(back.northM - north)).toBeLessThan(0.001);
      }
    }
  });

  it('keep distances true: 1 km east of the origin is 1 km away on the map grid too', () => {
    const a = siteToGaussKruger(0, 0);
    const b = siteToGaussKruger(1000, 0);
    expect(Math.hypot(b.eastM - a.eastM, b.northM - a.northM)).toBeCloseTo(1000, 2);
  });
});

describe('EPSG:4547 (CGCS2000 / 3-degree Gauss-Krüger CM 114E)', () => {
  it('maps the central meridian 114°E to easting 500 000 m', () => {
    for (const lat of [0, 22.54, 40]) expect(toGaussKruger(114, lat).eastM).toBeCloseTo(500_000, 6);
  });

  it('puts the site origin at E 506 172.00 m, N 2 493 598.04 m (PROJ)', () => {
    const { eastM, northM } = toGaussKruger(114.06, 22.54);
    expect(eastM).toBeCloseTo(506171.9992, 3);
    expect(northM).toBeCloseTo(2493598.0441, 3);
  });

  it('round-trips grid coordinates', () => {
    const { lon, lat } = fromGaussKruger(506171.9992, 2493598.0441);
    expect(Math.abs(lon - 114.06) * M_PER_DEG_LON).toBeLessThan(0.001);
    expect(Math.abs(lat - 22.54) * M_PER_DEG_LAT).toBeLessThan(0.001);
  });

  it('gives the IFC map conversion: site x axis turned by the meridian convergence, grid scale half a ppm above 1', () => {
    const c = siteMapConversion();
    expect(c.eastings).toBeCloseTo(506171.9992, 3);
    expect(c.northings).toBeCloseTo(2493598.0441, 3);
    // Convergence ≈ Δλ·sin φ = 0.06° × sin 22.54° ≈ 0.023°: east of the central meridian true
    // north leans west of grid north, so the site's east leans north of grid east.
    const angleDeg = (Math.atan2(c.xAxisOrdinate, c.xAxisAbscissa) * 180) / Math.PI;
    expect(angleDeg).toBeGreaterThan(0.02);
    expect(angleDeg).toBeLessThan(0.026);
    // Grid scale 6 km from the central meridian: 1 + x²/2R² ≈ 1 + 4.7e-7.
    expect(c.scale - 1).toBeGreaterThan(4e-7);
    expect(c.scale - 1).toBeLessThan(6e-7);
  });
});
