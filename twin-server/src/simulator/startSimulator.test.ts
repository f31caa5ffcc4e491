import { generateRegistry } from '@twin/models';
import { deviceCommandTopic, deviceStateTopic, parseDeviceState, SENSOR_KINDS, type DeviceStateMessage, type SensorKind } from '@twin/protocol';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompactBatch, SenmlRecord } from './payloads.ts';
import { startSimulator, type SimulatorClock } from './startSimulator.ts';
import { startTestBroker, waitFor, type TestBroker } from './testBroker.ts';

const registry = generateRegistry();
const kindOf = new Map(registry.sensors.map((s) => [s.id, s.kind]));
const USER = 'device';
const PASSWORD = 'device-secret';

let broker: TestBroker;
let subscriber: MqttClient;
const delivered: Array<{ topic: string; payload: string; qos: number }> = [];

beforeAll(async () => {
  broker = await startTestBroker(USER, PASSWORD);
  subscriber = await connectAsync(broker.url, { username: USER, password: PASSWORD, clientId: 'test-subscriber' });
  subscriber.on('message', (topic, payload, packet) => delivered.push({ topic, payload: payload.toString(), qos: packet.qos }));
  await subscriber.subscribeAsync('twin/v1/telemetry/#', { qos: 1 });
});

afterAll(async () => {
  await subscriber?.endAsync();
  await broker?.close();
});

/** A clock that moves only when the test says so. */
function fakeClock(startMs: number): SimulatorClock & { advance(ms: number): void } {
  let now = startMs;
  return { now: () => now, setInterval: () => 0, clearInterval: () => {}, advance: (ms) => (now += ms) };
}

/** The retained state reports of `deviceIds`, as a new subscriber receives them. */
async function retainedStates(deviceIds: string[]): Promise<Map<string, DeviceStateMessage>> {
  const client = await connectAsync(broker.url, { username: USER, password: PASSWORD, clientId: 'test-state-reader' });
  const states = new Map<string, DeviceStateMessage>();
  client.on('message', (topic, payload, packet) => {
    const state = parseDeviceState(payload.toString());
    if (packet.retain && state !== undefined) states.set(topic.slice('twin/v1/state/'.length), state);
  });
  await client.subscribeAsync(deviceIds.map(deviceStateTopic), { qos: 1 });
  await waitFor(() => deviceIds.every((id) => states.has(id)), 2000);
  await client.endAsync();
  return states;
}

/** Every reading in a delivered payload, with the kind of its sensor. */
function decode(message: { topic: string; payload: string }): Array<{ sensor: string; kind: SensorKind; ts: number; value: number }> {
  const doc = JSON.parse(message.payload) as CompactBatch[] | SenmlRecord[];
  if (message.topic === 'twin/v1/telemetry') {
    return (doc as CompactBatch[]).flatMap((b) => b.readings.map(([ts, value]) => ({ sensor: b.sensor, kind: kindOf.get(b.sensor)!, ts, value })));
  }
  const records = doc as SenmlRecord[];
  const sensor = records[0]!.bn!.slice(0, -1);
  expect(message.topic).toBe(`twin/v1/telemetry/${sensor}`);
  expect(records[0]!.bu).toBe(SENSOR_KINDS[kindOf.get(sensor)!].unit);
  return records.map((r) => ({ sensor, kind: r.n as SensorKind, ts: Math.round(r.t * 1000), value: r.v }));
}

describe('startSimulator against an embedded MQTT broker', () => {
  it('publishes gateway batches and SenML with QoS 1 as an authenticated device; readings of many kinds parse', async () => {
    const from = delivered.length;
    const simulator = await startSimulator({ mqttUrl: broker.url, username: USER, password: PASSWORD, registry, seed: 5, rate: 60, tickMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await simulator.stop();
    const stats = simulator.stats();
    await waitFor(() => delivered.length - from >= stats.messages);
    const messages = delivered.slice(from);
    expect(messages.length).toBe(stats.messages);
    expect(messages.every((m) => m.qos === 1)).toBe(true);
    expect(messages.some((m) => m.topic === 'twin/v1/telemetry')).toBe(true);
    expect(messages.some((m) => m.topic.startsWith('twin/v1/telemetry/'))).toBe(true);
    const readings = messages.flatMap(decode);
    expect(readings.length).toBe(stats.readings);
    expect(new Set(readings.map((r) => r.kind)).size).toBeGreaterThanOrEqual(10);
    for (const r of readings) {
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.kind).toBe(kindOf.get(r.sensor));
    }
    expect(new Set(broker.received.slice(-messages.length).map((p) => p.clientId))).toEqual(new Set([simulator.clientId]));
  });

  it('refuses to start when the broker rejects its credentials', async () => {
    await expect(startSimulator({ mqttUrl: broker.url, username: USER, password: 'wrong', registry, seed: 1, connectTimeoutMs: 5000 })).rejects.toThrow(/could not connect/);
  });

  it('publishes the same payloads, in the same order, for the same seed and clock', async () => {
    const sensors = registry.sensors.filter((_, i) => i % 12 === 0).map((s) => s.id);
    const runOnce = async () => {
      const from = delivered.length;
      const clock = fakeClock(Date.UTC(2025, 6, 16, 0, 0));
      const simulator = await startSimulator({ mqttUrl: broker.url, username: USER, password: PASSWORD, registry, seed: 11, rate: 20, sensors, clock });
      for (let i = 0; i < 10; i++) {
        clock.advance(1000);
        await simulator.tick();
      }
      await simulator.stop();
      await waitFor(() => delivered.length - from >= simulator.stats().messages);
      return delivered.slice(from).map((m) => `${m.topic} ${m.payload}`);
    };
    const first = await runOnce();
    expect(first.length).toBeGreaterThan(10);
    expect(await runOnce()).toEqual(first);
  });

  it('MUN-5 drives a detector to a gas leak on demand: readings past 20 %LEL arrive within a minute', async () => {
    const detector = 'B02-F03-LEL-01';
    const from = delivered.length;
    const clock = fakeClock(Date.UTC(2025, 6, 16, 2, 0));
    const simulator = await startSimulator({ mqttUrl: broker.url, username: USER, password: PASSWORD, registry, seed: 2, sensors: [detector], clock });
    simulator.forceGasLeak(detector);
    for (let i = 0; i < 12; i++) {
      clock.advance(5000);
      await simulator.tick();
    }
    await simulator.stop();
    await waitFor(() => delivered.length - from >= simulator.stats().messages);
    const values = delivered.slice(from).flatMap(decode).filter((r) => r.sensor === detector).map((r) => r.value);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(20);
    expect(() => simulator.forceGasLeak('B02-F03-CO2-01')).toThrow();
  });

  it('PLAT-6 reports every device state retained at start: valves open, fresh air off', async () => {
    const simulator = await startSimulator({ mqttUrl: broker.url, username: USER, password: PASSWORD, registry, seed: 1, sensors: ['B01-F03-TEMP-01'], clock: fakeClock(Date.UTC(2025, 6, 16, 2, 0)) });
    expect(simulator.deviceIds).toContain('B01/GAS-ESV');
    expect(simulator.deviceIds).toContain('GAS-RS-01-ESV');
    expect(simulator.deviceIds).toContain('B01/FRESH-AIR');
    expect(simulator.stats()).toMatchObject({ devices: simulator.deviceIds.length, stateMessages: simulator.deviceIds.length, commandsReceived: 0 });
    const states = await retainedStates(['B01/GAS-ESV', 'GAS-RS-01-ESV', 'B01/FRESH-AIR']);
    expect(states.get('B01/GAS-ESV')).toEqual({ state: 'open', atMs: Date.UTC(2025, 6, 16, 2, 0) });
    expect(states.get('GAS-RS-01-ESV')?.state).toBe('open');
    expect(states.get('B01/FRESH-AIR')?.state).toBe('off');
    await simulator.stop();
  });

  it('PLAT-6 MUN-5 closes B01/GAS-ESV on command: the retained state names the command within a second, and the leaking detector stops rising', async () => {
    const detector = 'B01-F03-LEL-01'; // under seed 4 it samples at the forced time and every 5 s after
    const from = delivered.length;
    const clock = fakeClock(Date.UTC(2025, 6, 16, 2, 0));
    const simulator = await startSimulator({ mqttUrl: broker.url, username: USER, password: PASSWORD, registry, seed: 4, sensors: [detector], clock, faultMeanIntervalS: 0, gasLeakMeanIntervalS: 0 });
    simulator.forceGasLeak(detector);
    const advance = async (ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        clock.advance(5000);
        await simulator.tick();
      }
    };
    await advance(7);
    const closedAtMs = clock.now();
    const operator = await connectAsync(broker.url, { username: USER, password: PASSWORD, clientId: 'test-operator' });
    const answers: DeviceStateMessage[] = [];
    operator.on('message', (topic, payload) => {
      const state = parseDeviceState(payload.toString());
      if (topic === deviceStateTopic('B01/GAS-ESV') && state?.commandId === 'close-b01') answers.push(state);
    });
    await operator.subscribeAsync(deviceStateTopic('B01/GAS-ESV'), { qos: 1 });
    await operator.publishAsync(deviceCommandTopic('B01/GAS-ESV'), JSON.stringify({ commandId: 'close-b01', command: 'close', issuedAtMs: closedAtMs, alarmId: 'gas/B01-F03-LEL-01' }), { qos: 1 });
    await waitFor(() => answers.length > 0, 1000);
    expect(answers[0]).toEqual({ state: 'closed', atMs: closedAtMs, commandId: 'close-b01' });
    expect((await retainedStates(['B01/GAS-ESV'])).get('B01/GAS-ESV')).toEqual(answers[0]);

    await advance(24);
    await simulator.stop();
    await operator.endAsync();
    await waitFor(() => delivered.length - from >= simulator.stats().messages);
    const readings = delivered.slice(from).flatMap(decode).filter((r) => r.sensor === detector);
    const atClose = readings.find((r) => r.ts === closedAtMs)!.value;
    expect(atClose).toBeGreaterThanOrEqual(20);
    const after = readings.filter((r) => r.ts > closedAtMs).map((r) => r.value);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...after)).toBeLessThanOrEqual(atClose);
    expect(after.at(-1)!).toBeLessThan(atClose - 5);
    expect(simulator.stats()).toMatchObject({ commandsReceived: 1, commandsApplied: 1, commandsRefused: 0, commandsMalformed: 0 });
  });

  it('PLAT-6 counts and does not answer malformed commands, commands to unknown devices, and commands a device does not take', async () => {
    const lines: string[] = [];
    const simulator = await startSimulator({ mqttUrl: broker.url, username: USER, password: PASSWORD, registry, seed: 1, sensors: ['B01-F03-TEMP-01'], clock: fakeClock(Date.UTC(2025, 6, 16, 2, 0)), log: (line) => lines.push(line) });
    const stateMessagesAtStart = simulator.stats().stateMessages;
    const operator = await connectAsync(broker.url, { username: USER, password: PASSWORD, clientId: 'test-operator' });
    await operator.publishAsync(deviceCommandTopic('B01/GAS-ESV'), 'not json', { qos: 1 });
    await operator.publishAsync(deviceCommandTopic('B01/GAS-ESV'), '{"commandId":"x","command":"explode","issuedAtMs":1}', { qos: 1 });
    await operator.publishAsync(deviceCommandTopic('B01/GAS-ESV'), JSON.stringify({ commandId: 'on-valve', command: 'on', issuedAtMs: 1 }), { qos: 1 });
    await operator.publishAsync(deviceCommandTopic('NOPE/VALVE'), JSON.stringify({ commandId: 'nope', command: 'close', issuedAtMs: 1 }), { qos: 1 });
    await operator.publishAsync(deviceCommandTopic('B01/FRESH-AIR'), JSON.stringify({ commandId: 'fresh-on', command: 'on', issuedAtMs: 1 }), { qos: 1 });
    await waitFor(() => simulator.stats().commandsReceived === 5 && simulator.stats().stateMessages === stateMessagesAtStart + 1);
    await operator.endAsync();
    await simulator.stop();
    expect(simulator.stats()).toMatchObject({ commandsReceived: 5, commandsApplied: 1, commandsRefused: 2, commandsMalformed: 2, publishErrors: 0 });
    expect(lines.filter((l) => /not a device command/.test(l))).toHaveLength(1);
    expect(lines.join('\n')).toMatch(/refused on to B01\/GAS-ESV \(command on-valve\): the device does not take it/);
    expect(lines.join('\n')).toMatch(/B01\/FRESH-AIR on \(command fresh-on\)/);
    const retained = await retainedStates(['B01/GAS-ESV', 'B01/FRESH-AIR']);
    expect(retained.get('B01/GAS-ESV')).toEqual({ state: 'open', atMs: Date.UTC(2025, 6, 16, 2, 0) });
    expect(retained.get('B01/FRESH-AIR')).toEqual({ state: 'on', atMs: Date.UTC(2025, 6, 16, 2, 0), commandId: 'fresh-on' });
  });

  it('stops idempotently and reports what it published', async () => {
    const simulator = await startSimulator({ mqttUrl: broker.url, username: USER, password: PASSWORD, registry, seed: 1, sensors: ['B01-F03-TEMP-01'], rate: 600, tickMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await simulator.stop();
    await simulator.stop();
    const stats = simulator.stats();
    expect(stats.sensors).toBe(1);
    expect(stats.readings).toBeGreaterThan(0);
    expect(stats.readingsByKind.temperature).toBe(stats.readings);
    expect(stats.connected).toBe(false);
  });
});
