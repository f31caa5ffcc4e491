import { generateRegistry } from '@twin/models';
import { EVENT_CODES, type SensorDefinition } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { cutEpisode, episodeShape } from './episodes.ts';
import { localHour } from './localTime.ts';
import { createRng, streamKey } from './random.ts';
import { sampleValue } from './sampleValue.ts';
import { createSensorState, type Episode, type SignalOptions } from './sensorState.ts';
import { FRESH_AIR_TAU_MS, advanceFreshAirShare } from './signals/freshAir.ts';
import { GAS_ALARM_LEL } from './signals/gas.ts';
import { solarElevationDeg } from './solar.ts';

const registry = generateRegistry();
const sensor = (id: string): SensorDefinition => {
  const found = registry.sensors.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no sensor ${id} in the sample registry`);
  return found;
};

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** 2025-07-16 00:00 in Shenzhen (UTC+8), a Wednesday. */
const JULY_16 = Date.UTC(2025, 6, 15, 16, 0);

type Series = Array<[tMs: number, value: number | null]>;

function run(s: SensorDefinition, fromMs: number, toMs: number, stepMs: number, options: Partial<SignalOptions> = {}, seed = 1): Series {
  const state = createSensorState(s, seed, { faultMeanIntervalS: 0, ...options });
  const rng = createRng(streamKey(seed, s.id));
  const out: Series = [];
  for (let t = fromMs; t < toMs; t += stepMs) out.push([t, sampleValue(s, t, state, rng)]);
  return out;
}

function values(series: Series, fromHour = 0, toHour = 24): number[] {
  return series.filter(([t, v]) => v !== null && localHour(t) >= fromHour && localHour(t) < toHour).map(([, v]) => v!);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe('signal models', () => {
  it('are deterministic under a seed and differ between seeds', () => {
    const s = sensor('B03-F03-CO2-01');
    expect(run(s, JULY_16, JULY_16 + 6 * HOUR, MINUTE)).toEqual(run(s, JULY_16, JULY_16 + 6 * HOUR, MINUTE));
    expect(run(s, JULY_16, JULY_16 + 6 * HOUR, MINUTE, {}, 2)).not.toEqual(run(s, JULY_16, JULY_16 + 6 * HOUR, MINUTE, {}, 1));
  });

  it('ENV-2 outdoor temperature follows a Shenzhen summer day, peaking in the early afternoon', () => {
    const day = run(sensor('ZC-GREEN-TEMP-01'), JULY_16, JULY_16 + 24 * HOUR, 10 * MINUTE);
    const temps = values(day);
    expect(Math.min(...temps)).toBeGreaterThan(22);
    expect(Math.max(...temps)).toBeLessThan(36);
    expect(Math.max(...temps) - Math.min(...temps)).toBeGreaterThan(3);
    const hottest = day.reduce((a, b) => (b[1]! > a[1]! ? b : a));
    expect(localHour(hottest[0])).toBeGreaterThanOrEqual(11);
    expect(localHour(hottest[0])).toBeLessThanOrEqual(17);
  });

  it('ENV-2 paved plazas run warmer than the green reference station (heat island)', () => {
    const plaza = values(run(sensor('ZA-PLAZA-TEMP-01'), JULY_16, JULY_16 + 48 * HOUR, 10 * MINUTE));
    const green = values(run(sensor('ZC-GREEN-TEMP-01'), JULY_16, JULY_16 + 48 * HOUR, 10 * MINUTE));
    const intensity = mean(plaza) - mean(green);
    expect(intensity).toBeGreaterThan(0.5);
    expect(intensity).toBeLessThan(2.5);
  });

  it('ENV-2 air conditioning holds an occupied flat near its set point on a summer night', () => {
    const night = values(run(sensor('B03-F03-TEMP-01'), JULY_16, JULY_16 + 24 * HOUR, 10 * MINUTE), 0, 5);
    for (const t of night) expect(t).toBeGreaterThan(24);
    for (const t of night) expect(t).toBeLessThan(27.5);
  });

  it('ENV-2 outdoor humidity falls as temperature rises', () => {
    const from = JULY_16;
    const to = JULY_16 + 72 * HOUR;
    const temps = run(sensor('ZA-PLAZA-TEMP-01'), from, to, 10 * MINUTE).map(([, v]) => v!);
    const humidity = run(sensor('ZA-PLAZA-RH-01'), from, to, 10 * MINUTE).map(([, v]) => v!);
    expect(pearson(temps, humidity)).toBeLessThan(-0.5);
    for (const rh of humidity) expect(rh).toBeLessThanOrEqual(100);
  });

  it('ENV-3 outdoor illuminance follows the sun; street lights at night', () => {
    const day = run(sensor('ZA-PLAZA-LUX-01'), JULY_16, JULY_16 + 24 * HOUR, 10 * MINUTE);
    expect(Math.max(...values(day, 11, 14))).toBeGreaterThan(20_000);
    for (const lx of values(day, 0, 4)) expect(lx).toBeLessThan(50);
  });

  it('ENV-3 the sun stands almost overhead at noon on the June solstice in Futian (22.54°N)', () => {
    const solarNoon = Date.UTC(2025, 5, 21, 4, 24); // 12:24 local
    expect(solarElevationDeg(solarNoon, 22.54, 114.06)).toBeGreaterThan(85);
    expect(solarElevationDeg(Date.UTC(2025, 5, 21, 16, 0), 22.54, 114.06)).toBeLessThan(-30); // midnight local
  });

  it('ENV-3 flats light up in the evening and go dark when residents sleep', () => {
    const day = run(sensor('B03-F03-LUX-01'), JULY_16, JULY_16 + 24 * HOUR, 10 * MINUTE);
    expect(mean(values(day, 20, 22))).toBeGreaterThan(80);
    expect(Math.max(...values(day, 1, 4))).toBeLessThan(5);
  });

  it('ENV-4 night noise is lower than daytime noise, outdoors and in bedrooms', () => {
    for (const id of ['ZA-PLAZA-NOISE-01', 'ZB-ROAD-NOISE-01', 'B03-F03-NOISE-01']) {
      const week = run(sensor(id), JULY_16, JULY_16 + 3 * 24 * HOUR, MINUTE);
      const night = [...values(week, 23, 24), ...values(week, 0, 5)];
      expect(mean(night), id).toBeLessThan(mean(values(week, 9, 18)) - 5);
    }
  });

  it('ENV-4 noise now and then exceeds the limits: 35 dB(A) in bedrooms at night, 55 dB(A) outdoors by day', () => {
    const bedroom = run(sensor('B03-F03-NOISE-01'), JULY_16, JULY_16 + 7 * 24 * HOUR, 30_000);
    const nightly = [...values(bedroom, 22, 24), ...values(bedroom, 0, 6)];
    const bedroomShare = nightly.filter((v) => v > 35).length / nightly.length;
    expect(bedroomShare).toBeGreaterThan(0);
    expect(bedroomShare).toBeLessThan(0.1);
    const outdoor = values(run(sensor('ZB-ROAD-NOISE-01'), JULY_16, JULY_16 + 7 * 24 * HOUR, 30_000), 6, 22);
    const outdoorShare = outdoor.filter((v) => v > 55).length / outdoor.length;
    expect(outdoorShare).toBeGreaterThan(0);
    expect(outdoorShare).toBeLessThan(0.25);
  });

  it('ENV-5 bedroom CO2 builds up overnight and clears when residents are out', () => {
    const day = run(sensor('B03-F03-CO2-01'), JULY_16, JULY_16 + 24 * HOUR, 5 * MINUTE);
    expect(mean(values(day, 1, 6))).toBeGreaterThan(mean(values(day, 11, 16)) + 200);
    expect(Math.min(...values(day))).toBeGreaterThan(380);
  });

  it('ENV-5 TVOC and formaldehyde stay low, with rare spikes', () => {
    const tvoc = values(run(sensor('B03-F03-TVOC-01'), JULY_16, JULY_16 + 7 * 24 * HOUR, 2 * MINUTE));
    expect(tvoc.filter((v) => v > 0.6).length / tvoc.length).toBeLessThan(0.1);
    expect(Math.max(...tvoc)).toBeGreaterThan(0.6);
    const hcho = values(run(sensor('B03-F03-HCHO-01'), JULY_16, JULY_16 + 7 * 24 * HOUR, 2 * MINUTE));
    expect(mean(hcho)).toBeLessThan(0.08);
  });

  it('MUN-3 water flow has its night minimum (02:00-04:00) well below the morning peak; pressure moves the other way', () => {
    const flow = run(sensor('B03-IN-WFLOW-01'), JULY_16, JULY_16 + 3 * 24 * HOUR, 5 * MINUTE);
    expect(mean(values(flow, 2, 4))).toBeLessThan(0.3 * mean(values(flow, 7, 8)));
    const pressure = run(sensor('B03-IN-WPRESS-01'), JULY_16, JULY_16 + 3 * 24 * HOUR, 5 * MINUTE);
    expect(mean(values(pressure, 2, 4))).toBeGreaterThan(mean(values(pressure, 7, 8)) + 30);
  });

  it('MUN-1 power peaks in the evening and energy is a monotonic counter integrating it', () => {
    const from = JULY_16;
    const to = JULY_16 + 24 * HOUR;
    const power = run(sensor('B03-IN-KW-01'), from, to, MINUTE);
    expect(mean(values(power, 19, 22))).toBeGreaterThan(1.8 * mean(values(power, 2, 5)));
    // The engine pairs an energy counter with the power meter on its network element; so does this test.
    const rating = { powerRatingKw: sensor('B03-IN-KW-01').range!.max };
    const energy = run(sensor('B03-IN-KWH-01'), from, to + MINUTE, MINUTE, rating).map(([, v]) => v!);
    for (let i = 1; i < energy.length; i++) expect(energy[i]!).toBeGreaterThanOrEqual(energy[i - 1]!);
    const counted = energy.at(-1)! - energy[0]!;
    const integrated = values(power).reduce((a, kw) => a + kw / 60, 0);
    expect(Math.abs(counted - integrated) / integrated).toBeLessThan(0.03);
  });

  it('MUN-5 gas flow is highest at dinner time and near zero in the small hours', () => {
    const flow = run(sensor('B03-IN-GASFLOW-01'), JULY_16, JULY_16 + 24 * HOUR, 5 * MINUTE);
    expect(mean(values(flow, 18, 19))).toBeGreaterThan(5 * mean(values(flow, 2, 4)));
  });

  it('MUN-5 a forced gas leak climbs past 20 %LEL within tens of seconds, then decays', () => {
    const detector = sensor('B03-F03-LEL-01');
    const state = createSensorState(detector, 1, { faultMeanIntervalS: 0 });
    const rng = createRng(streamKey(1, detector.id));
    const t0 = JULY_16 + 10 * HOUR;
    const before: number[] = [];
    for (let t = t0 - 10 * MINUTE; t < t0; t += 5000) before.push(sampleValue(detector, t, state, rng)!);
    expect(Math.max(...before)).toBeLessThan(2);
    state.forcedLeakAtMs = t0;
    const during: Series = [];
    for (let t = t0; t <= t0 + 15 * MINUTE; t += 5000) during.push([t, sampleValue(detector, t, state, rng)]);
    const crossing = during.find(([, v]) => v! >= GAS_ALARM_LEL);
    expect(crossing).toBeDefined();
    expect(crossing![0] - t0).toBeGreaterThanOrEqual(5000);
    expect(crossing![0] - t0).toBeLessThanOrEqual(60_000);
    expect(during.at(-1)![1]!).toBeLessThan(5);
  });

  it('MUN-5 spontaneous leaks happen only where enabled', () => {
    const detector = sensor('NET-GRS-LEL-01');
    const quiet = values(run(detector, JULY_16, JULY_16 + 24 * HOUR, 5000));
    expect(Math.max(...quiet)).toBeLessThan(GAS_ALARM_LEL);
    const leaky = values(run(detector, JULY_16, JULY_16 + 24 * HOUR, 5000, { gasLeakMeanIntervalS: 2 * 3600 }));
    expect(Math.max(...leaky)).toBeGreaterThan(GAS_ALARM_LEL);
  });

  it('reports event kinds as EVENT_CODES only, with doors opening at busy hours', () => {
    const cases: Array<[string, number[]]> = [
      ['B03-F01-DOOR-01', Object.values(EVENT_CODES.door)],
      ['N1-VEH-GATE-01', Object.values(EVENT_CODES.gate)],
      ['GAR-B1-PARK-01', Object.values(EVENT_CODES.parking)],
      ['B03-F01-CAM-01', Object.values(EVENT_CODES.camera_status)],
    ];
    for (const [id, codes] of cases) {
      const day = values(run(sensor(id), JULY_16, JULY_16 + 24 * HOUR, sensor(id).samplingIntervalS * 1000));
      for (const v of day) expect(codes, id).toContain(v);
    }
    const door = values(run(sensor('N1-PED-DOOR-01'), JULY_16, JULY_16 + 24 * HOUR, 5000), 7, 9);
    expect(door.filter((v) => v === EVENT_CODES.door.open).length).toBeGreaterThan(10);
  });

  it('MUN-2 the garage is fuller at night than on a weekday afternoon', () => {
    const spaces = registry.sensors.filter((s) => s.kind === 'parking');
    let night = 0;
    let afternoon = 0;
    for (const space of spaces) {
      const day = run(space, JULY_16, JULY_16 + 24 * HOUR, 5 * MINUTE);
      night += mean(values(day, 2, 4));
      afternoon += mean(values(day, 13, 16));
    }
    expect(night / spaces.length).toBeGreaterThan(afternoon / spaces.length + 0.2);
  });

  it('cameras are online most of the time', () => {
    const cameras = registry.sensors.filter((s) => s.kind === 'camera_status').slice(0, 10);
    const all = cameras.flatMap((c) => values(run(c, JULY_16, JULY_16 + 7 * 24 * HOUR, 5 * MINUTE)));
    expect(all.filter((v) => v === EVENT_CODES.camera_status.online).length / all.length).toBeGreaterThan(0.95);
  });

  it('injects device faults: dropouts (no reading) and stuck values', () => {
    const series = run(sensor('ZA-PLAZA-TEMP-01'), JULY_16, JULY_16 + 3 * 24 * HOUR, MINUTE, { faultMeanIntervalS: 3600 });
    expect(series.some(([, v]) => v === null)).toBe(true);
    let longestRun = 1;
    let runLength = 1;
    for (let i = 1; i < series.length; i++) {
      runLength = series[i]![1] !== null && series[i]![1] === series[i - 1]![1] ? runLength + 1 : 1;
      longestRun = Math.max(longestRun, runLength);
    }
    expect(longestRun).toBeGreaterThanOrEqual(5);
  });
});

describe('device effects on signals', () => {
  const leak = (startMs = 0): Episode => ({ kind: 'leak', startMs, riseMs: 60_000, holdMs: 60_000, decayMs: 120_000, level: 50 });

  it('MUN-5 a cut episode never rises again, and one cut before its start never rises at all', () => {
    const episode = leak();
    cutEpisode(episode, 20_000, 180_000);
    const atCut = episodeShape(episode, 20_000);
    let previous = atCut;
    for (let t = 21_000; t <= 240_000; t += 1000) {
      const shape = episodeShape(episode, t);
      expect(shape).toBeLessThanOrEqual(previous);
      previous = shape;
    }
    expect(episodeShape(episode, 20_000 + 180_000)).toBeLessThanOrEqual(atCut / Math.E + 1e-12);
    const early = leak(10_000);
    cutEpisode(early, 0, 180_000);
    expect(episodeShape(early, 40_000)).toBe(0);
    cutEpisode(early, 30_000, 60_000);
    expect(early.cut).toEqual({ atMs: 10_000, tauMs: 180_000 });
  });

  it('ENV-5 a fresh-air unit cleans a room with a ten-minute time constant, from the moment it switches', () => {
    const tau = FRESH_AIR_TAU_MS;
    expect(advanceFreshAirShare(0, { state: 'on', sinceMs: 0 }, 0, tau)).toBeCloseTo(1 - 1 / Math.E, 12);
    expect(advanceFreshAirShare(0, { state: 'on', sinceMs: tau }, 0, 2 * tau)).toBeCloseTo(1 - 1 / Math.E, 12);
    expect(advanceFreshAirShare(1, { state: 'off', sinceMs: 0 }, 0, tau)).toBeCloseTo(1 / Math.E, 12);
    expect(advanceFreshAirShare(0, { state: 'off', sinceMs: 0 }, 0, 5 * tau)).toBe(0);
    expect(advanceFreshAirShare(0.5, { state: 'on', sinceMs: 3 * tau }, 0, 2 * tau)).toBeCloseTo(0.5 / Math.E ** 2, 12);
  });
});
