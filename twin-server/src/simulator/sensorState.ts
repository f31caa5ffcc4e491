/**
 * The mutable state a simulated sensor carries between samples, and the seed-derived keys that
 * tie sensors together: sensors of one flat or station share a `roomKey`, meters on one network
 * element (a feeder, a building's water inlet) share a `loadKey`, so a flat's temperature and
 * humidity, or a feeder's power and energy, agree with each other.
 */
import type { SensorDefinition } from '@twin/protocol';
import type { DeviceStatus } from './deviceBank.ts';
import { streamKey } from './random.ts';

/** A transient episode on top of a signal: a noise event, a VOC spike, a gas leak (MUN-5). */
export interface Episode {
  kind: 'event' | 'leak';
  startMs: number;
  /** Time to rise to about 95 % of `level`. */
  riseMs: number;
  holdMs: number;
  /** Time to decay to about 5 % of `level`. */
  decayMs: number;
  /** Peak contribution, in the sensor's unit. */
  level: number;
  /**
   * The episode's source was cut (a gas supply shut off, MUN-5) at `atMs`: from then on it
   * fades with time constant `tauMs` and never grows again.
   */
  cut?: { atMs: number; tauMs: number };
}

/** A device fault in progress. */
export interface Fault {
  type: 'stuck' | 'dropout';
  untilMs: number;
  /** The frozen reading of a stuck sensor. */
  value: number;
}

/** Options that shape a sensor's behaviour. */
export interface SignalOptions {
  /** Mean time between faults (stuck, dropout, spike) of one sensor, seconds; 0 disables faults. */
  faultMeanIntervalS: number;
  /** Mean time between spontaneous leaks on this gas detector, seconds; 0 means none (MUN-5). */
  gasLeakMeanIntervalS: number;
  /**
   * Rating of the load behind a power or energy meter, kW. An energy meter's range is its
   * register, so the engine passes the rating of the power meter on the same network element.
   */
  powerRatingKw?: number;
}

/** Everything a sensor remembers between samples. */
export interface SensorState {
  /** Keys of stateless noise: the whole site, this sensor, its flat or station, its network element. */
  siteKey: number;
  sensorKey: number;
  roomKey: number;
  loadKey: number;
  /** Urban heat-island offset of the sensor's surroundings, °C (ENV-2). */
  heatIslandC: number;
  options: SignalOptions;
  lastTMs?: number;
  lastValue?: number;
  /** Energy register, kWh. */
  energyKWh?: number;
  episode?: Episode;
  /** A leak forced at this time, to be started at the next sample (MUN-5). */
  forcedLeakAtMs?: number;
  /** Door and gate: open until, forced until. */
  openUntilMs?: number;
  forcedUntilMs?: number;
  /** Parking and camera: the current code. */
  code?: number;
  fault?: Fault;
  /**
   * Gas sensors: since when a closed valve upstream has cut the gas supply, if it has (MUN-5).
   * The engine sets it from the devices before sampling (PLAT-6).
   */
  gasSupplyCutSinceMs?: number;
  /**
   * Indoor air sensors: the status of the building's fresh-air unit (ENV-5). The engine sets it
   * from the devices before sampling (PLAT-6).
   */
  freshAirUnit?: DeviceStatus;
  /** How far the fresh-air unit has cleaned the sensor's room (0 none .. 1 fully), as of `atMs`. */
  freshAir?: { share: number; atMs: number };
}

/** Default options: a fault about every three days per sensor, no spontaneous leaks. */
export const DEFAULT_SIGNAL_OPTIONS: SignalOptions = { faultMeanIntervalS: 3 * 86_400, gasLeakMeanIntervalS: 0 };

/**
 * The place a sensor belongs to, from its id `<place>-<part>-<KIND>-<nn>`: `B03-F12` (a flat),
 * `ZA-PLAZA` (a station). Ids of another shape are their own place.
 */
export function placeOf(sensor: SensorDefinition): string {
  const match = /^(.+)-[A-Z0-9]+-\d+$/.exec(sensor.id);
  return match?.[1] ?? sensor.id;
}

/** The surface around an outdoor sensor, read from its id (`PLAZA`, `ROAD`, `GREEN`). */
export function surfaceOf(sensor: SensorDefinition): 'PLAZA' | 'ROAD' | 'GREEN' | undefined {
  if (sensor.location.placement !== 'outdoor') return undefined;
  const match = /-(PLAZA|ROAD|GREEN)-/.exec(sensor.id);
  return match?.[1] as 'PLAZA' | 'ROAD' | 'GREEN' | undefined;
}

/** Heat-island offsets by surface, °C: paved plazas and roads warmer than the green reference (ENV-2). */
const HEAT_ISLAND_C = { PLAZA: 1.6, ROAD: 1.2, GREEN: 0 } as const;

/** The initial state of `sensor` under `seed`. */
export function createSensorState(sensor: SensorDefinition, seed: number, options: Partial<SignalOptions> = {}): SensorState {
  const place = placeOf(sensor);
  const surface = surfaceOf(sensor);
  const outdoor = sensor.location.placement === 'outdoor';
  return {
    siteKey: streamKey(seed, 'site'),
    sensorKey: streamKey(seed, `sensor:${sensor.id}`),
    roomKey: streamKey(seed, `room:${place}`),
    loadKey: streamKey(seed, `load:${sensor.location.networkElement ?? place}`),
    heatIslandC: outdoor ? (surface === undefined ? 0.8 : HEAT_ISLAND_C[surface]) : 0,
    options: { ...DEFAULT_SIGNAL_OPTIONS, ...options },
  };
}
