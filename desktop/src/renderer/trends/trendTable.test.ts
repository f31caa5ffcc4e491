import { describe, expect, it } from 'vitest';
import { alignedColumns, emptyTable, mergeReadings, trimBefore, valuesAt, type TrendTable } from './trendTable.ts';

/** A raw table of two sensors: sensor 0 at 1000 and 3000, sensor 1 at 2000. */
function twoSensors(): TrendTable {
  const table = emptyTable(2, 'raw');
  mergeReadings(table, [
    { slot: 0, tsMs: 1000, value: 10 },
    { slot: 1, tsMs: 2000, value: 20 },
    { slot: 0, tsMs: 3000, value: 30 },
  ]);
  return table;
}

describe('trend tables (PLAT-3 live tail)', () => {
  it('lays sensors out on shared times, null where a sensor has no reading', () => {
    const table = twoSensors();
    expect(table.x).toEqual([1000, 2000, 3000]);
    expect(table.values).toEqual([
      [10, null, 30],
      [null, 20, null],
    ]);
    expect(alignedColumns(table)).toEqual([table.x, table.values[0], table.min[0], table.max[0], table.values[1], table.min[1], table.max[1]]);
    expect(table.min[0]).toEqual([null, null, null]);
  });

  it('appends live readings at the end and ignores repeats of readings it holds', () => {
    const table = twoSensors();
    const x = table.x;
    expect(mergeReadings(table, [{ slot: 1, tsMs: 4000, value: 40 }, { slot: 0, tsMs: 3000, value: 30 }])).toBe(1);
    // The chart's arrays are mutated in place, not replaced.
    expect(table.x).toBe(x);
    expect(table.x).toEqual([1000, 2000, 3000, 4000]);
    expect(table.values[1]).toEqual([null, 20, null, 40]);
    expect(mergeReadings(table, [{ slot: 1, tsMs: 4000, value: 40 }])).toBe(0);
  });

  it('puts a late reading in time order and a reading at an existing time in that row', () => {
    const table = twoSensors();
    mergeReadings(table, [{ slot: 1, tsMs: 1500, value: 15 }, { slot: 1, tsMs: 3000, value: 31 }]);
    expect(table.x).toEqual([1000, 1500, 2000, 3000]);
    expect(table.values[1]).toEqual([null, 15, 20, 31]);
    expect(table.values[0]).toEqual([10, null, null, 30]);
  });

  it('skips readings of unknown sensors and non-finite readings', () => {
    const table = twoSensors();
    expect(mergeReadings(table, [{ slot: 5, tsMs: 9000, value: 1 }, { slot: 0, tsMs: 9000, value: Number.NaN }])).toBe(0);
    expect(table.x).toEqual([1000, 2000, 3000]);
  });

  it('trims old rows but keeps the last one before the cut, so the line enters from the edge', () => {
    const table = twoSensors();
    expect(trimBefore(table, 2500)).toBe(1);
    expect(table.x).toEqual([2000, 3000]);
    expect(table.values).toEqual([
      [null, 30],
      [20, null],
    ]);
    expect(trimBefore(table, 0)).toBe(0);
  });

  it('reads each sensor at a row, or its last value before it', () => {
    const table = twoSensors();
    expect(valuesAt(table, 0)).toEqual([{ tsMs: 1000, value: 10 }, undefined]);
    expect(valuesAt(table, 2)).toEqual([{ tsMs: 3000, value: 30 }, { tsMs: 2000, value: 20 }]);
    expect(valuesAt(table, 99)).toEqual(valuesAt(table, 2));
  });
});
