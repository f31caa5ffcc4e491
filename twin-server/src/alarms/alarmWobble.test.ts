import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import type { AlarmDto, AlarmEventDto } from '@twin/protocol';
import { startTestServer } from '../test/testServer.ts';
import { testCatalog, testSensor } from '../test/testCatalog.ts';

// One gas detector, two rules on it: the damped rule has the ISA-18.2 remedies against
// chattering (deadband, on-delay, off-delay); the bare rule has none and shows what the same
// readings do without them.
const DETECTOR = 'wobble-lel-1';
const LIMIT = 20;
const DEADBAND = 1;
const ON_DELAY_MS = 5_000;
const OFF_DELAY_MS = 10_000;
const DAMPED = `gas-damped/${DETECTOR}`;
const BARE = `gas-bare/${DETECTOR}`;

const registry = testCatalog([testSensor(DETECTOR, 'gas_lel')]).registry;
const rules = {
  version: 1,
  rules: [
    {
      id: 'gas-damped',
      name: '可燃气体浓度报警',
      nameEn: 'Combustible gas alarm',
      match: { sensorIds: [DETECTOR] },
      condition: { type: 'high', limit: LIMIT, deadband: DEADBAND, onDelayMs: ON_DELAY_MS, offDelayMs: OFF_DELAY_MS },
      severity: 'critical',
    },
    { id: 'gas-bare', name: '可燃气体浓度报警（无滤波）', nameEn: 'Combustible gas alarm, undamped', match: { sensorIds: [DETECTOR] }, condition: { type: 'high', limit: LIMIT }, severity: 'low' },
  ],
};

// Readings one a second for well over a minute, %LEL.
const phases = {
  /** Around the limit, never at or above it for as long as the on-delay. */
  chatter: Array.from({ length: 5 }, () => [20.2, 19.8, 20.3, 19.9, 20.1, 19.7]).flat(),
  /** At or above the limit for longer than the on-delay: the one activation. */
  sustained: [20.4, 20.2, 20.6, 20.3, 20.5, 20.1, 20.4, 20.2],
  /** Back around the limit and below it for longer than the off-delay, but never below limit − deadband. */
  withinDeadband: [19.6, 20.3, 19.4, 20.2, 19.5, 19.7, 19.3, 19.6, 19.4, 19.8, 19.5, 19.2, 19.6, 19.4, 19.7, 19.5, 19.3, 20.1, 19.7, 20.2],
  /** Below limit − deadband for less than the off-delay, then back. */
  shortDip: [18.5, 18.7, 18.4, 18.6, 18.5, 19.8, 20.2, 19.6, 20.3],
  /** Clearly below for longer than the off-delay: the one return. */
  clear: [17.2, 17.0, 16.8, 17.1, 16.9, 17.0, 16.7, 16.8, 16.6, 16.9, 16.5, 16.7],
};
const series = [...phases.chatter, ...phases.sustained, ...phases.withinDeadband, ...phases.shortDip, ...phases.clear];
const sustainedAt = phases.chatter.length;
const clearAt = sustainedAt + phases.sustained.length + phases.withinDeadband.length + phases.shortDip.length;

describe('a value wobbling around a limit (PLAT-8, MUN-5)', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let device: MqttClient;
  let firstMs: number;

  beforeAll(async () => {
    const rulesDir = await mkdtemp(join(tmpdir(), 'twin-rules-'));
    const alarmRulesPath = join(rulesDir, 'alarm-rules.json');
    await writeFile(alarmRulesPath, JSON.stringify(rules));
    try {
      t = await startTestServer(registry, { alarmRulesPath });
    } finally {
      // The rules are read once, at start.
      await rm(rulesDir, { recursive: true, force: true });
    }
    device = await t.device('wobble-detector');
    // The readings are stamped from a minute ahead of the server's clock (accepted up to five
    // minutes ahead). Ticks run on the server's clock, so while the test runs a tick never
    // reaches a reading's time: every delay is measured between readings, and where the alarm
    // activates and returns depends on the series alone.
    firstMs = Date.now() + 60_000;
    for (const [i, value] of series.entries()) {
      await device.publishAsync('twin/v1/telemetry', JSON.stringify({ sensor: DETECTOR, readings: [[firstMs + i * 1000, value]] }), { qos: 1 });
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const history = async (alarmId: string): Promise<AlarmEventDto[]> => {
    const response = await t.http(`/api/alarms/events?alarmId=${encodeURIComponent(alarmId)}&limit=1000`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { events: AlarmEventDto[] }).events.reverse();
  };

  it('PLAT-8 without deadband and delays the same readings raise the alarm at every upward crossing', async () => {
    const crossings = series.filter((v, i) => v >= LIMIT && (i === 0 || series[i - 1]! < LIMIT)).length;
    expect(crossings).toBeGreaterThan(20);
    const raised = (await history(BARE)).filter((e) => e.type === 'raised');
    expect(raised).toHaveLength(crossings);
  });

  it('MUN-5 with deadband and on-delay the wobble raises exactly one alarm, once the value has held the limit for the on-delay', async () => {
    const events = await history(DAMPED);
    const raised = events.filter((e) => e.type === 'raised');
    expect(raised).toHaveLength(1);
    // Pending from the first sustained reading, active at the reading five seconds later.
    expect(raised[0]).toMatchObject({ atMs: firstMs + (sustainedAt + ON_DELAY_MS / 1000) * 1000, stateAfter: 'unack_active', value: series[sustainedAt + ON_DELAY_MS / 1000] });
  });

  it('PLAT-8 a dip shorter than the off-delay does not clear it; a clear drop beyond the deadband for longer than the off-delay returns it once', async () => {
    const events = await history(DAMPED);
    expect(events.map((e) => e.type)).toEqual(['raised', 'returned']);
    expect(events[1]).toMatchObject({ atMs: firstMs + (clearAt + OFF_DELAY_MS / 1000) * 1000, stateBefore: 'unack_active', stateAfter: 'rtn_unack', value: series[clearAt + OFF_DELAY_MS / 1000] });
    const { alarms } = (await (await t.http('/api/alarms')).json()) as { alarms: AlarmDto[] };
    expect(alarms.find((a) => a.id === DAMPED)).toMatchObject({ state: 'rtn_unack', active: false });
  });
});
