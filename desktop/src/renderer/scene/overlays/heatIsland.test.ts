import { describe, expect, it } from 'vitest';
import { heatIslandIntensity, heatIslandReference } from './heatIsland.ts';

describe('heat island (ENV-2)', () => {
  it('ENV-2 takes the mean of the coolest quarter of the outdoor temperatures as the reference', () => {
    // Eight sensors: the two coolest make the reference.
    expect(heatIslandReference([31, 29, 30.5, 28, 33, 32, 27, 34])).toBeCloseTo(27.5, 9);
  });

  it('ENV-2 takes the single sensor as its own reference, and has none without values', () => {
    expect(heatIslandReference([30])).toBe(30);
    expect(heatIslandReference([])).toBeUndefined();
    expect(heatIslandIntensity([])).toBeUndefined();
  });

  it('ENV-2 intensity is the warmest outdoor temperature minus the reference', () => {
    const result = heatIslandIntensity([31, 29, 30.5, 28, 33, 32, 27, 34]);
    expect(result?.referenceC).toBeCloseTo(27.5, 9);
    expect(result?.intensityC).toBeCloseTo(6.5, 9);
  });
});
