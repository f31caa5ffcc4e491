/**
 * The device simulator as a process component: drives the `SimulationEngine` on a clock and
 * publishes its messages to the MQTT broker with QoS 1, authenticated as a device; on the same
 * connection its controllable devices take commands and report their states (PLAT-6).
 */
import { connect as mqttConnect, type MqttClient } from 'mqtt';
import type { SensorKind, SensorRegistry } from '@twin/protocol';
import { DeviceCommandLink, type DeviceLinkStats } from './deviceCommandLink.ts';
import { hashString } from './random.ts';
import { loadReplaySeries, planReplayFeeds, REPLAY_DATASETS, ReplayDataMissingError, type ReplayFeed, type ReplayOptions } from './replay.ts';
import { selectSensors, SimulationEngine, type OutgoingMessage } from './simulationEngine.ts';

/** A clock and timer source; tests inject a fake one and call `Simulator.tick()`. */
export interface SimulatorClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The wall clock. */
export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/** Options of `startSimulator`. */
export interface SimulatorOptions {
  /** Broker URL, e.g. `mqtt://localhost:1883`. */
  mqttUrl: string;
  username?: string;
  password?: string;
  registry: SensorRegistry;
  seed: number;
  /** Speed-up of sampling (default 1): each sensor reports every `samplingIntervalS / rate` seconds. */
  rate?: number;
  /** Ids of the sensors to simulate (default all). */
  sensors?: string[];
  /** Real series to replay onto sensors of matching kind; each is skipped with a message when its data are absent. */
  replay?: ReplayOptions | ReplayOptions[];
  /** Gas detectors to put into a leak as soon as the simulator runs (MUN-5 drills). */
  gasLeaks?: string[];
  /** Lines for the operator; default none. */
  log?: (line: string) => void;
  /** MQTT client id (default `twin-sim-<seed>-<hash of the simulated sensor ids>`, stable across restarts). */
  clientId?: string;
  /** How often messages go out, ms (default 1000). */
  tickMs?: number;
  clock?: SimulatorClock;
  /** Mean time between faults per sensor, seconds; 0 disables faults (default three days). */
  faultMeanIntervalS?: number;
  /** Mean time between spontaneous leaks on the leak-prone detector, seconds; 0 disables (default six hours). */
  gasLeakMeanIntervalS?: number;
  /** Share of sensors publishing SenML (default 0.15). */
  senmlShare?: number;
  /** Largest payload, bytes (default 64 KiB). */
  maxPayloadBytes?: number;
  /** Give up connecting after this long, ms (default 30 s). */
  connectTimeoutMs?: number;
}

/** Counters of the telemetry published. */
export interface TelemetryStats {
  sensors: number;
  senmlSensors: number;
  replayedSensors: number;
  /** Messages and readings acknowledged by the broker. */
  messages: number;
  readings: number;
  batchMessages: number;
  senmlMessages: number;
  readingsByKind: Partial<Record<SensorKind, number>>;
  /** Readings produced while disconnected, or whose publish failed. */
  droppedReadings: number;
  publishErrors: number;
  connected: boolean;
}

/**
 * Counters of the telemetry published and of the device commands taken (PLAT-6);
 * `publishErrors` counts failed publishes of telemetry and of state reports.
 */
export type SimulatorStats = TelemetryStats & DeviceLinkStats;

/** A running simulator. */
export interface Simulator {
  readonly clientId: string;
  /** Ids of the simulated sensors. */
  readonly sensorIds: readonly string[];
  /** The detector that leaks by itself now and then, if any. */
  readonly leakProneDetector: string | undefined;
  /** Ids of the devices that take commands on `twin/v1/commands/<deviceId>` (PLAT-6). */
  readonly deviceIds: readonly string[];
  /** Starts a gas leak on a simulated detector now (MUN-5). @throws Error for an unknown or non-gas sensor. */
  forceGasLeak(sensorId: string): void;
  stats(): SimulatorStats;
  /** Samples and publishes whatever is due now; resolves when the broker has acknowledged it. */
  tick(): Promise<void>;
  /** Stops publishing and disconnects; idempotent. */
  stop(): Promise<void>;
}

/** Prepares replay feeds, or explains why there are none. */
function prepareReplay(options: SimulatorOptions, engineSensors: SensorRegistry['sensors'], log: (line: string) => void): ReplayFeed[] {
  const requests = options.replay === undefined ? [] : Array.isArray(options.replay) ? options.replay : [options.replay];
  const feeds: ReplayFeed[] = [];
  for (const request of requests) {
    try {
      const series = loadReplaySeries(request.dataset, request.dataDir);
      const planned = planReplayFeeds(engineSensors, series, request);
      const taken = planned.filter((f) => feeds.some((g) => g.sensorId === f.sensorId));
      if (taken.length > 0) throw new Error(`sensor ${taken[0]!.sensorId} is given two replay series`);
      feeds.push(...planned);
      const targets = planned.map((f) => `${f.sensorId} (${f.kind})`).join(', ') || 'no sensor';
      log(`simulator: replaying ${REPLAY_DATASETS[request.dataset].attribution} at ${request.speedUp ?? 1}x onto ${targets}`);
    } catch (error) {
      if (!(error instanceof ReplayDataMissingError)) throw error;
      log(`simulator: replay skipped: ${error.message}; those sensors stay synthetic`);
    }
  }
  return feeds;
}

/**
 * Connects to the broker and starts publishing.
 * @throws Error when the options are invalid or the broker refuses or cannot be reached.
 * @example
 * const sim = await startSimulator({ mqttUrl: 'mqtt://localhost:1883', username: 'sim', password, registry, seed: 1, rate: 10 });
 * sim.forceGasLeak('B03-F03-LEL-01');
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const log = options.log ?? (() => {});
  const clock = options.clock ?? systemClock;
  const replayFeeds = prepareReplay(options, selectSensors(options.registry, options.sensors), log);
  const engine = new SimulationEngine(
    {
      registry: options.registry,
      seed: options.seed,
      rate: options.rate,
      sensors: options.sensors,
      senmlShare: options.senmlShare,
      maxPayloadBytes: options.maxPayloadBytes,
      faultMeanIntervalS: options.faultMeanIntervalS,
      gasLeakMeanIntervalS: options.gasLeakMeanIntervalS,
      replayFeeds,
    },
    clock.now(),
  );
  const clientId = options.clientId ?? `twin-sim-${options.seed}-${hashString(engine.sensorIds.join(',')).toString(16)}`;
  const client = await connect(options, clientId);
  const commandLink = new DeviceCommandLink(client, engine.devices, () => clock.now(), log);
  await commandLink.start();
  const stats: TelemetryStats = {
    sensors: engine.sensorIds.length,
    senmlSensors: engine.senmlSensorIds.length,
    replayedSensors: engine.replayedSensorIds.length,
    messages: 0,
    readings: 0,
    batchMessages: 0,
    senmlMessages: 0,
    readingsByKind: {},
    droppedReadings: 0,
    publishErrors: 0,
    connected: true,
  };
  client.on('offline', () => {
    stats.connected = false;
    log('simulator: broker connection lost; readings are dropped until it is back');
  });
  client.on('connect', () => {
    if (!stats.connected) log('simulator: reconnected to the broker');
    stats.connected = true;
  });
  client.on('error', (error) => log(`simulator: mqtt error: ${error.message}`));

  const publish = async (message: OutgoingMessage): Promise<void> => {
    try {
      await client.publishAsync(message.topic, message.payload, { qos: 1 });
      stats.messages += 1;
      stats.readings += message.readings;
      if (message.format === 'batch') stats.batchMessages += 1;
      else stats.senmlMessages += 1;
      for (const [kind, n] of Object.entries(message.kinds) as Array<[SensorKind, number]>) stats.readingsByKind[kind] = (stats.readingsByKind[kind] ?? 0) + n;
    } catch (error) {
      stats.publishErrors += 1;
      stats.droppedReadings += message.readings;
      log(`simulator: publish to ${message.topic} failed: ${(error as Error).message}`);
    }
  };

  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const tick = async (): Promise<void> => {
    if (stopped) return;
    if (inFlight !== undefined) return inFlight; // the engine catches up on the next tick
    const messages = engine.step(clock.now());
    if (!client.connected) {
      for (const m of messages) stats.droppedReadings += m.readings;
      return;
    }
    inFlight = Promise.all(messages.map(publish)).then(() => undefined);
    try {
      await inFlight;
    } finally {
      inFlight = undefined;
    }
  };

  for (const id of options.gasLeaks ?? []) {
    engine.forceGasLeak(id, clock.now());
    log(`simulator: gas leak forced on ${id} (MUN-5)`);
  }
  const handle = clock.setInterval(() => void tick(), options.tickMs ?? 1000);
  const deviceIds = engine.devices.devices.map((d) => d.id);
  log(`simulator: ${stats.sensors} sensors (${stats.senmlSensors} SenML, ${stats.replayedSensors} replayed), ${deviceIds.length} devices taking commands, seed ${options.seed}, rate ${options.rate ?? 1}, client ${clientId} -> ${options.mqttUrl}`);

  return {
    clientId,
    sensorIds: engine.sensorIds,
    leakProneDetector: engine.leakProneDetector,
    deviceIds,
    forceGasLeak(sensorId) {
      engine.forceGasLeak(sensorId, clock.now());
      log(`simulator: gas leak forced on ${sensorId} (MUN-5)`);
    },
    stats: () => {
      const link = commandLink.stats();
      return { ...stats, ...link, publishErrors: stats.publishErrors + link.publishErrors, readingsByKind: { ...stats.readingsByKind }, connected: client.connected };
    },
    tick,
    async stop() {
      if (stopped) return;
      stopped = true;
      clock.clearInterval(handle);
      if (inFlight !== undefined) await inFlight.catch(() => undefined);
      await commandLink.close();
      await client.endAsync();
      log(`simulator: stopped after ${stats.messages} messages, ${stats.readings} readings`);
    },
  };
}

/** Connects with retries until `connectTimeoutMs`; a refusal (bad credentials) fails at once. */
async function connect(options: SimulatorOptions, clientId: string): Promise<MqttClient> {
  const timeoutMs = options.connectTimeoutMs ?? 30_000;
  const client = mqttConnect(options.mqttUrl, {
    clientId,
    username: options.username,
    password: options.password,
    clean: true,
    reconnectPeriod: 1000,
    connectTimeout: Math.min(timeoutMs, 10_000),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
      const onConnect = () => settle();
      const onError = (error: Error) => settle(error);
      function settle(error?: Error): void {
        clearTimeout(timer);
        client.off('connect', onConnect);
        client.off('error', onError);
        if (error === undefined) resolve();
        else reject(error);
      }
      client.on('connect', onConnect);
      client.on('error', onError);
    });
    return client;
  } catch (error) {
    client.end(true);
    throw new Error(`simulator could not connect to ${options.mqttUrl}: ${(error as Error).message}`, { cause: error });
  }
}
