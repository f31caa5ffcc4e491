import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeLiveFrame, encodeLiveFrame, type AlarmDto, type StatsDto } from '@twin/protocol';
import { AlarmBook } from '../alarms/alarmBook.ts';
import type { LiveTelemetry, LiveTelemetryState } from '../telemetry/liveTelemetry.ts';
import { SensorDirectory } from '../telemetry/sensorDirectory.ts';
import { TelemetryStore } from '../telemetry/telemetryStore.ts';
import { KpiSampler } from './kpiSampler.ts';

const NOW = Date.UTC(2026, 10, 24, 4, 0); // 12:00 in Shenzhen

function telemetryOf(state: LiveTelemetryState): LiveTelemetry {
  return { getState: () => state, subscribe: () => () => undefined } as unknown as LiveTelemetry;
}

function stats(stored: number, serverTimeMs: number): StatsDto {
  return { serverTimeMs, ingest: { stored } } as StatsDto;
}

describe('the KPI sampler (PLAT-3; refreshed at most once a second, never per frame)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('publishes figures once a second and only when they changed', async () => {
    const directory = new SensorDirectory(1, 1, [{ id: 'N1', kind: 'noise', unit: 'dBA', name: '噪声', location: { lon: 114, lat: 22.5, heightM: 1, area: 'zone-a', placement: 'indoor' }, samplingIntervalS: 30 }], [0]);
    const store = new TelemetryStore(1, 1);
    const book = new AlarmBook({
      schedule: (flush) => {
        const timer = setTimeout(flush, 0);
        return () => clearTimeout(timer);
      },
    });
    let now = NOW;
    let stored = 1000;
    const sampler = new KpiSampler({ telemetry: telemetryOf({ phase: 'live', error: null, directory, store }), alarms: book, fetchStats: async () => stats((stored += 500), now), now: () => now, statsPeriodMs: 5000 });
    let published = 0;
    sampler.subscribe(() => published++);
    const stop = sampler.start();
    expect(sampler.getSnapshot().online).toEqual({ online: 0, total: 1 });
    expect(sampler.getSnapshot().alarms).toBeNull();
    const afterStart = published;

    // Frames arriving between samples reach the figures at the next sample, not at once.
    for (let i = 0; i < 50; i++) store.apply(decodeLiveFrame(encodeLiveFrame({ flags: 0, registryRevision: 1, serverTimeMs: now, count: 1, sensorIndices: [0], timestampsMs: [now - 1000 + i], values: [48 + i / 100] })));
    expect(published).toBe(afterStart);
    await vi.advanceTimersByTimeAsync(1000);
    expect(published).toBe(afterStart + 1);
    expect(sampler.getSnapshot().loudestZone?.value).toBeCloseTo(48.49);
    expect(sampler.getSnapshot().online).toEqual({ online: 1, total: 1 });

    // Nothing changed: nothing published.
    await vi.advanceTimersByTimeAsync(1000);
    expect(published).toBe(afterStart + 1);

    book.applyList({ alarms: [{ id: 'a', ruleId: 'r', sourceId: 'N1', condition: 'high', severity: 'high', state: 'unack_active', active: true, latched: false, layer: 'environment', message: '', messageEn: '', lastEventId: 1, updatedAtMs: now } as AlarmDto], lastEventId: 1 });
    now += 5000;
    // The counters are read at 5 s; the sample after that shows the rate.
    await vi.advanceTimersByTimeAsync(4000);
    expect(sampler.getSnapshot().alarms).toEqual({ critical: 0, high: 1, medium: 0, low: 0 });
    // Two counter samples 5 s apart by the server clock, 500 readings apart.
    expect(sampler.getSnapshot().readingsPerSecond).toBe(100);

    // Five sampling intervals (150 s) without a reading: offline, and no longer the loudest.
    now += 200_000;
    await vi.advanceTimersByTimeAsync(1000);
    expect(sampler.getSnapshot().online).toEqual({ online: 0, total: 1 });
    expect(sampler.getSnapshot().loudestZone).toBeNull();
    stop();
  });

  it('knows nothing of sensors before the sensor list arrives', () => {
    const sampler = new KpiSampler({ telemetry: telemetryOf({ phase: 'loading', error: null, directory: null, store: null }), alarms: null, fetchStats: null, now: () => NOW });
    sampler.sample();
    expect(sampler.getSnapshot()).toEqual({ online: null, readingsPerSecond: null, alarms: null, worstAir: null, loudestZone: null });
  });
});
