import { describe, expect, it } from 'vitest';
import siteText from '../../../../../models/community/site.geojson?raw';
import waterText from '../../../../../models/community/water.geojson?raw';
import { buildNetwork } from '../build/networkBuild.ts';
import { buildSensorMarkers } from '../build/sensorMarkers.ts';
import { buildSite } from '../build/siteBuild.ts';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { parseFeatureCollection } from '../load/geoJson.ts';
import { SceneCatalog } from '../sceneCatalog.ts';
import { sceneStrings } from '../sceneStrings.ts';
import { buildSearchIndex, searchEntries } from './searchIndex.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8.5, slopeX: 0, slopeZ: 0 } });
const catalog = new SceneCatalog();
catalog.setSite(buildSite(parseFeatureCollection(JSON.parse(siteText)), undefined, frame));
catalog.addNetwork(buildNetwork('water', parseFeatureCollection(JSON.parse(waterText)), frame));
catalog.setSensors(
  buildSensorMarkers(
    [{ id: 'B01-F03-NOISE-01', kind: 'noise', unit: 'dBA', name: '1栋3层噪声', nameEn: 'Building 1 storey 3 noise', location: { lon: 114.06, lat: 22.54, heightM: 7.5, area: 'zone-a', placement: 'indoor' }, samplingIntervalS: 60 }],
    frame,
  ),
);
const index = buildSearchIndex(catalog, sceneStrings('zh-CN'), 'zh-CN');

describe('search', () => {
  it('finds a building by id first, then things whose ids start with it', () => {
    const results = searchEntries(index, 'B01');
    expect(results[0]).toMatchObject({ id: 'B01', selection: { kind: 'building', building: 'B01' } });
    expect(results.slice(1).every((r) => r.id.toLowerCase().startsWith('b01'))).toBe(true);
  });

  it('finds by Chinese name and by English words, case-insensitively', () => {
    expect(searchEntries(index, '中心公园')[0]?.id).toBe('GR-01');
    expect(searchEntries(index, 'storey 3 NOISE')[0]).toMatchObject({ id: 'B01-F03-NOISE-01', selection: { kind: 'sensor', sensor: 0 } });
  });

  it('finds a valve of the water network by id', () => {
    const [valve] = searchEntries(index, 'ws-v01');
    expect(valve?.selection).toEqual({ kind: 'network', network: 'water', feature: catalog.networkFeature('WS-V01')!.feature });
  });

  it('finds nothing for an empty query', () => {
    expect(searchEntries(index, '  ')).toEqual([]);
  });
});
