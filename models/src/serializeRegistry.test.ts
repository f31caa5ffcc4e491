import { describe, expect, it } from 'vitest';
import { serializeRegistry } from './serializeRegistry.ts';

describe('serializeRegistry', () => {
  it('writes keys in schema order whatever order the objects were built in', () => {
    const text = serializeRegistry({
      sensors: [
        {
          thresholds: { day: { high: 1000 } },
          location: { placement: 'indoor', area: 'zone-a', heightM: 1, lat: 22.54, lon: 114.06 },
          unit: 'ppm',
          kind: 'co2',
          id: 'B01-F03-CO2-01',
          name: 'n',
          samplingIntervalS: 60,
        },
      ],
      community: { name: 'c', id: 'c' },
      version: 1,
    });
    expect(Object.keys(JSON.parse(text))).toEqual(['version', 'community', 'sensors']);
    expect(text.indexOf('"id": "B01')).toBeLessThan(text.indexOf('"kind"'));
    expect(text.indexOf('"lon"')).toBeLessThan(text.indexOf('"lat"'));
    expect(text.endsWith('}\n')).toBe(true);
  });
});
