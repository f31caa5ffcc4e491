/**
 * Heat, light and noise (ENV-2, ENV-3, ENV-4).
 */
import { isNight, isWeekend, localHour } from '../localTime.ts';
import { bedroomNoiseBase, occupancy, outdoorNoiseBase, sleeping } from '../profiles.ts';
import { hashUnit, smoothNoise } from '../random.ts';
import { surfaceOf } from '../sensorState.ts';
import { advanceEpisode } from '../episodes.ts';
import { clearSkyIlluminanceLx, solarElevationDeg } from '../solar.ts';
import type { SignalModel } from './signalModel.ts';
import { cloudiness, householdHour, outdoorAirTempC, outdoorHumidity, roomClimate } from './weather.ts';

const MINUTE_MS = 60_000;

/**
 * Temperature, °C. Outdoors: the site's air temperature plus the heat-island offset of the
 * surroundings, strongest at night (ENV-2). Indoors: the flat's climate under its air conditioner.
 */
export const temperature: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  const bias = 0.3 * (hashUnit(state.sensorKey, 1) - 0.5);
  if (sensor.location.placement === 'outdoor') {
    const island = state.heatIslandC * (isNight(tMs) ? 1 : 0.7);
    return outdoorAirTempC(state.siteKey, tMs) + island + bias + 0.05 * rng.normal();
  }
  return roomClimate(state.siteKey, state.roomKey, tMs).tempC + bias + 0.05 * rng.normal();
};

/** Relative humidity, %RH: moisture nearly constant through a day, so it falls as air warms. */
export const humidity: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  if (sensor.location.placement === 'outdoor') {
    const island = state.heatIslandC * (isNight(tMs) ? 1 : 0.7);
    return outdoorHumidity(state.siteKey, tMs, outdoorAirTempC(state.siteKey, tMs) + island) + 0.4 * rng.normal();
  }
  return roomClimate(state.siteKey, state.roomKey, tMs).humidity + 0.4 * rng.normal();
};

/** Daylight on the horizontal at the sensor, lux, from the sun's elevation and the clouds. */
function daylightLx(latDeg: number, lonDeg: number, siteKey: number, tMs: number): number {
  const clear = clearSkyIlluminanceLx(solarElevationDeg(tMs, latDeg, lonDeg));
  return clear * (1 - 0.75 * cloudiness(siteKey, tMs));
}

/**
 * Illuminance, lux (ENV-3). Outdoors: daylight following the sun, street lighting after dusk.
 * Indoors: daylight through the windows plus lighting: lobbies and the garage are lit from dusk
 * to dawn, flats turn lights on when residents are home, awake and it is dark (about 100 lx, the
 * GB 50034 living-room level).
 */
export const illuminance: SignalModel = (sensor, tMs, _dtMs, state, rng) => {
  const { lat, lon, placement, storey } = sensor.location;
  const daylight = daylightLx(lat, lon, state.siteKey, tMs);
  const elevation = solarElevationDeg(tMs, lat, lon);
  if (placement === 'outdoor' || placement === 'network') {
    const surface = surfaceOf(sensor);
    const lamps = elevation < -2 ? (surface === 'GREEN' ? 4 : surface === undefined ? 8 : 15) : 0;
    return (daylight + lamps) * (1 + 0.02 * rng.normal());
  }
  const publicSpace = storey === 'F01' || storey?.startsWith('B') === true;
  if (publicSpace) {
    const lighting = elevation < 5 ? 150 : 60;
    return (0.03 * daylight + lighting) * (1 + 0.02 * rng.normal());
  }
  const hour = householdHour(state.roomKey, tMs);
  const daylightFactor = 0.008 + 0.015 * hashUnit(state.roomKey, 21);
  const indoorDaylight = daylight * daylightFactor;
  const awakeAtHome = occupancy(hour, isWeekend(tMs)) > 0.5 && sleeping(hour) < 0.5;
  const lights = awakeAtHome && indoorDaylight < 80 ? 95 + 60 * hashUnit(state.roomKey, 23) : 0;
  return (indoorDaylight + lights) * (1 + 0.02 * rng.normal());
};

/** Sum of two sound levels, dB. */
function addLevels(a: number, b: number): number {
  return 10 * Math.log10(10 ** (a / 10) + 10 ** (b / 10));
}

/**
 * Sound level, dB(A) (ENV-4). Outdoors: traffic-driven, quiet at night, louder by roads, with
 * square dancing on plazas some evenings and passing events (a truck, a horn, works) that now
 * and then exceed the GB 3096 class-1 limits (55 dB(A) day, 45 night). In bedrooms with windows
 * closed: 28-31 dB(A) at night, upper 30s by day, with occasional neighbour or traffic noise
 * beyond the 45/35 dB(A) limits.
 */
export const noise: SignalModel = (sensor, tMs, dtMs, state, rng) => {
  const hour = localHour(tMs);
  const night = isNight(tMs);
  const wobble = 1.2 * smoothNoise(state.sensorKey, tMs, 3 * MINUTE_MS) + 0.3 * rng.normal();
  if (sensor.location.placement !== 'indoor') {
    const surface = surfaceOf(sensor);
    let level = outdoorNoiseBase(hour) + (surface === 'ROAD' ? 3 : surface === 'GREEN' ? -3 : 0) + wobble;
    const dancingTonight = hashUnit(state.siteKey, Math.floor(tMs / 86_400_000), 99) < 0.6;
    if (surface === 'PLAZA' && dancingTonight && hour >= 19.5 && hour < 21) level = addLevels(level, 56 + 2 * rng.normal());
    const event = advanceEpisode(state, tMs, dtMs, night ? 0.6 : 3, rng, (startMs) => ({
      kind: 'event',
      startMs,
      riseMs: 3_000,
      holdMs: rng.range(15_000, 120_000),
      decayMs: 6_000,
      level: night ? rng.range(48, 62) : rng.range(55, 70),
    }));
    return event > 0 ? addLevels(level, event) : level;
  }
  const level = bedroomNoiseBase(hour) + 0.7 * wobble;
  const event = advanceEpisode(state, tMs, dtMs, night ? 0.3 : 1.5, rng, (startMs) => ({
    kind: 'event',
    startMs,
    riseMs: 2_000,
    holdMs: rng.range(10_000, 90_000),
    decayMs: 4_000,
    level: night ? rng.range(32, 42) : rng.range(38, 52),
  }));
  return event > 0 ? addLevels(level, event) : level;
};
