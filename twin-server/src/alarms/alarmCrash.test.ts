import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { io as connectSocket } from 'socket.io-client';
import { ALARM_RESUME_LIMIT, PROTOCOL_VERSION, type AlarmDto, type AlarmEventDto, type AlarmSubscription, type Result } from '@twin/protocol';
import { spawnServer, type ServerProcess } from '../test/serverProcess.ts';
import { testCatalog, testSensor } from '../test/testCatalog.ts';
import { makeDataDir, type TwinClientSocket } from '../test/testServer.ts';

// A real server process with many temperature sensors whose readings keep crossing a limit,
// operators acknowledging and shelving through HTTP, and two subscribed consoles, one of which
// drops off and comes back; then SIGKILL in the middle of it all and a restart on the same data.

const SENSORS = Array.from({ length: 40 }, (_, i) => `crash-t-${String(i + 1).padStart(2, '0')}`);
const SHELVED = SENSORS.slice(0, 4);
const RULE = 'temperature-high';
const alarmOf = (sensor: string) => `${RULE}/${sensor}`;
const registry = testCatalog(SENSORS.map((id) => testSensor(id, 'temperature'))).registry;
const rules = {
  version: 1,
  rules: [{ id: RULE, name: '温度过高', nameEn: 'Temperature high', match: { sensorIds: SENSORS }, condition: { type: 'high', limit: 30, deadband: 1 }, severity: 'high' }],
};
const SHELVE_MS = 3_600_000;
/** How long alarm activity runs before the kill, ms. */
const ACTIVITY_MS = 2500;

/** A console: a socket subscribed to alarm updates, keeping every update it was told. */
class AlarmConsole {
  readonly told: AlarmEventDto[] = [];
  private readonly socket: TwinClientSocket;

  constructor(server: ServerProcess) {
    this.socket = connectSocket(server.http, { transports: ['websocket'], reconnection: false, auth: { token: server.sessionToken, protocolVersion: PROTOCOL_VERSION } });
    this.socket.on('alarm:update', (update) => this.told.push(update.event));
  }

  /** Subscribes, after `afterEventId` when given; the answer's missed events count as told. */
  async subscribe(afterEventId?: number): Promise<AlarmSubscription> {
    const result = (await this.socket.emitWithAck('alarm:subscribe', afterEventId === undefined ? {} : { afterEventId })) as Result<AlarmSubscription>;
    if (!result.ok) throw new Error(`alarm:subscribe refused: ${result.error.message}`);
    this.told.push(...result.value.missed);
    return result.value;
  }

  get lastSeen(): number {
    return Math.max(0, ...this.told.map((e) => e.eventId));
  }

  close(): void {
    this.socket.close();
  }
}

/** An operator's action answered 200, with the time window it was made in. */
interface Answer {
  action: 'acknowledge' | 'shelve';
  alarm: AlarmDto;
  sentMs: number;
  answeredMs: number;
}

/** Every stored event, oldest first, paging through resubscriptions from event 0. */
async function storedEvents(server: ServerProcess): Promise<AlarmEventDto[]> {
  const reader = new AlarmConsole(server);
  try {
    let truncated = true;
    while (truncated) truncated = (await reader.subscribe(reader.lastSeen)).truncated;
    return reader.told.sort((a, b) => a.eventId - b.eventId);
  } finally {
    reader.close();
  }
}

async function post(server: ServerProcess, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.http}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.sessionToken}` }, body: JSON.stringify(body) });
}

describe('alarm durability (PLAT-8)', () => {
  it('PLAT-8 SIGKILL during alarm activity: states and events are intact after restart', async () => {
    const data = await makeDataDir(registry);
    const rulesPath = join(data.dir, 'alarm-rules.json');
    await writeFile(rulesPath, JSON.stringify(rules));
    const servers: ServerProcess[] = [];
    try {
      const first = await spawnServer(data.dir, data.registryPath, ['--alarm-rules', rulesPath]);
      servers.push(first);
      const watcher = new AlarmConsole(first);
      await watcher.subscribe();
      let roamer = new AlarmConsole(first);
      await roamer.subscribe();
      const device = await mqtt.connectAsync(first.mqtt, { clientId: 'crash-gateway', username: 'crash-gateway', password: first.deviceToken, reconnectPeriod: 0 });
      device.on('error', () => {});

      let killed = false;
      const answers: Answer[] = [];
      // Each sensor crosses the limit every other round, in turn, so every round raises and returns alarms.
      const base = Date.now() - 3_600_000;
      const publish = async (): Promise<void> => {
        for (let round = 0; !killed; round++) {
          const batch = SENSORS.map((sensor, s) => ({ sensor, readings: [[base + round * 1000, Math.floor((round + s) / 2) % 2 === 0 ? 35 : 25]] }));
          try {
            await device.publishAsync('twin/v1/telemetry', JSON.stringify(batch), { qos: 1 });
          } catch {
            return;
          }
          await sleep(10);
        }
      };
      const act = async (action: Answer['action'], body: unknown): Promise<void> => {
        const sentMs = Date.now();
        try {
          const response = await post(first, `/api/alarms/${action}`, body);
          if (response.status !== 200) return;
          const answer = (await response.json()) as { alarms?: AlarmDto[]; alarm?: AlarmDto };
          for (const alarm of answer.alarms ?? [answer.alarm!]) answers.push({ action, alarm, sentMs, answeredMs: Date.now() });
        } catch {
          // The server died with the request in flight: nothing was promised.
        }
      };
      // Two operators, each acknowledging in turn the alarms of their own sensors that the watcher
      // last saw unacknowledged (so no two acknowledgements of one alarm are in flight at once).
      const acknowledge = async (operator: number): Promise<void> => {
        const mine = new Set(SENSORS.filter((sensor, i) => i % 2 === operator && !SHELVED.includes(sensor)).map(alarmOf));
        for (let turn = 0; !killed; turn++) {
          const latest = new Map(watcher.told.map((e) => [e.alarmId, e.stateAfter]));
          const waiting = [...latest].filter(([id, state]) => mine.has(id) && (state === 'unack_active' || state === 'rtn_unack'));
          if (waiting.length > 0) await act('acknowledge', { alarmIds: [waiting[turn % waiting.length]![0]], note: '已查看' });
          await sleep(15);
        }
      };
      const shelve = async (): Promise<void> => {
        for (const sensor of SHELVED) {
          await sleep(300);
          if (!killed) await act('shelve', { alarmId: alarmOf(sensor), durationMs: SHELVE_MS, reason: '传感器检修' });
        }
      };
      const activity = [publish(), acknowledge(0), acknowledge(1), shelve()];

      // The roamer drops off for a while and comes back during the activity.
      await sleep(ACTIVITY_MS / 3);
      roamer.close();
      const seenBeforeDrop = roamer.told.slice();
      await sleep(ACTIVITY_MS / 3);
      roamer = new AlarmConsole(first);
      const resumed = await roamer.subscribe(Math.max(0, ...seenBeforeDrop.map((e) => e.eventId)));
      await sleep(ACTIVITY_MS / 3);

      first.child.kill('SIGKILL');
      killed = true;
      expect(await first.exited).toBe(null);
      // Ending the client fails the publish still waiting for its PUBACK.
      device.end(true);
      await Promise.all(activity);
      watcher.close();
      roamer.close();

      const second = await spawnServer(data.dir, data.registryPath, ['--alarm-rules', rulesPath], { passwords: first.passwords });
      servers.push(second);
      const stored = await storedEvents(second);

      // Plenty happened, and the kill came in the middle of it.
      expect(stored.length).toBeGreaterThan(500);
      expect(answers.filter((a) => a.action === 'acknowledge').length).toBeGreaterThan(10);
      expect(answers.filter((a) => a.action === 'shelve').length).toBe(SHELVED.length);

      // Event ids are gap-free and increasing.
      expect(stored.map((e) => e.eventId)).toEqual(stored.map((_, i) => i + 1));

      // Every event a console was told about is stored as told.
      const byId = new Map(stored.map((e) => [e.eventId, e]));
      for (const told of [...watcher.told, ...seenBeforeDrop, ...roamer.told]) expect(byId.get(told.eventId), `event ${told.eventId}`).toEqual(told);

      // Every answered action is stored, within the time it was made, and the answered alarm is
      // the state after its last stored event.
      for (const { action, alarm, sentMs, answeredMs } of answers) {
        expect(byId.get(alarm.lastEventId), `last event of answered ${alarm.id}`).toMatchObject({ alarmId: alarm.id, stateAfter: alarm.state });
        const done = stored.filter((e) => e.alarmId === alarm.id && e.eventId <= alarm.lastEventId && e.type === (action === 'acknowledge' ? 'acknowledged' : 'shelved') && e.actor === 'operator' && e.atMs >= sentMs && e.atMs <= answeredMs);
        expect(done, `${action} of ${alarm.id} answered at ${answeredMs}`).toHaveLength(1);
        if (action === 'shelve') {
          // The shelving runs from the request's receipt, at or just before the event.
          expect(done[0]).toMatchObject({ stateAfter: 'shelved', note: '传感器检修', shelvedUntilMs: alarm.shelvedUntilMs });
          expect(alarm.shelvedUntilMs! - SHELVE_MS).toBeGreaterThanOrEqual(sentMs);
          expect(alarm.shelvedUntilMs! - SHELVE_MS).toBeLessThanOrEqual(done[0]!.atMs);
        }
      }

      // Each alarm's log reads as one story, and the alarm is where its last event left it.
      const { alarms } = (await (await fetch(`${second.http}/api/alarms`, { headers: { authorization: `Bearer ${second.sessionToken}` } })).json()) as { alarms: AlarmDto[] };
      const current = new Map(alarms.map((a) => [a.id, a]));
      const logs = new Map<string, AlarmEventDto[]>();
      for (const event of stored) {
        const log = logs.get(event.alarmId);
        if (log === undefined) logs.set(event.alarmId, [event]);
        else log.push(event);
      }
      for (const [alarmId, log] of logs) {
        for (let i = 1; i < log.length; i++) expect(log[i]!.stateBefore, `event ${log[i]!.eventId} of ${alarmId}`).toBe(log[i - 1]!.stateAfter);
        const last = log.at(-1)!;
        if (last.stateAfter === 'normal') expect(current.has(alarmId), `${alarmId} is normal`).toBe(false);
        else expect(current.get(alarmId), alarmId).toMatchObject({ state: last.stateAfter, lastEventId: last.eventId });
      }
      expect([...current.keys()].filter((id) => !logs.has(id))).toEqual([]);
      for (const sensor of SHELVED) expect(current.get(alarmOf(sensor))?.state).toBe('shelved');

      // The roamer, back after its drop, was given exactly what it missed, then every update.
      const missedIds = resumed.missed.map((e) => e.eventId);
      const lastBeforeDrop = Math.max(0, ...seenBeforeDrop.map((e) => e.eventId));
      expect(missedIds).toEqual(stored.filter((e) => e.eventId > lastBeforeDrop && e.eventId <= resumed.lastEventId).map((e) => e.eventId).slice(0, ALARM_RESUME_LIMIT));
      expect(missedIds.length).toBeGreaterThan(0);
      const roamerIds = [...seenBeforeDrop, ...roamer.told].map((e) => e.eventId).sort((a, b) => a - b);
      expect(roamerIds).toEqual(roamerIds.map((_, i) => i + 1));
      // The watcher, never away, was told every event in order.
      expect(watcher.told.map((e) => e.eventId)).toEqual(watcher.told.map((_, i) => i + 1));

      // After the restart, each console resumes from the last event it saw with exactly what
      // became durable but was not announced before the kill.
      for (const away of [watcher, roamer]) {
        const returning = new AlarmConsole(second);
        try {
          const { missed } = await returning.subscribe(away.lastSeen);
          expect(missed).toEqual(stored.filter((e) => e.eventId > away.lastSeen));
        } finally {
          returning.close();
        }
      }
    } finally {
      for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await data.remove();
    }
  }, 60_000);
});
