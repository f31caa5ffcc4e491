import { describe, expect, it } from 'vitest';
import { fitGroundPlane, groundElevation } from './groundPlane.ts';

describe('fitGroundPlane', () => {
  it('recovers a ground falling 0.3 % to the south', () => {
    // Scene z points south: elevation drops as z grows.
    const samples: Array<[number, number, number]> = [];
    for (let x = -200; x <= 200; x += 100) for (let z = -200; z <= 200; z += 100) samples.push([x, z, 8.5 - 0.003 * z + ((x * 7 + z * 3) % 5) * 0.001]);
    const plane = fitGroundPlane(samples, 0);
    expect(groundElevation(plane, 0, 0)).toBeCloseTo(8.5, 2);
    expect(plane.slopeZ).toBeCloseTo(-0.003, 4);
    expect(plane.slopeX).toBeCloseTo(0, 4);
  });

  it('is level at the mean for too few samples and at the fallback for none', () => {
    expect(groundElevation(fitGroundPlane([[0, 0, 4], [10, 0, 6]], 0), 50, 50)).toBe(5);
    expect(fitGroundPlane([], 7.5)).toEqual({ e0: 7.5, slopeX: 0, slopeZ: 0 });
  });
});
