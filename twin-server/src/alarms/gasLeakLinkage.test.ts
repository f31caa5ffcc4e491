import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegistry } from '@twin/models';
import type { AlarmDto, AlarmEventDto, AlarmSubscription, AlarmUpdate, Result } from '@twin/protocol';
import { startSimulator, type Simulator, type SimulatorClock } from '../simulator/startSimulator.ts';
import { eventually, startTestServer, type TwinClientSocket } from '../test/testServer.ts';

// The whole MUN-5 chain with real parts: the simulator's detector leaks and publishes over MQTT to
// the embedded broker; the server stores the readings in DuckDB, raises a critical alarm, commands
// the building's gas shut-off valve over MQTT; the simulated valve closes and reports it; the
// command is confirmed and the leak stops growing. Then a restart finds it all in DuckDB.

const registry = generateRegistry();
const DETECTOR = 'B01-F03-LEL-01';
const ALARM = `gas-lel-high/${DETECTOR}`;
const VALVE = 'B01/GAS-ESV';

/** A simulator clock that moves only when the test says so, starting at the real time. */
function steppedClock(): SimulatorClock & { advance(ms: number): void } {
  let now = Date.now();
  return { now: () => now, setInterval: () => 0, clearInterval: () => {}, advance: (ms) => (now += ms) };
}

describe('gas leak linkage (MUN-5, PLAT-6, PLAT-8): leak → critical alarm → valve command → confirmation → leak stops growing', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let simulator: Simulator;
  let socket: TwinClientSocket;
  const clock = steppedClock();
  const updates: AlarmUpdate[] = [];

  beforeAll(async () => {
    t = await startTestServer(registry);
    socket = await t.operator();
    socket.on('alarm:update', (update) => updates.push(update));
    const first = (await socket.emitWithAck('alarm:subscribe', {})) as Result<AlarmSubscription>;
    expect(first.ok).toBe(true);
    simulator = await startSimulator({
      mqttUrl: t.server.mqttUrl,
      username: 'simulator',
      password: t.server.devices.secrets.deviceToken,
      registry,
      seed: 7,
      sensors: [DETECTOR],
      gasLeaks: [DETECTOR],
      faultMeanIntervalS: 0,
      gasLeakMeanIntervalS: 0,
      clock,
    });
  }, 60_000);

  afterAll(async () => {
    await simulator?.stop();
    await t?.close();
  });

  const eventsOf = (type: AlarmEventDto['type']) => updates.filter((u) => u.event.alarmId === ALARM && u.event.type === type);

  /** Advances the simulated time a second at a time until `done`, publishing what is due. */
  async function runUntil(done: () => boolean, maxSteps: number): Promise<void> {
    for (let step = 0; step < maxSteps && !done(); step++) {
      clock.advance(1000);
      await simulator.tick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const stored = async (): Promise<Array<[number, number]>> => {
    const response = await t.http(`/api/readings?sensor=${DETECTOR}&from=${clock.now() - 3_600_000}&to=${clock.now() + 1000}&format=json`);
    const body = (await response.json()) as { rows: Array<{ tsMs: number; value: number }> };
    return body.rows.map((r) => [r.tsMs, r.value]);
  };

  it('MUN-5 raises a critical, latching alarm once the detector reaches 20 %LEL, and commands the shut-off valve closed', async () => {
    await runUntil(() => eventsOf('raised').length > 0, 120);
    const raised = eventsOf('raised')[0]!;
    expect(raised.alarm.severity).toBe('critical');
    expect(raised.alarm.state).toBe('unack_active');
    expect(raised.event.value).toBeGreaterThanOrEqual(20);
    expect(raised.alarm.message).toContain('可燃气体');
    await eventually(() => (eventsOf('command_sent').length > 0 ? true : undefined), 2000, 'the valve command');
    const sent = eventsOf('command_sent')[0]!.event;
    expect(sent.details).toMatchObject({ device: VALVE, command: 'close' });
  }, 60_000);

  it('PLAT-6 the simulated valve closes and reports it; the command is confirmed before its deadline', async () => {
    const confirmed = await eventually(() => eventsOf('command_confirmed')[0], 5000, 'the confirmation');
    const sent = eventsOf('command_sent')[0]!.event;
    expect(confirmed.event.details).toMatchObject({ device: VALVE, state: 'closed', commandId: sent.details!['commandId'] });
    expect(confirmed.event.atMs).toBeLessThanOrEqual(Number(sent.details!['deadlineMs']));
    expect(eventsOf('command_failed')).toEqual([]);
    expect(simulator.stats().commandsApplied).toBe(1);
  }, 30_000);

  it('MUN-5 the leak stops growing once the valve is closed', async () => {
    const closedAt = clock.now();
    await runUntil(() => false, 60);
    await eventually(async () => ((await stored()).some(([ts]) => ts >= clock.now() - 5000) ? true : undefined), 5000, 'the last readings stored');
    const series = await stored();
    // The first sample after the close holds what leaked until the valve shut; from then on the
    // concentration only falls (within the detector's noise).
    const after = series.filter(([ts]) => ts > closedAt).map(([, v]) => v);
    expect(after.length).toBeGreaterThan(5);
    expect(Math.max(...after.slice(1))).toBeLessThanOrEqual(after[0]! + 0.3);
    expect(after.at(-1)!).toBeLessThan(after[0]! - 2);
  }, 60_000);

  it('PLAT-8 the latched alarm, its events and the command survive a restart', async () => {
    const ack = await t.http('/api/alarms/acknowledge', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ alarmIds: [ALARM], note: '已派人现场处置' }) });
    expect(ack.status).toBe(200);
    const history = async () => ((await (await t.http(`/api/alarms/events?alarmId=${encodeURIComponent(ALARM)}`)).json()) as { events: AlarmEventDto[] }).events;
    const before = await history();
    expect(before.map((e) => e.type)).toEqual(expect.arrayContaining(['raised', 'command_sent', 'command_confirmed', 'acknowledged']));
    await simulator.stop();
    const dir = t.dir;
    const operator = t.demo('operator');
    await t.close({ keepData: true });
    t = await startTestServer(registry, { dataDir: dir, dbPath: `${dir}/twin.duckdb`, credentialsPath: `${dir}/credentials.json` });
    const { token } = await t.login(operator.username, operator.password);
    const after = ((await (await t.http(`/api/alarms/events?alarmId=${encodeURIComponent(ALARM)}`, { token })).json()) as { events: AlarmEventDto[] }).events;
    expect(after).toEqual(before);
    const { alarms } = (await (await t.http('/api/alarms', { token })).json()) as { alarms: AlarmDto[] };
    const alarm = alarms.find((a) => a.id === ALARM)!;
    // Latching (MUN-5): acknowledged and still active until an operator resets it.
    expect(alarm).toMatchObject({ state: 'ack_active', acknowledgedBy: expect.any(String), latched: true });
  }, 60_000);
});
