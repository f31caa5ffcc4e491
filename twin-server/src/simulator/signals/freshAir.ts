/**
 * A building's fresh-air unit (ENV-5): while it runs, the indoor CO2, PM2.5, TVOC and
 * formaldehyde of the rooms it serves move toward clean-air levels with a time constant of about
 * ten minutes; once it stops, the rooms drift back to what their own sources make of them.
 */
import type { DeviceStatus } from '../deviceBank.ts';
import type { SensorState } from '../sensorState.ts';
import type { SignalModel } from './signalModel.ts';

/** Time constant of a room following its fresh-air unit on or off, ms. */
export const FRESH_AIR_TAU_MS = 10 * 60_000;

/** Share of a room's excess over clean air that a unit running for long removes; people and furniture still emit. */
export const FRESH_AIR_REMOVAL = 0.8;

/** Clean supply air: outdoor CO2 (ppm), filtered PM2.5 (µg/m³), little TVOC and formaldehyde (mg/m³). */
export const CLEAN_AIR = { co2: 420, pm25: 5, tvoc: 0.05, formaldehyde: 0.01 } as const;

/**
 * How far the unit has cleaned the room (0 none .. 1 fully) at `toMs`, from `share` at `fromMs`:
 * a first-order lag toward 1 while the unit runs and toward 0 while it is off. A switch inside
 * the interval (the unit's `sinceMs`) splits it; the unit was in the other state before.
 */
export function advanceFreshAirShare(share: number, unit: DeviceStatus, fromMs: number, toMs: number): number {
  const target = unit.state === 'on' ? 1 : 0;
  const switchMs = Math.min(Math.max(unit.sinceMs, fromMs), toMs);
  const beforeSwitch = relax(share, 1 - target, switchMs - fromMs);
  return relax(beforeSwitch, target, toMs - switchMs);
}

function relax(value: number, target: number, dtMs: number): number {
  return target + (value - target) * Math.exp(-dtMs / FRESH_AIR_TAU_MS);
}

/** Brings the room's fresh-air share up to `tMs` from the unit the engine set on `state`. */
function freshAirShareAt(state: SensorState, tMs: number): number {
  const unit = state.freshAirUnit;
  if (unit === undefined) return 0;
  // A room starts unventilated, or ventilated since the unit came on if it already runs.
  const last = state.freshAir ?? { share: 0, atMs: unit.state === 'on' ? unit.sinceMs : tMs };
  const share = tMs > last.atMs ? advanceFreshAirShare(last.share, unit, last.atMs, tMs) : last.share;
  state.freshAir = { share, atMs: Math.max(tMs, last.atMs) };
  return share;
}

/**
 * `model` in a room served by a fresh-air unit: the excess of the modelled value over
 * `cleanLevel` shrinks by {@link FRESH_AIR_REMOVAL} times the room's fresh-air share. Values at
 * or below clean air, and rooms without a unit, keep the model's value.
 */
export function withFreshAir(model: SignalModel, cleanLevel: number): SignalModel {
  return (sensor, tMs, dtMs, state, rng) => {
    const value = model(sensor, tMs, dtMs, state, rng);
    const share = freshAirShareAt(state, tMs);
    if (share === 0 || value <= cleanLevel) return value;
    return value - (value - cleanLevel) * FRESH_AIR_REMOVAL * share;
  };
}
