/**
 * The typical floor of every building, in its local frame (x along the width, y along the
 * depth, origin at the footprint centre): exterior walls, a core strip along x with lifts and
 * the gas riser, a row of rooms south and north of it, plant zones at the ends of the core.
 */

/** An axis-aligned rectangle, metres in the building's local frame. */
export interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Which facade a room's windows and doors face. */
export type Facade = 'south' | 'north';

/** A room's rectangle and the facade it opens to. */
export interface RoomSlot {
  rect: Rect;
  facade: Facade;
}

/** The zones of a floor, shared by all storeys of a building. */
export interface FloorLayout {
  widthM: number;
  depthM: number;
  wallThicknessM: number;
  /** Inside the exterior walls. */
  interior: Rect;
  /** The core strip along x, centred on y = 0. */
  core: Rect;
  /** Plant zones at the west and east ends of the core (plant rooms when there is no basement). */
  plantWest: Rect;
  plantEast: Rect;
  /** Where the gas riser runs, next to the east plant zone against the north side of the core. */
  riser: { x: number; y: number };
}

/** Exterior wall thickness, metres. */
export const WALL_THICKNESS_M = 0.25;
/** Floor slab thickness, metres; a slab's top is its storey's elevation. */
export const SLAB_THICKNESS_M = 0.2;

/** The floor layout of a `widthM` × `depthM` footprint. */
export function floorLayout(widthM: number, depthM: number): FloorLayout {
  const t = WALL_THICKNESS_M;
  const interior = { x0: -widthM / 2 + t, x1: widthM / 2 - t, y0: -depthM / 2 + t, y1: depthM / 2 - t };
  const coreDepth = clamp(0.22 * depthM, 2.4, 6);
  const core = { x0: interior.x0, x1: interior.x1, y0: -coreDepth / 2, y1: coreDepth / 2 };
  const plantWidth = Math.min(6, (interior.x1 - interior.x0) / 5);
  const plantWest = { ...core, x1: core.x0 + plantWidth };
  const plantEast = { ...core, x0: core.x1 - plantWidth };
  const riser = { x: plantEast.x0 - 1, y: core.y1 - 0.3 };
  return { widthM, depthM, wallThicknessM: t, interior, core, plantWest, plantEast, riser };
}

/**
 * `count` rooms: one fills the whole interior; more split the south row (the larger half) and
 * the north row into equal widths, west to east, south row first.
 */
export function roomSlots(layout: FloorLayout, count: number): RoomSlot[] {
  const { interior, core } = layout;
  if (count <= 0) return [];
  if (count === 1) return [{ rect: interior, facade: 'south' }];
  const south = Math.ceil(count / 2);
  return [
    ...splitRow({ ...interior, y1: core.y0 }, south, 'south'),
    ...splitRow({ ...interior, y0: core.y1 }, count - south, 'north'),
  ];
}

function splitRow(row: Rect, count: number, facade: Facade): RoomSlot[] {
  const width = (row.x1 - row.x0) / count;
  return Array.from({ length: count }, (_, i) => ({
    rect: { ...row, x0: row.x0 + i * width, x1: row.x0 + (i + 1) * width },
    facade,
  }));
}

/** Centre of a rectangle. */
export function centreOf(rect: Rect): { x: number; y: number } {
  return { x: (rect.x0 + rect.x1) / 2, y: (rect.y0 + rect.y1) / 2 };
}

/** Area of a rectangle, square metres. */
export function areaOf(rect: Rect): number {
  return (rect.x1 - rect.x0) * (rect.y1 - rect.y0);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
