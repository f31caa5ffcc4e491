import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceStateTopic, type AlarmDto, type AlarmEventDto } from '@twin/protocol';
import { eventually, startTestServer } from '../test/testServer.ts';
import { testCatalog, testSensor } from '../test/testCatalog.ts';

// Two gas detectors whose alarms close their building's shut-off valve, each with a 10 s deadline.
// The commands are sent, then the server stops before either valve answers. After the restart the
// deadlines still hold: one valve reports closed in time and its command is confirmed; the other
// never answers, so its command fails and raises the valve's own alarm.
const CONFIRM_WITHIN_MS = 10_000;
const DETECTORS = { answers: 'restart-lel-1', silent: 'restart-lel-2' } as const;
const VALVES = { answers: 'B01/GAS-ESV', silent: 'B02/GAS-ESV' } as const;
const alarmOf = (detector: string) => `gas-close/${detector}`;

const detector = (id: string, building: string) => {
  const sensor = testSensor(id, 'gas_lel');
  return { ...sensor, location: { ...sensor.location, placement: 'indoor' as const, building } };
};
const registry = testCatalog([detector(DETECTORS.answers, 'B01'), detector(DETECTORS.silent, 'B02')]).registry;
const rules = {
  version: 1,
  rules: [
    {
      id: 'gas-close',
      name: '可燃气体浓度报警',
      nameEn: 'Combustible gas alarm',
      match: { kinds: ['gas_lel'] },
      condition: { type: 'high', limit: 20 },
      severity: 'critical',
      linkage: [{ device: '{building}/GAS-ESV', command: 'close', confirmWithinMs: CONFIRM_WITHIN_MS }],
    },
  ],
};

describe('linkage commands across a restart (PLAT-6, MUN-5, PLAT-8)', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('PLAT-6 a command pending at shutdown keeps its deadline: confirmed by a valve that answers, failed with an alarm for one that does not', async () => {
    const rulesDir = await mkdtemp(join(tmpdir(), 'twin-rules-'));
    cleanup.push(() => rm(rulesDir, { recursive: true, force: true }));
    const alarmRulesPath = join(rulesDir, 'alarm-rules.json');
    await writeFile(alarmRulesPath, JSON.stringify(rules));

    let t = await startTestServer(registry, { alarmRulesPath });
    const dir = t.dir;
    const operator = t.demo('operator');
    const events = async (detector: string) => ((await (await t.http(`/api/alarms/events?alarmId=${encodeURIComponent(alarmOf(detector))}`)).json()) as { events: AlarmEventDto[] }).events;
    const sent = async (detector: string) => (await events(detector)).find((e) => e.type === 'command_sent');
    const device = await t.device('gas-detectors');
    const now = Date.now();
    for (const id of Object.values(DETECTORS)) await device.publishAsync('twin/v1/telemetry', JSON.stringify({ sensor: id, readings: [[now, 32]] }), { qos: 1 });
    const commands = {
      answers: await eventually(() => sent(DETECTORS.answers), 5000, 'the first valve command'),
      silent: await eventually(() => sent(DETECTORS.silent), 5000, 'the second valve command'),
    };
    await t.close({ keepData: true });
    t = await startTestServer(registry, { alarmRulesPath, dataDir: dir, dbPath: `${dir}/twin.duckdb`, credentialsPath: `${dir}/credentials.json` });
    cleanup.push(() => t.close());
    const { token } = await t.login(operator.username, operator.password);
    const eventsNow = async (detector: string) => ((await (await t.http(`/api/alarms/events?alarmId=${encodeURIComponent(alarmOf(detector))}`, { token })).json()) as { events: AlarmEventDto[] }).events;
    const valve = await t.device('valve-b01');
    await valve.publishAsync(deviceStateTopic(VALVES.answers), JSON.stringify({ state: 'closed', atMs: Date.now(), commandId: commands.answers.details!['commandId'] }), { qos: 1, retain: true });
    // Stopped, started again and answered within the deadline.
    expect(Date.now()).toBeLessThan(Number(commands.answers.details!['deadlineMs']));

    const confirmed = await eventually(async () => (await eventsNow(DETECTORS.answers)).find((e) => e.type === 'command_confirmed'), 5000, 'the confirmation after the restart');
    expect(confirmed.details).toMatchObject({ commandId: commands.answers.details!['commandId'], device: VALVES.answers, state: 'closed' });
    expect(confirmed.atMs).toBeLessThanOrEqual(Number(commands.answers.details!['deadlineMs']));

    const failed = await eventually(async () => (await eventsNow(DETECTORS.silent)).find((e) => e.type === 'command_failed'), CONFIRM_WITHIN_MS + 5000, 'the failure after the restart');
    expect(failed.details).toMatchObject({ commandId: commands.silent.details!['commandId'], device: VALVES.silent, deadlineMs: commands.silent.details!['deadlineMs'] });
    expect(failed.atMs).toBeGreaterThan(Number(commands.silent.details!['deadlineMs']));
    const { alarms } = (await (await t.http('/api/alarms', { token })).json()) as { alarms: AlarmDto[] };
    expect(alarms.find((a) => a.id === `command-unconfirmed/${VALVES.silent}`)).toMatchObject({ state: 'unack_active', active: true, severity: 'high' });
    expect(alarms.find((a) => a.id === `command-unconfirmed/${VALVES.answers}`)).toBeUndefined();
    expect((await eventsNow(DETECTORS.answers)).filter((e) => e.type === 'command_failed')).toEqual([]);
  }, 60_000);
});
