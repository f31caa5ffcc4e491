/**
 * Element keys: the stable names of building elements that the IFC models, the sensor registry
 * and the site GeoJSON share. An element's IFC GlobalId is `ifcGlobalId(key)`
 * (`ifc/globalId.ts`), so a sensor bound to `B03/F12/S01` and the IfcSpace of flat 1201 meet
 * without sharing state.
 *
 * | element | key |
 * |---|---|
 * | building | `B03` (residential), `C01`, `C02`, `C03`, `K01`, `E01`, `G01`, `P01`, `P02` |
 * | storey | `B03/F12` (`F1` is the ground storey, no zero padding), basement `B03/B1` |
 * | space (flat or room) | `B03/F12/S01` (`S01`..`S0n`, n = `flatsPerStorey`) |
 * | plant rooms | `B03/B1/PUMP-ROOM`, `B03/B1/ELEC-ROOM` |
 * | elevator | `B03/LIFT-1` |
 * | gas riser | `B03/GAS-RISER-1` |
 * | gas detector at the riser on a storey | `B03/F12/GAS-DET` |
 * | gas emergency shut-off valve of the building | `B03/GAS-ESV` |
 * | water meter, power meter | `B03/WATER-METER`, `B03/POWER-METER` |
 * | camera | `B03/CAM-1` |
 *
 * The site GeoJSON uses the building-level keys of meters, valves and risers as feature ids;
 * its other features have network-prefixed ids (`WS-`, `GAS-`, `RW-`, `SEW-`, power `TX-`...).
 */

/** `F1`..`Fn` for storeys above ground (1 is the ground storey), `B1`.. for basements (-1, -2...). */
export function storeyCode(storey: number): string {
  if (!Number.isInteger(storey) || storey === 0) throw new RangeError(`no storey ${storey}: use 1.. above ground, -1.. below`);
  return storey > 0 ? `F${storey}` : `B${-storey}`;
}

/** `B03/F12`; `B03/B1` for storey -1. */
export function storeyKey(buildingId: string, storey: number): string {
  return `${buildingId}/${storeyCode(storey)}`;
}

/** `S01`..: the space code of flat or room `index` (1-based). */
export function spaceCode(index: number): string {
  return `S${String(index).padStart(2, '0')}`;
}

/** `B03/F12/S01`. */
export function spaceKey(buildingId: string, storey: number, index: number): string {
  return `${storeyKey(buildingId, storey)}/${spaceCode(index)}`;
}

/** `B03/B1/PUMP-ROOM` or `B03/B1/ELEC-ROOM`. */
export function plantRoomKey(buildingId: string, room: 'PUMP-ROOM' | 'ELEC-ROOM', storey = -1): string {
  return `${storeyKey(buildingId, storey)}/${room}`;
}

/** `B03/F12/GAS-DET`. */
export function gasDetectorKey(buildingId: string, storey: number): string {
  return `${storeyKey(buildingId, storey)}/GAS-DET`;
}

/** Building-level equipment: `B03/LIFT-1`, `B03/GAS-RISER-1`, `B03/CAM-1`. */
export function equipmentKey(buildingId: string, kind: 'LIFT' | 'GAS-RISER' | 'CAM', index: number): string {
  return `${buildingId}/${kind}-${index}`;
}

/** Single equipment of a building: `B03/GAS-ESV`, `B03/WATER-METER`, `B03/POWER-METER`. */
export function buildingEquipmentKey(buildingId: string, kind: 'GAS-ESV' | 'WATER-METER' | 'POWER-METER' | 'GAS-METER'): string {
  return `${buildingId}/${kind}`;
}

/**
 * A household sub-meter inside a flat, `B03/F12/S01/POWER-METER` (MUN-4 per-household
 * metering). These are counted on the building meter's GeoJSON feature (`householdMeters`)
 * rather than drawn.
 */
export function householdMeterKey(buildingId: string, storey: number, flat: number, kind: 'POWER-METER' | 'GAS-METER'): string {
  return `${spaceKey(buildingId, storey, flat)}/${kind}`;
}
