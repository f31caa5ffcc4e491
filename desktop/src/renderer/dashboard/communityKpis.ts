import { ALARM_SEVERITIES, type AlarmDto, type AlarmSeverity, type SensorDefinition } from '@twin/protocol';
import { isHidden } from '../alarms/alarmStates.ts';
import { limitAt } from '../trends/thresholdLines.ts';

/** A sensor is online while its latest reading is younger than this many sampling intervals. */
export const ONLINE_INTERVALS = 5;

/** The latest values of the sensors a session sees: the telemetry store's arrays and the sensors' frame indices. */
export interface LatestValues {
  sensors: readonly SensorDefinition[];
  /** `frameIndices[i]` indexes `values` and `timestampsMs` for `sensors[i]`. */
  frameIndices: readonly number[];
  /** Latest value by frame index (NaN: none yet). */
  values: ArrayLike<number>;
  /** Time of the latest value by frame index, epoch ms (NaN: none yet). */
  timestampsMs: ArrayLike<number>;
}

/** A sensor's latest reading, as a KPI names it. */
export interface SensorReading {
  sensor: SensorDefinition;
  value: number;
  tsMs: number;
}

/** The air-quality sensor furthest along towards its limit (REQ ENV-5). */
export interface WorstAir extends SensorReading {
  /** The limit in force now (the night value at night, when there is one). */
  limit: number;
  /** `value / limit`: 1 is at the limit. */
  ratio: number;
}

/** The zone with the loudest noise reading (REQ ENV-4), and that reading. */
export interface LoudestZone extends SensorReading {
  area: string;
}

/** Kinds whose readings rank air quality: PM2.5 and CO2, the ENV-5 indicators with limits in the registry. */
const AIR_KINDS: ReadonlySet<string> = new Set(['pm25', 'co2']);

/** Whether a reading at `tsMs` is recent for a sensor sampled every `samplingIntervalS` seconds. */
export function isFresh(tsMs: number, samplingIntervalS: number, nowMs: number): boolean {
  return Number.isFinite(tsMs) && nowMs - tsMs <= ONLINE_INTERVALS * samplingIntervalS * 1000;
}

/** Sensors online (a reading within {@link ONLINE_INTERVALS} sampling intervals of `nowMs`) out of all the session sees (REQ PLAT-3). */
export function sensorsOnline(latest: LatestValues, nowMs: number): { online: number; total: number } {
  let online = 0;
  latest.sensors.forEach((sensor, i) => {
    if (isFresh(latest.timestampsMs[latest.frameIndices[i]!]!, sensor.samplingIntervalS, nowMs)) online++;
  });
  return { online, total: latest.sensors.length };
}

/**
 * Readings stored per second between two samples of the server's counters (`GET /api/stats`),
 * by the server's clock; null when the counter went back (a restart) or no time passed.
 */
export function readingsPerSecond(previous: { stored: number; serverTimeMs: number }, next: { stored: number; serverTimeMs: number }): number | null {
  const seconds = (next.serverTimeMs - previous.serverTimeMs) / 1000;
  const stored = next.stored - previous.stored;
  if (!(seconds > 0) || stored < 0) return null;
  return stored / seconds;
}

/** Alarms whose condition holds now, by severity; shelved, suppressed and out-of-service ones are not counted (REQ PLAT-8). */
export function currentAlarmsBySeverity(alarms: readonly AlarmDto[]): Record<AlarmSeverity, number> {
  const counts = Object.fromEntries(ALARM_SEVERITIES.map((severity) => [severity, 0])) as Record<AlarmSeverity, number>;
  for (const alarm of alarms) if (alarm.active && !isHidden(alarm)) counts[alarm.severity]++;
  return counts;
}

/**
 * The online PM2.5 or CO2 sensor whose latest reading is highest relative to its limit in force
 * at `nowMs` (REQ ENV-5: GB/T 18883 indoors, GB 3095 outdoors, as the registry states them);
 * null when none has a fresh reading and a limit.
 */
export function worstAir(latest: LatestValues, nowMs: number): WorstAir | null {
  let worst: WorstAir | null = null;
  forEachFresh(latest, nowMs, (reading) => {
    if (!AIR_KINDS.has(reading.sensor.kind)) return;
    const limit = limitAt(reading.sensor.thresholds, 'high', nowMs);
    if (limit === undefined || !(limit > 0)) return;
    const ratio = reading.value / limit;
    if (worst === null || ratio > worst.ratio) worst = { ...reading, limit, ratio };
  });
  return worst;
}

/** The zone whose loudest online noise sensor reads highest, in dB(A) (REQ ENV-4); null when no noise sensor is online. */
export function loudestZone(latest: LatestValues, nowMs: number): LoudestZone | null {
  let loudest: LoudestZone | null = null;
  forEachFresh(latest, nowMs, (reading) => {
    if (reading.sensor.kind !== 'noise') return;
    if (loudest === null || reading.value > loudest.value) loudest = { ...reading, area: reading.sensor.location.area };
  });
  return loudest;
}

function forEachFresh(latest: LatestValues, nowMs: number, visit: (reading: SensorReading) => void): void {
  latest.sensors.forEach((sensor, i) => {
    const index = latest.frameIndices[i]!;
    const tsMs = latest.timestampsMs[index]!;
    const value = latest.values[index]!;
    if (Number.isFinite(value) && isFresh(tsMs, sensor.samplingIntervalS, nowMs)) visit({ sensor, value, tsMs });
  });
}
