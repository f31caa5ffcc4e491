import { describe, expect, it } from 'vitest';
import { decodeLiveFrame, encodeLiveFrame, LIVE_FRAME_SNAPSHOT } from '@twin/protocol';
import { TelemetryStore } from './telemetryStore.ts';

const frame = (flags: number, revision: number, readings: Array<[number, number, number]>) =>
  decodeLiveFrame(
    encodeLiveFrame({
      flags,
      registryRevision: revision,
      serverTimeMs: 0,
      count: readings.length,
      sensorIndices: readings.map((r) => r[0]),
      timestampsMs: readings.map((r) => r[1]),
      values: readings.map((r) => r[2]),
    }),
  );

describe('TelemetryStore', () => {
  it('writes frames into typed arrays and tells listeners', () => {
    const store = new TelemetryStore(4, 7);
    let calls = 0;
    store.onChange(() => calls++);
    expect(store.apply(frame(LIVE_FRAME_SNAPSHOT, 7, [[0, 1000, 21.5], [3, 1000, 400]]))).toBe(true);
    expect(store.apply(frame(0, 7, [[3, 2000, 420]]))).toBe(true);
    expect([...store.values].map((v) => (Number.isNaN(v) ? null : v))).toEqual([21.5, null, null, 420]);
    expect(store.versions[3]).toBe(2);
    expect(calls).toBe(2);
  });

  it('keeps the newer value when an older delta arrives late', () => {
    const store = new TelemetryStore(1, 1);
    store.apply(frame(0, 1, [[0, 2000, 5]]));
    store.apply(frame(0, 1, [[0, 1000, 4]]));
    expect(store.values[0]).toBe(5);
  });

  it('ignores frames of another registry revision', () => {
    const store = new TelemetryStore(1, 1);
    expect(store.apply(frame(0, 2, [[0, 1, 1]]))).toBe(false);
    expect(store.staleFrames).toBe(1);
    expect(Number.isNaN(store.values[0]!)).toBe(true);
  });
});
