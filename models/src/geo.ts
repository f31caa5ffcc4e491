/**
 * Site coordinates (metres east and north of a site origin) to WGS84, rounded for the files the
 * package writes. The projection itself is in `projection/siteProjection.ts`.
 */
import { toLonLat, type LonLat } from './projection/siteProjection.ts';

export type { LonLat } from './projection/siteProjection.ts';

/** Decimal places of longitude and latitude in generated files: 1e-7° is about 1 cm. */
export const LON_LAT_DIGITS = 7;

/** The position `eastM` metres east and `northM` metres north of `origin`, rounded to 1e-7° (~1 cm). */
export function offsetToLonLat(origin: LonLat, eastM: number, northM: number): LonLat {
  const { lon, lat } = toLonLat(eastM, northM, origin);
  return { lon: roundTo(lon, LON_LAT_DIGITS), lat: roundTo(lat, LON_LAT_DIGITS) };
}

/** `value` rounded to `digits` decimal places (and never -0). */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale + 0;
}
