import type { SensorDefinition } from '@twin/protocol';
import type { Rng } from '../random.ts';
import type { SensorState } from '../sensorState.ts';

/**
 * The model of one kind of sensor: the true value at `tMs` (before faults, clamping and
 * rounding). No I/O and no clock: time is an argument, randomness comes from `rng`, and the
 * only effect is on `state`. `dtMs` is the time since the sensor's previous sample.
 */
export type SignalModel = (sensor: SensorDefinition, tMs: number, dtMs: number, state: SensorState, rng: Rng) => number;
