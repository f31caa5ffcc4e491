/**
 * Device faults laid over a sensor's true signal: stuck values (the same reading for a while),
 * dropouts (no readings for a while) and single-sample spikes. Faults are rare, independent per
 * sensor and drawn from the sensor's own stream.
 */
import type { SensorDefinition, SensorKind } from '@twin/protocol';
import { fires } from './episodes.ts';
import type { Rng } from './random.ts';
import type { SensorState } from './sensorState.ts';

/** Kinds whose readings are codes or a register: a spike would be meaningless there. */
const NO_SPIKE: ReadonlySet<SensorKind> = new Set(['energy', 'door', 'gate', 'parking', 'camera_status']);

const MINUTE_MS = 60_000;

/**
 * Applies faults to `value` at `tMs`.
 * @returns the reading the device reports, or `null` when it reports nothing (dropout).
 */
export function applyFaults(sensor: SensorDefinition, tMs: number, dtMs: number, value: number, state: SensorState, rng: Rng): number | null {
  const fault = state.fault;
  if (fault !== undefined) {
    if (tMs < fault.untilMs) return fault.type === 'dropout' ? null : fault.value;
    delete state.fault;
  }
  const meanIntervalS = state.options.faultMeanIntervalS;
  if (meanIntervalS <= 0 || !fires(3600 / meanIntervalS, dtMs, rng)) return value;
  const draw = rng.next();
  if (draw < 0.4) {
    state.fault = { type: 'stuck', untilMs: tMs + rng.range(5, 30) * MINUTE_MS, value: state.lastValue ?? value };
    return state.fault.value;
  }
  if (draw < 0.8 || NO_SPIKE.has(sensor.kind)) {
    state.fault = { type: 'dropout', untilMs: tMs + rng.range(2, 20) * MINUTE_MS, value };
    return null;
  }
  const span = sensor.range === undefined ? Math.abs(value) + 1 : sensor.range.max - sensor.range.min;
  const size = Math.max(0.2 * Math.abs(value), 0.05 * span) * rng.range(3, 10);
  return value + (rng.chance(0.8) ? size : -size);
}
