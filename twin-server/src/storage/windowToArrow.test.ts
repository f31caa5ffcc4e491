import { describe, expect, it } from 'vitest';
import { DataType, TimeUnit, tableFromIPC } from 'apache-arrow';
import { TelemetryStore } from './telemetryStore.ts';
import type { RawWindow, RollupWindow } from './telemetryTypes.ts';
import { T0, batchOf, testSensor } from './testing/storageFixtures.ts';
import { windowToArrow, windowToJson } from './windowToArrow.ts';

const raw: RawWindow = {
  resolution: 'raw',
  rowCount: 4,
  truncated: true,
  sensorIds: ['B01-NOISE', 'B02-CO2', 'B01-NOISE', 'B02-CO2'],
  tsMs: Float64Array.of(T0, T0, T0 + 1, 2 ** 52 + 3),
  values: Float64Array.of(41.5, 612, -0.25, 1e-9),
};

const rollup: RollupWindow = {
  resolution: '1m',
  rowCount: 2,
  truncated: false,
  sensorIds: ['B01-NOISE', 'B01-NOISE'],
  tsMs: Float64Array.of(T0, T0 + 60_000),
  count: Int32Array.of(60, 3_600_000),
  min: Float64Array.of(30, 31),
  max: Float64Array.of(50, 51),
  mean: Float64Array.of(40.25, 41),
  last: Float64Array.of(44, 45),
};

describe('windows as Arrow IPC streams', () => {
  it('decodes a raw window to the same numbers with the documented types', () => {
    const table = tableFromIPC(windowToArrow(raw));
    expect(table.numRows).toBe(4);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['sensor_id', 'ts', 'value']);
    const [id, ts, value] = table.schema.fields.map((f) => f.type as DataType);
    expect(DataType.isDictionary(id)).toBe(true);
    expect(DataType.isUtf8((id as unknown as { dictionary: DataType }).dictionary)).toBe(true);
    expect(DataType.isTimestamp(ts)).toBe(true);
    expect((ts as unknown as { unit: TimeUnit }).unit).toBe(TimeUnit.MILLISECOND);
    expect(DataType.isFloat(value)).toBe(true);
    expect(table.schema.metadata.get('resolution')).toBe('raw');
    expect(table.schema.metadata.get('truncated')).toBe('true');
    expect(table.getChild('sensor_id')!.toArray()).toEqual(raw.sensorIds);
    expect([...table.getChild('ts')!]).toEqual([...raw.tsMs]);
    expect(table.getChild('value')!.toArray()).toEqual(raw.values);
  });

  it('decodes a rollup window with Int32 counts and Float64 aggregates', () => {
    const table = tableFromIPC(windowToArrow(rollup));
    expect(table.schema.fields.map((f) => f.name)).toEqual(['sensor_id', 'ts', 'count', 'min', 'max', 'mean', 'last']);
    expect(DataType.isInt(table.schema.fields[2]!.type)).toBe(true);
    expect(table.getChild('count')!.toArray()).toEqual(rollup.count);
    expect([...table.getChild('ts')!]).toEqual([...rollup.tsMs]);
    for (const name of ['min', 'max', 'mean', 'last'] as const) expect(table.getChild(name)!.toArray()).toEqual(rollup[name]);
  });

  it('encodes an empty window', () => {
    const table = tableFromIPC(windowToArrow({ ...raw, rowCount: 0, sensorIds: [], tsMs: new Float64Array(0), values: new Float64Array(0), truncated: false }));
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.length).toBe(3);
  });

  it('round-trips a stored window', async () => {
    const store = await TelemetryStore.open(':memory:');
    try {
      const [a, b] = await store.syncSensors([testSensor('a'), testSensor('b')]);
      await store.commitReadings(batchOf(Array.from({ length: 3000 }, (_, i) => [i % 3 === 0 ? a! : b!, T0 + i * 100, Math.cos(i)] as const)));
      for (const resolution of ['raw', '1m', '1h'] as const) {
        const window = await store.queryWindow({ sensorIds: ['a', 'b'], fromMs: T0, toMs: T0 + 3_600_000, resolution, limit: 10_000 });
        const table = tableFromIPC(windowToArrow(window));
        expect(table.numRows).toBe(window.rowCount);
        expect(table.getChild('sensor_id')!.toArray()).toEqual(window.sensorIds);
        expect([...table.getChild('ts')!]).toEqual([...window.tsMs]);
        if (window.resolution === 'raw') expect(table.getChild('value')!.toArray()).toEqual(window.values);
        else expect(table.getChild('mean')!.toArray()).toEqual(window.mean);
      }
    } finally {
      await store.close();
    }
  });
});

describe('windows as JSON', () => {
  it('gives one plain object per row with epoch-ms numbers', () => {
    expect(windowToJson(raw).slice(0, 2)).toEqual([
      { sensorId: 'B01-NOISE', tsMs: T0, value: 41.5 },
      { sensorId: 'B02-CO2', tsMs: T0, value: 612 },
    ]);
    expect(windowToJson(rollup)[1]).toEqual({ sensorId: 'B01-NOISE', tsMs: T0 + 60_000, count: 3_600_000, min: 31, max: 51, mean: 41, last: 45 });
    expect(JSON.parse(JSON.stringify(windowToJson(rollup)))).toEqual(windowToJson(rollup));
  });
});
