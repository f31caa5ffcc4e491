import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAlarmRules, type Advisory, type AdvisoryCondition } from '@twin/domain';
import type { SensorDefinition, SensorRegistry } from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';
import { batchOf, testSensor } from '../storage/testing/storageFixtures.ts';
import { TelemetryStore, type WindowQuery } from '../storage/telemetryStore.ts';
import { eventually } from '../test/testServer.ts';
import { EarlyWarningJob, type EarlyWarningJobDeps } from './earlyWarningJob.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Living-room thermometers with 16–28 °C limits, and a door, which has none. */
const thermometer = (id: string): SensorDefinition => ({ ...testSensor(id, 'temperature'), thresholds: { day: { low: 16, high: 28 } } });
const SENSORS = [thermometer('T1'), thermometer('T2'), thermometer('T3'), thermometer('T4'), thermometer('T5'), testSensor('DOOR', 'door')];
const registry: SensorRegistry = { version: 1, community: { id: 'test', name: '测试社区' }, sensors: SENSORS };

interface Advice {
  sensorId: string;
  condition: AdvisoryCondition;
  advisory: Advisory | null;
}

/** A logger that keeps what the job says. */
function recordingLogger(lines: Array<{ message: string; fields: Record<string, unknown> }>): Logger {
  const logger: Logger = {
    debug: () => {},
    info: (message, fields = {}) => lines.push({ message, fields }),
    warn: () => {},
    error: (message, fields = {}) => lines.push({ message, fields }),
    child: () => logger,
  };
  return logger;
}

describe('EarlyWarningJob (PROP-2 g)', () => {
  let store: TelemetryStore;
  const now = Date.now();

  beforeAll(async () => {
    store = await TelemetryStore.open(':memory:');
    const keys = await store.syncSensors(SENSORS);
    // T3 warms 2 °C an hour to 24 °C: 28 °C in 2 h. The others hold 21 °C.
    const rows: Array<[number, number, number]> = [];
    for (let m = 120; m >= 0; m--) {
      const tMs = now - m * MINUTE;
      keys.slice(0, 5).forEach((key, i) => rows.push([key, tMs, i === 2 ? 24 - (m / 60) * 2 : 21]));
    }
    await store.commitReadings(batchOf(rows));
  });

  afterAll(async () => {
    await store?.close();
  });

  function jobWith(overrides: Partial<EarlyWarningJobDeps>, options: { intervalMs: number; firstRoundDelayMs?: number }) {
    const advice: Advice[] = [];
    const lines: Array<{ message: string; fields: Record<string, unknown> }> = [];
    const queries: WindowQuery[] = [];
    const deps: EarlyWarningJobDeps = {
      store: {
        queryWindow: (query) => {
          queries.push(query);
          return store.queryWindow(query);
        },
      },
      alarms: { advise: (sensorId, condition, advisory) => advice.push({ sensorId, condition, advisory }) },
      catalog: { registry },
      rules: defaultAlarmRules(registry).rules,
      logger: recordingLogger(lines),
      now: () => now,
      ...overrides,
    };
    const job = new EarlyWarningJob(deps, { sensorsPerQuery: 2, ...options });
    return { job, advice, lines, queries };
  }

  it('PROP-2 g checks every sensor with a limit, a few sensors per query, and advises on each', async () => {
    const { job, advice, queries } = jobWith({}, { intervalMs: HOUR, firstRoundDelayMs: HOUR });
    const round = await job.runNow();
    await job.close();
    expect(round).toMatchObject({ sensors: 5, trends: 1, deviations: 0, queries: 6 });
    expect(queries.map((q) => [q.resolution, q.sensorIds])).toEqual([
      ['1m', ['T1', 'T2']],
      ['1h', ['T1', 'T2']],
      ['1m', ['T3', 'T4']],
      ['1h', ['T3', 'T4']],
      ['1m', ['T5']],
      ['1h', ['T5']],
    ]);
    const trends = advice.filter((a) => a.condition === 'trend' && a.advisory !== null);
    expect(trends).toMatchObject([{ sensorId: 'T3', advisory: { direction: 'high', limit: 28, lastValue: 24 } }]);
    expect(advice.filter((a) => a.condition === 'profile_deviation').every((a) => a.advisory === null)).toBe(true);
  });

  it('PLAT-8 clears the advisories of sensors without a limit, left from before a restart', async () => {
    const { job, advice } = jobWith({}, { intervalMs: HOUR, firstRoundDelayMs: HOUR });
    await job.runNow();
    await job.close();
    expect(advice.filter((a) => a.sensorId === 'DOOR')).toEqual([
      { sensorId: 'DOOR', condition: 'trend', advisory: null },
      { sensorId: 'DOOR', condition: 'profile_deviation', advisory: null },
    ]);
  });

  it('PROP-2 g runs after its first delay and then every interval, one round at a time, logging each; close stops it', async () => {
    let reading = 0;
    let mostAtOnce = 0;
    const counted: EarlyWarningJobDeps['store'] = {
      queryWindow: async (query) => {
        mostAtOnce = Math.max(mostAtOnce, ++reading);
        try {
          return await store.queryWindow(query);
        } finally {
          reading--;
        }
      },
    };
    const { job, lines } = jobWith({ store: counted }, { intervalMs: 20, firstRoundDelayMs: 0 });
    const asked = job.runNow();
    await eventually(() => (lines.length >= 3 ? true : undefined), 10_000, 'three rounds');
    await asked;
    await job.close();
    const done = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.length).toBe(done);
    expect(mostAtOnce).toBe(1);
    expect(lines[0]).toMatchObject({ message: 'early warning round done', fields: { sensors: 5, trends: 1, durationMs: expect.any(Number) } });
  });

  it('PLAT-8 logs a failed round and runs the next one', async () => {
    let failures = 1;
    const flaky: EarlyWarningJobDeps['store'] = {
      queryWindow: (query) => (failures-- > 0 ? Promise.reject(new Error('disk on fire')) : store.queryWindow(query)),
    };
    const { job, lines } = jobWith({ store: flaky }, { intervalMs: 20, firstRoundDelayMs: 0 });
    await eventually(() => (lines.length >= 2 ? true : undefined), 10_000, 'two rounds');
    await job.close();
    expect(lines.slice(0, 2).map((l) => l.message)).toEqual(['early warning round failed', 'early warning round done']);
    expect(lines[0]!.fields).toEqual({ error: 'Error: disk on fire' });
  });
});
