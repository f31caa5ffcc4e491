import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeLiveFrame, encodeLiveFrame, type SensorDefinition } from '@twin/protocol';
import type { LiveTelemetry, LiveTelemetryState } from '../../telemetry/liveTelemetry.ts';
import { SensorDirectory } from '../../telemetry/sensorDirectory.ts';
import { TelemetryStore } from '../../telemetry/telemetryStore.ts';
import { LiveReadings } from './liveReadings.ts';

const sensor = (id: string): SensorDefinition => ({ id, kind: 'gas_lel', unit: '%LEL', name: id, location: { lon: 114, lat: 22.5, heightM: 1, area: 'B01', placement: 'indoor' }, samplingIntervalS: 5 });

/** The console's telemetry as the panel sees it: a state, and listeners told when it changes. */
function telemetryOf(state: LiveTelemetryState): { telemetry: LiveTelemetry; set(next: LiveTelemetryState): void } {
  const listeners = new Set<() => void>();
  const telemetry = {
    getState: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as LiveTelemetry;
  return {
    telemetry,
    set(next) {
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

/** A registry of three sensors at `revision`; the detector `LEL-1` is at frame index 2. */
function registry(revision: number) {
  const directory = new SensorDirectory(revision, 3, [sensor('LEL-1'), sensor('LEL-2')], [2, 0]);
  const store = new TelemetryStore(3, revision);
  const write = (index: number, tsMs: number, value: number) =>
    store.apply(decodeLiveFrame(encodeLiveFrame({ flags: 0, registryRevision: revision, serverTimeMs: tsMs, count: 1, sensorIndices: [index], timestampsMs: [tsMs], values: [value] })));
  return { state: { phase: 'live', error: null, directory, store } as LiveTelemetryState, write };
}

describe('live readings of the properties panel (PLAT-3; at most once a second, never per frame)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('MUN-5 shows a reading as soon as it arrives, then at most once a second while frames flow', async () => {
    const { state, write } = registry(1);
    const readings = new LiveReadings(telemetryOf(state).telemetry, ['LEL-1']);
    let published = 0;
    readings.subscribe(() => published++);
    readings.start();
    expect(readings.getSnapshot().size).toBe(0);

    write(2, 1000, 35);
    expect(published).toBe(1);
    expect(readings.getSnapshot().get('LEL-1')).toEqual({ value: 35, tsMs: 1000 });

    for (let i = 1; i <= 20; i++) write(2, 1000 + i, 35 + i);
    expect(published).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(published).toBe(2);
    expect(readings.getSnapshot().get('LEL-1')).toEqual({ value: 55, tsMs: 1020 });
  });

  it('publishes nothing for frames of sensors it does not show, and nothing once stopped', async () => {
    const { state, write } = registry(1);
    const readings = new LiveReadings(telemetryOf(state).telemetry, ['LEL-1']);
    let published = 0;
    readings.subscribe(() => published++);
    const stop = readings.start();
    write(0, 1000, 3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(published).toBe(0);
    stop();
    write(2, 2000, 35);
    await vi.advanceTimersByTimeAsync(1000);
    expect(published).toBe(0);
    expect(readings.getSnapshot().size).toBe(0);
  });

  it('reads the store that replaces the old one when the registry changes', async () => {
    const first = registry(1);
    const { telemetry, set } = telemetryOf(first.state);
    const readings = new LiveReadings(telemetry, ['LEL-1']);
    readings.start();
    first.write(2, 1000, 35);
    const second = registry(2);
    second.write(2, 3000, 12);
    set(second.state);
    await vi.advanceTimersByTimeAsync(1000);
    expect(readings.getSnapshot().get('LEL-1')).toEqual({ value: 12, tsMs: 3000 });
    // The old store is no longer followed.
    first.write(2, 4000, 80);
    await vi.advanceTimersByTimeAsync(1000);
    expect(readings.getSnapshot().get('LEL-1')).toEqual({ value: 12, tsMs: 3000 });
  });
});
