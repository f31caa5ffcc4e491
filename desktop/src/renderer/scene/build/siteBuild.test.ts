import { describe, expect, it } from 'vitest';
import { sceneFrame } from '../geo/sceneFrame.ts';
import type { FeatureCollection } from '../load/geoJson.ts';
import { buildSite } from './siteBuild.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8.5, slopeX: 0, slopeZ: 0.003 } });
const lon = (eastM: number) => 114.06 + eastM / 102_850;
const lat = (northM: number) => 22.54 + northM / 110_766;
const square = (e0: number, n0: number, size: number) => [[[lon(e0), lat(n0)], [lon(e0 + size), lat(n0)], [lon(e0 + size), lat(n0 + size)], [lon(e0), lat(n0 + size)], [lon(e0), lat(n0)]]];

const site: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(-100, -100, 200) }, properties: { id: 'SITE', featureType: 'site-boundary' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: square(0, 0, 50) }, properties: { id: 'GR-01', featureType: 'green' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [lon(0), lat(-100)] }, properties: { id: 'N1', featureType: 'entrance' } },
  ],
};
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'LineString', coordinates: [[lon(-100), lat(-60)], [lon(0), lat(-60)], [lon(0), lat(40)]] }, properties: { id: 'RD-01', class: 'residential', widthM: 8 } }],
};

describe('buildSite', () => {
  const build = buildSite(site, roads, frame);

  it('keeps every feature with its type; road lines become roads', () => {
    expect(build.features.map((f) => [f.id, f.featureType])).toEqual([['SITE', 'site-boundary'], ['GR-01', 'green'], ['N1', 'entrance'], ['RD-01', 'road']]);
    expect(build.extent.map(Math.round)).toEqual([-100, -100, 100, 100]);
  });

  it('tells which feature a triangle belongs to; the surrounding ground belongs to none', () => {
    expect(build.ranges.lookup(0)).toBeUndefined();
    expect(build.ranges.rangesOf(0)).toEqual([[2, 2]]);
    expect(build.ranges.rangesOf(1)).toEqual([[4, 2]]);
    // Two segments of an 8 m road: four triangles.
    expect(build.ranges.rangesOf(3)).toEqual([[6, 4]]);
  });

  it('faces every triangle up and drapes it on the sloping ground, later layers higher', () => {
    const p = build.positions;
    for (let t = 0; t < build.indices.length / 3; t++) {
      const [a, b, c] = [0, 1, 2].map((k) => build.indices[3 * t + k]!);
      const [ax, az, bx, bz, cx, cz] = [p[3 * a!]!, p[3 * a! + 2]!, p[3 * b!]!, p[3 * b! + 2]!, p[3 * c!]!, p[3 * c! + 2]!];
      expect((bz - az) * (cx - ax) - (bx - ax) * (cz - az)).toBeGreaterThan(0);
    }
    const heightOverGround = (v: number) => p[3 * v + 1]! - frame.groundY(p[3 * v]!, p[3 * v + 2]!);
    const greenVertex = build.indices[3 * 4]!;
    const roadVertex = build.indices[3 * 6]!;
    expect(heightOverGround(greenVertex)).toBeCloseTo(0.08, 5);
    expect(heightOverGround(roadVertex)).toBeCloseTo(0.16, 5);
  });

  it('mitres road bends so the ribbon keeps its width', () => {
    // The bend at (0, -60) north-east: the outer corner lies 4·√2 m from the centreline.
    const corner = build.indices[3 * 8]!;
    const [x, z] = [build.positions[3 * corner]!, build.positions[3 * corner + 2]!];
    expect(Math.hypot(x - 0, z - 60)).toBeCloseTo(4 * Math.SQRT2, 1);
  });

  it('marks point facilities a little above the ground', () => {
    expect([...build.markers.feature]).toEqual([2]);
    expect(build.markers.centres[1]).toBeCloseTo(frame.groundY(0, 100) + 1.5, 3);
  });
});
