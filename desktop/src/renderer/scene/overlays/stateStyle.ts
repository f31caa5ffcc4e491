import { SENSOR_STATE, type SensorStateCode } from './sensorState.ts';

/**
 * Marker colours by live state (REQ PLAT-3), one table for the scene, the map and the legend.
 * A normal sensor keeps its layer's tint; alarms are red (a gas leak a brighter red, and it
 * pulses), a faulty instrument violet, a stale one grey, one without data its tint darkened
 * towards slate. None is near a network colour (`utilityColors.ts`).
 */
export const STATE_COLORS = {
  overLimit: 0xd50000,
  gasLeak: 0xff1744,
  faulty: 0xaa00ff,
  stale: 0xb0b0b0,
  noData: 0x455a64,
} as const;

/** How far a no-data marker's tint is mixed towards {@link STATE_COLORS}.noData. */
const NO_DATA_MIX = 0.6;

/** Marker sizes by state, relative to a normal marker: alarms stand out. */
const STATE_SCALES: Record<SensorStateCode, number> = { 0: 1, 1: 1.4, 2: 1.6, 3: 1, 4: 1, 5: 1 };

/** A pulsing marker swells by this share of its size at the top of a pulse. */
export const PULSE_SWELL = 0.45;
/** One pulse, ms. */
const PULSE_PERIOD_MS = 900;

const mix = (a: number, b: number, t: number) => {
  const channel = (shift: number) => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return (channel(16) << 16) | (channel(8) << 8) | channel(0);
};

/** The marker colour (0xRRGGBB) of a sensor in `state` whose layer tint is `layerColor`. */
export function stateColor(state: SensorStateCode, layerColor: number): number {
  switch (state) {
    case SENSOR_STATE.normal:
      return layerColor;
    case SENSOR_STATE.overLimit:
      return STATE_COLORS.overLimit;
    case SENSOR_STATE.gasLeak:
      return STATE_COLORS.gasLeak;
    case SENSOR_STATE.faulty:
      return STATE_COLORS.faulty;
    case SENSOR_STATE.stale:
      return STATE_COLORS.stale;
    default:
      return mix(layerColor, STATE_COLORS.noData, NO_DATA_MIX);
  }
}

/** The marker size in `state`, relative to a normal one. */
export function stateScale(state: SensorStateCode): number {
  return STATE_SCALES[state];
}

/** Whether a state is an alarm, whose colour shows even on the selected marker. */
export function isAlarming(state: SensorStateCode): boolean {
  return state === SENSOR_STATE.overLimit || state === SENSOR_STATE.gasLeak;
}

/** Pulse strength 0..1 at time `ms` (a smooth swell and fall every {@link PULSE_PERIOD_MS}). */
export function pulseAt(ms: number): number {
  return 0.5 - 0.5 * Math.cos((2 * Math.PI * (ms % PULSE_PERIOD_MS)) / PULSE_PERIOD_MS);
}
