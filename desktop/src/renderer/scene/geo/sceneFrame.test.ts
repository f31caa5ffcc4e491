import { describe, expect, it } from 'vitest';
import { gridCrsParams } from './gridCrs.ts';
import { sceneFrame, sceneFrameParams } from './sceneFrame.ts';

const origin = { lon: 114.06, lat: 22.54 };
const level = { e0: 8.5, slopeX: 0, slopeZ: 0 };

describe('sceneFrame', () => {
  it('puts x east and z south of the origin, true to scale', () => {
    const frame = sceneFrame({ origin, ground: level });
    const [x0, z0] = frame.toXZ(114.06, 22.54);
    expect(x0).toBeCloseTo(0, 6);
    expect(z0).toBeCloseTo(0, 6);
    const [x, z] = frame.toXZ(114.0794451792, 22.5580595119);
    expect(x).toBeCloseTo(2000, 1);
    expect(z).toBeCloseTo(-2000, 1);
  });

  it('sets y = 0 at the ground of the origin and follows the fitted slope', () => {
    const ground = [
      { lon: 114.058, lat: 22.538, elevationM: 8.2 },
      { lon: 114.062, lat: 22.538, elevationM: 8.2 },
      { lon: 114.06, lat: 22.542, elevationM: 8.8 },
    ];
    const frame = sceneFrame(sceneFrameParams(origin, ground, 0));
    expect(frame.groundY(0, 0)).toBeCloseTo(0, 6);
    expect(frame.datumM).toBeGreaterThan(8.2);
    const [, zNorth] = frame.toXZ(114.06, 22.542);
    expect(frame.datumM + frame.groundY(0, zNorth)).toBeCloseTo(8.8, 3);
  });

  it('maps EPSG:4547 grid coordinates onto the scene to a millimetre (building B01 of the sample)', () => {
    const frame = sceneFrame({ origin, ground: level });
    const fit = frame.gridToScene(gridCrsParams('EPSG:4547')!);
    // IfcMapConversion of B01 and the WGS 84 position of the same point (its IfcSite reference).
    const [gridE, gridN] = [505914.4248, 2493782.9408];
    const [x, z] = frame.toXZ(114.05749672888889, 22.541670595833335);
    const dE = gridE - fit.gridOrigin.eastM;
    const dN = gridN - fit.gridOrigin.northM;
    const [m00, m01, m10, m11] = fit.m;
    expect(Math.abs(m00 * dE + m01 * dN - x)).toBeLessThan(0.002);
    expect(Math.abs(m10 * dE + m11 * dN - -z)).toBeLessThan(0.002);
    // The rotation is the convergence difference, about 0.023° clockwise from grid to scene.
    expect((Math.atan2(m10, m00) * 180) / Math.PI).toBeCloseTo(-0.023, 3);
  });
});
