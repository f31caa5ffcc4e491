/**
 * Shared fields that many sensors sample: the site's weather and the indoor climate of a flat.
 * Pure functions of (key, time), so every sensor that looks at the same field sees the same value.
 */
import { climateAt, isWeekend, localHour, relativeHumidity } from '../localTime.ts';
import { occupancy } from '../profiles.ts';
import { hashUnit, smoothNoise } from '../random.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** -1 at 06:00, +1 at 14:00: a half-cosine up in the morning, a slow one down overnight. */
export function diurnalShape(hour: number): number {
  if (hour >= 6 && hour <= 14) return -Math.cos((Math.PI * (hour - 6)) / 8);
  const sinceNoonPeak = hour > 14 ? hour - 14 : hour + 10;
  return Math.cos((Math.PI * sinceNoonPeak) / 16);
}

/** Cloud cover, 0 clear to 1 overcast: a slow day-to-day pattern plus passing clouds. */
export function cloudiness(siteKey: number, tMs: number): number {
  const slow = 0.5 + 0.4 * smoothNoise(siteKey ^ 0x3c1, tMs, 18 * HOUR_MS);
  const fast = 0.15 * smoothNoise(siteKey ^ 0x3c2, tMs, 10 * MINUTE_MS);
  return Math.min(1, Math.max(0, slow + fast));
}

/**
 * Outdoor air temperature of the site, °C: Shenzhen's monthly normal, a multi-day weather anomaly
 * and a diurnal cycle (minimum near 06:00, peak near 14:00 local) damped by cloud.
 */
export function outdoorAirTempC(siteKey: number, tMs: number): number {
  const climate = climateAt(tMs);
  const cloud = cloudiness(siteKey, tMs);
  const anomaly = 1.8 * smoothNoise(siteKey ^ 0x7e1, tMs, 2 * DAY_MS);
  const range = climate.diurnalRangeC * (1 - 0.45 * cloud);
  const gusts = 0.25 * smoothNoise(siteKey ^ 0x7e2, tMs, 20 * MINUTE_MS);
  return climate.meanTempC + anomaly + (range / 2) * diurnalShape(localHour(tMs)) + gusts;
}

/** Outdoor dew point, °C: nearly constant through a day, so humidity falls as temperature rises. */
export function outdoorDewPointC(siteKey: number, tMs: number): number {
  return climateAt(tMs).dewPointC + 1.5 * smoothNoise(siteKey ^ 0xd01, tMs, DAY_MS);
}

/** Outdoor relative humidity at the given air temperature, %RH; near saturation in rain. */
export function outdoorHumidity(siteKey: number, tMs: number, airTempC: number): number {
  const rain = Math.max(0, cloudiness(siteKey, tMs) - 0.85) * 40;
  return Math.min(99, relativeHumidity(airTempC, outdoorDewPointC(siteKey, tMs)) + rain);
}

/** Local hour of a household, shifted up to ±45 min so flats do not act in lockstep. */
export function householdHour(roomKey: number, tMs: number): number {
  return (localHour(tMs) + 1.5 * (hashUnit(roomKey, 7) - 0.5) + 24) % 24;
}

/** Indoor climate of a flat. */
export interface RoomClimate {
  tempC: number;
  humidity: number;
  /** How hard the air conditioner works (0 off .. 1 holding the set point). */
  acLevel: number;
}

/**
 * A flat's indoor climate: without cooling it follows the outdoor temperature with a lag of
 * about three hours plus internal gains; when occupants are home and it is warm, the air
 * conditioner pulls it to the household's set point (25-26.5 °C), cycling about it, and dries
 * the air.
 */
export function roomClimate(siteKey: number, roomKey: number, tMs: number): RoomClimate {
  const climate = climateAt(tMs);
  const lagged = outdoorAirTempC(siteKey, tMs - 3 * HOUR_MS);
  const free = 0.55 * lagged + 0.45 * climate.meanTempC + 1.8 + 0.8 * (hashUnit(roomKey, 5) - 0.5) + 0.5 * smoothNoise(roomKey, tMs, 8 * HOUR_MS);
  const setPoint = 25 + 1.5 * hashUnit(roomKey, 13);
  const home = occupancy(householdHour(roomKey, tMs), isWeekend(tMs));
  const warm = Math.min(1, Math.max(0, (free - setPoint) / 1.5));
  const acLevel = Math.min(1, Math.max(0, (home - 0.5) / 0.3)) * warm;
  const cycling = 0.3 * acLevel * Math.sin((2 * Math.PI * tMs) / (17 * MINUTE_MS) + 2 * Math.PI * hashUnit(roomKey, 17));
  const tempC = free + (setPoint - free) * acLevel + cycling;
  const outdoorDew = outdoorDewPointC(siteKey, tMs) - 1 + 0.6 * home; // the envelope keeps some damp out; people and cooking add some
  const dewPointC = outdoorDew - acLevel * Math.max(0, outdoorDew - 13.5);
  return { tempC, humidity: relativeHumidity(tempC, dewPointC), acLevel };
}
