/**
 * The `twin simulate` command: loads and validates the registry, starts the simulator, applies
 * scenarios, and runs until SIGINT/SIGTERM, an abort signal or the chosen duration.
 */
import { readFileSync } from 'node:fs';
import { defaultRegistryPath } from '@twin/models';
import { sensorRegistrySchema, type SensorRegistry } from '@twin/protocol';
import type { ReplayDataset, ReplayOptions } from './replay.ts';
import { startSimulator, type Simulator, type SimulatorStats } from './startSimulator.ts';

/** Options as the command line gives them (numbers may arrive as strings, lists as comma-separated text). */
export interface SimulateCommandOptions {
  /** Broker URL (default `mqtt://localhost:1883`). */
  mqttUrl?: string;
  username?: string;
  password?: string;
  /** Seed of every random choice (default 1). */
  seed?: number | string;
  /** Speed-up of sampling (default 1). */
  rate?: number | string;
  /** Sensor ids to simulate (default all). */
  sensors?: string | string[];
  /** Registry JSON path (default `models/community/sensors.json`). */
  registry?: string;
  /**
   * Series to replay: comma-separated `<dataset>[:<sensorId>]` items, data sets `occupancy`
   * (UCI occupancy detection) and `dongsi` (alias `beijing-pm25`, UCI Beijing Dongsi station).
   * A data set named without a sensor drives the first simulated sensor of each kind it measures.
   */
  replay?: string;
  /** Replay speed-up (default 1). */
  replaySpeed?: number | string;
  /** First source time to replay, `YYYY-MM-DD HH:MM`. */
  replayFrom?: string;
  /** Folder of the replay data sets (default `../shared/data/sensors` from the repository root). */
  replayDir?: string;
  /** A gas detector to put into a leak at once (MUN-5). */
  gasLeak?: string;
  /** Scenarios: `gas-leak` (the leak-prone detector) or `gas-leak:<sensorId>[@<delayS>]` (MUN-5). */
  scenario?: string | string[];
  /** Stop after this many seconds (default: run until a signal). */
  durationS?: number | string;
  /** `false` turns device faults off (`--no-faults`). */
  faults?: boolean;
  clientId?: string;
  /** Output lines (default `console.log`). */
  log?: (line: string) => void;
  /** Stops the run when aborted. */
  signal?: AbortSignal;
  /** Stop on SIGINT and SIGTERM (default true). */
  handleSignals?: boolean;
}

/** Names accepted for each replay data set. */
const REPLAY_ALIASES: Record<string, ReplayDataset> = {
  occupancy: 'occupancy',
  'uci-occupancy': 'occupancy',
  dongsi: 'dongsi',
  beijing: 'dongsi',
  'beijing-pm25': 'dongsi',
  'beijing-dongsi': 'dongsi',
};

/**
 * Reads a registry file and validates it against `sensorRegistrySchema`.
 * @throws Error naming the file and the first problems when it is unreadable or invalid.
 */
export function loadRegistry(path: string): SensorRegistry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the sensor registry ${path}: ${(error as Error).message}`, { cause: error });
  }
  const result = sensorRegistrySchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`the sensor registry ${path} is not valid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

function toNumber(name: string, value: number | string | undefined, fallback: number, positive: boolean): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || (positive && n <= 0)) throw new Error(`--${name} must be ${positive ? 'a positive number' : 'a number'}, not ${String(value)}`);
  return n;
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * Parses a replay spec such as `occupancy:B01-F03-CO2-01,beijing-pm25:ZA-PLAZA-PM25-01,dongsi`.
 * @throws Error for an unknown data set.
 */
export function parseReplaySpec(spec: string, common: Omit<ReplayOptions, 'dataset' | 'sensors'> = {}): ReplayOptions[] {
  const byDataset = new Map<ReplayDataset, string[]>();
  for (const item of toList(spec)) {
    const colon = item.indexOf(':');
    const name = colon < 0 ? item : item.slice(0, colon);
    const dataset = REPLAY_ALIASES[name];
    if (dataset === undefined) throw new Error(`unknown replay data set ${name}; expected one of ${Object.keys(REPLAY_ALIASES).join(', ')}`);
    const sensors = byDataset.get(dataset) ?? [];
    if (colon >= 0) sensors.push(item.slice(colon + 1));
    byDataset.set(dataset, sensors);
  }
  return [...byDataset].map(([dataset, sensors]) => ({ ...common, dataset, ...(sensors.length > 0 ? { sensors } : {}) }));
}

/** A parsed `gas-leak[:<sensorId>][@<delayS>]` scenario. */
export interface GasLeakScenario {
  sensorId?: string;
  delayS: number;
}

/** Parses scenario texts. @throws Error for an unknown scenario. */
export function parseScenarios(values: string[]): GasLeakScenario[] {
  return values.map((text) => {
    const m = /^gas-leak(?::([^@]+))?(?:@(\d+(?:\.\d+)?))?$/.exec(text);
    if (m === null) throw new Error(`unknown scenario ${text}; expected gas-leak[:<sensorId>][@<delayS>]`);
    return { ...(m[1] === undefined ? {} : { sensorId: m[1] }), delayS: m[2] === undefined ? 0 : Number(m[2]) };
  });
}

/** Schedules the scenarios; checks every sensor first, so a typo fails at start. */
function applyScenarios(simulator: Simulator, scenarios: GasLeakScenario[], log: (line: string) => void): Array<ReturnType<typeof setTimeout>> {
  const resolved = scenarios.map((scenario) => {
    const sensorId = scenario.sensorId ?? simulator.leakProneDetector;
    if (sensorId === undefined) throw new Error('scenario gas-leak: no gas detector is simulated');
    if (!simulator.sensorIds.includes(sensorId)) throw new Error(`scenario gas-leak: sensor ${sensorId} is not simulated`);
    return { sensorId, delayS: scenario.delayS };
  });
  return resolved.map(({ sensorId, delayS }) => {
    if (delayS === 0) {
      simulator.forceGasLeak(sensorId);
      return undefined;
    }
    log(`simulator: gas leak on ${sensorId} in ${delayS} s`);
    return setTimeout(() => {
      try {
        simulator.forceGasLeak(sensorId);
      } catch (error) {
        log(`simulator: ${(error as Error).message}`);
      }
    }, delayS * 1000);
  }).filter((t) => t !== undefined);
}

/**
 * Runs the simulator until SIGINT/SIGTERM, `opts.signal` or `opts.durationS`.
 * @returns the final counters, once stopped.
 * @throws Error when the registry or an option is invalid or the broker cannot be reached.
 */
export async function runSimulation(opts: SimulateCommandOptions = {}): Promise<SimulatorStats> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const registryPath = opts.registry ?? defaultRegistryPath;
  const registry = loadRegistry(registryPath);
  const durationS = opts.durationS === undefined ? undefined : toNumber('duration', opts.durationS, 0, true);
  const scenarios = parseScenarios([...toList(opts.scenario), ...(opts.gasLeak === undefined ? [] : [`gas-leak:${opts.gasLeak}`])]);
  const replay = opts.replay === undefined ? undefined : parseReplaySpec(opts.replay, {
    speedUp: toNumber('replay-speed', opts.replaySpeed, 1, true),
    ...(opts.replayFrom === undefined ? {} : { from: opts.replayFrom }),
    ...(opts.replayDir === undefined ? {} : { dataDir: opts.replayDir }),
  });
  const sensors = toList(opts.sensors);
  const simulator = await startSimulator({
    mqttUrl: opts.mqttUrl ?? 'mqtt://localhost:1883',
    username: opts.username,
    password: opts.password,
    registry,
    seed: toNumber('seed', opts.seed, 1, false),
    rate: toNumber('rate', opts.rate, 1, true),
    sensors: sensors.length === 0 ? undefined : sensors,
    replay,
    clientId: opts.clientId,
    faultMeanIntervalS: opts.faults === false ? 0 : undefined,
    log,
  });
  log(`simulator: registry ${registryPath} (${registry.community.name}, ${registry.sensors.length} sensors)`);

  return new Promise<SimulatorStats>((resolve, reject) => {
    let stopping = false;
    let timers: Array<ReturnType<typeof setTimeout>> = [];
    const stop = (reason: string, failure?: unknown) => {
      if (stopping) return;
      stopping = true;
      if (failure === undefined) log(`simulator: stopping (${reason})`);
      cleanup();
      simulator.stop().then(
        () => (failure === undefined ? resolve(simulator.stats()) : reject(failure)),
        (error: unknown) => reject(failure ?? error),
      );
    };
    const onSignal = (signal: NodeJS.Signals) => stop(signal);
    const onAbort = () => stop('aborted');
    const statsTimer = setInterval(() => {
      const s = simulator.stats();
      const commands = s.commandsReceived > 0 ? `, ${s.commandsApplied} device commands applied, ${s.commandsRefused + s.commandsMalformed} refused` : '';
      log(`simulator: ${s.messages} messages, ${s.readings} readings${s.droppedReadings > 0 ? `, ${s.droppedReadings} dropped` : ''}${commands}${s.connected ? '' : ' (disconnected)'}`);
    }, 60_000);
    statsTimer.unref();
    const durationTimer = durationS === undefined ? undefined : setTimeout(() => stop(`ran ${durationS} s`), durationS * 1000);
    function cleanup(): void {
      clearInterval(statsTimer);
      if (durationTimer !== undefined) clearTimeout(durationTimer);
      for (const t of timers) clearTimeout(t);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      opts.signal?.removeEventListener('abort', onAbort);
    }
    if (opts.handleSignals !== false) {
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    }
    if (opts.signal?.aborted === true) return stop('aborted');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      timers = applyScenarios(simulator, scenarios, log);
    } catch (error) {
      stop('scenario', error);
    }
  });
}

/**
 * The `simulate` command's action (commander passes its parsed options): runs until SIGINT or
 * SIGTERM, then disconnects cleanly.
 */
export async function runSimulateCommand(opts: SimulateCommandOptions = {}): Promise<void> {
  await runSimulation(opts);
}
