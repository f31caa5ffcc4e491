/**
 * Metered networks (MUN-1): water flow and pressure (MUN-3), electric power and energy (MUN-4),
 * gas flow (MUN-5). Magnitudes scale with the instrument's registered range: a meter is sized
 * for what it serves, so a building's feeder rating or water meter size stands in for the
 * number of households behind it. Meters on one network element share their load curve.
 */
import type { SensorDefinition } from '@twin/protocol';
import { isWeekend, localHour } from '../localTime.ts';
import { cooking, powerLoad, showers, WATER_DEMAND_PEAK, waterDemand } from '../profiles.ts';
import { hashUnit, smoothNoise } from '../random.ts';
import type { SensorState } from '../sensorState.ts';
import { gasSupplyCut } from './gas.ts';
import type { SignalModel } from './signalModel.ts';
import { householdHour, outdoorAirTempC } from './weather.ts';

const MINUTE_MS = 60_000;

function rangeMax(sensor: SensorDefinition, fallback: number): number {
  return sensor.range?.max ?? fallback;
}

/** True for a household meter (indoors, in a flat) rather than a network meter. */
function isHousehold(sensor: SensorDefinition): boolean {
  return sensor.location.placement === 'indoor';
}

/** Rating of the load behind a meter, kW: given, else a power meter's range, else a typical size. */
function ratingKw(sensor: SensorDefinition, state: SensorState): number {
  if (state.options.powerRatingKw !== undefined) return state.options.powerRatingKw;
  if (sensor.kind === 'power' && sensor.range !== undefined) return sensor.range.max;
  return isHousehold(sensor) ? 12 : 400;
}

/** Water demand of a network element as a share of its peak (0..1). */
function demandShare(state: SensorState, tMs: number): number {
  const d = waterDemand(localHour(tMs), isWeekend(tMs)) / WATER_DEMAND_PEAK;
  return d * (1 + 0.08 * smoothNoise(state.loadKey, tMs, 15 * MINUTE_MS));
}

/** Water flow, m³/h: night minimum 02:00-04:00, morning and evening peaks at about 30 % of the meter's range. */
export const waterFlow: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  return 0.3 * rangeMax(sensor, 25) * demandShare(state, tMs) * (1 + 0.02 * rng.normal());
};

/**
 * Water pressure, kPa: falls as demand rises (friction losses grow with the square of flow).
 * The nominal pressure is the middle of the low and high alarm limits, else 40 % of the range.
 */
export const waterPressure: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  const day = sensor.thresholds?.day;
  const nominal = day?.low !== undefined && day.high !== undefined ? (day.low + day.high) / 2 : 0.4 * rangeMax(sensor, 1000);
  const d = demandShare(state, tMs);
  return nominal * (1.08 - 0.22 * d * d) + 3 * smoothNoise(state.loadKey ^ 0x51, tMs, 5 * MINUTE_MS) + rng.normal();
};

/**
 * The true active power of a meter's load at `tMs`, kW: a pure function shared by a power meter
 * and the energy counter on the same network element. Network meters follow the residential
 * curve (evening peak near 62 % of the rating, more on hot days for air conditioning); household
 * meters add appliances switching on in five-minute slots.
 */
export function truePowerKw(sensor: SensorDefinition, state: SensorState, tMs: number): number {
  const cooling = 0.25 * Math.min(1, Math.max(0, (outdoorAirTempC(state.siteKey, tMs) - 26) / 7));
  if (!isHousehold(sensor)) {
    const wobble = 1 + 0.05 * smoothNoise(state.loadKey, tMs, 10 * MINUTE_MS);
    return 0.62 * ratingKw(sensor, state) * powerLoad(localHour(tMs)) * (1 + cooling) * wobble;
  }
  const hour = householdHour(state.loadKey, tMs);
  const base = 0.09 * ratingKw(sensor, state) * powerLoad(hour) * (1 + 2.5 * cooling);
  const slot = Math.floor(tMs / (5 * MINUTE_MS));
  const applianceOn = hashUnit(state.loadKey, slot, 71) < 0.06 + 0.35 * cooking(hour);
  const appliance = applianceOn ? 1.2 + 1.0 * hashUnit(state.loadKey, slot, 72) : 0;
  return 0.08 + base * (1 + 0.1 * smoothNoise(state.loadKey, tMs, 2 * MINUTE_MS)) + appliance;
}

/** Active power, kW. */
export const power: SignalModel = (sensor, tMs, _dtMs, state, rng) => truePowerKw(sensor, state, tMs) * (1 + 0.003 * rng.normal());

/**
 * Energy, kWh: a register that only counts up, the integral of `truePowerKw` (trapezoids of at
 * most a minute). It starts from a plausible reading drawn from the meter's key.
 */
export const energy: SignalModel = (sensor, tMs, dtMs, state) => {
  if (state.energyKWh === undefined) {
    const years = 1 + 6 * hashUnit(state.loadKey, 81);
    state.energyKWh = years * 8760 * 0.3 * ratingKw(sensor, state) * (isHousehold(sensor) ? 0.1 : 1);
    return state.energyKWh;
  }
  const steps = Math.min(1440, Math.max(1, Math.ceil(dtMs / MINUTE_MS)));
  const h = dtMs / steps;
  let kWh = 0;
  let previous = truePowerKw(sensor, state, tMs - dtMs);
  for (let i = 1; i <= steps; i++) {
    const current = truePowerKw(sensor, state, tMs - dtMs + i * h);
    kWh += ((previous + current) / 2) * (h / 3_600_000);
    previous = current;
  }
  state.energyKWh += kWh;
  return state.energyKWh;
};

/**
 * Gas flow, m³/h: cooking at breakfast, lunch and dinner and gas water heaters at shower time,
 * almost nothing at night. Household meters show burners switching on and off. Nothing flows
 * while a closed valve upstream cuts the supply (MUN-5).
 */
export const gasFlow: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  if (gasSupplyCut(state, tMs)) return 0;
  if (!isHousehold(sensor)) {
    const hour = localHour(tMs);
    const activity = 0.04 + 0.75 * cooking(hour) + 0.35 * showers(hour);
    return 0.35 * rangeMax(sensor, 40) * activity * (1 + 0.05 * rng.normal());
  }
  const hour = householdHour(state.loadKey, tMs);
  const burnerSlot = Math.floor(tMs / (5 * MINUTE_MS));
  const heaterSlot = Math.floor(tMs / (10 * MINUTE_MS));
  const burner = hashUnit(state.loadKey, burnerSlot, 91) < 0.85 * cooking(hour) ? 0.35 + 0.4 * hashUnit(state.loadKey, burnerSlot, 92) : 0;
  const heater = hashUnit(state.loadKey, heaterSlot, 93) < 0.7 * showers(hour) ? 1.2 + 0.8 * hashUnit(state.loadKey, heaterSlot, 94) : 0;
  const flow = burner + heater;
  return flow === 0 ? 0 : flow * (1 + 0.01 * rng.normal());
};
