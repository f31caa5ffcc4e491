import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { decodeLiveFrame, type LiveFrame } from '@twin/protocol';
import { freePort } from './freePort.ts';
import { eventually, startTestServer } from './testServer.ts';
import { testCatalog } from './testCatalog.ts';

const MOSQUITTO = '/usr/sbin/mosquitto';

describe('external broker mode (--mqtt-url) against Debian mosquitto', () => {
  it.runIf(existsSync(MOSQUITTO) || process.env['CI'])('consumes telemetry from mosquitto, and what arrives while the server is down is delivered after it returns', async () => {
    const port = await freePort();
    const registry = testCatalog().registry;
    const harness = await startTestServer(registry, { mqttUrl: `mqtt://127.0.0.1:${port}` }).catch((e: unknown) => e);
    // The server must refuse to start when the external broker is unreachable.
    expect(String(harness)).toMatch(/no answer from the MQTT broker/);

    const conf = join(process.env['TMPDIR'] ?? '/tmp', `mosquitto-${port}.conf`);
    await writeFile(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n`);
    const broker = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
    try {
      const publisher = await eventually(() => mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: 'gateway', reconnectPeriod: 0 }).catch(() => undefined), 10_000, 'mosquitto');
      const h = await startTestServer(registry, { mqttUrl: `mqtt://127.0.0.1:${port}` });
      const t0 = Date.now() - 10_000;
      try {
        const operator = await h.operator();
        const frames: LiveFrame[] = [];
        operator.on('telemetry:frame', (bytes) => frames.push(decodeLiveFrame(bytes as unknown as Uint8Array)));
        await operator.emitWithAck('telemetry:subscribe', { kinds: ['noise'] });
        await publisher.publishAsync('twin/v1/telemetry/noise-1', JSON.stringify({ readings: [[t0, 50.5], [t0 + 1, 51]] }), { qos: 1 });
        await publisher.publishAsync('twin/v1/telemetry', JSON.stringify([{ bn: 'co2-1/', n: 'co2', u: 'ppm', t: t0 / 1000, v: 700 }]), { qos: 1 });
        await eventually(() => (h.server.stats().ingest.stored >= 3 ? true : undefined), 10_000, 'readings from mosquitto');
        await eventually(() => (frames.some((f) => f.values.includes(51)) ? true : undefined), 5000, 'the live frame');
        expect(h.server.stats().mqtt.mode).toBe('external');
      } finally {
        await h.close({ keepData: true });
      }
      // While the server is down the broker keeps its persistent session's messages...
      await publisher.publishAsync('twin/v1/telemetry/noise-1', JSON.stringify({ readings: [[t0 + 2, 52]] }), { qos: 1 });
      // ...and delivers them when it is back, on the same database.
      const again = await startTestServer(registry, { mqttUrl: `mqtt://127.0.0.1:${port}`, dataDir: h.dir, dbPath: join(h.dir, 'twin.duckdb'), credentialsPath: join(h.dir, 'credentials.json') });
      try {
        await eventually(() => (again.server.stats().ingest.stored >= 1 ? true : undefined), 10_000, 'the message queued while the server was down');
        const { token } = await again.login('operator', h.demo('operator').password);
        const rows = (await (await again.http(`/api/readings?sensor=noise-1&from=${t0}&to=${t0 + 10}&format=json`, { token })).json()) as { rows: Array<{ value: number }> };
        expect(rows.rows.map((r) => r.value)).toEqual([50.5, 51, 52]);
      } finally {
        await again.close();
        await rm(h.dir, { recursive: true, force: true });
      }
      await publisher.endAsync();
    } finally {
      broker.kill('SIGTERM');
    }
  });
});
