import { describe, expect, it } from 'vitest';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { buildingPlacement } from './buildingPlacement.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8.5, slopeX: 0, slopeZ: 0 } });
// B01 of the sample community: IfcMapConversion, and its IfcSite reference point.
const b01 = {
  source: 'IfcMapConversion' as const,
  crsName: 'EPSG:4547',
  mapZone: 'CM 114E',
  eastingsM: 505914.4248,
  northingsM: 2493782.9408,
  orthogonalHeightM: 9.06,
  xAxisAbscissa: 0.998159225825,
  xAxisOrdinate: -0.060647835077,
  scale: 1,
};

describe('buildingPlacement', () => {
  it('places the model origin where its map conversion says, a millimetre from its WGS 84 reference', () => {
    const placement = buildingPlacement(b01, frame);
    const [x, z] = frame.toXZ(114.05749672888889, 22.541670595833335);
    expect(placement.source).toBe('IfcMapConversion');
    expect(Math.abs(placement.t[0] - x)).toBeLessThan(0.002);
    expect(Math.abs(placement.t[1] + z)).toBeLessThan(0.002);
    expect(placement.yOffset).toBeCloseTo(0.56, 6);
  });

  it('turns model x by the building rotation less the convergence difference (-3.5° in the plan)', () => {
    const [m00, , m10] = buildingPlacement(b01, frame).m;
    expect((Math.atan2(m10, m00) * 180) / Math.PI).toBeCloseTo(-3.5, 3);
    expect(Math.hypot(m00, m10)).toBeCloseTo(1, 6);
  });

  it('falls back to the site reference point and true north', () => {
    const placement = buildingPlacement({ source: 'IfcSite', lon: 114.06, lat: 22.54, elevationM: 9.5, trueNorth: [Math.sin(0.1), Math.cos(0.1)] }, frame);
    expect(placement.source).toBe('IfcSite');
    expect(placement.t[0]).toBeCloseTo(0, 6);
    expect(Math.atan2(placement.m[2], placement.m[0])).toBeCloseTo(0.1, 9);
    expect(placement.yOffset).toBeCloseTo(1, 9);
  });

  it('leaves a model without georeference at the origin', () => {
    expect(buildingPlacement(undefined, frame)).toEqual({ m: [1, 0, 0, 1], t: [0, 0], yOffset: 0, source: 'none' });
  });
});
