import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildingElementKeys } from './buildingElementKeys.ts';
import { planBuilding } from './buildingPlan.ts';
import { ifcGlobalId } from './globalId.ts';
import { sharedIfcApi as api } from './ifcApi.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import { countOf, globalIdsByClass, meshStats, openIfc, type OpenedIfc } from './ifcModelReader.ts';
import { SERVICE_CENTER, TOWER, UNDERGROUND_GARAGE } from './sampleIfcBuildingSpecs.ts';
import { IFC_HEADER_TIMESTAMP, writeBuildingIfc } from './writeBuildingIfc.ts';

const SPECS: IfcBuildingSpec[] = [TOWER, SERVICE_CENTER, UNDERGROUND_GARAGE];
const written = new Map<string, { bytes: Uint8Array; model: OpenedIfc }>();

beforeAll(() => {
  for (const spec of SPECS) {
    const bytes = writeBuildingIfc(spec);
    written.set(spec.id, { bytes, model: openIfc(api, bytes) });
  }
});

afterAll(() => {
  for (const { model } of written.values()) model.close();
});

const fileOf = (spec: IfcBuildingSpec): { bytes: Uint8Array; model: OpenedIfc } => written.get(spec.id)!;

/** The IfcPropertySingleValue values of the property set `psetName` on the object with `globalId`. */
function propertiesOf(modelID: number, globalId: string, psetName: string): Record<string, unknown> {
  const rels = api.GetLineIDsWithType(modelID, api.GetTypeCodeFromName('IFCRELDEFINESBYPROPERTIES'));
  const target = globalIdsByClass(api, modelID, ['IfcSensor', 'IfcSpace', 'IfcBuilding']);
  if (!target.has(globalId)) throw new Error(`no object ${globalId}`);
  for (let i = 0; i < rels.size(); i++) {
    const rel = api.GetLine(modelID, rels.get(i), true);
    const related = (rel.RelatedObjects as Array<{ GlobalId: { value: string } }>).some((o) => o.GlobalId.value === globalId);
    if (!related || rel.RelatingPropertyDefinition.Name.value !== psetName) continue;
    const values: Record<string, unknown> = {};
    for (const p of rel.RelatingPropertyDefinition.HasProperties) values[p.Name.value] = p.NominalValue.value;
    return values;
  }
  throw new Error(`${globalId} has no ${psetName}`);
}

describe('writeBuildingIfc', () => {
  it('writes IFC4 that web-ifc reopens with the planned storeys, spaces, walls and gas detectors', () => {
    for (const spec of SPECS) {
      const { model } = fileOf(spec);
      const plan = planBuilding(spec);
      const elementsOf = (ifcClass: string): number => plan.elements.filter((e) => e.ifcClass === ifcClass).length;
      expect(model.schema).toBe('IFC4');
      expect(countOf(api, model.modelID, 'IfcProject')).toBe(1);
      expect(countOf(api, model.modelID, 'IfcSite')).toBe(1);
      expect(countOf(api, model.modelID, 'IfcBuilding')).toBe(1);
      expect(countOf(api, model.modelID, 'IfcBuildingStorey')).toBe(spec.storeys + spec.basements);
      expect(countOf(api, model.modelID, 'IfcSpace')).toBe(plan.spaces.length);
      expect(countOf(api, model.modelID, 'IfcWall')).toBe(4 * (spec.storeys + spec.basements));
      expect(countOf(api, model.modelID, 'IfcSensor')).toBe(spec.hasGas ? spec.gasStoreys.length : 0);
      expect(countOf(api, model.modelID, 'IfcDoor')).toBe(elementsOf('IfcDoor'));
      expect(countOf(api, model.modelID, 'IfcWindow')).toBe(elementsOf('IfcWindow'));
    }
  });

  it('gives a tower of 20 storeys with six flats 120 flats, a basement and 21 slabs', () => {
    const { modelID } = fileOf(TOWER).model;
    expect(countOf(api, modelID, 'IfcSpace')).toBe(20 * 6 + 2);
    expect(countOf(api, modelID, 'IfcSlab')).toBe(21);
    expect(countOf(api, modelID, 'IfcSensor')).toBe(20);
    expect(countOf(api, modelID, 'IfcTransportElement')).toBe(2);
    expect(countOf(api, modelID, 'IfcAudioVisualAppliance')).toBe(3);
  });

  it('yields a mesh for every wall, slab, door, window and piece of equipment', () => {
    for (const spec of SPECS) {
      const { meshes, triangles } = meshStats(api, fileOf(spec).model.modelID);
      expect(meshes).toBe(planBuilding(spec).elements.length);
      expect(triangles).toBeGreaterThanOrEqual(12 * meshes);
    }
  });

  it('is deterministic: the same spec gives the same bytes', () => {
    expect(Buffer.from(writeBuildingIfc(TOWER)).equals(Buffer.from(fileOf(TOWER).bytes))).toBe(true);
  });

  it('stamps the header with a fixed time and no wall-clock time', () => {
    const header = new TextDecoder().decode(fileOf(SERVICE_CENTER).bytes.subarray(0, 2000));
    expect(header).toContain(`FILE_NAME('C01.ifc','${IFC_HEADER_TIMESTAMP}'`);
    expect(header).toContain("FILE_SCHEMA(('IFC4'));");
  });

  it('carries every key of buildingElementKeys as the GlobalId of an entity of its class', () => {
    for (const spec of SPECS) {
      const keys = buildingElementKeys(spec);
      const found = globalIdsByClass(api, fileOf(spec).model.modelID, keys.map((k) => k.ifcClass));
      for (const { key, ifcClass } of keys) expect(found.get(ifcGlobalId(key)), key).toBe(ifcClass);
      expect(found.size).toBe(keys.length);
    }
  });

  it('MUN-5 sets gas detectors to alarm at 20 %LEL (1 % methane by volume)', () => {
    const { modelID } = fileOf(TOWER).model;
    const detector = ifcGlobalId('B03/F12/GAS-DET');
    expect(propertiesOf(modelID, detector, 'Pset_SensorTypeGasSensor')).toEqual({ GasDetected: 'CH4', SetPointConcentration: 0.01 });
    expect(propertiesOf(modelID, detector, 'SmartCommunity_Element')).toMatchObject({ ElementKey: 'B03/F12/GAS-DET', AlarmSetPointLEL: 0.2 });
  });

  it('describes flats with Pset_SpaceCommon and their key', () => {
    const { modelID } = fileOf(TOWER).model;
    const flat = ifcGlobalId('B03/F12/S01');
    expect(propertiesOf(modelID, flat, 'Pset_SpaceCommon')).toMatchObject({ IsExternal: false, PubliclyAccessible: false });
    expect(propertiesOf(modelID, flat, 'SmartCommunity_Element')).toMatchObject({ ElementKey: 'B03/F12/S01' });
  });

  it('keeps a 20-storey tower well under 1.5 MB', () => {
    expect(fileOf(TOWER).bytes.length).toBeLessThan(1.5e6);
  });

  it('refuses a spec it cannot build', () => {
    expect(() => writeBuildingIfc({ ...TOWER, id: "B'03" })).toThrow(RangeError);
    expect(() => writeBuildingIfc({ ...TOWER, storeys: 0, basements: 0 })).toThrow(RangeError);
  });
});
