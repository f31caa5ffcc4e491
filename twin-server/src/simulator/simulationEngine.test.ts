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

/** Every reading of `sensorId` in `messages`, as [tsMs, value]. */
function readingsOf(messages: OutgoingMessage[], sensorId: string): Array<[number, number]> {
  return messages.flatMap((m): Array<[number, number]> => {
    const doc = JSON.parse(m.payload) as CompactBatch[] | SenmlRecord[];
    if (m.format === 'senml') return m.topic.endsWith(`/${sensorId}`) ? (doc as SenmlRecord[]).map((r) => [Math.round(r.t * 1000), r.v]) : [];
    return (doc as CompactBatch[]).filter((b) => b.sensor === sensorId).flatMap((b) => b.readings);
  });
}

function command(command: 'open' | 'close' | 'on' | 'off', atMs: number) {
  return { commandId: `${command}@${atMs}`, command, issuedAtMs: atMs };
}

describe('SimulationEngine obeying device commands (PLAT-6)', () => {
  const B01 = 'B01-F03-LEL-01';
  const B02 = 'B02-F03-LEL-01';
  const gasSensors = [B01, B02, 'B01-IN-GASFLOW-01', 'B02-IN-GASFLOW-01', 'B01-F03-GASFLOW-01'];

  /**
   * Forces leaks on both detectors a period before START, so both sample on whole multiples of
   * 5 s from START; steps once a second and calls `at` before each step.
   */
  function driveLeaks(seconds: number, at: (engine: SimulationEngine, nowMs: number) => void): OutgoingMessage[] {
    const engine = new SimulationEngine({ registry, seed: 4, sensors: gasSensors, faultMeanIntervalS: 0, gasLeakMeanIntervalS: 0 }, START);
    engine.forceGasLeak(B01, START - 5000);
    engine.forceGasLeak(B02, START - 5000);
    const out: OutgoingMessage[] = [];
    for (let s = 0; s <= seconds; s++) {
      at(engine, START + s * 1000);
      out.push(...engine.step(START + s * 1000));
    }
    return out;
  }

  const T = START + 35_000; // the leaks are still climbing

  it('MUN-5 a closed B01/GAS-ESV stops the B01 leak growing at the next sample, and the gas falls below 20 %LEL', () => {
    const messages = driveLeaks(600, (engine, nowMs) => {
      // After the step at T: the sample at T is the last one with gas flowing.
      if (nowMs === T + 1000) expect(engine.devices.apply('B01/GAS-ESV', command('close', T), T).applied).toBe(true);
    });
    const b01 = readingsOf(messages, B01);
    const atT = b01.find(([ts]) => ts === T)![1];
    const later = b01.filter(([ts]) => ts > T).map(([, v]) => v);
    expect(Math.max(...b01.filter(([ts]) => ts < T).map(([, v]) => v))).toBeLessThan(atT);
    expect(atT).toBeGreaterThanOrEqual(20);
    expect(Math.max(...later)).toBeLessThanOrEqual(atT);
    expect(later[0]!).toBeLessThan(atT);
    const belowAlarm = b01.find(([ts, v]) => ts > T && v < 20);
    expect(belowAlarm![0] - T).toBeLessThanOrEqual(4 * 60_000);
    expect(readingsOf(messages, 'B01-IN-GASFLOW-01').filter(([ts]) => ts > T).every(([, v]) => v === 0)).toBe(true);
    expect(readingsOf(messages, 'B01-F03-GASFLOW-01').filter(([ts]) => ts > T).every(([, v]) => v === 0)).toBe(true);
  });

  it("MUN-5 leaves a leak in B02 to run its course when B01's valve closes", () => {
    const messages = driveLeaks(120, (engine, nowMs) => {
      if (nowMs === T + 1000) engine.devices.apply('B01/GAS-ESV', command('close', T), T);
    });
    const b02 = readingsOf(messages, B02);
    const atT = b02.find(([ts]) => ts === T)![1];
    expect(Math.max(...b02.filter(([ts]) => ts > T).map(([, v]) => v))).toBeGreaterThan(atT + 2);
    expect(readingsOf(messages, 'B02-IN-GASFLOW-01').filter(([ts]) => ts > T).some(([, v]) => v > 0)).toBe(true);
  });

  it('MUN-5 closing the station valve GAS-RS-01-ESV cuts every building, while the building valves stay open', () => {
    let engineRef: SimulationEngine | undefined;
    const messages = driveLeaks(300, (engine, nowMs) => {
      engineRef = engine;
      if (nowMs === T + 1000) engine.devices.apply('GAS-RS-01-ESV', command('close', T), T);
    });
    for (const id of [B01, B02]) {
      const series = readingsOf(messages, id);
      const atT = series.find(([ts]) => ts === T)![1];
      expect(Math.max(...series.filter(([ts]) => ts > T).map(([, v]) => v))).toBeLessThanOrEqual(atT);
    }
    for (const id of ['B01-IN-GASFLOW-01', 'B02-IN-GASFLOW-01']) expect(readingsOf(messages, id).filter(([ts]) => ts > T).every(([, v]) => v === 0)).toBe(true);
    expect(engineRef!.devices.status('B01/GAS-ESV')!.state).toBe('open');
  });

  it('MUN-5 lets no leak start behind a closed valve, and gas flows again once it reopens', () => {
    const engine = new SimulationEngine({ registry, seed: 4, sensors: [B01, 'B01-IN-GASFLOW-01'], faultMeanIntervalS: 0, gasLeakMeanIntervalS: 0 }, START);
    engine.devices.apply('B01/GAS-ESV', command('close', START), START);
    engine.forceGasLeak(B01, START + 1000);
    const out: OutgoingMessage[] = [];
    for (let s = 1; s <= 300; s++) {
      if (s === 180) engine.devices.apply('B01/GAS-ESV', command('open', START + s * 1000), START + s * 1000);
      out.push(...engine.step(START + s * 1000));
    }
    expect(Math.max(...readingsOf(out, B01).map(([, v]) => v))).toBeLessThan(2);
    const flow = readingsOf(out, 'B01-IN-GASFLOW-01');
    expect(flow.filter(([ts]) => ts < START + 180_000).every(([, v]) => v === 0)).toBe(true);
    expect(flow.filter(([ts]) => ts >= START + 180_000).some(([, v]) => v > 0)).toBe(true);
  });

  it('ENV-5 B01/FRESH-AIR on brings indoor CO2 and PM2.5 toward clean air within half an hour, and they drift back once it is off', () => {
    const night = Date.UTC(2025, 6, 15, 18, 0); // 02:00 local: bedrooms full of CO2
    const sensors = ['B01-F03-CO2-01', 'B01-F03-PM25-01', 'B02-F03-CO2-01'];
    const run = (freshAir: boolean) => {
      const engine = new SimulationEngine({ registry, seed: 6, sensors, faultMeanIntervalS: 0 }, night);
      const out: OutgoingMessage[] = [];
      for (let minute = 1; minute <= 120; minute++) {
        const nowMs = night + minute * 60_000;
        if (freshAir && minute === 1) engine.devices.apply('B01/FRESH-AIR', command('on', nowMs), nowMs);
        if (freshAir && minute === 40) engine.devices.apply('B01/FRESH-AIR', command('off', nowMs), nowMs);
        out.push(...engine.step(nowMs));
      }
      return out;
    };
    const ventilated = run(true);
    const natural = run(false);
    const at = (messages: OutgoingMessage[], id: string, minute: number) => readingsOf(messages, id).find(([ts]) => ts > night + minute * 60_000)![1];
    const excessCo2 = (messages: OutgoingMessage[], minute: number) => at(messages, 'B01-F03-CO2-01', minute) - 420;
    expect(excessCo2(natural, 35)).toBeGreaterThan(150);
    expect(excessCo2(ventilated, 35)).toBeLessThan(0.4 * excessCo2(natural, 35));
    expect(at(ventilated, 'B01-F03-PM25-01', 35) - 5).toBeLessThan(0.4 * (at(natural, 'B01-F03-PM25-01', 35) - 5));
    expect(excessCo2(ventilated, 110)).toBeGreaterThan(0.8 * excessCo2(natural, 110));
    expect(readingsOf(ventilated, 'B02-F03-CO2-01')).toEqual(readingsOf(natural, 'B02-F03-CO2-01'));
  });
});
