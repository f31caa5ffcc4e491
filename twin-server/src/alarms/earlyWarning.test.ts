import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegistry } from '@twin/models';
import type { AlarmDto } from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';
import { eventually, startTestServer } from '../test/testServer.ts';

// Early warning from the history in DuckDB with real parts (REQ PROP-2 g): readings go in over
// HTTP with the device token, the early-warning job reads the rollups of the sample community's
// 3,893 sensors every half second, and advisory alarms come out of GET /api/alarms.

const registry = generateRegistry();
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Rising 5 %LEL an hour to 12 %LEL: the 20 %LEL limit in 1.6 h. */
const RISING = 'B01-F03-LEL-01';
const FLAT = 'B01-F08-LEL-01';
/** A living room with its usual daily course, 16–28 °C limits. */
const LIVING_ROOM = 'B01-F13-TEMP-01';

/** The living room's usual temperature: 21 ± 2 °C over the day, varying a little from day to day. */
function usualAt(tMs: number): number {
  return 21 + 2 * Math.sin((2 * Math.PI * ((tMs / HOUR) % 24)) / 24) + ((Math.floor(tMs / DAY) % 3) - 1) * 0.1;
}

/** A logger that notes the early-warning rounds the server completes. */
function roundLogger(rounds: Array<Record<string, unknown>>): Logger {
  const logger: Logger = {
    debug: () => {},
    info: (message, fields) => {
      if (message === 'early warning round done') rounds.push(fields ?? {});
    },
    warn: () => {},
    error: () => {},
    child: () => logger,
  };
  return logger;
}

describe('early warning from history (PROP-2 g, PLAT-8): advisory alarms of severity low', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const rounds: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    t = await startTestServer(registry, { earlyWarningIntervalMs: 500 }, roundLogger(rounds));
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  async function ingest(batches: Array<{ sensor: string; readings: Array<[number, number]> }>): Promise<void> {
    const response = await t.http('/api/ingest', { method: 'POST', token: t.server.devices.secrets.deviceToken, headers: { 'content-type': 'application/json' }, body: JSON.stringify(batches) });
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as { accepted: number; rejected: number };
    expect(receipt).toMatchObject({ accepted: batches.reduce((n, b) => n + b.readings.length, 0), rejected: 0 });
  }

  /** Waits until two more rounds are done: the second one started after the call. */
  async function nextFullRound(): Promise<void> {
    const seen = rounds.length;
    await eventually(() => (rounds.length >= seen + 2 ? true : undefined), 30_000, 'two early-warning rounds');
  }

  async function alarm(id: string): Promise<AlarmDto | undefined> {
    const { alarms } = (await (await t.http('/api/alarms')).json()) as { alarms: AlarmDto[] };
    return alarms.find((a) => a.id === id);
  }

  it('PROP-2 g a gas concentration rising toward 20 %LEL raises a low-severity trend advisory saying when it gets there; a flat one does not', async () => {
    const now = Date.now();
    const minutes = Array.from({ length: 121 }, (_, i) => now - (120 - i) * MINUTE);
    await ingest([
      { sensor: RISING, readings: minutes.map((tMs) => [tMs, 12 - ((now - tMs) / HOUR) * 5]) },
      { sensor: FLAT, readings: minutes.map((tMs) => [tMs, 0.4]) },
    ]);
    await nextFullRound();
    const trend = await alarm(`early-warning-trend/${RISING}`);
    expect(trend).toMatchObject({ condition: 'trend', severity: 'low', state: 'unack_active', active: true, sourceId: RISING, limit: 20, unit: '%LEL' });
    expect(trend!.message).toMatch(/^1栋3层301厨房可燃气体探测器 可燃气体浓度 按当前趋势约 1\.[56] 小时后达到上限 20 %LEL$/);
    expect(trend!.messageEn).toMatch(/reaches the high limit 20 %LEL in about 1\.[56] h$/);
    expect(await alarm(`early-warning-trend/${FLAT}`)).toBeUndefined();
  }, 60_000);

  it('PROP-2 g three hours well above a week of the usual daily course raise a profile deviation advisory', async () => {
    const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
    const readings: Array<[number, number]> = [];
    for (let h = hourStart - 9 * DAY; h < hourStart; h += HOUR) {
      const tMs = h + 30 * MINUTE;
      readings.push([tMs, h >= hourStart - 3 * HOUR ? usualAt(tMs) + 3.5 : usualAt(tMs)]);
    }
    await ingest([{ sensor: LIVING_ROOM, readings }]);
    await nextFullRound();
    const deviation = await alarm(`early-warning-profile/${LIVING_ROOM}`);
    expect(deviation).toMatchObject({ condition: 'profile_deviation', severity: 'low', state: 'unack_active', active: true, unit: 'Cel' });
    expect(deviation!.message).toMatch(/^1栋13层1303客厅温度 温度 偏离日常规律 \(z = \d+\.\d\)，连续 3 小时偏高$/);
    expect(deviation!.messageEn).toMatch(/deviates from its usual daily profile \(z = \d+\.\d\), above usual for 3 h$/);
  }, 60_000);

  it('PROP-2 g back to its usual value, the living room’s advisory returns', async () => {
    const now = Date.now();
    await ingest([{ sensor: LIVING_ROOM, readings: [[now, usualAt(now)]] }]);
    await nextFullRound();
    expect(await alarm(`early-warning-profile/${LIVING_ROOM}`)).toMatchObject({ state: 'rtn_unack', active: false });
    const history = (await (await t.http(`/api/alarms/events?alarmId=${encodeURIComponent(`early-warning-profile/${LIVING_ROOM}`)}`)).json()) as { events: Array<{ type: string }> };
    expect(history.events.map((e) => e.type)).toEqual(['returned', 'raised']);
  }, 60_000);

  it('PLAT-8 a round over the sample registry reads a few hundred sensors per query and takes seconds at most', () => {
    const last = rounds.at(-1)!;
    expect(last['sensors']).toBe(2355);
    expect(last['queries']).toBe(2 * Math.ceil(2355 / 200));
    expect(last['durationMs']).toBeLessThan(10_000);
  });
});
