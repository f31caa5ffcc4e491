import { describe, expect, it } from 'vitest';
import { decodeLiveFrame, encodeLiveFrame, type SensorDefinition } from '@twin/protocol';
import { TelemetryStore } from '../../telemetry/telemetryStore.ts';
import { buildSensorMarkers } from '../build/sensorMarkers.ts';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { FieldSampler } from './fieldSampler.ts';
import { LiveSensors } from './liveSensors.ts';
import { SENSOR_STATE } from './sensorState.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 0, slopeX: 0, slopeZ: 0 } });
const sensor = (id: string, kind: 'temperature' | 'gas_lel', placement: 'indoor' | 'outdoor', lon: number): SensorDefinition => ({
  id,
  kind,
  unit: kind === 'temperature' ? 'Cel' : '%LEL',
  name: id,
  location: { lon, lat: 22.54, heightM: 1.5, area: 'zone-a', placement },
  samplingIntervalS: 60,
  range: { min: -40, max: 100 },
  thresholds: { day: { high: kind === 'temperature' ? 35 : 20 } },
});
/** The list the server gives: registry indices 10, 11, 12, 13 of a registry of 20 sensors. */
const list = [sensor('T-WEST', 'temperature', 'outdoor', 114.059), sensor('T-EAST', 'temperature', 'outdoor', 114.061), sensor('T-ROOM', 'temperature', 'indoor', 114.06), sensor('LEL', 'gas_lel', 'indoor', 114.06)];
const markers = buildSensorMarkers(list, frame, { revision: 5, registrySize: 20, indices: [10, 11, 12, 13] });
/** 14:00 in Shenzhen. */
const NOW = Date.UTC(2024, 5, 1, 6, 0);

/** The console's store of a registry of 20 sensors at `revision`, with `readings` ([registry index, value]) a second old. */
function storeWith(readings: Array<[number, number]>, revision = 5): TelemetryStore {
  const store = new TelemetryStore(20, revision);
  const bytes = encodeLiveFrame({ flags: 1, registryRevision: revision, serverTimeMs: NOW, count: readings.length, sensorIndices: readings.map((r) => r[0]), timestampsMs: readings.map(() => NOW - 1000), values: readings.map((r) => r[1]) });
  store.apply(decodeLiveFrame(bytes));
  return store;
}

const liveWith = (readings: Array<[number, number]>) => new LiveSensors(markers, storeWith(readings));

describe('LiveSensors', () => {
  it('PLAT-3 classifies each marker from the reading at its registry index and lists the leaks (MUN-5)', () => {
    const live = liveWith([[10, 30], [11, 36], [13, 42]]);
    expect(live.sweep(NOW)).toBe(true);
    expect([...live.states]).toEqual([SENSOR_STATE.normal, SENSOR_STATE.overLimit, SENSOR_STATE.noData, SENSOR_STATE.gasLeak]);
    expect([...live.leaks.subarray(0, live.leakCount)]).toEqual([3]);
    const revision = live.statesRevision;
    expect(live.sweep(NOW)).toBe(false);
    expect(live.statesRevision).toBe(revision);
    // Five sampling intervals later, everything is stale.
    expect(live.sweep(NOW + 5 * 60_000)).toBe(true);
    expect([...live.states]).toEqual([SENSOR_STATE.stale, SENSOR_STATE.stale, SENSOR_STATE.noData, SENSOR_STATE.stale]);
    expect(live.leakCount).toBe(0);
  });

  it('PLAT-3 reads the console store only when it indexes the registry revision of the markers', () => {
    const shared = storeWith([[13, 42]]);
    expect(new LiveSensors(markers, shared).telemetry).toBe(shared);
    // Another revision numbers other sensors: nothing is read from it, as without a store.
    for (const store of [storeWith([[13, 42]], 6), null]) {
      const live = new LiveSensors(markers, store);
      live.sweep(NOW);
      expect([...live.states]).toEqual(Array(4).fill(SENSOR_STATE.noData));
    }
  });

  it('ENV-2 samples the outdoor sensors of the overlay with live values, heat island relative to the coolest', () => {
    const live = liveWith([[10, 30], [11, 33], [12, 24]]);
    live.sweep(NOW);
    const place = (i: number, out: Float32Array, o: number) => {
      out[o] = markers.positions[3 * i]!;
      out[o + 1] = markers.positions[3 * i + 2]!;
    };
    const temperature = new FieldSampler(live, 'temperature', place).collect();
    expect(temperature.count).toBe(2);
    expect([...temperature.values.subarray(0, 2)]).toEqual([30, 33]);
    expect(temperature.heat).toEqual({ intensityC: 3, referenceC: 30 });
    const heat = new FieldSampler(live, 'heatIsland', place).collect();
    expect([...heat.values.subarray(0, 2)]).toEqual([0, 3]);
    expect(heat.xs[0]).toBeLessThan(heat.xs[1]!);
  });

  it('changes the sample key when a reading changes', () => {
    const live = liveWith([[10, 30]]);
    live.sweep(NOW);
    const sampler = new FieldSampler(live, 'temperature', (_, out, o) => out.fill(0, o, o + 2));
    const before = sampler.collect().key;
    live.telemetry.apply(decodeLiveFrame(encodeLiveFrame({ flags: 0, registryRevision: 5, serverTimeMs: NOW, count: 1, sensorIndices: [10], timestampsMs: [NOW], values: [31] })));
    expect(sampler.collect().key).not.toBe(before);
  });
});
