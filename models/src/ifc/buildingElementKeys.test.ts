import { describe, expect, it } from 'vitest';
import { communityLayout } from '../communityLayout.ts';
import { equipmentKey, gasDetectorKey, plantRoomKey, spaceKey, storeyKey } from '../elementKeys.ts';
import { buildingElementKeys } from './buildingElementKeys.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import { ifcBuildingSpecsFromLayout } from './ifcBuildingSpecsFromLayout.ts';
import { SERVICE_CENTER, TOWER } from './sampleIfcBuildingSpecs.ts';

const keysOf = (spec: IfcBuildingSpec): string[] => buildingElementKeys(spec).map((k) => k.key);

describe('buildingElementKeys', () => {
  it('lists every key once', () => {
    for (const spec of [TOWER, SERVICE_CENTER]) {
      const keys = keysOf(spec);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('names project, site, building, storeys and flats as the sensor registry expects', () => {
    const keys = keysOf(TOWER);
    expect(keys.slice(0, 3)).toEqual(['PROJECT', 'SITE', 'B03']);
    expect(keys).toContain('B03/B1');
    expect(keys).toContain('B03/F1');
    expect(keys).toContain('B03/F20');
    expect(keys).not.toContain('B03/F21');
    expect(keys).toContain('B03/F12/S01');
    expect(keys).toContain('B03/F12/S06');
    expect(keys).not.toContain('B03/F12/S07');
    expect(keys).not.toContain('B03/B1/S01');
  });

  it('puts plant rooms and pumps on B1, or on F1 without a basement', () => {
    const tower = keysOf(TOWER);
    expect(tower).toEqual(expect.arrayContaining(['B03/B1/PUMP-ROOM', 'B03/B1/ELEC-ROOM', 'B03/B1/PUMP-1', 'B03/B1/PUMP-2']));
    const center = keysOf(SERVICE_CENTER);
    expect(center).toEqual(expect.arrayContaining(['C01/F1/PUMP-ROOM', 'C01/F1/ELEC-ROOM', 'C01/F1/PUMP-1']));
    expect(center).toContain('C01/F1/S01');
  });

  it('MUN-5 gives every gas storey a detector, plus risers, meter, shut-off valve and alarm panel', () => {
    const keys = buildingElementKeys(TOWER);
    const detectors = keys.filter((k) => k.ifcClass === 'IfcSensor');
    expect(detectors.map((k) => k.key)).toEqual(TOWER.gasStoreys.map((n) => `B03/F${n}/GAS-DET`));
    expect(detectors.every((k) => k.predefinedType === 'GASSENSOR')).toBe(true);
    const byKey = new Map(keys.map((k) => [k.key, k]));
    expect(byKey.get('B03/GAS-RISER-1')?.ifcClass).toBe('IfcPipeSegment');
    expect(byKey.get('B03/GAS-RISER-2')?.ifcClass).toBe('IfcPipeSegment');
    expect(byKey.get('B03/GAS-ESV')).toMatchObject({ ifcClass: 'IfcValve', predefinedType: 'SAFETYCUTOFF' });
    expect(byKey.get('B03/GAS-METER')).toMatchObject({ ifcClass: 'IfcFlowMeter', predefinedType: 'GASMETER' });
    expect(byKey.get('B03/GAS-ALARM')).toMatchObject({ ifcClass: 'IfcUnitaryControlElement', predefinedType: 'GASDETECTIONPANEL' });
    expect(keysOf(SERVICE_CENTER).filter((k) => k.includes('GAS'))).toEqual([]);
  });

  it('classes meters, lifts, cameras, pumps and fans by their IFC4 entities', () => {
    const byKey = new Map(buildingElementKeys(TOWER).map((k) => [k.key, k]));
    expect(byKey.get('B03/WATER-METER')).toMatchObject({ ifcClass: 'IfcFlowMeter', predefinedType: 'WATERMETER', storeyKey: 'B03/B1' });
    expect(byKey.get('B03/POWER-METER')).toMatchObject({ ifcClass: 'IfcFlowMeter', predefinedType: 'ENERGYMETER', storeyKey: 'B03/B1' });
    expect(byKey.get('B03/LIFT-2')).toMatchObject({ ifcClass: 'IfcTransportElement', predefinedType: 'ELEVATOR', storeyKey: 'B03/F1' });
    expect(byKey.get('B03/CAM-1')).toMatchObject({ ifcClass: 'IfcAudioVisualAppliance', predefinedType: 'CAMERA', storeyKey: 'B03/F1' });
    expect(byKey.get('B03/CAM-3')?.ifcClass).toBe('IfcAudioVisualAppliance');
    expect(byKey.get('B03/B1/PUMP-1')?.ifcClass).toBe('IfcPump');
    expect(byKey.get('B03/FAN-1')).toMatchObject({ ifcClass: 'IfcFan', storeyKey: 'B03/F20' });
  });

  it('gives each storey four walls, a slab, and doors and windows above ground', () => {
    const keys = keysOf(TOWER);
    expect(keys).toEqual(expect.arrayContaining(['B03/F12/WALL-1', 'B03/F12/WALL-4', 'B03/F12/SLAB', 'B03/F12/DOOR-6', 'B03/F12/WIN-12']));
    expect(keys).not.toContain('B03/F12/WALL-5');
    expect(keys).toEqual(expect.arrayContaining(['B03/B1/WALL-1', 'B03/B1/SLAB']));
    expect(keys.filter((k) => k.startsWith('B03/B1/DOOR') || k.startsWith('B03/B1/WIN'))).toEqual([]);
  });

  it('builds keys the way elementKeys.ts does', () => {
    const keys = keysOf(TOWER);
    expect(keys).toEqual(
      expect.arrayContaining([
        storeyKey('B03', 12),
        storeyKey('B03', -1),
        spaceKey('B03', 12, 3),
        plantRoomKey('B03', 'PUMP-ROOM'),
        gasDetectorKey('B03', 7),
        equipmentKey('B03', 'LIFT', 1),
        equipmentKey('B03', 'GAS-RISER', 1),
        equipmentKey('B03', 'CAM', 1),
      ]),
    );
  });

  it('places every element on a storey it lists', () => {
    for (const spec of ifcBuildingSpecsFromLayout(communityLayout())) {
      const keys = buildingElementKeys(spec);
      const storeys = new Set(keys.filter((k) => k.ifcClass === 'IfcBuildingStorey').map((k) => k.key));
      for (const k of keys.slice(3)) expect(storeys.has(k.storeyKey ?? ''), `${k.key} on ${k.storeyKey}`).toBe(true);
    }
  });
});
