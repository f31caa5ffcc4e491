import { describe, expect, it } from 'vitest';
import { compoundAngleToDegrees, xAxisRotationDeg } from './ifcGeoreference.ts';

describe('compoundAngleToDegrees', () => {
  it('converts degrees, minutes, seconds and millionths of a second', () => {
    expect(compoundAngleToDegrees([49, 5, 44, 124])!.degrees).toBeCloseTo(49 + 5 / 60 + 44.000124 / 3600, 12);
    expect(compoundAngleToDegrees([41, 52, 27, 840000])!.degrees).toBeCloseTo(41.8744, 12);
    expect(compoundAngleToDegrees([22, 32, 30])!.degrees).toBeCloseTo(22.541667, 6);
  });

  it('keeps the sign of angles west and south, given on every component', () => {
    expect(compoundAngleToDegrees([-87, -38, -21, -839999])).toEqual({ degrees: expect.closeTo(-87.6394, 6) as number });
    expect(compoundAngleToDegrees([0, -30, 0])!.degrees).toBe(-0.5);
  });

  it('flags mixed signs and out-of-range components, and refuses lists that are not 3 or 4 integers', () => {
    expect(compoundAngleToDegrees([10, -5, 0])!.problem).toMatch(/same sign/);
    expect(compoundAngleToDegrees([10, 75, 0])!.problem).toMatch(/out of range/);
    expect(compoundAngleToDegrees([10, 5])).toBeUndefined();
    expect(compoundAngleToDegrees([10, 5, 1.5])).toBeUndefined();
  });
});

describe('xAxisRotationDeg', () => {
  it('measures the model x axis anticlockwise from map east', () => {
    expect(xAxisRotationDeg(1, 0)).toBe(0);
    expect(xAxisRotationDeg(0, 1)).toBe(90);
    expect(xAxisRotationDeg(0.270600445976, 0.962691746426)).toBeCloseTo(74.3, 9);
  });
});
