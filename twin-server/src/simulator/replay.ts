/**
 * Replaying real measured series onto simulated sensors, time-shifted so the first row plays at
 * the simulator's start and compressed by a speed-up. The data are public data sets kept outside
 * the repository, in `<repo>/../shared/data/sensors`:
 * - `occupancy`: UCI Occupancy Detection (Candanedo & Feldheim 2016, CC-BY-4.0), an office room
 *   each minute: temperature, humidity, light, CO2 (indoor sensors);
 * - `dongsi`: UCI Beijing Multi-Site Air Quality, Dongsi station (Chen 2017, CC-BY-4.0), hourly
 *   PM2.5 and weather (outdoor sensors), with `NA` where the station had no reading.
 * `NA` and other non-numbers mean no reading: the sensor stays silent for that step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { SensorDefinition, SensorKind } from '@twin/protocol';
import { relativeHumidity } from './localTime.ts';

/** The data sets that can be replayed. */
export type ReplayDataset = 'occupancy' | 'dongsi';

/** What to replay, and onto which sensors. */
export interface ReplayOptions {
  dataset: ReplayDataset;
  /** Sensors to drive; each must be of a kind the data set has. Default: the first simulated sensor of each such kind. */
  sensors?: string[];
  /** How many seconds of the series play per second of wall time (default 1). */
  speedUp?: number;
  /** Folder holding the data sets (default `<repo>/../shared/data/sensors`). */
  dataDir?: string;
  /** First source time to play, `YYYY-MM-DD[ HH:MM[:SS]]` in the series' own local time (default: its first row). */
  from?: string;
  /** Start again from the first row after the last (default true). */
  loop?: boolean;
}

/** A parsed series: source times (naive local time read as UTC, ms) and one column per sensor kind. */
export interface ReplaySeries {
  dataset: ReplayDataset;
  file: string;
  timesMs: number[];
  columns: Partial<Record<SensorKind, number[]>>;
}

/** Where each data set lives under the data folder, what it measures and where such sensors are. */
export const REPLAY_DATASETS: Record<ReplayDataset, { file: string; kinds: SensorKind[]; placement: 'indoor' | 'outdoor'; attribution: string }> = {
  occupancy: {
    file: 'uci-occupancy-detection/datatraining.txt',
    kinds: ['temperature', 'humidity', 'illuminance', 'co2'],
    placement: 'indoor',
    attribution: 'UCI Occupancy Detection (Candanedo & Feldheim 2016, CC-BY-4.0)',
  },
  dongsi: {
    file: 'uci-beijing-multisite-air-quality/PRSA_Data_Dongsi_20130301-20170228.csv',
    kinds: ['pm25', 'temperature', 'humidity'],
    placement: 'outdoor',
    attribution: 'UCI Beijing Multi-Site Air Quality, Dongsi station (Chen 2017, CC-BY-4.0)',
  },
};

/** The shared data folder's sensor series: `../shared/data/sensors` from the repository root. */
export const defaultReplayDataDir: string = fileURLToPath(new URL('../../../../shared/data/sensors', import.meta.url));

/** The data set's file is not there (a clone without the shared data folder). */
export class ReplayDataMissingError extends Error {
  override name = 'ReplayDataMissingError';
}

function fields(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

function number(text: string | undefined): number {
  if (text === undefined || text === '' || text === 'NA') return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Naive `YYYY-MM-DD[ T]HH:MM[:SS]` as UTC milliseconds, or NaN. */
export function parseNaiveTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (m === null) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

/** Parses UCI Occupancy Detection text (a header of names, rows led by a row number). */
export function parseOccupancy(text: string, file = 'datatraining.txt'): ReplaySeries {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = fields(lines[0] ?? '');
  const col = (name: string) => header.indexOf(name);
  const series: ReplaySeries = { dataset: 'occupancy', file, timesMs: [], columns: { temperature: [], humidity: [], illuminance: [], co2: [] } };
  for (const line of lines.slice(1)) {
    let row = fields(line);
    if (row.length === header.length + 1) row = row.slice(1); // leading row number
    const t = parseNaiveTime(row[col('date')] ?? '');
    if (Number.isNaN(t)) continue;
    series.timesMs.push(t);
    series.columns.temperature!.push(number(row[col('Temperature')]));
    series.columns.humidity!.push(number(row[col('Humidity')]));
    series.columns.illuminance!.push(number(row[col('Light')]));
    series.columns.co2!.push(number(row[col('CO2')]));
  }
  return series;
}

/** Parses a UCI Beijing Multi-Site station file; relative humidity is derived from TEMP and DEWP. */
export function parseDongsi(text: string, file = 'PRSA_Data_Dongsi.csv'): ReplaySeries {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = fields(lines[0] ?? '');
  const col = (name: string) => header.indexOf(name);
  const series: ReplaySeries = { dataset: 'dongsi', file, timesMs: [], columns: { pm25: [], temperature: [], humidity: [] } };
  for (const line of lines.slice(1)) {
    const row = fields(line);
    const t = Date.UTC(number(row[col('year')]), number(row[col('month')]) - 1, number(row[col('day')]), number(row[col('hour')]));
    if (Number.isNaN(t)) continue;
    const temp = number(row[col('TEMP')]);
    const dew = number(row[col('DEWP')]);
    series.timesMs.push(t);
    series.columns.pm25!.push(number(row[col('PM2.5')]));
    series.columns.temperature!.push(temp);
    series.columns.humidity!.push(Number.isNaN(temp) || Number.isNaN(dew) ? Number.NaN : Math.round(relativeHumidity(temp, dew) * 10) / 10);
  }
  return series;
}

/**
 * Reads and parses a data set.
 * @throws ReplayDataMissingError when the file is absent.
 */
export function loadReplaySeries(dataset: ReplayDataset, dataDir: string = defaultReplayDataDir): ReplaySeries {
  const spec = REPLAY_DATASETS[dataset];
  if (spec === undefined) throw new Error(`unknown replay data set ${String(dataset)}; expected one of ${Object.keys(REPLAY_DATASETS).join(', ')}`);
  const file = join(dataDir, spec.file);
  if (!existsSync(file)) throw new ReplayDataMissingError(`replay data ${file} is absent (the shared data folder is not present)`);
  const text = readFileSync(file, 'utf8');
  return dataset === 'occupancy' ? parseOccupancy(text, file) : parseDongsi(text, file);
}

/** One sensor's replay: source offsets from the first played row, values (NaN = no reading). */
export interface ReplayFeed {
  sensorId: string;
  kind: SensorKind;
  offsetsMs: number[];
  values: number[];
  speedUp: number;
  loop: boolean;
  /** Source duration of one pass, ms (last offset plus one step). */
  cycleMs: number;
}

/**
 * Chooses the sensors to drive and cuts their feeds from `series`.
 * @param sensors the simulated sensors, in registry order.
 * @throws Error when a chosen sensor is unknown or of a kind the data set does not measure.
 */
export function planReplayFeeds(sensors: readonly SensorDefinition[], series: ReplaySeries, options: ReplayOptions): ReplayFeed[] {
  const spec = REPLAY_DATASETS[series.dataset];
  const speedUp = options.speedUp ?? 1;
  if (!(speedUp > 0) || !Number.isFinite(speedUp)) throw new Error(`replay speed-up must be a positive number, not ${speedUp}`);
  const fromMs = options.from === undefined ? -Infinity : parseNaiveTime(options.from);
  if (Number.isNaN(fromMs)) throw new Error(`replay start ${options.from} is not a time like 2015-02-05 08:00`);
  const first = series.timesMs.findIndex((t) => t >= fromMs);
  if (first < 0) throw new Error(`the ${series.dataset} series has no rows at or after ${options.from}`);
  const times = series.timesMs.slice(first);
  const offsetsMs = times.map((t) => t - times[0]!);
  const step = times.length > 1 ? times[1]! - times[0]! : 60_000;
  const chosen = chooseSensors(sensors, spec.kinds, spec.placement, options.sensors);
  return chosen.map((sensor) => ({
    sensorId: sensor.id,
    kind: sensor.kind,
    offsetsMs,
    values: series.columns[sensor.kind]!.slice(first),
    speedUp,
    loop: options.loop ?? true,
    cycleMs: offsetsMs.at(-1)! + step,
  }));
}

function chooseSensors(sensors: readonly SensorDefinition[], kinds: SensorKind[], placement: string, ids: string[] | undefined): SensorDefinition[] {
  if (ids !== undefined && ids.length > 0) {
    return ids.map((id) => {
      const sensor = sensors.find((s) => s.id === id);
      if (sensor === undefined) throw new Error(`replay sensor ${id} is not among the simulated sensors`);
      if (!kinds.includes(sensor.kind)) throw new Error(`replay sensor ${id} is a ${sensor.kind} sensor; this data set has ${kinds.join(', ')}`);
      return sensor;
    });
  }
  return kinds.flatMap((kind) => {
    const sensor = sensors.find((s) => s.kind === kind && s.location.placement === placement) ?? sensors.find((s) => s.kind === kind);
    return sensor === undefined ? [] : [sensor];
  });
}
