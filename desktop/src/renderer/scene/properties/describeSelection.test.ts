import { describe, expect, it } from 'vitest';
import { decodeMeshPack, encodeMeshPack } from '@twin/protocol';
import siteText from '../../../../../models/community/site.geojson?raw';
import gasText from '../../../../../models/community/gas.geojson?raw';
import registryText from '../../../../../models/community/sensors.json?raw';
import serviceCenterIfc from '../../../../../models/community/ifc/C01.ifc?raw';
import { buildNetwork } from '../build/networkBuild.ts';
import { buildSensorMarkers } from '../build/sensorMarkers.ts';
import { buildSite } from '../build/siteBuild.ts';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { buildBuildingModel } from '../ifc/buildingModel.ts';
import { indexIfc } from '../ifc/ifcIndex.ts';
import { parseFeatureCollection } from '../load/geoJson.ts';
import { SceneCatalog } from '../sceneCatalog.ts';
import { sceneStrings } from '../sceneStrings.ts';
import { describeSelection, formatValue } from './describeSelection.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8.5, slopeX: 0, slopeZ: 0 } });
const catalog = new SceneCatalog();
catalog.setSite(buildSite(parseFeatureCollection(JSON.parse(siteText)), undefined, frame));
catalog.addNetwork(buildNetwork('gas', parseFeatureCollection(JSON.parse(gasText)), frame));
catalog.setSensors(buildSensorMarkers((JSON.parse(registryText) as { sensors: unknown[] }).sensors, frame));

// C01 with one drawn element: its first exterior wall (#134), as a one-triangle mesh pack.
const pack = decodeMeshPack(
  encodeMeshPack({
    schema: 'IFC4',
    origin: [0, 0, 0],
    elements: [{ expressId: 134, globalId: '1j1$PbSCz0GhhgbmKSkcby', type: 'IfcWall' }],
    batches: [{ color: [0.9, 0.9, 0.9, 1], positions: new Float32Array(9), normals: new Int16Array(9), indices: new Uint32Array([0, 1, 2]), vertexCount: 3, indexCount: 3, runs: [{ element: 0, firstVertex: 0, vertexCount: 3, firstIndex: 0, indexCount: 3 }] }],
  }),
);
catalog.setBuildingModel('C01', buildBuildingModel('ifc/C01.ifc', 'C01', pack, indexIfc(serviceCenterIfc), frame));

const zh = sceneStrings('zh-CN');
const idOf = (rows: Array<{ label: string; value: string }>, label: string) => rows.find((r) => r.label === label)?.value;

describe('describeSelection', () => {
  it('describes building B01 from the site plan: id, IFC GlobalId, category, and its sensors', () => {
    const d = describeSelection({ kind: 'building', building: 'B01' }, catalog, zh, 'zh-CN')!;
    expect(d.title).toBe('1栋');
    expect(idOf(d.ids, zh.fields.id)).toBe('B01');
    expect(idOf(d.ids, zh.fields.globalId)).toBe('23gW85IqXAuAUc9CA0347Q');
    expect(idOf(d.ids, zh.fields.category)).toBe('住宅');
    expect(d.sensors.length).toBe(118);
  });

  it('describes the gas emergency shut-off valve of B01 with its GIS attributes and its detector (MUN-5)', () => {
    const valve = catalog.networkFeature('B01/GAS-ESV')!;
    const d = describeSelection({ kind: 'network', ...valve }, catalog, sceneStrings('en'), 'en')!;
    expect(d.title).toBe('Building 1 gas emergency shut-off valve');
    expect(d.kind).toBe('Gas · Valve');
    expect(idOf(d.ids, 'Id')).toBe('B01/GAS-ESV');
    expect(idOf(d.ids, 'IFC GlobalId')).toBe('2fC7ewB9D6svokWjJ15rQQ');
    expect(d.groups[0]!.rows).toContainEqual({ label: 'Valve type', value: 'Emergency shut-off' });
    expect(d.groups[0]!.rows).toContainEqual({ label: 'Normally open', value: 'yes' });
    expect(d.groups[0]!.rows).toContainEqual({ label: 'Diameter (mm)', value: '80' });
    const zhRows = describeSelection({ kind: 'network', ...valve }, catalog, zh, 'zh-CN')!.groups[0]!.rows;
    expect(zhRows).toContainEqual({ label: '阀门类型', value: '紧急切断阀' });
    expect(zhRows).toContainEqual({ label: '管径 (mm)', value: '80' });
    expect(d.sensors.map((i) => catalog.sensors!.sensors[i]!.id)).toEqual(['B01-GV-LEL-01']);
  });

  it('describes an IFC element with its tag, storey and property sets', () => {
    const d = describeSelection({ kind: 'element', building: 'C01', element: 0 }, catalog, zh, 'zh-CN')!;
    expect(idOf(d.ids, zh.fields.globalId)).toBe('1j1$PbSCz0GhhgbmKSkcby');
    expect(idOf(d.ids, zh.fields.tag)).toBe('C01/F1/WALL-1');
    expect(idOf(d.groups[0]!.rows, zh.fields.ifcClass)).toBe('IfcWall');
    expect(idOf(d.groups[0]!.rows, zh.fields.storey)).toBe('F1');
    expect(d.groups.map((g) => g.title)).toContain('Pset_WallCommon');
    expect(d.storey).toEqual({ building: 'C01', storey: 0 });
  });

  it('describes a storey with the sensors registered on it, whatever the zero padding', () => {
    const d = describeSelection({ kind: 'storey', building: 'C01', storey: 0 }, catalog, zh, 'zh-CN')!;
    expect(d.title).toBe('C01 · 1层');
    expect(d.sensors.map((i) => catalog.sensors!.sensors[i]!.id)).toContain('C01-F01-TEMP-01');
  });

  it('describes a space by its long name and GlobalId', () => {
    const model = catalog.buildings.get('C01')!.model!;
    const hall = model.spaces.findIndex((sp) => model.objects.get(sp.expressId)?.name === 'F1-S01');
    const d = describeSelection({ kind: 'space', building: 'C01', space: hall }, catalog, zh, 'zh-CN')!;
    expect(d.title).toBe('服务大厅');
    expect(idOf(d.ids, zh.fields.globalId)).toBe('1wkxYm0kH9qghrmsxGqvVd');
  });

  it('formats values for operators', () => {
    expect(formatValue(0.1 + 0.2, 'en')).toBe('0.3');
    expect(formatValue(false, 'zh-CN')).toBe('否');
    expect(formatValue(['M201', '34'], 'en')).toBe('M201, 34');
    expect(formatValue(null, 'en')).toBe('—');
  });
});
