import type { SensorKind } from '@twin/protocol';

/** The live overlays the scene and the map draw, one at a time. */
export const OVERLAY_IDS = ['temperature', 'heatIsland', 'illuminance', 'noise', 'pm25', 'co2', 'tvoc'] as const;

/** An overlay id. */
export type OverlayId = (typeof OVERLAY_IDS)[number];

/** What the scene shows over the ground: an overlay, or none. */
export type OverlayChoice = OverlayId | 'none';

/** Whether `value` names an overlay. */
export function isOverlayId(value: string): value is OverlayId {
  return (OVERLAY_IDS as readonly string[]).includes(value);
}

/**
 * A colour band: values from the previous band's `below` (inclusive) up to `below` (exclusive;
 * Infinity for the last band). Reaching a limit puts a value in the band above it, as reaching a
 * limit raises an alarm.
 */
export interface Band {
  below: number;
  /** 0xRRGGBB. */
  color: number;
}

/** A guideline limit the legend names, at a band edge. */
export interface LimitMark {
  value: number;
  /** Whose limit it is, a key of the legend's strings. */
  of: 'indoor' | 'outdoor' | 'heatWarning' | 'comfortLow' | 'comfortHigh' | 'livingRoom' | 'gb3095';
}

/** How an overlay turns live readings into colours. */
export interface OverlaySpec {
  /** The sensor kind whose readings it draws. */
  kind: SensorKind;
  /** Display unit. */
  unit: string;
  /** How the indoor sensors of one storey make its value: the worst room (`max`), or the mean. */
  storey: 'max' | 'mean' | 'none';
  /** Decimals of band labels. */
  digits: number;
  bands: (night: boolean) => Band[];
  limits: (night: boolean) => LimitMark[];
}

/** Good to bad: the colours of the Chinese air quality index levels (HJ 633-2012: 绿 黄 橙 红 紫 褐红). */
const AQI = [0x00e400, 0xffff00, 0xff7e00, 0xff0000, 0x99004c, 0x7e0023] as const;
/** Cool to warm, for temperature and the heat island. */
const THERMAL = [0x4575b4, 0x91cf60, 0xfee08b, 0xfc8d59, 0xd73027] as const;
/** Dark to bright, for illuminance. */
const LIGHT = [0x313695, 0x4575b4, 0x74add1, 0xfee090, 0xfdae61] as const;

const bands = (edges: readonly number[], colors: readonly number[]): Band[] => [...edges, Number.POSITIVE_INFINITY].map((below, i) => ({ below, color: colors[i]! }));
/** GB 3096-2008 class-1 zones allow 10 dB(A) less at night than by day, indoors and out (REQ ENV-4). */
const NIGHT_NOISE_SHIFT_DB = 10;

/**
 * The overlays, each with colour bands whose edges are the guideline's limits:
 * - noise (REQ ENV-4): < 45 (the indoor limit by day), 45–55, 55–65 (from the outdoor GB 3096
 *   class-1 limit), ≥ 65 dB(A); 10 dB(A) lower at night (indoor 35, outdoor 45);
 * - PM2.5 (REQ ENV-5): the GB 3095-2012 / HJ 633 24-hour index levels 35, 75 (the grade II
 *   outdoor limit), 115, 150, 250 µg/m³;
 * - CO2 (REQ ENV-5, GB/T 18883-2022): 800, 1000 (the limit), 1500 ppm;
 * - TVOC (REQ ENV-5, GB/T 18883-2022): 0.3, 0.6 (the limit), 1.0 mg/m³;
 * - temperature (REQ ENV-2): 16 and 28 °C (the registry's indoor comfort limits), 35 °C (the
 *   high-temperature warning the outdoor sensors alarm at), 37 °C;
 * - heat-island intensity (REQ ENV-2), outdoor temperature minus the reference (see
 *   `heatIsland.ts`): 1, 2, 3 °C, community-scale bands (a site spans a few hundred metres);
 * - illuminance (REQ ENV-3): 10, 100 (GB 50034's living-room value), 1,000, 10,000 lx.
 */
export const OVERLAYS: Record<OverlayId, OverlaySpec> = {
  temperature: {
    kind: 'temperature',
    unit: '°C',
    storey: 'mean',
    digits: 0,
    bands: () => bands([16, 28, 35, 37], THERMAL),
    limits: () => [
      { value: 16, of: 'comfortLow' },
      { value: 28, of: 'comfortHigh' },
      { value: 35, of: 'heatWarning' },
    ],
  },
  heatIsland: {
    kind: 'temperature',
    unit: '°C',
    storey: 'none',
    digits: 0,
    bands: () => bands([1, 2, 3], [THERMAL[0], THERMAL[2], THERMAL[3], THERMAL[4]]),
    limits: () => [],
  },
  illuminance: {
    kind: 'illuminance',
    unit: 'lx',
    storey: 'mean',
    digits: 0,
    bands: () => bands([10, 100, 1000, 10000], LIGHT),
    limits: () => [{ value: 100, of: 'livingRoom' }],
  },
  noise: {
    kind: 'noise',
    unit: 'dB(A)',
    storey: 'max',
    digits: 0,
    bands: (night) => bands([45, 55, 65].map((e) => e - (night ? NIGHT_NOISE_SHIFT_DB : 0)), AQI),
    limits: (night) => [
      { value: night ? 35 : 45, of: 'indoor' },
      { value: night ? 45 : 55, of: 'outdoor' },
    ],
  },
  pm25: {
    kind: 'pm25',
    unit: 'µg/m³',
    storey: 'max',
    digits: 0,
    bands: () => bands([35, 75, 115, 150, 250], AQI),
    limits: () => [
      { value: 50, of: 'indoor' },
      { value: 75, of: 'gb3095' },
    ],
  },
  co2: {
    kind: 'co2',
    unit: 'ppm',
    storey: 'max',
    digits: 0,
    bands: () => bands([800, 1000, 1500], AQI),
    limits: () => [{ value: 1000, of: 'indoor' }],
  },
  tvoc: {
    kind: 'tvoc',
    unit: 'mg/m³',
    storey: 'max',
    digits: 1,
    bands: () => bands([0.3, 0.6, 1.0], AQI),
    limits: () => [{ value: 0.6, of: 'indoor' }],
  },
};

/** Index of the band `value` falls in. */
export function bandIndex(bands: readonly Band[], value: number): number {
  for (let i = 0; i < bands.length - 1; i++) if (value < bands[i]!.below) return i;
  return bands.length - 1;
}

/**
 * The band edges and colours in flat typed arrays, for the field worker: `edges[i]` is band i's
 * `below`, `rgb` three bytes per band.
 */
export function packBands(bands: readonly Band[]): { edges: Float64Array; rgb: Uint8Array } {
  const edges = new Float64Array(bands.map((b) => b.below));
  const rgb = new Uint8Array(bands.flatMap((b) => [(b.color >> 16) & 255, (b.color >> 8) & 255, b.color & 255]));
  return { edges, rgb };
}
