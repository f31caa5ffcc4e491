import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { TelemetryStore } from '../storage/telemetryStore.ts';
import { makeDataDir } from './testServer.ts';
import { spawnServer } from './serverProcess.ts';
import { testCatalog } from './testCatalog.ts';

describe('durability contract: an acknowledged reading is a committed reading', () => {
  it('loses no acknowledged reading when the server is killed with SIGKILL during ingest, and the database reopens', async () => {
    const registry = testCatalog().registry;
    const sensors = registry.sensors.map((s) => s.id);
    const data = await makeDataDir(registry);
    try {
      const first = await spawnServer(data.dir, data.registryPath);
      const device = await mqtt.connectAsync(first.mqtt, { clientId: 'killer', username: 'killer', password: first.deviceToken, reconnectPeriod: 0 });
      device.on('error', () => {});
      const base = Date.now() - 3_600_000;
      const acked: Array<{ sensor: string; from: number; count: number }> = [];
      let next = 0;
      let killed = false;
      const perBatch = 500;
      // Keep 40 batches in flight so the kill lands between receipt, commit and PUBACK.
      const publishOne = async (): Promise<void> => {
        while (!killed) {
          const batch = next++;
          const sensor = sensors[batch % sensors.length]!;
          const from = base + Math.floor(batch / sensors.length) * perBatch;
          const readings = Array.from({ length: perBatch }, (_, i) => [from + i, batch + i / perBatch]);
          try {
            await device.publishAsync('twin/v1/telemetry', JSON.stringify({ sensor, readings }), { qos: 1 });
            // A PUBACK at any time, even one read after the kill, was sent by the server: it must be durable.
            acked.push({ sensor, from, count: perBatch });
          } catch {
            return;
          }
        }
      };
      const publishers = Array.from({ length: 40 }, publishOne);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(acked.length).toBeGreaterThan(50);
      first.child.kill('SIGKILL');
      killed = true;
      await first.exited;
      device.end(true);
      await Promise.allSettled(publishers);

      const store = await TelemetryStore.open(join(data.dir, 'twin.duckdb'));
      try {
        let missing = 0;
        for (const batch of acked) {
          const result = await store.queryWindow({ sensorIds: [batch.sensor], fromMs: batch.from, toMs: batch.from + batch.count, resolution: 'raw', limit: batch.count + 1 });
          missing += batch.count - result.rowCount;
        }
        expect(missing).toBe(0);
        expect(await store.readingCount()).toBeGreaterThanOrEqual(acked.length * perBatch);
      } finally {
        await store.close();
      }

      // The server itself starts again on the same database and serves it.
      const second = await spawnServer(data.dir, data.registryPath, [], { passwords: first.passwords });
      const stats = await fetch(`${second.http}/api/health`);
      expect(stats.status).toBe(200);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await data.remove();
    }
  });
});
