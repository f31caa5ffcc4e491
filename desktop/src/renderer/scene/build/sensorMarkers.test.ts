import { describe, expect, it } from 'vitest';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { buildSensorMarkers, registryIndexing, sensorColor, SENSOR_LAYER_COLORS, writeMarkerMatrices } from './sensorMarkers.ts';
import { UTILITY_COLORS } from './utilityColors.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8.5, slopeX: 0, slopeZ: 0 } });
const sensor = (id: string, kind: string, unit: string, heightM: number) => ({
  id,
  kind,
  unit,
  name: id,
  location: { lon: 114.06 + 10 / 102_850, lat: 22.54, heightM, area: 'zone-a', placement: heightM < 0 ? 'network' : 'indoor' },
  samplingIntervalS: 60,
});

describe('buildSensorMarkers (PLAT-10)', () => {
  const markers = buildSensorMarkers([sensor('B01-F03-NOISE-01', 'noise', 'dBA', 7.5), sensor('B01-IN-WFLOW-01', 'water_flow', 'm3/h', -1.2), sensor('BAD', 'noise', 'Cel', 1)], frame);

  it('keeps valid registry entries in order and rejects the others', () => {
    expect(markers.sensors.map((s) => s.id)).toEqual(['B01-F03-NOISE-01', 'B01-IN-WFLOW-01']);
    expect(markers.rejected).toBe(1);
  });

  it('places sensors their height above the ground, network meters below it', () => {
    expect(markers.positions[0]).toBeCloseTo(10, 1);
    expect(markers.positions[1]).toBeCloseTo(7.5, 6);
    expect(markers.positions[4]).toBeCloseTo(-1.2, 6);
  });

  it('PLAT-2 keeps each valid sensor\'s registry index for live frames', () => {
    const raw = [sensor('A', 'noise', 'dBA', 1), sensor('BAD', 'noise', 'Cel', 1), sensor('C', 'noise', 'dBA', 1)];
    const indexed = buildSensorMarkers(raw, frame, registryIndexing({ sensors: raw, indices: [4, 7, 9], revision: 3, registrySize: 12 }));
    expect([...indexed.registryIndices]).toEqual([4, 9]);
    expect(indexed.registry).toEqual({ revision: 3, size: 12 });
    expect([...markers.registryIndices]).toEqual([0, 1]);
  });

  it('takes a sensor list without valid indices as the whole registry in order', () => {
    expect(registryIndexing({ sensors: [{}, {}], indices: [0, 5], registrySize: 2 })).toEqual({ revision: 0, registrySize: 2, indices: [0, 1] });
    expect(registryIndexing({ sensors: [{}], indices: ['x'], revision: 2 })).toEqual({ revision: 2, registrySize: 1, indices: [0] });
  });

  it('colours sensors by layer, never with a network colour', () => {
    expect(sensorColor(markers.sensors[0]!)).toBe(SENSOR_LAYER_COLORS.environment);
    const networkColors = new Set<number>(Object.values(UTILITY_COLORS).map((c) => c.color));
    for (const color of Object.values(SENSOR_LAYER_COLORS)) expect(networkColors.has(color)).toBe(false);
  });
});

describe('writeMarkerMatrices', () => {
  it('scales visible markers to size and hidden ones to nothing, translated to their position', () => {
    const out = new Float32Array(32);
    writeMarkerMatrices(new Float32Array([1, 2, 3, 4, 5, 6]), (i) => (i === 0 ? 0.5 : 0), out);
    expect([...out.subarray(0, 16)]).toEqual([0.5, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0.5, 0, 1, 2, 3, 1]);
    expect([out[16], out[21], out[26], out[28], out[29], out[30]]).toEqual([0, 0, 0, 4, 5, 6]);
  });
});
