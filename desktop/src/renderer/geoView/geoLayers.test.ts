import { describe, expect, it } from 'vitest';
import type { SensorDefinition } from '@twin/protocol';
import type { FeatureCollection } from '../scene/load/geoJson.ts';
import { buildingColor, networkRgba, sensorRgba } from './geoColors.ts';
import { GEO_HEIGHTS, geoLayers, ringCentroid, type GeoSources } from './geoLayers.ts';

const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];

const site: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'SITE', geometry: { type: 'Polygon', coordinates: square(114.05, 22.53, 0.01) }, properties: { featureType: 'site-boundary' } },
    { type: 'Feature', id: 'B01', geometry: { type: 'Polygon', coordinates: square(114.052, 22.532, 0.0004) }, properties: { featureType: 'building', category: 'residential', heightM: 93 } },
    { type: 'Feature', id: 'SH-01', geometry: { type: 'Polygon', coordinates: square(114.055, 22.535, 0.001) }, properties: { featureType: 'shelter', name: '中心公园应急避难场所', nameEn: 'Central park shelter', capacityPersons: 6966 } },
    { type: 'Feature', id: 'SH-02', geometry: { type: 'Polygon', coordinates: square(114.056, 22.536, 0.001) }, properties: { featureType: 'shelter', name: '无容量场所' } },
    { type: 'Feature', id: 'zone-a', geometry: { type: 'Polygon', coordinates: square(114.05, 22.53, 0.005) }, properties: { featureType: 'zone' } },
    { type: 'Feature', id: 'N1', geometry: { type: 'Point', coordinates: [114.06, 22.54] }, properties: { featureType: 'entrance' } },
  ],
};
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', id: 'RD-01', geometry: { type: 'LineString', coordinates: [[114.05, 22.53], [114.06, 22.53]] }, properties: { featureType: 'road', widthM: 7, municipal: false } }],
};
const water: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'WS-J01', geometry: { type: 'Point', coordinates: [114.051, 22.531] }, properties: { featureType: 'junction' } },
    { type: 'Feature', id: 'WS-P01', geometry: { type: 'LineString', coordinates: [[114.051, 22.531], [114.052, 22.531], [114.052, 22.532]] }, properties: { featureType: 'pipe', diameterMm: 150 } },
  ],
};
const noise: SensorDefinition = { id: 'B01-NOISE-01', kind: 'noise', unit: 'dBA', name: '噪声', location: { lon: 114.052, lat: 22.532, heightM: 40, area: 'zone-a', placement: 'indoor', building: 'B01' }, samplingIntervalS: 60 };
const meter: SensorDefinition = { id: 'WS-FLOW-01', kind: 'water_flow', unit: 'm3/h', name: '流量', location: { lon: 114.051, lat: 22.531, heightM: -1.2, area: 'zone-a', placement: 'network' }, samplingIntervalS: 60 };
const sources: GeoSources = { site, roads, networks: new Map([['water', water]]), sensors: [noise, meter], cameras: [{ id: 'B01/CAM-1', position: { lon: 114.052, lat: 22.532, heightM: 2.8 }, headingDeg: 0, pitchDeg: -20, fovDeg: 90 }] };

describe('what the map draws (PLAT-3, MUN-1..6)', () => {
  const layers = geoLayers(sources);

  it('PLAT-3 extrudes a building footprint from the ground to its height, keyed by its building id', () => {
    expect(layers.buildings).toEqual([
      { key: 'building:B01', layer: 'building:residential', outer: square(114.052, 22.532, 0.0004)[0]!.slice(0, 4), holes: [], baseM: 0, topM: 93, color: buildingColor('residential') },
    ]);
  });

  it('keys site and road features by their index in site-then-roads order, as the 3D scene does', () => {
    expect(layers.surfaces.map((s) => s.key)).toEqual(['site:0', 'site:2', 'site:3']);
    expect(layers.roads).toEqual([{ key: 'site:6', layer: 'site', path: [[114.05, 22.53], [114.06, 22.53]], heightM: GEO_HEIGHTS.road, width: { m: 7 }, color: expect.any(Array) }]);
    expect(layers.markers.find((m) => m.key === 'site:5')?.shape).toBe('facility');
  });

  it('draws zones not at all (they are administrative)', () => {
    expect([...layers.surfaces, ...layers.buildings].some((p) => p.key === 'site:4')).toBe(false);
  });

  it('MUN-1..5 draws pipes as lines and nodes as markers in the network colour, keyed by feature index', () => {
    expect(layers.pipes).toEqual([{ key: 'network:water:1', layer: 'network:water', path: [[114.051, 22.531], [114.052, 22.531], [114.052, 22.532]], heightM: GEO_HEIGHTS.pipe, width: { px: 3 }, color: networkRgba('water') }]);
    expect(layers.markers.find((m) => m.key === 'network:water:0')).toMatchObject({ shape: 'node', color: networkRgba('water'), layer: 'network:water' });
  });

  it('places sensors at their height, buried ones at the ground, in registry order', () => {
    expect(layers.markers.find((m) => m.key === 'sensor:0')).toMatchObject({ at: [114.052, 22.532], heightM: 40, layer: 'sensor:noise', color: sensorRgba('noise') });
    expect(layers.markers.find((m) => m.key === 'sensor:1')).toMatchObject({ heightM: GEO_HEIGHTS.node, layer: 'sensor:water_flow' });
    expect(layers.markers.find((m) => m.key === 'camera:0')).toMatchObject({ shape: 'camera', layer: 'cameras', heightM: 2.8 });
  });

  it('MUN-6 labels shelters that have a capacity, at their centroid, in both languages', () => {
    expect(layers.shelters).toHaveLength(1);
    const [label] = layers.shelters;
    expect(label).toMatchObject({ key: 'site:2', capacityPersons: 6966, name: { zh: '中心公园应急避难场所', en: 'Central park shelter' } });
    expect(label!.at[0]).toBeCloseTo(114.0555, 9);
    expect(label!.at[1]).toBeCloseTo(22.5355, 9);
  });

  it('frames the extent of the site and road files', () => {
    expect(layers.extent.west).toBeCloseTo(114.05, 9);
    expect(layers.extent.east).toBeCloseTo(114.06, 9);
    expect(layers.extent.south).toBeCloseTo(22.53, 9);
    expect(layers.extent.north).toBeCloseTo(22.54, 9);
  });
});

describe('ring centroids', () => {
  it('finds the area centroid of an L-shaped ring, not the mean of its corners', () => {
    // An L of a 2×1 bar and a 1×1 block over its left end: centroid at (5/6, 5/6).
    const [x, y] = ringCentroid([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]);
    expect(x).toBeCloseTo(5 / 6, 12);
    expect(y).toBeCloseTo(5 / 6, 12);
  });

  it('falls back to the mean of the points of a degenerate ring', () => {
    expect(ringCentroid([[1, 1], [3, 3]])).toEqual([2, 2]);
  });
});
