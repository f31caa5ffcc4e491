/**
 * Spaces of a storey: flats of a residential storey, public rooms of the other categories
 * (parking decks also below ground), and the plant rooms (pump room, electrical room) on `B1`,
 * or on `F1` without a basement.
 */
import { plantRoomKey, spaceCode, spaceKey } from '../elementKeys.ts';
import type { PlannedShape, PlannedSpace, PlannedStorey } from './buildingPlan.ts';
import { CATEGORY_PROFILES } from './categoryProfiles.ts';
import { areaOf, roomSlots, SLAB_THICKNESS_M, type FloorLayout, type Rect, type RoomSlot } from './floorLayout.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import { area, bool, elementPset, prop, type PlannedPropertySet } from './plannedProperty.ts';

/** Key segment of the pump room (MUN-3 water supply plant). */
export const PUMP_ROOM = 'PUMP-ROOM';
/** Key segment of the electrical room (MUN-4 power distribution). */
export const ELEC_ROOM = 'ELEC-ROOM';

/** The storey number (`B1` = -1 or `F1` = 1) that holds the plant rooms. */
export function plantStoreyNumber(spec: IfcBuildingSpec): number {
  return spec.basements > 0 ? -1 : 1;
}

/** Rooms per storey that has rooms: flats, or public rooms (the category default when 0). */
export function roomsPerStorey(spec: IfcBuildingSpec): number {
  if (spec.flatsPerStorey > 0) return spec.flatsPerStorey;
  return CATEGORY_PROFILES[spec.category].roomsPerStorey;
}

/** Whether `storey` has flats or rooms: every storey above ground, and a garage's basements. */
export function hasRooms(spec: IfcBuildingSpec, storey: PlannedStorey): boolean {
  return storey.number > 0 || spec.category === 'parking';
}

/** The room slots of a storey: a lone room leaves the core's plant zones to the plant rooms. */
export function storeyRoomSlots(spec: IfcBuildingSpec, layout: FloorLayout, storey: PlannedStorey): RoomSlot[] {
  if (!hasRooms(spec, storey)) return [];
  const slots = roomSlots(layout, roomsPerStorey(spec));
  if (slots.length !== 1 || storey.number !== plantStoreyNumber(spec)) return slots;
  return [{ rect: { ...layout.interior, x0: layout.plantWest.x1, x1: layout.plantEast.x0 }, facade: 'south' }];
}

/** The spaces of one storey, in key order. */
export function planSpaces(spec: IfcBuildingSpec, layout: FloorLayout, storey: PlannedStorey): PlannedSpace[] {
  const heightM = storey.heightM - SLAB_THICKNESS_M;
  const slots = storeyRoomSlots(spec, layout, storey);
  const rooms = planRooms(spec, storey, slots, heightM);
  if (storey.number !== plantStoreyNumber(spec)) return rooms;
  return [...rooms, ...planPlantRooms(spec, layout, storey, heightM)];
}

function planRooms(spec: IfcBuildingSpec, storey: PlannedStorey, slots: readonly RoomSlot[], heightM: number): PlannedSpace[] {
  const profile = CATEGORY_PROFILES[spec.category];
  const residential = spec.category === 'residential';
  return slots.map(({ rect }, index) => {
    const key = spaceKey(spec.id, storey.number, index + 1);
    const code = residential ? flatNumber(storey.number, index + 1) : `${storey.code}-${spaceCode(index + 1)}`;
    const room = profile.rooms[index % Math.max(1, profile.rooms.length)];
    return {
      key,
      storeyKey: storey.key,
      code,
      name: residential ? `${code}室` : (room?.zh ?? profile.zh),
      nameEn: residential ? `Flat ${code}` : (room?.en ?? profile.en),
      predefinedType: residential ? 'SPACE' : profile.spaceType,
      shape: boxOver(rect, heightM),
      psets: [spaceCommon(rect, !residential), elementPset(key, residential ? ['ENV-2', 'ENV-5'] : [])],
    };
  });
}

/** A flat's door number as residents say it: `1203` is flat 3 on storey 12. */
export function flatNumber(storey: number, flat: number): string {
  return `${storey}${String(flat).padStart(2, '0')}`;
}

function planPlantRooms(spec: IfcBuildingSpec, layout: FloorLayout, storey: PlannedStorey, heightM: number): PlannedSpace[] {
  const rects = plantRoomRects(spec, layout, storey);
  const plantRoom = (segment: typeof PUMP_ROOM | typeof ELEC_ROOM, rect: Rect, zh: string, en: string, clauses: string[]): PlannedSpace => {
    const key = plantRoomKey(spec.id, segment, storey.number);
    return {
      key,
      storeyKey: storey.key,
      code: `${storey.code}-${segment}`,
      name: zh,
      nameEn: en,
      predefinedType: 'INTERNAL',
      shape: boxOver(rect, heightM),
      psets: [spaceCommon(rect, false), elementPset(key, clauses)],
    };
  };
  return [
    plantRoom(PUMP_ROOM, rects.pump, '生活水泵房', 'Domestic water pump room', ['MUN-3', 'PROP-2']),
    plantRoom(ELEC_ROOM, rects.elec, '配电室', 'Electrical distribution room', ['MUN-4', 'PROP-2']),
  ];
}

/**
 * The pump room (west) and electrical room (east) on the plant storey: its halves when it has
 * no rooms (a tower's basement), else the ends of the core.
 */
export function plantRoomRects(spec: IfcBuildingSpec, layout: FloorLayout, storey: PlannedStorey): { pump: Rect; elec: Rect } {
  if (storeyRoomSlots(spec, layout, storey).length > 0) return { pump: layout.plantWest, elec: layout.plantEast };
  const { interior } = layout;
  const middle = (interior.x0 + interior.x1) / 2;
  return { pump: { ...interior, x1: middle }, elec: { ...interior, x0: middle } };
}

function spaceCommon(rect: Rect, publiclyAccessible: boolean): PlannedPropertySet {
  const grossAreaM2 = Math.round(areaOf(rect) * 100) / 100;
  return {
    name: 'Pset_SpaceCommon',
    properties: [
      prop('IsExternal', bool(false)),
      prop('GrossPlannedArea', area(grossAreaM2)),
      prop('PubliclyAccessible', bool(publiclyAccessible)),
      prop('HandicapAccessible', bool(true)),
    ],
  };
}

/** A box filling `rect` from the storey floor up `heightM`. */
export function boxOver(rect: Rect, heightM: number, z = 0): PlannedShape {
  return {
    kind: 'box',
    x: (rect.x0 + rect.x1) / 2,
    y: (rect.y0 + rect.y1) / 2,
    z,
    sx: rect.x1 - rect.x0,
    sy: rect.y1 - rect.y0,
    sz: heightM,
  };
}
