import { describe, expect, it } from 'vitest';
import { addToWall, EMPTY_WALL, parseWall, removeFromWall, serializeWall, setWallLayout, toggleOnWall, wallColumns, wallTiles, type CameraWall } from './cameraWall.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `B${String(i + 1).padStart(2, '0')}/CAM-1`);

describe('camera wall layout (GOV-3 video surveillance, PLAT-3 one graphical console)', () => {
  it('GOV-3 lays out 1, 4 or 9 tiles in a square grid, empty tiles where no camera is chosen', () => {
    expect([1, 4, 9].map((n) => wallColumns(n as CameraWall['layout']))).toEqual([1, 2, 3]);
    expect(wallTiles({ layout: 4, cameras: ids(2) })).toEqual([...ids(2), undefined, undefined]);
    expect(wallTiles({ layout: 1, cameras: ids(3) })).toEqual(ids(1));
  });

  it('GOV-3 adds a camera after the others and grows the layout to show it', () => {
    let wall = addToWall({ layout: 1, cameras: [] }, 'A');
    expect(wall).toEqual({ layout: 1, cameras: ['A'] });
    wall = addToWall(wall, 'B');
    expect(wall).toEqual({ layout: 4, cameras: ['A', 'B'] });
    wall = ['C', 'D', 'E'].reduce(addToWall, wall);
    expect(wall).toEqual({ layout: 9, cameras: ['A', 'B', 'C', 'D', 'E'] });
  });

  it('GOV-3 drops the oldest camera of a full wall for a new one', () => {
    const wall = addToWall({ layout: 9, cameras: ids(9) }, 'NEW');
    expect(wall.cameras).toEqual([...ids(9).slice(1), 'NEW']);
    expect(wall.layout).toBe(9);
  });

  it('leaves the wall as it is for a camera already shown, and grows it for one chosen but hidden', () => {
    const wall: CameraWall = { layout: 1, cameras: ['A', 'B'] };
    expect(addToWall(wall, 'A')).toBe(wall);
    expect(addToWall(wall, 'B')).toEqual({ layout: 4, cameras: ['A', 'B'] });
  });

  it('removes and toggles cameras; the ones after move up', () => {
    const wall: CameraWall = { layout: 4, cameras: ['A', 'B', 'C'] };
    expect(removeFromWall(wall, 'B')).toEqual({ layout: 4, cameras: ['A', 'C'] });
    expect(removeFromWall(wall, 'Z')).toBe(wall);
    expect(toggleOnWall(wall, 'A').cameras).toEqual(['B', 'C']);
    expect(toggleOnWall(wall, 'D').cameras).toEqual(['A', 'B', 'C', 'D']);
  });

  it('keeps cameras beyond a smaller layout for a larger one', () => {
    const small = setWallLayout({ layout: 9, cameras: ids(6) }, 1);
    expect(wallTiles(small)).toEqual(ids(1));
    expect(wallTiles(setWallLayout(small, 9)).filter(Boolean)).toEqual(ids(6));
    expect(setWallLayout(small, 1)).toBe(small);
  });
});

describe('camera wall persistence (GOV-3: the wall a control room chose survives a restart)', () => {
  it('GOV-3 reads back what it stored', () => {
    const wall: CameraWall = { layout: 9, cameras: ['B01/CAM-1', 'P01/CAM-3'] };
    expect(parseWall(serializeWall(wall))).toEqual(wall);
  });

  it('reads anything unreadable as the empty wall and drops unknown entries', () => {
    expect(parseWall(null)).toEqual(EMPTY_WALL);
    expect(parseWall('{not json')).toEqual(EMPTY_WALL);
    expect(parseWall('"a string"')).toEqual(EMPTY_WALL);
    expect(parseWall(JSON.stringify({ layout: 16, cameras: ['A', 3, 'A', 'B'] }))).toEqual({ layout: 4, cameras: ['A', 'B'] });
    expect(parseWall(JSON.stringify({ layout: 1, cameras: ids(12) })).cameras).toEqual(ids(9));
  });
});
