/**
 * Local time and climate of Shenzhen (UTC+8, no daylight saving), as pure functions of epoch
 * milliseconds.
 */

/** Shenzhen's offset from UTC, hours. */
export const SHENZHEN_UTC_OFFSET_H = 8;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Local hour of day in [0, 24), fractional. */
export function localHour(tMs: number): number {
  const h = ((tMs / HOUR_MS + SHENZHEN_UTC_OFFSET_H) % 24 + 24) % 24;
  return h;
}

/** Whole local days since 1970-01-01 (local). */
export function localDay(tMs: number): number {
  return Math.floor((tMs + SHENZHEN_UTC_OFFSET_H * HOUR_MS) / DAY_MS);
}

/** True on Saturday and Sunday, local time. */
export function isWeekend(tMs: number): boolean {
  const weekday = (localDay(tMs) + 4) % 7; // 1970-01-01 was a Thursday (4)
  return weekday === 0 || weekday === 6;
}

/** True between 22:00 and 06:00 local time, the night period of GB 3096 (ENV-4). */
export function isNight(tMs: number): boolean {
  const h = localHour(tMs);
  return h >= 22 || h < 6;
}

/** Monthly climate normals of Shenzhen (Futian station, approximate). */
const CLIMATE = {
  meanTempC: [15.4, 16.5, 19.3, 23.0, 26.3, 28.1, 28.8, 28.5, 27.4, 24.8, 20.6, 16.8],
  diurnalRangeC: [7.0, 6.6, 6.0, 5.8, 6.0, 6.2, 6.8, 6.8, 6.6, 6.6, 6.9, 7.1],
  dewPointC: [9.0, 11.5, 14.5, 18.5, 21.5, 24.0, 24.5, 24.3, 22.5, 18.0, 13.5, 9.5],
  pm25: [33, 27, 28, 22, 15, 10, 9, 12, 18, 26, 27, 33],
};

/** Climate at `tMs`, interpolated between mid-month normals. */
export interface Climate {
  meanTempC: number;
  diurnalRangeC: number;
  dewPointC: number;
  /** Typical outdoor PM2.5, µg/m³. */
  pm25: number;
}

/** The climate normals for the date of `tMs`. */
export function climateAt(tMs: number): Climate {
  const local = new Date(tMs + SHENZHEN_UTC_OFFSET_H * HOUR_MS);
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  // Position in months where k + 0.5 is the middle of month k.
  const position = local.getUTCMonth() + (local.getUTCDate() - 1 + local.getUTCHours() / 24) / daysInMonth - 0.5;
  const k0 = Math.floor(position);
  const f = position - k0;
  const at = (series: number[]) => {
    const a = series[(k0 + 12) % 12]!;
    const b = series[(k0 + 13) % 12]!;
    return a + (b - a) * f;
  };
  return { meanTempC: at(CLIMATE.meanTempC), diurnalRangeC: at(CLIMATE.diurnalRangeC), dewPointC: at(CLIMATE.dewPointC), pm25: at(CLIMATE.pm25) };
}

/** Linear interpolation over `[hour, value]` knots covering 0..24. */
export function hourly(knots: ReadonlyArray<readonly [number, number]>, hour: number): number {
  for (let i = 1; i < knots.length; i++) {
    const [h1, v1] = knots[i]!;
    if (hour <= h1) {
      const [h0, v0] = knots[i - 1]!;
      return v0 + ((v1 - v0) * (hour - h0)) / (h1 - h0 || 1);
    }
  }
  return knots.at(-1)![1];
}

/** A bell-shaped bump centred on `centreH` with width `sigmaH`, wrapping round midnight. */
export function bump(hour: number, centreH: number, sigmaH: number): number {
  let d = Math.abs(hour - centreH) % 24;
  if (d > 12) d = 24 - d;
  return Math.exp(-0.5 * (d / sigmaH) ** 2);
}

/** Relative humidity (%) of air at `tempC` with dew point `dewPointC` (Magnus formula). */
export function relativeHumidity(tempC: number, dewPointC: number): number {
  const magnus = (t: number) => Math.exp((17.625 * t) / (243.04 + t));
  return (100 * magnus(Math.min(dewPointC, tempC))) / magnus(tempC);
}
