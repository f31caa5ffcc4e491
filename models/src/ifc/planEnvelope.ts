/**
 * The envelope of a storey, kept simple so tall towers stay small: four exterior walls (one
 * long segment per side), one floor slab, and the doors and windows of its rooms on the facade
 * they face, plus the entrance doors on the entry storey. Doors and windows sit in the wall, a
 * little proud of both faces; walls are not cut (no IfcOpeningElement).
 */
import type { PlannedElement, PlannedShape, PlannedStorey } from './buildingPlan.ts';
import { spaceCode } from '../elementKeys.ts';
import { SLAB_THICKNESS_M, type Facade, type FloorLayout } from './floorLayout.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import { bool, prop, type PlannedPropertySet } from './plannedProperty.ts';
import { flatNumber, storeyRoomSlots } from './planSpaces.ts';
import { clearHeightM, entryStoreyNumber } from './planStoreys.ts';

/** A door or window size, metres; the sill is its height above the storey floor. */
interface OpeningKind {
  ifcClass: 'IfcDoor' | 'IfcWindow';
  widthM: number;
  heightM: number;
  sillM: number;
}

const WINDOW: OpeningKind = { ifcClass: 'IfcWindow', widthM: 1.5, heightM: 1.5, sillM: 0.9 };
const BALCONY_DOOR: OpeningKind = { ifcClass: 'IfcDoor', widthM: 1.8, heightM: 2.4, sillM: 0 };
const ENTRANCE_DOOR: OpeningKind = { ifcClass: 'IfcDoor', widthM: 1.5, heightM: 2.4, sillM: 0 };
/** How far doors and windows stand proud of each wall face, metres, so they show. */
const PROUD_M = 0.02;

type Side = Facade | 'east' | 'west';

const WALL_COMMON: PlannedPropertySet = {
  name: 'Pset_WallCommon',
  properties: [prop('IsExternal', bool(true)), prop('LoadBearing', bool(true))],
};
const DOOR_COMMON: PlannedPropertySet = { name: 'Pset_DoorCommon', properties: [prop('IsExternal', bool(true))] };
const WINDOW_COMMON: PlannedPropertySet = { name: 'Pset_WindowCommon', properties: [prop('IsExternal', bool(true))] };

/** Walls, slab, doors and windows of one storey, in key order within each kind. */
export function planEnvelope(spec: IfcBuildingSpec, layout: FloorLayout, storey: PlannedStorey, isTop: boolean): PlannedElement[] {
  const { doors, windows } = storey.number > 0 ? planOpenings(spec, layout, storey) : { doors: [], windows: [] };
  return [...planWalls(layout, storey, isTop), planSlab(layout, storey), ...doors, ...windows];
}

function planWalls(layout: FloorLayout, storey: PlannedStorey, isTop: boolean): PlannedElement[] {
  const { widthM: w, depthM: d, wallThicknessM: t } = layout;
  const h = clearHeightM(storey, isTop);
  // Named by the local frame: south is the front (-y).
  const sides: Array<[string, string, PlannedShape]> = [
    ['南外墙', 'South exterior wall', { kind: 'box', x: 0, y: -d / 2 + t / 2, z: 0, sx: w, sy: t, sz: h }],
    ['东外墙', 'East exterior wall', { kind: 'box', x: w / 2 - t / 2, y: 0, z: 0, sx: t, sy: d - 2 * t, sz: h }],
    ['北外墙', 'North exterior wall', { kind: 'box', x: 0, y: d / 2 - t / 2, z: 0, sx: w, sy: t, sz: h }],
    ['西外墙', 'West exterior wall', { kind: 'box', x: -w / 2 + t / 2, y: 0, z: 0, sx: t, sy: d - 2 * t, sz: h }],
  ];
  return sides.map(([zh, en, shape], index) => ({
    key: `${storey.key}/WALL-${index + 1}`,
    ifcClass: 'IfcWall',
    predefinedType: 'SOLIDWALL',
    storeyKey: storey.key,
    containerKey: storey.key,
    name: `${storey.name}${zh}`,
    nameEn: `${en}, ${storey.nameEn.toLowerCase()}`,
    shape,
    style: 'wall',
    psets: [WALL_COMMON],
  }));
}

function planSlab(layout: FloorLayout, storey: PlannedStorey): PlannedElement {
  const basement = storey.number < 0;
  return {
    key: `${storey.key}/SLAB`,
    ifcClass: 'IfcSlab',
    predefinedType: basement ? 'BASESLAB' : 'FLOOR',
    storeyKey: storey.key,
    containerKey: storey.key,
    name: `${storey.name}楼板`,
    nameEn: `Floor slab, ${storey.nameEn.toLowerCase()}`,
    shape: { kind: 'box', x: 0, y: 0, z: -SLAB_THICKNESS_M, sx: layout.widthM, sy: layout.depthM, sz: SLAB_THICKNESS_M },
    style: 'slab',
    psets: [
      {
        name: 'Pset_SlabCommon',
        properties: [prop('IsExternal', bool(basement)), prop('LoadBearing', bool(true)), prop('Compartmentation', bool(true))],
      },
    ],
  };
}

interface Opening {
  side: Side;
  /** Position along the wall: x on south/north walls, y on east/west walls. */
  along: number;
  kind: OpeningKind;
  zh: string;
  en: string;
}

function planOpenings(spec: IfcBuildingSpec, layout: FloorLayout, storey: PlannedStorey): { doors: PlannedElement[]; windows: PlannedElement[] } {
  const residential = spec.category === 'residential';
  // The main entrance is on the front (local -y) at the middle; public buildings have a back door too.
  const entrances: Opening[] =
    storey.number === entryStoreyNumber(spec)
      ? [
          { side: 'south', along: 0, kind: ENTRANCE_DOOR, zh: '主入口门', en: 'Main entrance door' },
          ...(residential ? [] : [{ side: 'north' as const, along: 0, kind: ENTRANCE_DOOR, zh: '后门', en: 'Back door' }]),
        ]
      : [];
  const roomOpenings = storeyRoomSlots(spec, layout, storey).flatMap(({ rect, facade }, index): Opening[] => {
    const at = (fraction: number): number => rect.x0 + fraction * (rect.x1 - rect.x0);
    if (residential) {
      const flat = flatNumber(storey.number, index + 1);
      return [
        { side: facade, along: at(0.25), kind: BALCONY_DOOR, zh: `${flat}室阳台门`, en: `Balcony door, flat ${flat}` },
        { side: facade, along: at(0.55), kind: WINDOW, zh: `${flat}室外窗`, en: `Window, flat ${flat}` },
        { side: facade, along: at(0.8), kind: WINDOW, zh: `${flat}室外窗`, en: `Window, flat ${flat}` },
      ];
    }
    const room = spaceCode(index + 1);
    return [1 / 3, 2 / 3].map((f) => ({ side: facade, along: at(f), kind: WINDOW, zh: `${storey.name}外窗`, en: `Window, room ${room}` }));
  });
  const openings = [...roomOpenings.filter((o) => !entrances.some((e) => overlaps(o, e))), ...entrances];
  const doors = openings.filter((o) => o.kind.ifcClass === 'IfcDoor');
  const windows = openings.filter((o) => o.kind.ifcClass === 'IfcWindow');
  return {
    doors: doors.map((o, i) => opening(layout, storey, o, `DOOR-${i + 1}`)),
    windows: windows.map((o, i) => opening(layout, storey, o, `WIN-${i + 1}`)),
  };
}

/** Whether two openings on the same wall come within 0.3 m of each other. */
function overlaps(a: Opening, b: Opening): boolean {
  return a.side === b.side && Math.abs(a.along - b.along) < (a.kind.widthM + b.kind.widthM) / 2 + 0.3;
}

function opening(layout: FloorLayout, storey: PlannedStorey, spot: Opening, segment: string): PlannedElement {
  const { kind } = spot;
  const { widthM: w, depthM: d, wallThicknessM: t } = layout;
  const thickness = t + 2 * PROUD_M;
  const alongX = spot.side === 'south' || spot.side === 'north';
  const offset = { south: -d / 2 + t / 2, north: d / 2 - t / 2, west: -w / 2 + t / 2, east: w / 2 - t / 2 }[spot.side];
  const shape: PlannedShape = alongX
    ? { kind: 'box', x: spot.along, y: offset, z: kind.sillM, sx: kind.widthM, sy: thickness, sz: kind.heightM }
    : { kind: 'box', x: offset, y: spot.along, z: kind.sillM, sx: thickness, sy: kind.widthM, sz: kind.heightM };
  const door = kind.ifcClass === 'IfcDoor';
  return {
    key: `${storey.key}/${segment}`,
    ifcClass: kind.ifcClass,
    predefinedType: door ? 'DOOR' : 'WINDOW',
    storeyKey: storey.key,
    containerKey: storey.key,
    name: spot.zh,
    nameEn: spot.en,
    shape,
    style: door ? 'door' : 'window',
    psets: [door ? DOOR_COMMON : WINDOW_COMMON],
  };
}
