import type { SensorDefinition, Thresholds } from '@twin/protocol';

/**
 * The live state of a sensor, as its marker shows it (REQ PLAT-3: colour changes and dynamic
 * icons show the system's state). Codes fit a `Uint8Array` of one entry per marker.
 */
export const SENSOR_STATE = {
  /** A fresh reading inside the instrument range and the registry limits. */
  normal: 0,
  /** A fresh reading that reaches a registry limit (day or night limit, as applies now). */
  overLimit: 1,
  /** A combustible-gas detector at or above {@link GAS_ALARM_LEL} (REQ MUN-5): pulses red. */
  gasLeak: 2,
  /** A reading outside the instrument's measuring range (or not a number): the instrument is faulty. */
  faulty: 3,
  /** No reading for {@link STALE_AFTER_INTERVALS} sampling intervals. */
  stale: 4,
  /** No reading yet. */
  noData: 5,
} as const;

/** A sensor state code. */
export type SensorStateCode = (typeof SENSOR_STATE)[keyof typeof SENSOR_STATE];

/** A sensor state name (`gasLeak`, …). */
export type SensorStateName = keyof typeof SENSOR_STATE;

/** State names by code. */
export const SENSOR_STATE_NAMES = Object.keys(SENSOR_STATE) as SensorStateName[];

/** REQ MUN-5 [indicator 17]: combustible-gas detectors alarm at ≤ 20 % of the lower explosive limit. */
export const GAS_ALARM_LEL = 20;

/** A sensor is stale after this many sampling intervals without a reading. */
export const STALE_AFTER_INTERVALS = 5;

/**
 * The limits of every sensor in typed arrays, indexed like the markers, so classifying thousands
 * of sensors allocates nothing. Absent limits are NaN (a comparison with NaN is false).
 */
export interface SensorLimitTable {
  count: number;
  /** Low and high alarm limits by day and by night (`low` else `lowLow`, `high` else `highHigh`). */
  lowDay: Float64Array;
  highDay: Float64Array;
  lowNight: Float64Array;
  highNight: Float64Array;
  /** The instrument's measuring range (−∞..∞ when the registry gives none). */
  rangeMin: Float64Array;
  rangeMax: Float64Array;
  /** Silence after which the sensor is stale: {@link STALE_AFTER_INTERVALS} sampling intervals, ms. */
  staleAfterMs: Float64Array;
  /** 1 for combustible-gas detectors (`gas_lel`). */
  gas: Uint8Array;
}

const lowOf = (t: Thresholds | undefined) => t?.low ?? t?.lowLow;
const highOf = (t: Thresholds | undefined) => t?.high ?? t?.highHigh;

/** The limit table of `sensors`; night limits fall back to the day's, field by field, as alarm rules bind them. */
export function sensorLimitTable(sensors: readonly SensorDefinition[]): SensorLimitTable {
  const n = sensors.length;
  const table: SensorLimitTable = {
    count: n,
    lowDay: new Float64Array(n),
    highDay: new Float64Array(n),
    lowNight: new Float64Array(n),
    highNight: new Float64Array(n),
    rangeMin: new Float64Array(n),
    rangeMax: new Float64Array(n),
    staleAfterMs: new Float64Array(n),
    gas: new Uint8Array(n),
  };
  sensors.forEach((sensor, i) => {
    const { day, night } = sensor.thresholds ?? {};
    table.lowDay[i] = lowOf(day) ?? Number.NaN;
    table.highDay[i] = highOf(day) ?? Number.NaN;
    table.lowNight[i] = night?.low ?? night?.lowLow ?? table.lowDay[i]!;
    table.highNight[i] = night?.high ?? night?.highHigh ?? table.highDay[i]!;
    table.rangeMin[i] = sensor.range?.min ?? Number.NEGATIVE_INFINITY;
    table.rangeMax[i] = sensor.range?.max ?? Number.POSITIVE_INFINITY;
    table.staleAfterMs[i] = STALE_AFTER_INTERVALS * sensor.samplingIntervalS * 1000;
    table.gas[i] = sensor.kind === 'gas_lel' ? 1 : 0;
  });
  return table;
}

/**
 * The state of sensor `i` of `table` at `nowMs` given its latest reading (`value` and `tsMs`, NaN
 * when none has arrived), in order of precedence: no data, stale, faulty, gas leak, over limit,
 * normal. Reaching a limit counts, as for the alarm engine (REQ MUN-5: alarm at 20 %LEL; ENV-4
 * and ENV-5 limits). `night` selects the night limits (`isNightAt` of `@twin/domain`).
 */
export function classifySensor(table: SensorLimitTable, i: number, value: number, tsMs: number, nowMs: number, night: boolean): SensorStateCode {
  if (Number.isNaN(tsMs)) return SENSOR_STATE.noData;
  if (nowMs - tsMs > table.staleAfterMs[i]!) return SENSOR_STATE.stale;
  if (!(value >= table.rangeMin[i]! && value <= table.rangeMax[i]!)) return SENSOR_STATE.faulty;
  if (table.gas[i] === 1 && value >= GAS_ALARM_LEL) return SENSOR_STATE.gasLeak;
  const low = night ? table.lowNight[i]! : table.lowDay[i]!;
  const high = night ? table.highNight[i]! : table.highDay[i]!;
  if (value >= high || value <= low) return SENSOR_STATE.overLimit;
  return SENSOR_STATE.normal;
}

/** Whether a state carries a usable reading (fresh and inside the instrument range): what fields interpolate. */
export function hasLiveValue(state: SensorStateCode): boolean {
  return state === SENSOR_STATE.normal || state === SENSOR_STATE.overLimit || state === SENSOR_STATE.gasLeak;
}

/** Smallest and largest radius of the drawn gas zone, metres. */
const GAS_ZONE_RADIUS_M = { min: 2, max: 8 } as const;

/**
 * Radius of the zone drawn around a leaking detector, metres: 2 m at the 20 %LEL alarm limit,
 * growing linearly to 8 m at 100 %LEL (the lower explosive limit itself). A display aid scaled by
 * concentration, not a dispersion model.
 */
export function gasZoneRadiusM(lel: number): number {
  const share = (lel - GAS_ALARM_LEL) / (100 - GAS_ALARM_LEL);
  return GAS_ZONE_RADIUS_M.min + Math.min(1, Math.max(0, share)) * (GAS_ZONE_RADIUS_M.max - GAS_ZONE_RADIUS_M.min);
}
