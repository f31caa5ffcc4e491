/**
 * One reading of one sensor: the kind's signal model, the device's faults, its measuring range
 * and its resolution. Pure apart from `state`: time is an argument, randomness comes from `rng`.
 */
import type { SensorDefinition, SensorKind } from '@twin/protocol';
import { applyFaults } from './faults.ts';
import type { Rng } from './random.ts';
import type { SensorState } from './sensorState.ts';
import { co2, formaldehyde, pm25, tvoc } from './signals/air.ts';
import { humidity, illuminance, noise, temperature } from './signals/environment.ts';
import { cameraStatus, door, gate, parking } from './signals/events.ts';
import { CLEAN_AIR, withFreshAir } from './signals/freshAir.ts';
import { gasLel, leakActive } from './signals/gas.ts';
import type { SignalModel } from './signals/signalModel.ts';
import { energy, gasFlow, power, waterFlow, waterPressure } from './signals/utilities.ts';

/** The signal model of every kind; indoor air quality follows the building's fresh-air unit (ENV-5). */
export const SIGNAL_MODELS: Record<SensorKind, SignalModel> = {
  temperature,
  humidity,
  illuminance,
  noise,
  pm25: withFreshAir(pm25, CLEAN_AIR.pm25),
  co2: withFreshAir(co2, CLEAN_AIR.co2),
  tvoc: withFreshAir(tvoc, CLEAN_AIR.tvoc),
  formaldehyde: withFreshAir(formaldehyde, CLEAN_AIR.formaldehyde),
  gas_lel: gasLel,
  gas_flow: gasFlow,
  water_flow: waterFlow,
  water_pressure: waterPressure,
  power,
  energy,
  door,
  gate,
  parking,
  camera_status: cameraStatus,
};

/** Decimal places each kind reports (the resolution of a typical instrument). */
export const RESOLUTION_DIGITS: Record<SensorKind, number> = {
  temperature: 2,
  humidity: 1,
  illuminance: 1,
  noise: 1,
  pm25: 1,
  co2: 0,
  tvoc: 3,
  formaldehyde: 3,
  gas_lel: 1,
  gas_flow: 3,
  water_flow: 3,
  water_pressure: 1,
  power: 2,
  energy: 2,
  door: 0,
  gate: 0,
  parking: 0,
  camera_status: 0,
};

function clampAndRound(sensor: SensorDefinition, value: number): number {
  let v = value;
  if (sensor.range !== undefined) v = Math.min(sensor.range.max, Math.max(sensor.range.min, v));
  const scale = 10 ** RESOLUTION_DIGITS[sensor.kind];
  // Energy registers truncate, so rounding never runs ahead of the true integral.
  return sensor.kind === 'energy' ? Math.floor(v * scale) / scale : Math.round(v * scale) / scale;
}

/**
 * The reading `sensor` reports at `tMs`, or `null` when it reports nothing (a dropout).
 * Samples must come in increasing time order for one state.
 * @example
 * const state = createSensorState(sensor, seed);
 * const rng = createRng(streamKey(seed, sensor.id));
 * const value = sampleValue(sensor, Date.UTC(2025, 6, 1, 6), state, rng);
 */
export function sampleValue(sensor: SensorDefinition, tMs: number, state: SensorState, rng: Rng): number | null {
  const dtMs = state.lastTMs === undefined ? sensor.samplingIntervalS * 1000 : Math.max(0, tMs - state.lastTMs);
  const truth = clampAndRound(sensor, SIGNAL_MODELS[sensor.kind](sensor, tMs, dtMs, state, rng));
  state.lastTMs = tMs;
  // A detector in a leak keeps reporting: the alarm path must not depend on fault luck (MUN-5).
  const reported = leakActive(state, tMs) ? truth : applyFaults(sensor, tMs, dtMs, truth, state, rng);
  if (reported === null) return null;
  const value = clampAndRound(sensor, reported);
  state.lastValue = value;
  return value;
}
