import { describe, expect, it } from 'vitest';
import { transverseMercator, WGS84 } from './transverseMercator.ts';

describe('transverseMercator', () => {
  it('matches PROJ for a local projection centred on a site (+proj=tmerc +lat_0=22.54 +lon_0=114.06)', () => {
    const site = transverseMercator({ ellipsoid: WGS84, lon0Deg: 114.06, lat0Deg: 22.54, k0: 1, falseEastingM: 0, falseNorthingM: 0 });
    expect(site(114.06, 22.54).eastM).toBeCloseTo(0, 6);
    expect(site(114.06, 22.54).northM).toBeCloseTo(0, 6);
    const p = site(114.0794451792, 22.5580595119);
    expect(Math.abs(p.eastM - 2000)).toBeLessThan(0.01);
    expect(Math.abs(p.northM - 2000)).toBeLessThan(0.01);
  });
});
