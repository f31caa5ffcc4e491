/**
 * Every element key of a building's IFC file, with its IFC class, storey and name. The sensor
 * registry binds devices to `ifcGlobalId(key)` of these keys. Pure: no web-ifc, no I/O.
 *
 * Keys: `PROJECT`, `SITE`, the building `B03`, storeys `B03/F1`..`B03/Fn` and `B03/B1`, spaces
 * `B03/F12/S01`.. and `B03/B1/PUMP-ROOM`, `B03/B1/ELEC-ROOM` (on `F1` without a basement),
 * walls `B03/F12/WALL-n`, slabs `B03/F12/SLAB`, doors `B03/F12/DOOR-n`, windows
 * `B03/F12/WIN-n`, and the equipment listed in `planEquipment.ts`.
 */
import { planBuilding, type BuildingPlan } from './buildingPlan.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';

/** The project's key, the same in every building file. */
export const PROJECT_KEY = 'PROJECT';
/** The site's key, the same in every building file. */
export const SITE_KEY = 'SITE';

/** One keyed object of a building's IFC file. */
export interface BuildingElementKey {
  /** e.g. `B03/F12/GAS-DET`; its GlobalId is `ifcGlobalId(key)`. */
  key: string;
  /** IFC4 entity name, e.g. `IfcSensor`. */
  ifcClass: string;
  /** PredefinedType, e.g. `GASSENSOR`; null where the class has none here. */
  predefinedType: string | null;
  /** The storey the object is on (a storey's own key for a storey); null above storey level. */
  storeyKey: string | null;
  /** Chinese name (the IFC Name, or LongName for spaces and storeys). */
  name: string;
  /** English name (the IFC Description). */
  nameEn: string;
}

/** All keys of one building, in file order: project, site, building, storeys, spaces, elements. */
export function buildingElementKeys(spec: IfcBuildingSpec): BuildingElementKey[] {
  return keysOfPlan(planBuilding(spec));
}

/** The keys of an already computed plan. */
export function keysOfPlan(plan: BuildingPlan): BuildingElementKey[] {
  const { spec } = plan;
  return [
    { key: PROJECT_KEY, ifcClass: 'IfcProject', predefinedType: null, storeyKey: null, name: spec.site.projectName, nameEn: spec.site.projectName },
    { key: SITE_KEY, ifcClass: 'IfcSite', predefinedType: null, storeyKey: null, name: spec.site.siteName, nameEn: spec.site.siteName },
    { key: plan.building.key, ifcClass: 'IfcBuilding', predefinedType: null, storeyKey: null, name: plan.building.name, nameEn: plan.building.nameEn },
    ...plan.storeys.map((s) => ({ key: s.key, ifcClass: 'IfcBuildingStorey', predefinedType: null, storeyKey: s.key, name: s.name, nameEn: s.nameEn })),
    ...plan.spaces.map((s) => ({ key: s.key, ifcClass: 'IfcSpace', predefinedType: s.predefinedType, storeyKey: s.storeyKey, name: s.name, nameEn: s.nameEn })),
    ...plan.elements.map((e) => ({ key: e.key, ifcClass: e.ifcClass, predefinedType: e.predefinedType, storeyKey: e.storeyKey, name: e.name, nameEn: e.nameEn })),
  ];
}
