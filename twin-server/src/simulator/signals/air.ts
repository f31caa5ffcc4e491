/**
 * Air quality (ENV-5): PM2.5 outdoors and in flats, CO2 with occupancy, TVOC and formaldehyde
 * low with occasional spikes.
 */
import { bump, climateAt, isWeekend, localHour } from '../localTime.ts';
import { advanceEpisode } from '../episodes.ts';
import { cooking, occupancy, sleeping } from '../profiles.ts';
import { hashUnit, smoothNoise } from '../random.ts';
import { surfaceOf } from '../sensorState.ts';
import type { SignalModel } from './signalModel.ts';
import { householdHour, roomClimate } from './weather.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Outdoor PM2.5 of the site, µg/m³: the monthly normal (low in the wet summer, higher in winter),
 * regional multi-day swings, rare haze days, and rush-hour peaks.
 */
export function outdoorPm25(siteKey: number, tMs: number): number {
  const hour = localHour(tMs);
  const regional = Math.exp(0.45 * smoothNoise(siteKey ^ 0x925, tMs, 2.5 * DAY_MS));
  const haze = 1 + 8 * Math.max(0, smoothNoise(siteKey ^ 0x926, tMs, DAY_MS) - 0.75);
  const diurnal = 1 + 0.25 * bump(hour, 8, 1.5) + 0.2 * bump(hour, 20.5, 2) - 0.15 * bump(hour, 14.5, 2.5);
  return climateAt(tMs).pm25 * regional * haze * diurnal;
}

/** PM2.5, µg/m³. Indoors: about half the outdoor level plus cooking fumes at meal times. */
export const pm25: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  const outdoor = outdoorPm25(state.siteKey, tMs);
  if (sensor.location.placement !== 'indoor') {
    const road = surfaceOf(sensor) === 'ROAD' ? 4 : 0;
    return (outdoor + road) * (1 + 0.05 * rng.normal()) + 0.5 * rng.normal();
  }
  const fumes = cooking(householdHour(state.roomKey, tMs)) * (15 + 45 * hashUnit(state.roomKey, 31));
  return (0.45 * outdoor + fumes + 3) * (1 + 0.05 * rng.normal());
};

/** Presence in the monitored room (0..1): sleepers at night, a share of the household by day. */
function presence(roomKey: number, tMs: number): number {
  const hour = householdHour(roomKey, tMs);
  return Math.max(sleeping(hour), 0.35 * occupancy(hour, isWeekend(tMs)));
}

/**
 * CO2, ppm. Indoors it builds up with the people present, with a lag of about an hour, highest
 * in closed, air-conditioned bedrooms at night, where it can pass the 1000 ppm limit.
 */
export const co2: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  if (sensor.location.placement !== 'indoor') return 420 + 15 * bump(localHour(tMs), 8, 1.5) + 3 * rng.normal();
  let load = 0;
  const weights = [0.3, 0.25, 0.2, 0.15, 0.1];
  weights.forEach((w, i) => (load += w * presence(state.roomKey, tMs - i * 20 * MINUTE_MS)));
  const closed = 0.65 + 0.35 * roomClimate(state.siteKey, state.roomKey, tMs).acLevel;
  const rise = (450 + 650 * hashUnit(state.roomKey, 41)) * closed;
  return (430 + rise * load) * (1 + 0.015 * rng.normal()) + 5 * rng.normal();
};

/**
 * TVOC, mg/m³: a low furnishing background that grows with temperature, with occasional spikes
 * from cleaning, cooking or decorating while residents are awake (GB/T 18883 limit 0.6).
 */
export const tvoc: SignalModel = (_sensor, tMs, dtMs, state, rng) => {
  const { tempC } = roomClimate(state.siteKey, state.roomKey, tMs);
  const background = (0.08 + 0.22 * hashUnit(state.roomKey, 51)) * (1 + 0.04 * (tempC - 25));
  const hour = localHour(tMs);
  const spike = advanceEpisode(state, tMs, dtMs, hour >= 7 && hour < 23 ? 0.12 : 0.01, rng, (startMs) => ({
    kind: 'event',
    startMs,
    riseMs: 3 * MINUTE_MS,
    holdMs: rng.range(5, 20) * MINUTE_MS,
    decayMs: 25 * MINUTE_MS,
    level: rng.range(0.4, 1.2),
  }));
  return (background + spike) * (1 + 0.03 * rng.normal());
};

/**
 * Formaldehyde, mg/m³: a low background whose emission rises with temperature, rare spikes
 * that reach past the 0.08 mg/m³ limit.
 */
export const formaldehyde: SignalModel = (_sensor, tMs, dtMs, state, rng) => {
  const { tempC } = roomClimate(state.siteKey, state.roomKey, tMs);
  const background = (0.015 + 0.045 * hashUnit(state.roomKey, 61)) * (1 + 0.06 * (tempC - 25));
  const spike = advanceEpisode(state, tMs, dtMs, 0.02, rng, (startMs) => ({
    kind: 'event',
    startMs,
    riseMs: 10 * MINUTE_MS,
    holdMs: rng.range(20, 60) * MINUTE_MS,
    decayMs: 40 * MINUTE_MS,
    level: rng.range(0.03, 0.07),
  }));
  return Math.max(0, background + spike + 0.002 * rng.normal());
};
