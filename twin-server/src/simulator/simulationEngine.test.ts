import { generateRegistry } from '@twin/models';
import { SENSOR_KINDS, type SensorKind } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { parseTelemetry } from '../ingest/parseTelemetry.ts';
import { ReadingBuffer } from '../ingest/readingBuffer.ts';
import { RejectionList } from '../ingest/rejectionList.ts';
import { SensorCatalog } from '../registry/sensorCatalog.ts';
import type { CompactBatch, SenmlRecord } from './payloads.ts';
import { SimulationEngine, type EngineOptions, type OutgoingMessage } from './simulationEngine.ts';

const registry = generateRegistry();
const START = Date.UTC(2025, 6, 16, 0, 0); // 08:00 local
const areaOf = new Map(registry.sensors.map((s) => [s.id, s.location.area]));
const kindOf = new Map(registry.sensors.map((s) => [s.id, s.kind]));

/** Steps a fresh engine once a second for `seconds` and returns every message. */
function drive(options: Partial<EngineOptions>, seconds: number, start = START): OutgoingMessage[] {
  const engine = new SimulationEngine({ registry, seed: 1, ...options }, start);
  const out: OutgoingMessage[] = [];
  for (let s = 1; s <= seconds; s++) out.push(...engine.step(start + s * 1000));
  return out;
}

describe('SimulationEngine', () => {
  it('publishes the identical sequence of payloads for the same seed and clock', () => {
    const a = drive({ seed: 42, rate: 10 }, 30);
    const b = drive({ seed: 42, rate: 10 }, 30);
    expect(a.length).toBeGreaterThan(30);
    expect(b.map((m) => [m.topic, m.payload])).toEqual(a.map((m) => [m.topic, m.payload]));
  });

  it('publishes different payloads for a different seed', () => {
    const a = drive({ seed: 42, rate: 10 }, 10).map((m) => m.payload);
    const b = drive({ seed: 43, rate: 10 }, 10).map((m) => m.payload);
    expect(b).not.toEqual(a);
  });

  it('gives a sensor the same readings whether it runs alone or with the whole community', () => {
    const id = 'B03-F03-CO2-01';
    const readingsOf = (messages: OutgoingMessage[]) =>
      messages.flatMap((m) => {
        const doc = JSON.parse(m.payload) as CompactBatch[] | SenmlRecord[];
        return (doc as CompactBatch[]).filter((b) => b.sensor === id).flatMap((b) => b.readings);
      });
    const alone = readingsOf(drive({ rate: 60, sensors: [id] }, 60));
    expect(alone.length).toBeGreaterThan(30);
    expect(readingsOf(drive({ rate: 60 }, 60))).toEqual(alone);
  });

  it('honours samplingIntervalS scaled by the rate', () => {
    const id = 'B03-F03-LEL-01'; // 5 s interval
    const count = (rate: number) => drive({ rate, sensors: [id], faultMeanIntervalS: 0 }, 100).reduce((n, m) => n + m.readings, 0);
    expect(count(1)).toBe(20);
    expect(count(10)).toBe(200);
  });

  it('batches most sensors per area on twin/v1/telemetry and sends a subset as SenML on their own topics', () => {
    const messages = drive({ rate: 60 }, 5);
    const batches = messages.filter((m) => m.format === 'batch');
    const senml = messages.filter((m) => m.format === 'senml');
    expect(batches.length).toBeGreaterThan(0);
    expect(senml.length).toBeGreaterThan(0);
    for (const m of batches) {
      expect(m.topic).toBe('twin/v1/telemetry');
      const doc = JSON.parse(m.payload) as CompactBatch[];
      expect(Array.isArray(doc)).toBe(true);
      expect(new Set(doc.map((b) => areaOf.get(b.sensor))).size).toBe(1);
      for (const batch of doc) {
        expect(Object.keys(batch)).toEqual(['sensor', 'readings']);
        for (const [ts, v] of batch.readings) {
          expect(Number.isInteger(ts)).toBe(true);
          expect(Number.isFinite(v)).toBe(true);
        }
      }
    }
    const senmlSensors = new Set(senml.map((m) => m.topic));
    const batchReadings = batches.reduce((n, m) => n + m.readings, 0);
    expect(senmlSensors.size).toBeLessThan(registry.sensors.length / 3);
    expect(batchReadings).toBeGreaterThan(senml.reduce((n, m) => n + m.readings, 0));
  });

  it('writes SenML per the convention: bn "<id>/", n the kind, bu the canonical unit, t in epoch seconds', () => {
    for (const m of drive({ rate: 60 }, 5).filter((x) => x.format === 'senml')) {
      const id = m.topic.slice('twin/v1/telemetry/'.length);
      const kind = kindOf.get(id)!;
      const pack = JSON.parse(m.payload) as SenmlRecord[];
      expect(pack[0]!.bn).toBe(`${id}/`);
      expect(pack[0]!.bu).toBe(SENSOR_KINDS[kind].unit);
      for (const record of pack) {
        expect(record.n).toBe(kind);
        expect(record.t).toBeGreaterThan(2 ** 28);
        expect(record.t * 1000).toBeGreaterThanOrEqual(START);
        expect(typeof record.v).toBe('number');
      }
    }
  });

  it("produces payloads the server's ingest parser accepts in full (PLAT-10)", () => {
    const catalog = new SensorCatalog(registry);
    const out = new ReadingBuffer();
    const rejects = new RejectionList();
    let sent = 0;
    const kinds = new Set<SensorKind>();
    for (const m of drive({ rate: 120 }, 10)) {
      const defaultSensor = m.topic === 'twin/v1/telemetry' ? undefined : m.topic.split('/')[3];
      parseTelemetry(m.payload, { catalog, nowMs: START + 10_000, maxFutureMs: 300_000, maxPastMs: 86_400_000, maxPayloadBytes: 4 * 1024 * 1024, ...(defaultSensor === undefined ? {} : { defaultSensor }) }, out, rejects);
      sent += m.readings;
      for (const k of Object.keys(m.kinds)) kinds.add(k as SensorKind);
    }
    expect(rejects.details).toEqual([]);
    expect(out.count).toBe(sent);
    expect(kinds.size).toBe(Object.keys(SENSOR_KINDS).length);
  });

  it('splits payloads to stay under maxPayloadBytes without losing readings', () => {
    const small = drive({ rate: 100, maxPayloadBytes: 2048 }, 3);
    const large = drive({ rate: 100 }, 3);
    for (const m of small.filter((x) => x.format === 'batch')) expect(m.payload.length).toBeLessThanOrEqual(2048);
    const total = (ms: OutgoingMessage[]) => ms.reduce((n, m) => n + m.readings, 0);
    expect(total(small)).toBe(total(large));
    expect(small.length).toBeGreaterThan(large.length);
  });

  it('MUN-5 forceGasLeak drives the detector past 20 %LEL within a minute', () => {
    const id = 'B05-GV-LEL-01';
    const engine = new SimulationEngine({ registry, seed: 3, sensors: [id] }, START);
    engine.forceGasLeak(id, START + 500);
    const values: number[] = [];
    for (let s = 1; s <= 60; s++) {
      for (const m of engine.step(START + s * 1000)) {
        const doc = JSON.parse(m.payload) as CompactBatch[] | SenmlRecord[];
        if (m.format === 'senml') values.push(...(doc as SenmlRecord[]).map((r) => r.v));
        else values.push(...(doc as CompactBatch[]).flatMap((b) => b.readings.map(([, v]) => v)));
      }
    }
    expect(Math.max(...values)).toBeGreaterThanOrEqual(20);
  });

  it('refuses to force a leak on a sensor that is not a simulated gas detector', () => {
    const engine = new SimulationEngine({ registry, seed: 1, sensors: ['B03-F03-CO2-01'] }, START);
    expect(() => engine.forceGasLeak('B03-F03-CO2-01', START)).toThrow(/not a gas detector/);
    expect(() => engine.forceGasLeak('B03-F03-LEL-01', START)).toThrow(/not simulated/);
    expect(() => new SimulationEngine({ registry, seed: 1, sensors: ['NOPE-1'] }, START)).toThrow(/not in the registry: NOPE-1/);
  });

  it('names one leak-prone detector per seed', () => {
    const a = new SimulationEngine({ registry, seed: 1 }, START).leakProneDetector;
    expect(kindOf.get(a!)).toBe('gas_lel');
    expect(new SimulationEngine({ registry, seed: 1 }, START).leakProneDetector).toBe(a);
  });
});
