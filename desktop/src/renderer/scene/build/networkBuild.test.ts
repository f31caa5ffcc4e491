import { describe, expect, it } from 'vitest';
import { Matrix4, Vector3 } from 'three';
import { sceneFrame } from '../geo/sceneFrame.ts';
import type { Feature, FeatureCollection } from '../load/geoJson.ts';
import { buildNetwork } from './networkBuild.ts';

// Ground at 8.5 m everywhere; the scene origin at 114.06°E 22.54°N.
const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8.5, slopeX: 0, slopeZ: 0 } });
/** A degree of longitude here is about 102.85 km; of latitude, 110.77 km. */
const lon = (eastM: number) => 114.06 + eastM / 102_850;

const point = (id: string, featureType: string, eastM: number, extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon(eastM), 22.54] },
  properties: { id, featureType, ...extra },
});
const line = (id: string, from: string, to: string, eastFrom: number, eastTo: number, extra: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: [[lon(eastFrom), 22.54], [lon((eastFrom + eastTo) / 2), 22.54], [lon(eastTo), 22.54]] },
  properties: { id, featureType: 'pipe', from, to, ...extra },
});

const water: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    point('WS-J01', 'junction', 0),
    point('WS-V01', 'valve', 20, { diameterMm: 200 }),
    line('WS-P001', 'WS-J01', 'WS-V01', 0, 20, { diameterMm: 200, depthM: 1.1 }),
  ],
};

const endsOf = (matrices: Float32Array, i: number) => {
  const m = new Matrix4().fromArray(matrices, 16 * i);
  return [new Vector3(0, -0.5, 0).applyMatrix4(m), new Vector3(0, 0.5, 0).applyMatrix4(m)];
};

describe('buildNetwork (MUN-3 networks at their depth)', () => {
  const build = buildNetwork('water', water, frame);

  it('makes one cylinder per segment, to scale, its crown at the cover depth', () => {
    expect(build.pipes.count).toBe(2);
    expect([...build.pipes.feature]).toEqual([2, 2]);
    expect(build.pipes.radii[0]).toBeCloseTo(0.1, 6);
    const [a, b] = endsOf(build.pipes.matrices, 0);
    expect(a!.x).toBeCloseTo(0, 2);
    expect(b!.x).toBeCloseTo(10, 2);
    // Crown 1.1 m under the ground (y = 0 at the origin): centre at -1.2 m.
    expect(a!.y).toBeCloseTo(-1.2, 6);
    expect([...build.pipes.ends.subarray(0, 6)].map((v) => Number(v.toFixed(2)) + 0)).toEqual([0, -1.2, 0, 10, -1.2, 0]);
  });

  it('puts nodes on the pipes that meet them, valves wider than their pipe', () => {
    expect(build.nodes.count).toBe(2);
    const valve = [...build.nodes.feature].indexOf(1);
    const [bottom, top] = endsOf(build.nodes.matrices, valve);
    expect((bottom!.y + top!.y) / 2).toBeCloseTo(-1.2, 6);
    expect(bottom!.x).toBeCloseTo(20, 2);
    expect(build.nodes.radii[valve]).toBeGreaterThan(0.1);
    expect(build.nodes.shades[valve]).toBeLessThan(1);
    expect(build.features[1]).toEqual({ id: 'WS-V01', featureType: 'valve', properties: { id: 'WS-V01', featureType: 'valve', diameterMm: 200 } });
  });

  it('runs gravity pipes between their inverts and draws manholes from invert to rim', () => {
    const rain = buildNetwork('rain', {
      type: 'FeatureCollection',
      features: [
        point('RW-M001', 'manhole', 0, { rimElevationM: 8.5, invertElevationM: 7 }),
        line('RW-P001', 'RW-M001', 'RW-M002', 0, 40, { diameterMm: 400, fromInvertElevationM: 7, toInvertElevationM: 6.9 }),
      ],
    }, frame);
    const [a] = endsOf(rain.pipes.matrices, 0);
    const [, b] = endsOf(rain.pipes.matrices, 1);
    expect(a!.y).toBeCloseTo(7 + 0.2 - 8.5, 4);
    expect(b!.y).toBeCloseTo(6.9 + 0.2 - 8.5, 4);
    const [bottom, top] = endsOf(rain.nodes.matrices, 0);
    expect(bottom!.y).toBeCloseTo(-1.5, 6);
    expect(top!.y).toBeCloseTo(0, 6);
  });

  it('lays cables without a diameter in ducts and installations above ground on it, detectors at their node', () => {
    const power = buildNetwork('power', {
      type: 'FeatureCollection',
      features: [
        line('PW-HV-01', 'PW-GRID-1', 'SUB-1', 0, 30, { voltageKv: 10, depthM: 1 }),
        line('PW-EV-01', 'EVP-1', 'EV-01', 0, 5, { voltageKv: 0.4, depthM: 0, installation: 'cable-tray' }),
        point('GAS-LD-01', 'leak-detector', 30, { attachedTo: 'SUB-1' }),
        point('SUB-1', 'valve', 30),
      ],
    }, frame);
    expect(power.pipes.radii[0]).toBeCloseTo(0.075, 6);
    expect(power.pipes.radii[2]).toBeCloseTo(0.05, 6);
    expect(endsOf(power.pipes.matrices, 2)[0]!.y).toBeCloseTo(0.05, 6);
    // The detector is placed after the node it is attached to, at its height.
    expect(power.nodes.feature[1]).toBe(2);
    const [bottom, top] = endsOf(power.nodes.matrices, 1);
    expect((bottom!.y + top!.y) / 2).toBeCloseTo(-1.075, 6);
  });
});
