import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateRegistry } from '@twin/models';
import { describe, expect, it } from 'vitest';
import { defaultReplayDataDir, loadReplaySeries, parseDongsi, parseOccupancy, planReplayFeeds, REPLAY_DATASETS, ReplayDataMissingError } from './replay.ts';
import { SimulationEngine } from './simulationEngine.ts';
import type { CompactBatch, SenmlRecord } from './payloads.ts';

const registry = generateRegistry();
const occupancyPresent = existsSync(join(defaultReplayDataDir, REPLAY_DATASETS.occupancy.file));
const dongsiPresent = existsSync(join(defaultReplayDataDir, REPLAY_DATASETS.dongsi.file));
if (!occupancyPresent || !dongsiPresent) {
  console.warn(`skipping replays of real data: ${defaultReplayDataDir} is absent or incomplete (the shared data folder is not present)`);
}

// Made-up rows in the layout of each data set (a header of names; occupancy rows lead with a row number).
const OCCUPANCY_TEXT = [
  '"date","Temperature","Humidity","Light","CO2","HumidityRatio","Occupancy"',
  '"1","2020-01-01 00:00:00",20.5,30,0,450,0.004,0',
  '"2","2020-01-01 00:01:00",20.6,30.5,NA,455,0.004,0',
  '"3","2020-01-01 00:02:00",20.7,31,400,470,0.004,1',
].join('\n');
const DONGSI_TEXT = [
  '"No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station"',
  '1,2020,1,1,0,12,20,3,17,300,80,5.0,1020,-5.0,0,"N",2,"Dongsi"',
  '2,2020,1,1,1,NA,NA,NA,NA,NA,NA,4.5,1020,NA,0,"N",2,"Dongsi"',
].join('\n');

function readingsOf(messages: ReturnType<SimulationEngine['step']>, id: string): Array<[number, number]> {
  return messages.flatMap((m) => {
    if (m.format === 'senml') return m.topic.endsWith(`/${id}`) ? (JSON.parse(m.payload) as SenmlRecord[]).map((r) => [Math.round(r.t * 1000), r.v] as [number, number]) : [];
    return (JSON.parse(m.payload) as CompactBatch[]).filter((b) => b.sensor === id).flatMap((b) => b.readings);
  });
}

describe('replay', () => {
  it('parses the occupancy layout; NA and other non-numbers are gaps', () => {
    const series = parseOccupancy(OCCUPANCY_TEXT);
    expect(series.timesMs).toEqual([Date.UTC(2020, 0, 1, 0, 0), Date.UTC(2020, 0, 1, 0, 1), Date.UTC(2020, 0, 1, 0, 2)]);
    expect(series.columns.temperature).toEqual([20.5, 20.6, 20.7]);
    expect(series.columns.illuminance).toEqual([0, Number.NaN, 400]);
    expect(series.columns.co2).toEqual([450, 455, 470]);
  });

  it('parses the Beijing station layout and derives humidity from temperature and dew point', () => {
    const series = parseDongsi(DONGSI_TEXT);
    expect(series.columns.pm25).toEqual([12, Number.NaN]);
    expect(series.columns.temperature).toEqual([5, 4.5]);
    expect(series.columns.humidity![0]).toBeCloseTo(48.4, 1); // Magnus formula, 5 °C with a -5 °C dew point
    expect(series.columns.humidity![1]).toBeNaN();
  });

  it('plays a series time-shifted to the start and sped up, skipping gaps', () => {
    const series = parseOccupancy(OCCUPANCY_TEXT);
    const lux = 'B01-F03-LUX-01';
    const feeds = planReplayFeeds(registry.sensors, series, { dataset: 'occupancy', sensors: [lux], speedUp: 60, loop: false });
    const start = Date.UTC(2025, 6, 16);
    const engine = new SimulationEngine({ registry, seed: 1, sensors: [lux], replayFeeds: feeds }, start);
    const played = readingsOf([...engine.step(start), ...engine.step(start + 5000)], lux);
    expect(played).toEqual([[start, 0], [start + 2000, 400]]);
  });

  it('picks the first sensor of each kind the data set measures when none is named', () => {
    const feeds = planReplayFeeds(registry.sensors, parseOccupancy(OCCUPANCY_TEXT), { dataset: 'occupancy' });
    expect(feeds.map((f) => f.kind)).toEqual(['temperature', 'humidity', 'illuminance', 'co2']);
    for (const feed of feeds) expect(registry.sensors.find((s) => s.id === feed.sensorId)?.location.placement).toBe('indoor');
  });

  it('refuses a sensor whose kind the data set does not measure', () => {
    expect(() => planReplayFeeds(registry.sensors, parseOccupancy(OCCUPANCY_TEXT), { dataset: 'occupancy', sensors: ['B01-F03-NOISE-01'] })).toThrow(/noise sensor; this data set has/);
  });

  it('reports a missing data folder as ReplayDataMissingError', () => {
    expect(() => loadReplaySeries('occupancy', '/nonexistent/shared/data/sensors')).toThrow(ReplayDataMissingError);
  });

  it.skipIf(!occupancyPresent)('replays UCI Occupancy Detection (Candanedo & Feldheim 2016, CC-BY-4.0) onto indoor sensors', () => {
    const series = loadReplaySeries('occupancy');
    expect(series.timesMs.length).toBeGreaterThan(8000);
    const co2 = 'B02-F03-CO2-01';
    const feeds = planReplayFeeds(registry.sensors, series, { dataset: 'occupancy', sensors: [co2], speedUp: 600 });
    const start = Date.UTC(2025, 6, 16);
    const engine = new SimulationEngine({ registry, seed: 1, sensors: [co2], replayFeeds: feeds }, start);
    const played = readingsOf(engine.step(start + 60_000), co2);
    // Ten minutes of the recording per second of wall time: about 600 rows in the first minute.
    expect(played.length).toBeGreaterThan(550);
    expect(played.slice(0, 3).map(([, v]) => v)).toEqual(series.columns.co2!.slice(0, 3));
    for (const [t] of played) expect(t).toBeLessThanOrEqual(start + 60_000);
  });

  it.skipIf(!dongsiPresent)('replays Beijing Dongsi PM2.5 (Chen 2017, CC-BY-4.0) with its NA gaps as missing readings', () => {
    const series = loadReplaySeries('dongsi');
    const gaps = series.columns.pm25!.filter((v) => Number.isNaN(v)).length;
    expect(gaps).toBeGreaterThan(0);
    const pm = 'ZA-PLAZA-PM25-01';
    const feeds = planReplayFeeds(registry.sensors, series, { dataset: 'dongsi', sensors: [pm], speedUp: 3600 * 1000 });
    const start = Date.UTC(2025, 6, 16);
    const engine = new SimulationEngine({ registry, seed: 1, sensors: [pm], replayFeeds: feeds }, start);
    const played = readingsOf(engine.step(start + 10), pm);
    const firstRows = series.columns.pm25!.slice(0, 11);
    expect(played.map(([, v]) => v)).toEqual(firstRows.filter((v) => !Number.isNaN(v)));
  });
});
