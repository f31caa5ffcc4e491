/**
 * What every kind of device looks like in the registry by default: the id code, English label,
 * sampling interval, measuring range and alarm limits, with the clause that sets each limit.
 */
import type { SensorDefinition, SensorKind, Thresholds } from '@twin/protocol';

/** Placement of a device, as in the registry. */
export type Placement = SensorDefinition['location']['placement'];

/** The code of each kind inside sensor ids, e.g. `B03-F12-NOISE-01`. */
export const KIND_CODES = {
  temperature: 'TEMP',
  humidity: 'RH',
  illuminance: 'LUX',
  noise: 'NOISE',
  pm25: 'PM25',
  co2: 'CO2',
  tvoc: 'TVOC',
  formaldehyde: 'HCHO',
  gas_lel: 'LEL',
  gas_flow: 'GASFLOW',
  water_flow: 'WFLOW',
  water_pressure: 'WPRESS',
  power: 'KW',
  energy: 'KWH',
  door: 'DOOR',
  gate: 'GATE',
  parking: 'PARK',
  camera_status: 'CAM',
} as const satisfies Record<SensorKind, string>;

/** English label of each kind, for `nameEn`. */
export const KIND_LABELS_EN = {
  temperature: 'temperature',
  humidity: 'humidity',
  illuminance: 'illuminance',
  noise: 'noise',
  pm25: 'PM2.5',
  co2: 'CO2',
  tvoc: 'TVOC',
  formaldehyde: 'formaldehyde',
  gas_lel: 'combustible gas',
  gas_flow: 'gas flow',
  water_flow: 'water flow',
  water_pressure: 'water pressure',
  power: 'active power',
  energy: 'energy',
  door: 'access door',
  gate: 'barrier gate',
  parking: 'parking space',
  camera_status: 'camera status',
} as const satisfies Record<SensorKind, string>;

/** Default reporting interval of each kind, seconds. Gas detectors report fastest (MUN-5). */
export const DEFAULT_SAMPLING_INTERVAL_S = {
  temperature: 60,
  humidity: 60,
  illuminance: 60,
  noise: 30,
  pm25: 60,
  co2: 60,
  tvoc: 120,
  formaldehyde: 120,
  gas_lel: 5,
  gas_flow: 60,
  water_flow: 60,
  water_pressure: 30,
  power: 15,
  energy: 60,
  door: 5,
  gate: 5,
  parking: 30,
  camera_status: 60,
} as const satisfies Record<SensorKind, number>;

type Range = { min: number; max: number };

/** Measuring range of a typical instrument of each kind, by placement where it matters. */
export function defaultRange(kind: SensorKind, placement: Placement): Range | undefined {
  const outdoor = placement === 'outdoor';
  switch (kind) {
    case 'temperature':
      return outdoor ? { min: -40, max: 80 } : { min: -10, max: 60 };
    case 'humidity':
      return { min: 0, max: 100 };
    case 'illuminance':
      return outdoor ? { min: 0, max: 200000 } : { min: 0, max: 10000 };
    case 'noise':
      return outdoor ? { min: 30, max: 130 } : { min: 20, max: 120 };
    case 'pm25':
      return { min: 0, max: 1000 };
    case 'co2':
      return { min: 0, max: 5000 };
    case 'tvoc':
      return { min: 0, max: 10 };
    case 'formaldehyde':
      return { min: 0, max: 2 };
    case 'gas_lel':
      return { min: 0, max: 100 };
    case 'water_pressure':
      return { min: 0, max: 1000 };
    case 'door':
    case 'gate':
    case 'camera_status':
      return { min: 0, max: 2 };
    case 'parking':
      return { min: 0, max: 1 };
    // Flow, power and energy ranges depend on what the meter serves: callers give them.
    default:
      return undefined;
  }
}

/** Alarm limits of each kind, by placement. */
export function defaultThresholds(kind: SensorKind, placement: Placement): { day: Thresholds; night?: Thresholds } | undefined {
  const indoor = placement === 'indoor';
  switch (kind) {
    case 'temperature':
      // REQ ENV-2. Indoor: GB/T 18883-2022 comfort band (16-24 °C winter, 22-28 °C summer).
      // Outdoor: high-temperature warning levels (35 °C, 37 °C).
      return indoor ? { day: { low: 16, high: 28 } } : { day: { high: 35, highHigh: 37 } };
    case 'humidity':
      return indoor ? { day: { low: 30, high: 80 } } : undefined;
    case 'noise':
      // REQ ENV-4: bedrooms 45 dB(A) day / 35 dB(A) night; outdoors GB 3096 class 1, 55 / 45.
      return indoor ? { day: { high: 45 }, night: { high: 35 } } : { day: { high: 55 }, night: { high: 45 } };
    case 'pm25':
      // REQ ENV-5: outdoor GB 3095-2012 grade II 75 µg/m³; indoor GB/T 18883-2022 50 µg/m³.
      return { day: { high: indoor ? 50 : 75 } };
    case 'co2':
      return { day: { high: 1000 } }; // REQ ENV-5, GB/T 18883-2022
    case 'tvoc':
      return { day: { high: 0.6 } }; // REQ ENV-5, GB/T 18883-2022
    case 'formaldehyde':
      return { day: { high: 0.08 } }; // REQ ENV-5, GB/T 18883-2022
    case 'gas_lel':
      return { day: { high: 20, highHigh: 50 } }; // REQ MUN-5: alarm at no more than 20 %LEL
    default:
      return undefined;
  }
}
