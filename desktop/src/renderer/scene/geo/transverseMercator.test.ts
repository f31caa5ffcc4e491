import { describe, expect, it } from 'vitest';
import { CGCS2000, transverseMercator, WGS84 } from './transverseMercator.ts';

describe('transverseMercator', () => {
  it('matches PROJ for CGCS2000 / 3-degree Gauss-Krüger CM 114E (EPSG:4547) to a millimetre', () => {
    // [lon, lat, easting, northing] from PROJ 9.1: `cs2cs -d 4 EPSG:4490 EPSG:4547`.
    const reference: Array<[number, number, number, number]> = [
      [114.06, 22.54, 506171.9992, 2493598.0441],
      [114.0, 22.54, 500000.0, 2493596.8053],
      [114.07, 22.55, 507200.1473, 2494705.869],
      [115.4, 22.5, 644064.9566, 2489840.9585],
    ];
    const gk = transverseMercator({ ellipsoid: CGCS2000, lon0Deg: 114, lat0Deg: 0, k0: 1, falseEastingM: 500_000, falseNorthingM: 0 });
    for (const [lon, lat, east, north] of reference) {
      const p = gk(lon, lat);
      expect(Math.abs(p.eastM - east)).toBeLessThan(0.001);
      expect(Math.abs(p.northM - north)).toBeLessThan(0.001);
    }
  });

  it('matches PROJ for a local projection centred on a site (+proj=tmerc +lat_0=22.54 +lon_0=114.06)', () => {
    const site = transverseMercator({ ellipsoid: WGS84, lon0Deg: 114.06, lat0Deg: 22.54, k0: 1, falseEastingM: 0, falseNorthingM: 0 });
    expect(site(114.06, 22.54).eastM).toBeCloseTo(0, 6);
    expect(site(114.06, 22.54).northM).toBeCloseTo(0, 6);
    const p = site(114.0794451792, 22.5580595119);
    expect(Math.abs(p.eastM - 2000)).toBeLessThan(0.01);
    expect(Math.abs(p.northM - 2000)).toBeLessThan(0.01);
  });
});
