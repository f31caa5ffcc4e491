import { describe, expect, it } from 'vitest';
import { SensorDirectory } from './sensorDirectory.ts';

const noise = { id: 'B01-F03-NOISE-01', kind: 'noise', unit: 'dBA', name: '室内噪声', location: { lon: 114.06, lat: 22.54, heightM: 9, area: 'zone-a', placement: 'indoor' }, samplingIntervalS: 30 };

describe('the sensor directory (PLAT-10 validated registry entries)', () => {
  it('reads the sensor list with each sensor’s live-frame index', () => {
    const directory = SensorDirectory.parse({ revision: 3, registrySize: 10, community: { id: 'c', name: 'c' }, sensors: [noise], indices: [7] })!;
    expect(directory.revision).toBe(3);
    expect(directory.registrySize).toBe(10);
    expect(directory.sensor('B01-F03-NOISE-01')?.kind).toBe('noise');
    expect(directory.frameIndex('B01-F03-NOISE-01')).toBe(7);
    expect(directory.frameIndex('NOPE')).toBeUndefined();
  });

  it('leaves out entries that fail validation or index outside the registry', () => {
    const wrongUnit = { ...noise, id: 'X-1', unit: 'Cel' };
    const outside = { ...noise, id: 'X-2' };
    const directory = SensorDirectory.parse({ revision: 1, registrySize: 5, sensors: [wrongUnit, noise, outside], indices: [0, 1, 5] })!;
    expect(directory.sensors.map((s) => s.id)).toEqual(['B01-F03-NOISE-01']);
    expect(directory.frameIndices).toEqual([1]);
  });

  it('refuses what is not a sensor list', () => {
    expect(SensorDirectory.parse(null)).toBeUndefined();
    expect(SensorDirectory.parse({ revision: 1, registrySize: 1, sensors: [noise], indices: [] })).toBeUndefined();
    expect(SensorDirectory.parse({ revision: '1', registrySize: 1, sensors: [], indices: [] })).toBeUndefined();
  });
});
