import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRegistryPath } from '@twin/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry, parseReplaySpec, parseScenarios, runSimulation } from './simulateMain.ts';
import { startTestBroker, type TestBroker } from './testBroker.ts';

let broker: TestBroker;
let scratch: string;

beforeAll(async () => {
  broker = await startTestBroker('simulator', 'token');
  scratch = mkdtempSync(join(tmpdir(), 'twin-simulate-'));
});

afterAll(async () => {
  await broker?.close();
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe('simulate command', () => {
  it('loads and validates the sample registry by default path', () => {
    const registry = loadRegistry(defaultRegistryPath);
    expect(registry.sensors.length).toBeGreaterThanOrEqual(300);
  });

  it('names the file and the problem when the registry is invalid', () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, community: { id: 'c', name: 'c' }, sensors: [{ id: 'x', kind: 'noise', unit: 'dB' }] }));
    expect(() => loadRegistry(bad)).toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid`));
    expect(() => loadRegistry(join(scratch, 'missing.json'))).toThrow(/cannot read the sensor registry/);
  });

  it('parses replay specs, grouping sensors per data set and accepting aliases', () => {
    expect(parseReplaySpec('occupancy:A,beijing-pm25:B,occupancy:C,dongsi', { speedUp: 60 })).toEqual([
      { dataset: 'occupancy', sensors: ['A', 'C'], speedUp: 60 },
      { dataset: 'dongsi', sensors: ['B'], speedUp: 60 },
    ]);
    expect(parseReplaySpec('occupancy')).toEqual([{ dataset: 'occupancy' }]);
    expect(() => parseReplaySpec('weather:X')).toThrow(/unknown replay data set weather/);
  });

  it('MUN-5 parses gas-leak scenarios with an optional detector and delay', () => {
    expect(parseScenarios(['gas-leak', 'gas-leak:B01-GV-LEL-01', 'gas-leak:B01-GV-LEL-01@30'])).toEqual([
      { delayS: 0 },
      { sensorId: 'B01-GV-LEL-01', delayS: 0 },
      { sensorId: 'B01-GV-LEL-01', delayS: 30 },
    ]);
    expect(() => parseScenarios(['flood'])).toThrow(/unknown scenario flood/);
  });

  it('runs for the given duration with CLI-style options, forcing a gas leak, then stops cleanly', async () => {
    const lines: string[] = [];
    const sigintBefore = process.listenerCount('SIGINT');
    const run = runSimulation({
      mqttUrl: broker.url,
      username: 'simulator',
      password: 'token',
      seed: '3',
      rate: '30',
      sensors: 'B01-GV-LEL-01,B01-F03-TEMP-01,ZA-PLAZA-NOISE-01',
      gasLeak: 'B01-GV-LEL-01',
      durationS: '1',
      log: (line) => lines.push(line),
    });
    const stats = await run;
    expect(stats.sensors).toBe(3);
    expect(stats.messages).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/gas leak forced on B01-GV-LEL-01/);
    expect(lines.join('\n')).toMatch(/stopped after/);
    expect(process.listenerCount('SIGINT')).toBe(sigintBefore);
  });

  it('stops on SIGINT/SIGTERM listeners it installs, and on an abort signal', async () => {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
    const controller = new AbortController();
    const run = runSimulation({ mqttUrl: broker.url, username: 'simulator', password: 'token', sensors: 'B01-F03-TEMP-01', signal: controller.signal, log: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(process.listenerCount('SIGINT')).toBe(before.int + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before.term + 1);
    controller.abort();
    await run;
    expect(process.listenerCount('SIGINT')).toBe(before.int);
    expect(process.listenerCount('SIGTERM')).toBe(before.term);
  });

  it('rejects bad options before connecting', async () => {
    await expect(runSimulation({ mqttUrl: broker.url, rate: '-1', log: () => {} })).rejects.toThrow(/--rate must be a positive number/);
    await expect(runSimulation({ mqttUrl: broker.url, username: 'simulator', password: 'token', scenario: 'gas-leak:B01-F03-TEMP-01', sensors: 'B01-F03-TEMP-01', log: () => {}, handleSignals: false })).rejects.toThrow(/not a gas detector/);
  });

  it('skips a replay with a clear message when the data folder is absent', async () => {
    const lines: string[] = [];
    await runSimulation({ mqttUrl: broker.url, username: 'simulator', password: 'token', sensors: 'B01-F03-CO2-01', replay: 'occupancy', replayDir: join(scratch, 'no-data'), durationS: 0.2, log: (l) => lines.push(l), handleSignals: false });
    expect(lines.join('\n')).toMatch(/replay skipped: .*no-data.* is absent .*stay synthetic/);
  });
});
