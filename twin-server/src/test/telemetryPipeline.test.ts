import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLiveFrame, LIVE_FRAME_SNAPSHOT, type LiveFrame, type StatsDto } from '@twin/protocol';
import { eventually, startTestServer, type TwinClientSocket } from './testServer.ts';
import { testCatalog, testSensor } from './testCatalog.ts';

const registry = testCatalog().registry;
const ids = registry.sensors.map((s) => s.id);
type Harness = Awaited<ReturnType<typeof startTestServer>>;

function collectFrames(socket: TwinClientSocket): LiveFrame[] {
  const frames: LiveFrame[] = [];
  socket.on('telemetry:frame', (bytes) => frames.push(decodeLiveFrame(bytes as unknown as Uint8Array)));
  return frames;
}

/** Every (sensor id, ts, value) the frames carried. */
function readingsOf(frames: LiveFrame[]): Array<[string, number, number]> {
  return frames.flatMap((f) => Array.from(f.sensorIndices, (index, i): [string, number, number] => [ids[index]!, f.timestampsMs[i]!, f.values[i]!]));
}

async function subscribe(socket: TwinClientSocket, filter: Parameters<TwinClientSocket['emit']>[1] & object) {
  return socket.emitWithAck('telemetry:subscribe', filter as never);
}

async function storedRows(h: Harness, sensor: string, fromMs: number, toMs: number): Promise<Array<{ tsMs: number; value: number }>> {
  const res = await h.http(`/api/readings?sensor=${sensor}&from=${fromMs}&to=${toMs}&format=json`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: Array<{ tsMs: number; value: number }> };
  return body.rows;
}

async function stats(h: Harness): Promise<StatsDto> {
  return (await (await h.http('/api/stats')).json()) as StatsDto;
}

describe('telemetry pipeline: MQTT and HTTP in, DuckDB durable, socket.io live out', () => {
  let h: Harness;
  const t0 = Date.now() - 60_000;

  beforeAll(async () => {
    h = await startTestServer(registry);
  });
  afterAll(async () => {
    await h.close();
  });

  it('commits MQTT readings before the PUBACK and pushes them to a subscribed client (PLAT-2, PLAT-10)', async () => {
    const operator = await h.operator();
    const frames = collectFrames(operator);
    const ack = await subscribe(operator, { kinds: ['noise'] });
    expect(ack).toEqual({ ok: true, value: { sensorCount: 1, registryRevision: h.server.catalog.revision } });

    const device = await h.device();
    await device.publishAsync('twin/v1/telemetry/noise-1', JSON.stringify({ readings: [[t0, 41.5], [t0 + 1000, 43], [t0 + 2000, 44.5]] }), { qos: 1 });
    // The PUBACK has arrived, so the readings must already be in the database.
    expect(await storedRows(h, 'noise-1', t0, t0 + 3000)).toEqual([
      { sensorId: 'noise-1', tsMs: t0, value: 41.5 },
      { sensorId: 'noise-1', tsMs: t0 + 1000, value: 43 },
      { sensorId: 'noise-1', tsMs: t0 + 2000, value: 44.5 },
    ]);
    await eventually(() => (readingsOf(frames).some(([id, ts]) => id === 'noise-1' && ts === t0 + 2000) ? true : undefined), 5000, 'the live frame');
    // Latest value wins: the batch reaches the client as its newest reading.
    expect(readingsOf(frames).filter(([id]) => id === 'noise-1').at(-1)).toEqual(['noise-1', t0 + 2000, 44.5]);
  });

  it('stores SenML and gateway batches, and only the subscribed kinds reach the client', async () => {
    const operator = await h.operator();
    const frames = collectFrames(operator);
    await subscribe(operator, { kinds: ['co2'] });
    const device = await h.device();
    await device.publishAsync('twin/v1/telemetry', JSON.stringify([{ bn: 'co2-1/', bt: (t0 + 5000) / 1000, bu: 'ppm', n: 'co2', v: 812 }]), { qos: 1 });
    await device.publishAsync('twin/v1/telemetry', JSON.stringify([{ sensor: 'power-1', readings: [[t0 + 5000, 3.5]] }, { sensor: 'water_flow-1', readings: [[t0 + 5000, 1.25]] }]), { qos: 1 });
    expect(await storedRows(h, 'co2-1', t0, t0 + 10_000)).toEqual([expect.objectContaining({ tsMs: t0 + 5000, value: 812 })]);
    expect(await storedRows(h, 'power-1', t0, t0 + 10_000)).toEqual([expect.objectContaining({ tsMs: t0 + 5000, value: 3.5 })]);
    await eventually(() => (readingsOf(frames).some(([id]) => id === 'co2-1') ? true : undefined), 5000, 'the co2 frame');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(new Set(readingsOf(frames).map(([id]) => id))).toEqual(new Set(['co2-1']));
  });

  it('rejects each bad reading with its code, keeps the good ones of the same batch, and counts per reason', async () => {
    const before = await stats(h);
    const device = await h.device();
    const now = Date.now();
    await device.publishAsync(
      'twin/v1/telemetry',
      JSON.stringify([
        { sensor: 'temperature-1', readings: [[t0 + 7000, 26.5], [now + 3_600_000, 27], [t0 + 8000, null]] },
        { sensor: 'no-such-sensor', readings: [[t0, 1]] },
        { sensor: 'temperature-1', unit: 'K', readings: [[t0, 300]] },
      ]),
      { qos: 1 },
    );
    await device.publishAsync('twin/v1/telemetry', '{"sensor": "temperature-1", "readings": [[', { qos: 1 });
    expect(await storedRows(h, 'temperature-1', t0, t0 + 10_000)).toEqual([expect.objectContaining({ tsMs: t0 + 7000, value: 26.5 })]);
    const after = await stats(h);
    const delta = (code: keyof StatsDto['ingest']['rejected']) => (after.ingest.rejected[code] ?? 0) - (before.ingest.rejected[code] ?? 0);
    expect(delta('TWIN_ERR_INGEST_TIMESTAMP_FUTURE')).toBe(1);
    expect(delta('TWIN_ERR_INGEST_NON_FINITE')).toBe(1);
    expect(delta('TWIN_ERR_INGEST_UNKNOWN_SENSOR')).toBe(1);
    expect(delta('TWIN_ERR_INGEST_UNIT_MISMATCH')).toBe(1);
    expect(delta('TWIN_ERR_INGEST_MALFORMED_JSON')).toBe(1);
    // The device stays connected: bad data costs nothing else.
    expect(device.connected).toBe(true);
  });

  it('stores a reading repeated by a device retry once, counting the repeat', async () => {
    const before = await stats(h);
    const device = await h.device();
    const payload = JSON.stringify({ sensor: 'gas_lel-1', readings: [[t0 + 9000, 3.5], [t0 + 9000, 3.5], [t0 + 9500, 4]] });
    await device.publishAsync('twin/v1/telemetry', payload, { qos: 1 });
    await device.publishAsync('twin/v1/telemetry', payload, { qos: 1 });
    const res = await h.http('/api/ingest', { method: 'POST', token: h.server.devices.secrets.deviceToken, headers: { 'content-type': 'application/json' }, body: payload });
    expect(res.status).toBe(200);
    expect(await storedRows(h, 'gas_lel-1', t0, t0 + 10_000)).toEqual([expect.objectContaining({ tsMs: t0 + 9000, value: 3.5 }), expect.objectContaining({ tsMs: t0 + 9500, value: 4 })]);
    const after = await stats(h);
    expect(after.ingest.duplicates - before.ingest.duplicates).toBe(7);
    expect(after.ingest.stored - before.ingest.stored).toBe(2);
  });

  it('ingests JSON and SenML over HTTP, answering after the commit with every rejection (PLAT-10)', async () => {
    const device = h.server.devices.secrets.deviceToken;
    const post = (path: string, body: string, type = 'application/json', token: string | null = device) =>
      h.http(path, { method: 'POST', token, headers: { 'content-type': type }, body });
    const ok = await post('/api/ingest/water_flow-1', JSON.stringify({ readings: [[t0 + 11_000, 2.5], [t0 + 12_000, 'x']] }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ accepted: 1, rejected: 1, rejections: [expect.objectContaining({ code: 'TWIN_ERR_INGEST_NON_FINITE', where: 'readings[1]', sensor: 'water_flow-1' })] });
    expect(await storedRows(h, 'water_flow-1', t0 + 11_000, t0 + 11_001)).toHaveLength(1);

    const senml = await post('/api/ingest', JSON.stringify([{ bn: 'power-1/', n: 'power', u: 'kW', t: (t0 + 13_000) / 1000, v: 7.25 }]), 'application/senml+json');
    expect(senml.status).toBe(200);
    expect(await storedRows(h, 'power-1', t0 + 13_000, t0 + 13_001)).toEqual([expect.objectContaining({ value: 7.25 })]);

    const unknown = await post('/api/ingest', JSON.stringify({ sensor: 'ghost', readings: [[t0, 1]] }));
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_INGEST_UNKNOWN_SENSOR');

    const malformed = await post('/api/ingest', '{"readings": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_INGEST_MALFORMED_JSON');

    const before = await stats(h);
    const oversize = await post('/api/ingest', JSON.stringify({ sensor: 'power-1', readings: [[t0, 1]], pad: 'x'.repeat(h.config.limits.maxPayloadBytes) }));
    expect(oversize.status).toBe(413);
    expect(((await oversize.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE');
    expect(((await stats(h)).ingest.rejected.TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE ?? 0) - (before.ingest.rejected.TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE ?? 0)).toBe(1);
  });

  it('authorises every HTTP route: no token 401, a device token cannot read, a session token cannot ingest', async () => {
    expect((await h.http('/api/stats', { token: null })).status).toBe(401);
    expect((await h.http('/api/stats', { token: 'wrong' })).status).toBe(401);
    expect((await h.http('/api/stats', { token: h.server.devices.secrets.deviceToken })).status).toBe(401);
    expect((await h.http('/api/sensors', { token: null })).status).toBe(401);
    expect((await h.http(`/api/readings?sensor=noise-1&from=0&to=1`, { token: null })).status).toBe(401);
    const ingestAsOperator = await h.http('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(ingestAsOperator.status).toBe(401);
    expect(((await ingestAsOperator.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_AUTH_INVALID');
    expect((await h.http('/api/health', { token: null })).status).toBe(200);
  });

  it('refuses sockets without a valid token or with another protocol version, and MQTT logins with a wrong password', async () => {
    await expect(h.operator({ token: 'nope' })).rejects.toMatchObject({ data: { code: 'TWIN_ERR_AUTH_INVALID' } });
    await expect(h.operator({ token: h.server.devices.secrets.deviceToken })).rejects.toMatchObject({ data: { code: 'TWIN_ERR_AUTH_INVALID' } });
    await expect(h.operator({ protocolVersion: 999 })).rejects.toMatchObject({ data: { code: 'TWIN_ERR_PROTOCOL_VERSION' } });
    const mqtt = await import('mqtt');
    await expect(mqtt.default.connectAsync(h.server.mqttUrl, { username: 'x', password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow(/Bad username or password/i);
  });

  it('answers a subscription with a snapshot of the latest values, then deltas; invalid filters get a clear error', async () => {
    const operator = await h.operator();
    const frames = collectFrames(operator);
    await subscribe(operator, { areas: ['zone-a'] });
    const snapshot = await eventually(() => frames[0], 5000, 'the snapshot');
    expect(snapshot.flags & LIVE_FRAME_SNAPSHOT).toBe(LIVE_FRAME_SNAPSHOT);
    const zoneA = new Set(registry.sensors.filter((s) => s.location.area === 'zone-a').map((s) => s.id));
    const snapshotIds = readingsOf([snapshot]).map(([id]) => id);
    expect(snapshotIds.length).toBeGreaterThan(0);
    expect(snapshotIds.every((id) => zoneA.has(id))).toBe(true);
    expect(readingsOf([snapshot]).find(([id]) => id === 'co2-1')).toEqual(['co2-1', t0 + 5000, 812]);

    const bad = await operator.emitWithAck('telemetry:subscribe', { kinds: ['plasma'] } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'TWIN_ERR_BAD_REQUEST' } });
  });
});

describe('live fan-out under a slow client', () => {
  it('never lets a slow client hold back ingest or other clients: bounded buffer, latest value wins, drops counted', async () => {
    // 20,000 sensors make each frame ~400 kB, so a client that stops reading backs up within a few ticks.
    const many = Array.from({ length: 20_000 }, (_, i) => testSensor(`power-${i + 1}`, 'power'));
    const big = testCatalog(many.slice(1)).registry;
    const h = await startTestServer(big);
    try {
      const bigIds = big.sensors.map((s) => s.id);
      const fast = await h.operator();
      const fastFrames: LiveFrame[] = [];
      fast.on('telemetry:frame', (bytes) => fastFrames.push(decodeLiveFrame(bytes as unknown as Uint8Array)));
      await subscribe(fast, {});
      const slow = await h.operator();
      const slowFrames: LiveFrame[] = [];
      slow.on('telemetry:frame', (bytes) => slowFrames.push(decodeLiveFrame(bytes as unknown as Uint8Array)));
      await subscribe(slow, {});
      await eventually(() => (slowFrames.length > 0 ? true : undefined), 5000, 'the slow client snapshot');
      // Stop reading the slow client's TCP socket: its kernel buffers fill and the server must skip it.
      const socket = (slow.io.engine as unknown as { transport: { ws: { _socket: { pause(): void; resume(): void } } } }).transport.ws._socket;
      socket.pause();
      const device = await h.device();
      const base = Date.now() - 30_000;
      const rounds = 40;
      for (let round = 0; round < rounds; round++) {
        await device.publishAsync('twin/v1/telemetry', JSON.stringify(bigIds.map((sensor) => ({ sensor, readings: [[base + round, round]] }))), { qos: 1 });
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      const lastTs = base + rounds - 1;
      const fastLast = await eventually(() => fastFrames.find((f) => f.timestampsMs.includes(lastTs)), 10_000, 'the fast client to see the last round');
      expect(fastLast.sensorIndices.length).toBe(bigIds.length);
      const live = h.server.stats().live;
      expect(live.skippedTicks).toBeGreaterThan(0);
      expect(live.droppedReadings).toBeGreaterThan(0);
      expect(h.server.stats().ingest.stored).toBe(rounds * bigIds.length);
      // Once it reads again, the slow client catches up to the latest values, not a queue of old ones.
      socket.resume();
      await eventually(() => (slowFrames.some((f) => f.timestampsMs.includes(lastTs)) ? true : undefined), 15_000, 'the slow client to catch up');
      const slowReadings = slowFrames.reduce((n, f) => n + f.sensorIndices.length, 0);
      expect(slowReadings).toBeLessThan(rounds * bigIds.length);
    } finally {
      await h.close();
    }
  });
});
