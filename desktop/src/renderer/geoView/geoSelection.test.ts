import { describe, expect, it } from 'vitest';
import type { Selection } from '../scene/sceneStore.ts';
import { geoKey, selectionOfGeoKey } from './geoSelection.ts';

describe('map keys of selections (PLAT-3 point and get: the map and the 3D scene select the same object)', () => {
  const whole: Selection[] = [
    { kind: 'building', building: 'B01' },
    { kind: 'network', network: 'water', feature: 12 },
    { kind: 'network', network: 'gas', feature: 0 },
    { kind: 'sensor', sensor: 3892 },
    { kind: 'camera', camera: 7 },
    { kind: 'site', feature: 70 },
  ];

  it.each(whole)('maps %o to a key and back to the same selection', (selection) => {
    expect(selectionOfGeoKey(geoKey(selection))).toEqual(selection);
  });

  it('draws a storey, a space and an element as their building', () => {
    expect(geoKey({ kind: 'storey', building: 'B02', storey: 3 })).toBe('building:B02');
    expect(geoKey({ kind: 'space', building: 'B02', space: 40 })).toBe('building:B02');
    expect(geoKey({ kind: 'element', building: 'B02', element: 812 })).toBe('building:B02');
  });

  it.each(['', 'building', 'building:', 'sensor:x', 'sensor:-1', 'sensor:01', 'network:water', 'network:water:1.5', 'site:1:2', 'tree:1', 'building:B01:x'])('refuses the key %j', (key) => {
    expect(selectionOfGeoKey(key)).toBeUndefined();
  });
});
