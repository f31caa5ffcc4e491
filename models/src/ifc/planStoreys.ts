/**
 * The storeys of a building: basements `B1`.. below, `F1`..`Fn` above, with elevations and the
 * heights walls and spaces fill.
 */
import { storeyCode, storeyKey } from '../elementKeys.ts';
import type { PlannedStorey } from './buildingPlan.ts';
import { SLAB_THICKNESS_M } from './floorLayout.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import { bool, elementPset, logical, prop } from './plannedProperty.ts';

/** Basement floor-to-floor height, metres (the garage level is at -4.5 m). */
export const BASEMENT_HEIGHT_M = 4.5;

/** The storey number of the entrance: `F1`, or `B1` for a building wholly below ground. */
export function entryStoreyNumber(spec: IfcBuildingSpec): number {
  return spec.storeys > 0 ? 1 : -1;
}

/** Basements deepest first, then `F1` upwards. */
export function planStoreys(spec: IfcBuildingSpec): PlannedStorey[] {
  const numbers = [
    ...Array.from({ length: spec.basements }, (_, i) => -(spec.basements - i)),
    ...Array.from({ length: spec.storeys }, (_, i) => i + 1),
  ];
  return numbers.map((number) => {
    const key = storeyKey(spec.id, number);
    const basement = number < 0;
    return {
      key,
      code: storeyCode(number),
      number,
      name: basement ? `地下${-number}层` : `${number}层`,
      nameEn: basement ? `Basement ${-number}` : `Storey ${number}`,
      elevationM: basement ? number * BASEMENT_HEIGHT_M : (number - 1) * spec.storeyHeightM,
      heightM: basement ? BASEMENT_HEIGHT_M : spec.storeyHeightM,
      psets: [
        {
          name: 'Pset_BuildingStoreyCommon',
          properties: [prop('EntranceLevel', bool(number === entryStoreyNumber(spec))), prop('AboveGround', logical(!basement))],
        },
        elementPset(key, []),
      ],
    };
  });
}

/** Height of walls on a storey: up to the underside of the next slab (the top storey has no slab above). */
export function clearHeightM(storey: PlannedStorey, isTop: boolean): number {
  return isTop ? storey.heightM : storey.heightM - SLAB_THICKNESS_M;
}
