/**
 * The building plan: every storey, space and element of one building with its key, IFC class,
 * container, local geometry and property sets, as plain data. The IFC writer turns it into a
 * file and `buildingElementKeys` lists it, so the two can never disagree.
 */
import { CATEGORY_PROFILES } from './categoryProfiles.ts';
import { floorLayout, type FloorLayout } from './floorLayout.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import { planEnvelope } from './planEnvelope.ts';
import { planEquipment } from './planEquipment.ts';
import { planSpaces } from './planSpaces.ts';
import { planStoreys } from './planStoreys.ts';
import { elementPset, integer, label, prop, type PlannedPropertySet } from './plannedProperty.ts';

/** IFC classes of the elements the plan places (spatial structure aside). */
export type PlannedElementClass =
  | 'IfcWall'
  | 'IfcSlab'
  | 'IfcDoor'
  | 'IfcWindow'
  | 'IfcPump'
  | 'IfcFan'
  | 'IfcTransportElement'
  | 'IfcPipeSegment'
  | 'IfcSensor'
  | 'IfcValve'
  | 'IfcFlowMeter'
  | 'IfcAudioVisualAppliance'
  | 'IfcUnitaryControlElement';

/** Surface styles the writer knows. */
export type ShapeStyle = 'wall' | 'slab' | 'window' | 'door' | 'space' | 'gas' | 'water' | 'power' | 'lift' | 'sensor' | 'camera' | 'fan';

/**
 * A solid in its storey's frame: a box (centre x/y, base z, sizes) or an upright cylinder
 * (axis x/y, base z). Metres.
 */
export type PlannedShape =
  | { kind: 'box'; x: number; y: number; z: number; sx: number; sy: number; sz: number }
  | { kind: 'cylinder'; x: number; y: number; z: number; radius: number; height: number };

export interface PlannedStorey {
  /** e.g. `B03/F12`, `B03/B1`. */
  key: string;
  /** e.g. `F12`, `B1`. */
  code: string;
  /** 1 for the ground storey, -1 for the basement. */
  number: number;
  name: string;
  nameEn: string;
  /** Elevation of the storey's floor (top of slab) above the ground floor, metres. */
  elevationM: number;
  /** Floor-to-floor height, metres. */
  heightM: number;
  psets: PlannedPropertySet[];
}

export interface PlannedSpace {
  /** e.g. `B03/F12/S03`, `B03/B1/PUMP-ROOM`. */
  key: string;
  storeyKey: string;
  /** IfcSpace.Name: the room number, e.g. `1203`. */
  code: string;
  /** IfcSpace.LongName (Chinese). */
  name: string;
  /** IfcSpace.Description (English). */
  nameEn: string;
  predefinedType: 'SPACE' | 'PARKING' | 'INTERNAL';
  shape: PlannedShape;
  psets: PlannedPropertySet[];
}

export interface PlannedElement {
  key: string;
  ifcClass: PlannedElementClass;
  /** The class's PredefinedType enumeration value, e.g. `GASSENSOR`. */
  predefinedType: string;
  storeyKey: string;
  /** The storey or space the element is contained in. */
  containerKey: string;
  name: string;
  nameEn: string;
  shape: PlannedShape;
  style: ShapeStyle;
  psets: PlannedPropertySet[];
}

export interface BuildingPlan {
  spec: IfcBuildingSpec;
  layout: FloorLayout;
  building: { key: string; name: string; nameEn: string; psets: PlannedPropertySet[] };
  /** Basement first, then F1 upwards. */
  storeys: PlannedStorey[];
  spaces: PlannedSpace[];
  elements: PlannedElement[];
}

const BUILDING_ID = /^[A-Za-z0-9_-]+$/;

/** The whole plan of one building. Pure: equal specs give equal plans. */
export function planBuilding(spec: IfcBuildingSpec): BuildingPlan {
  checkSpec(spec);
  const layout = floorLayout(spec.widthM, spec.depthM);
  const storeys = planStoreys(spec);
  const top = storeys[storeys.length - 1]!;
  const spaces = storeys.flatMap((storey) => planSpaces(spec, layout, storey));
  const elements = [
    ...storeys.flatMap((storey) => planEnvelope(spec, layout, storey, storey === top)),
    ...planEquipment(spec, layout, storeys),
  ];
  const profile = CATEGORY_PROFILES[spec.category];
  return {
    spec,
    layout,
    building: {
      key: spec.id,
      name: spec.name,
      nameEn: spec.nameEn,
      psets: [
        {
          name: 'Pset_BuildingCommon',
          properties: [
            prop('NumberOfStoreys', integer(storeys.length)),
            prop('OccupancyType', label(profile.occupancyType)),
          ],
        },
        elementPset(spec.id, spec.parkingSpaces === undefined ? [] : ['MUN-2'], [
          prop('Category', label(spec.category)),
          ...(spec.parkingSpaces === undefined ? [] : [prop('ParkingSpaces', integer(spec.parkingSpaces))]),
        ]),
      ],
    },
    storeys,
    spaces,
    elements,
  };
}

function checkSpec(spec: IfcBuildingSpec): void {
  const problems = [
    BUILDING_ID.test(spec.id) ? null : 'id must be letters, digits, - or _',
    Number.isInteger(spec.storeys) && spec.storeys >= 0 ? null : 'storeys must be an integer >= 0',
    Number.isInteger(spec.basements) && spec.basements >= 0 ? null : 'basements must be an integer >= 0',
    spec.storeys + spec.basements > 0 ? null : 'a building needs a storey',
    spec.widthM > 2 && spec.depthM > 2 && spec.storeyHeightM > 1 ? null : 'footprint or storey height too small',
    spec.gasStoreys.every((n) => Number.isInteger(n) && n >= 1 && n <= spec.storeys) ? null : 'gasStoreys must be storeys F1..Fn',
  ].filter((p) => p !== null);
  if (problems.length > 0) throw new RangeError(`${spec.id}: ${problems.join('; ')}`);
}
