/** The tile counts a camera wall can show: one camera, 2 × 2 or 3 × 3. */
export const WALL_LAYOUTS = [1, 4, 9] as const;

/** A camera wall's tile count. */
export type WallLayout = (typeof WALL_LAYOUTS)[number];

/** The most cameras a wall holds (its largest layout). */
const WALL_CAPACITY = 9;

/** A camera wall: its layout and the cameras chosen for it, in tile order (more than shown is fine). */
export interface CameraWall {
  layout: WallLayout;
  cameras: readonly string[];
}

/** The wall before anyone chose anything. */
export const EMPTY_WALL: CameraWall = { layout: 4, cameras: [] };

/** Columns (and rows) of a layout. */
export function wallColumns(layout: WallLayout): number {
  return Math.round(Math.sqrt(layout));
}

/** The wall's tiles: the camera each shows, undefined for an empty tile. */
export function wallTiles(wall: CameraWall): Array<string | undefined> {
  return Array.from({ length: wall.layout }, (_, i) => wall.cameras[i]);
}

/** The smallest layout that shows `count` cameras. */
function layoutFor(count: number, atLeast: WallLayout): WallLayout {
  return WALL_LAYOUTS.find((layout) => layout >= count && layout >= atLeast) ?? WALL_CAPACITY;
}

/**
 * Puts a camera on the wall where it shows: a new one after the others (the oldest leaves a full
 * wall), the layout grown to show it. Returns `wall` itself when nothing changes.
 */
export function addToWall(wall: CameraWall, cameraId: string): CameraWall {
  const index = wall.cameras.indexOf(cameraId);
  const cameras = index >= 0 ? wall.cameras : [...wall.cameras, cameraId].slice(-WALL_CAPACITY);
  const layout = layoutFor(cameras.indexOf(cameraId) + 1, wall.layout);
  return cameras === wall.cameras && layout === wall.layout ? wall : { layout, cameras };
}

/** Takes a camera off the wall; the cameras after it move up. */
export function removeFromWall(wall: CameraWall, cameraId: string): CameraWall {
  return wall.cameras.includes(cameraId) ? { ...wall, cameras: wall.cameras.filter((id) => id !== cameraId) } : wall;
}

/** Adds a camera the wall does not show, or removes one it does. */
export function toggleOnWall(wall: CameraWall, cameraId: string): CameraWall {
  return wall.cameras.includes(cameraId) ? removeFromWall(wall, cameraId) : addToWall(wall, cameraId);
}

/** Changes the layout; cameras beyond it stay chosen for a larger one. */
export function setWallLayout(wall: CameraWall, layout: WallLayout): CameraWall {
  return layout === wall.layout ? wall : { ...wall, layout };
}

/** Reads a stored wall; anything unreadable is the empty wall, unknown entries are dropped. */
export function parseWall(text: string | null): CameraWall {
  if (text === null) return EMPTY_WALL;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return EMPTY_WALL;
  }
  const { layout, cameras } = (typeof value === 'object' && value !== null ? value : {}) as { layout?: unknown; cameras?: unknown };
  const ids = Array.isArray(cameras) ? cameras.filter((id): id is string => typeof id === 'string') : [];
  return {
    layout: WALL_LAYOUTS.find((known) => known === layout) ?? EMPTY_WALL.layout,
    cameras: [...new Set(ids)].slice(0, WALL_CAPACITY),
  };
}

/** The stored form of a wall. */
export function serializeWall(wall: CameraWall): string {
  return JSON.stringify({ layout: wall.layout, cameras: wall.cameras });
}
