import { describe, expect, it } from 'vitest';
import type { Selection } from '../sceneStore.ts';
import { drillDown, hitBelongsTo, spacePickStorey, type StoreyLookup } from './drillDown.ts';

// Elements 0-9 on storey 0, 10-19 on storey 1, 99 outside storeys; space n on storey n % 2.
const storeys: StoreyLookup = { element: (_b, e) => (e === 99 ? -1 : Math.floor(e / 10)), space: (_b, s) => s % 2 };
const wall = (building: string, element: number) => ({ kind: 'element' as const, building, element, t: 10 });

describe('drillDown (PLAT-3 point and get)', () => {
  it('selects the building first, then the storey, then the element', () => {
    let selection: Selection | null = null;
    selection = drillDown(wall('B01', 12), selection, null, storeys);
    expect(selection).toEqual({ kind: 'building', building: 'B01' });
    selection = drillDown(wall('B01', 12), selection, null, storeys);
    expect(selection).toEqual({ kind: 'storey', building: 'B01', storey: 1 });
    selection = drillDown(wall('B01', 12), selection, null, storeys);
    expect(selection).toEqual({ kind: 'element', building: 'B01', element: 12 });
    expect(drillDown(wall('B01', 3), selection, null, storeys)).toEqual({ kind: 'element', building: 'B01', element: 3 });
  });

  it('moves between storeys at storey level and restarts in another building', () => {
    expect(drillDown(wall('B01', 3), { kind: 'storey', building: 'B01', storey: 1 }, null, storeys)).toEqual({ kind: 'storey', building: 'B01', storey: 0 });
    expect(drillDown(wall('B02', 3), { kind: 'element', building: 'B01', element: 1 }, null, storeys)).toEqual({ kind: 'building', building: 'B02' });
    expect(drillDown(wall('B01', 99), { kind: 'building', building: 'B01' }, null, storeys)).toEqual({ kind: 'element', building: 'B01', element: 99 });
  });

  it('selects elements directly while a storey is isolated, and spaces as hit', () => {
    expect(drillDown(wall('B01', 12), null, { building: 'B01', storey: 1 }, storeys)).toEqual({ kind: 'element', building: 'B01', element: 12 });
    expect(drillDown({ kind: 'space', building: 'B01', space: 3, t: 5 }, null, null, storeys)).toEqual({ kind: 'space', building: 'B01', space: 3 });
  });

  it('selects equipment known elsewhere at once: an IFC valve is the network valve (MUN-5)', () => {
    const equipment = (_b: string, e: number) => (e === 7 ? ({ kind: 'network', network: 'gas', feature: 3 } as const) : undefined);
    expect(drillDown(wall('B01', 7), null, null, storeys, equipment)).toEqual({ kind: 'network', network: 'gas', feature: 3 });
    expect(drillDown(wall('B01', 8), null, null, storeys, equipment)).toEqual({ kind: 'building', building: 'B01' });
  });

  it('selects pipes, valves, sensors, cameras and site features as hit, and nothing on empty ground', () => {
    expect(drillDown({ kind: 'network', network: 'gas', feature: 7, t: 1 }, null, null, storeys)).toEqual({ kind: 'network', network: 'gas', feature: 7 });
    expect(drillDown({ kind: 'sensor', sensor: 2, t: 1 }, null, null, storeys)).toEqual({ kind: 'sensor', sensor: 2 });
    expect(drillDown(undefined, { kind: 'sensor', sensor: 2 }, null, storeys)).toBeNull();
  });
});

describe('spacePickStorey', () => {
  it('offers the spaces of the isolated storey, else of the selected storey, space or element', () => {
    expect(spacePickStorey(null, { building: 'B01', storey: 4 }, storeys)).toEqual({ building: 'B01', storey: 4 });
    expect(spacePickStorey({ kind: 'storey', building: 'B01', storey: 2 }, null, storeys)).toEqual({ building: 'B01', storey: 2 });
    expect(spacePickStorey({ kind: 'space', building: 'B01', space: 3 }, null, storeys)).toEqual({ building: 'B01', storey: 1 });
    expect(spacePickStorey({ kind: 'building', building: 'B01' }, null, storeys)).toBeUndefined();
  });
});

describe('hitBelongsTo', () => {
  it('tells hits on the selection (or inside it) from hits on something in front of it', () => {
    expect(hitBelongsTo(wall('B01', 3), { kind: 'building', building: 'B01' })).toBe(true);
    expect(hitBelongsTo(wall('B08', 3), { kind: 'building', building: 'B01' })).toBe(false);
    expect(hitBelongsTo(wall('B01', 3), { kind: 'element', building: 'B01', element: 4 })).toBe(false);
    expect(hitBelongsTo({ kind: 'network', network: 'gas', feature: 3, t: 1 }, { kind: 'network', network: 'gas', feature: 3 })).toBe(true);
    const equipment = () => ({ kind: 'camera', camera: 2 }) as const;
    expect(hitBelongsTo(wall('B01', 3), { kind: 'camera', camera: 2 }, equipment)).toBe(true);
  });
});
