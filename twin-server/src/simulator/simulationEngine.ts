/**
 * The simulator without I/O: decides which sensors are due at a given wall time, samples them,
 * and returns the MQTT messages to publish. Time is an argument (`step(nowMs)`), so a fixed
 * sequence of times, a seed and the device commands given with their times produce the same
 * messages, byte for byte.
 */
import type { SensorDefinition, SensorKind, SensorRegistry } from '@twin/protocol';
import { DeviceBank, servedByFreshAir } from './deviceBank.ts';
import { chunk, packGatewayBatches, sensorTelemetryTopic, TELEMETRY_TOPIC, toSenml, type CompactBatch, type Reading } from './payloads.ts';
import { createRng, hashUnit, streamKey, type Rng } from './random.ts';
import type { ReplayFeed } from './replay.ts';
import { sampleValue } from './sampleValue.ts';
import { createSensorState, type SensorState, type SignalOptions } from './sensorState.ts';

/** How the engine runs. */
export interface EngineOptions {
  registry: SensorRegistry;
  seed: number;
  /** Speed-up of sampling: each sensor reports every `samplingIntervalS / rate` seconds (default 1). */
  rate?: number;
  /** Ids of the sensors to simulate (default all). */
  sensors?: string[];
  /** Share of sensors (chosen by a hash of the id) that publish SenML instead of gateway batches (default 0.15). */
  senmlShare?: number;
  /** Largest payload, bytes (default 64 KiB); bigger batches are split. */
  maxPayloadBytes?: number;
  /** Mean time between faults of one sensor, seconds; 0 disables faults (default three days). */
  faultMeanIntervalS?: number;
  /** Mean time between spontaneous leaks on the one leak-prone detector, seconds; 0 disables (default six hours). */
  gasLeakMeanIntervalS?: number;
  /** Real series replayed onto some sensors instead of their models. */
  replayFeeds?: ReplayFeed[];
  /** A sensor more than this far behind (a stalled process) skips ahead instead of catching up (default 5 min). */
  maxCatchUpMs?: number;
}

/** A message to publish. */
export interface OutgoingMessage {
  topic: string;
  payload: string;
  format: 'batch' | 'senml';
  readings: number;
  /** Readings per kind in this message. */
  kinds: Partial<Record<SensorKind, number>>;
}

interface Simulated {
  sensor: SensorDefinition;
  state: SensorState;
  rng: Rng;
  periodMs: number;
  nextMs: number;
  senml: boolean;
  /** The devices the sensor's readings answer to: a gas supply's valves, a fresh-air unit. */
  served: 'gas' | 'fresh-air' | undefined;
  replay?: { feed: ReplayFeed; index: number; cycle: number };
}

/** Default mean time between spontaneous leaks on the leak-prone detector (MUN-5 drills), seconds. */
export const DEFAULT_GAS_LEAK_MEAN_INTERVAL_S = 6 * 3600;

/** The stepping simulator. */
export class SimulationEngine {
  private readonly simulated: Simulated[];
  private readonly byId = new Map<string, Simulated>();
  private readonly maxPayloadBytes: number;
  private readonly maxCatchUpMs: number;
  /** The gas detector that now and then leaks by itself, if any. */
  readonly leakProneDetector: string | undefined;
  /**
   * The registry's controllable devices (PLAT-6), whichever sensors are simulated. Commands
   * applied with `devices.apply(id, command, nowMs)` shape the readings sampled after `nowMs`:
   * a closed gas valve stops its building's leaks growing and its gas flow (MUN-5), a fresh-air
   * unit on cleans its building's indoor air (ENV-5).
   */
  readonly devices: DeviceBank;

  constructor(options: EngineOptions, readonly startMs: number) {
    const rate = options.rate ?? 1;
    if (!(rate > 0) || !Number.isFinite(rate)) throw new Error(`rate must be a positive number, not ${rate}`);
    this.maxPayloadBytes = options.maxPayloadBytes ?? 64 * 1024;
    this.maxCatchUpMs = options.maxCatchUpMs ?? 5 * 60_000;
    const sensors = selectSensors(options.registry, options.sensors);
    const seed = options.seed;
    const detectors = sensors.filter((s) => s.kind === 'gas_lel');
    this.leakProneDetector = detectors.length === 0 ? undefined : detectors[Math.floor(hashUnit(streamKey(seed, 'leak-prone')) * detectors.length)]!.id;
    const senmlShare = options.senmlShare ?? 0.15;
    const feeds = new Map((options.replayFeeds ?? []).map((feed) => [feed.sensorId, feed]));
    const ratings = powerRatings(options.registry);
    this.devices = DeviceBank.fromRegistry(options.registry, startMs);
    this.simulated = sensors.map((sensor) => {
      const signal: Partial<SignalOptions> = {
        faultMeanIntervalS: options.faultMeanIntervalS,
        gasLeakMeanIntervalS: sensor.id === this.leakProneDetector ? (options.gasLeakMeanIntervalS ?? DEFAULT_GAS_LEAK_MEAN_INTERVAL_S) : 0,
      };
      if (signal.faultMeanIntervalS === undefined) delete signal.faultMeanIntervalS;
      const rating = sensor.kind === 'energy' ? ratings.get(sensor.location.networkElement ?? '') : undefined;
      if (rating !== undefined) signal.powerRatingKw = rating;
      const periodMs = (sensor.samplingIntervalS * 1000) / rate;
      const feed = feeds.get(sensor.id);
      const entry: Simulated = {
        sensor,
        state: createSensorState(sensor, seed, signal),
        rng: createRng(streamKey(seed, sensor.id)),
        periodMs,
        // Stagger first reports across one period, as real devices are not in step.
        nextMs: startMs + hashUnit(streamKey(seed, `phase:${sensor.id}`)) * periodMs,
        senml: hashUnit(streamKey(0, `senml:${sensor.id}`)) < senmlShare,
        served: sensor.kind === 'gas_lel' || sensor.kind === 'gas_flow' ? 'gas' : servedByFreshAir(sensor) ? 'fresh-air' : undefined,
      };
      if (feed !== undefined) entry.replay = { feed, index: 0, cycle: 0 };
      this.byId.set(sensor.id, entry);
      return entry;
    });
  }

  /** Ids of the simulated sensors, in registry order. */
  get sensorIds(): string[] {
    return this.simulated.map((s) => s.sensor.id);
  }

  /** Ids of the sensors that publish SenML. */
  get senmlSensorIds(): string[] {
    return this.simulated.filter((s) => s.senml).map((s) => s.sensor.id);
  }

  /** Ids of the sensors driven by replayed series. */
  get replayedSensorIds(): string[] {
    return this.simulated.filter((s) => s.replay !== undefined).map((s) => s.sensor.id);
  }

  /**
   * Starts a leak on a gas detector at `atMs` (MUN-5): its reading climbs past 20 %LEL within
   * tens of seconds, holds, then decays.
   * @throws Error when the sensor is not a simulated gas detector.
   */
  forceGasLeak(sensorId: string, atMs: number): void {
    const entry = this.byId.get(sensorId);
    if (entry === undefined) throw new Error(`sensor ${sensorId} is not simulated`);
    if (entry.sensor.kind !== 'gas_lel') throw new Error(`sensor ${sensorId} is a ${entry.sensor.kind} sensor, not a gas detector (gas_lel)`);
    if (entry.replay !== undefined) throw new Error(`sensor ${sensorId} replays recorded data`);
    entry.state.forcedLeakAtMs = atMs;
    if (entry.nextMs > atMs + 1000) entry.nextMs = atMs; // report the leak without waiting a whole period
  }

  /** Samples every sensor due up to `nowMs` and returns the messages to publish, in a stable order. */
  step(nowMs: number): OutgoingMessage[] {
    const batchesByArea = new Map<string, Array<{ batch: CompactBatch; kind: SensorKind }>>();
    const messages: OutgoingMessage[] = [];
    for (const entry of this.simulated) {
      const readings = entry.replay === undefined ? this.sampleDue(entry, nowMs) : replayDue(entry, this.startMs, nowMs);
      if (readings.length === 0) continue;
      const { sensor } = entry;
      if (entry.senml) {
        for (const part of chunk(readings, 500)) {
          messages.push({ topic: sensorTelemetryTopic(sensor.id), payload: JSON.stringify(toSenml(sensor, part)), format: 'senml', readings: part.length, kinds: { [sensor.kind]: part.length } });
        }
        continue;
      }
      const area = sensor.location.area;
      const list = batchesByArea.get(area) ?? [];
      list.push({ batch: { sensor: sensor.id, readings }, kind: sensor.kind });
      batchesByArea.set(area, list);
    }
    const gateway: OutgoingMessage[] = [];
    for (const list of batchesByArea.values()) {
      const kindOf = new Map(list.map(({ batch, kind }) => [batch.sensor, kind]));
      for (const payload of packGatewayBatches(list.map((x) => x.batch), this.maxPayloadBytes)) {
        const parsed = JSON.parse(payload) as CompactBatch[];
        const kinds: Partial<Record<SensorKind, number>> = {};
        let count = 0;
        for (const b of parsed) {
          const kind = kindOf.get(b.sensor)!;
          kinds[kind] = (kinds[kind] ?? 0) + b.readings.length;
          count += b.readings.length;
        }
        gateway.push({ topic: TELEMETRY_TOPIC, payload, format: 'batch', readings: count, kinds });
      }
    }
    return [...gateway, ...messages];
  }

  private sampleDue(entry: Simulated, nowMs: number): Reading[] {
    if (nowMs - entry.nextMs > this.maxCatchUpMs) {
      entry.nextMs += Math.floor((nowMs - entry.nextMs) / entry.periodMs) * entry.periodMs;
    }
    const readings: Reading[] = [];
    if (entry.nextMs <= nowMs) this.updateServingDevices(entry);
    while (entry.nextMs <= nowMs) {
      const tMs = Math.round(entry.nextMs);
      const value = sampleValue(entry.sensor, tMs, entry.state, entry.rng);
      if (value !== null) readings.push([tMs, value]);
      entry.nextMs += entry.periodMs;
    }
    return readings;
  }

  /** Tells the sensor's state what its devices are in; the models compare the times with each sample's. */
  private updateServingDevices(entry: Simulated): void {
    const { state, sensor } = entry;
    if (entry.served === 'gas') state.gasSupplyCutSinceMs = this.devices.gasSupplyCutSinceMs(sensor.location.building);
    else if (entry.served === 'fresh-air') state.freshAirUnit = this.devices.freshAir(sensor.location.building);
  }
}

/** Rating (range maximum) of each power meter, by its network element. */
function powerRatings(registry: SensorRegistry): Map<string, number> {
  const ratings = new Map<string, number>();
  for (const s of registry.sensors) {
    if (s.kind === 'power' && s.range !== undefined && s.location.networkElement !== undefined) ratings.set(s.location.networkElement, s.range.max);
  }
  return ratings;
}

/**
 * The registry's sensors named by `ids` (all when none), in registry order.
 * @throws Error listing ids that are not in the registry.
 */
export function selectSensors(registry: SensorRegistry, ids: string[] | undefined): SensorDefinition[] {
  if (ids === undefined || ids.length === 0) return registry.sensors;
  const wanted = new Set(ids);
  const unknown = ids.filter((id) => !registry.sensors.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`sensors not in the registry: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', ...' : ''}`);
  return registry.sensors.filter((s) => wanted.has(s.id));
}

/** The replayed readings whose shifted time falls in (last played, now]. */
function replayDue(entry: Simulated, startMs: number, nowMs: number): Reading[] {
  const cursor = entry.replay!;
  const { feed } = cursor;
  const readings: Reading[] = [];
  for (;;) {
    if (cursor.index >= feed.offsetsMs.length) {
      if (!feed.loop) break;
      cursor.index = 0;
      cursor.cycle += 1;
    }
    const tMs = Math.round(startMs + (cursor.cycle * feed.cycleMs + feed.offsetsMs[cursor.index]!) / feed.speedUp);
    if (tMs > nowMs) break;
    const value = feed.values[cursor.index]!;
    if (Number.isFinite(value)) readings.push([tMs, value]);
    cursor.index += 1;
    if (readings.length >= 10_000) break; // a very high speed-up catches up over several steps
  }
  return readings;
}
