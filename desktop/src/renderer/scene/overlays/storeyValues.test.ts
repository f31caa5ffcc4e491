import { describe, expect, it } from 'vitest';
import type { SensorDefinition, SensorKind } from '@twin/protocol';
import { aggregateStoreys, storeyGroups } from './storeyValues.ts';

const sensor = (id: string, kind: SensorKind, placement: 'indoor' | 'outdoor', building?: string, storey?: string): SensorDefinition => ({
  id,
  kind,
  unit: kind === 'co2' ? 'ppm' : 'Cel',
  name: id,
  location: { lon: 114.06, lat: 22.54, heightM: 3, area: 'zone-a', placement, ...(building === undefined ? {} : { building }), ...(storey === undefined ? {} : { storey }) },
  samplingIntervalS: 60,
});

const sensors = [
  sensor('B01-F03-CO2-01', 'co2', 'indoor', 'B01', 'F03'),
  sensor('B01-F03-TEMP-01', 'temperature', 'indoor', 'B01', 'F03'),
  sensor('B01-F03-CO2-02', 'co2', 'indoor', 'B01', 'F3'),
  sensor('B02-F01-CO2-01', 'co2', 'indoor', 'B02', 'F01'),
  sensor('ZA-CO2-01', 'co2', 'outdoor'),
  sensor('B03-F02-CO2-01', 'co2', 'indoor', 'B03', 'F02'),
];

describe('storey values (ENV-5 indoor air by storey)', () => {
  const groups = storeyGroups(sensors, 'co2');

  it('groups the indoor sensors of one kind by building and storey (F03 and F3 are one storey)', () => {
    expect(groups.storeys).toEqual([
      { building: 'B01', storey: 'F03' },
      { building: 'B02', storey: 'F01' },
      { building: 'B03', storey: 'F02' },
    ]);
    expect([...groups.start]).toEqual([0, 2, 3, 4]);
    expect([...groups.sensors]).toEqual([0, 2, 3, 5]);
  });

  it('ENV-5 takes the worst room of a storey, or the mean, and NaN where no room has a live value', () => {
    const values = [900, Number.NaN, 1200, 700, 0, Number.NaN];
    const out = new Float64Array(3);
    aggregateStoreys(groups, (i) => values[i]!, 'max', out);
    expect([...out]).toEqual([1200, 700, Number.NaN]);
    aggregateStoreys(groups, (i) => values[i]!, 'mean', out);
    expect([...out]).toEqual([1050, 700, Number.NaN]);
  });
});
