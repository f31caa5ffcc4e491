import type { Benchmark } from './benchmark.ts';
import { benchRegistry, startBenchServer } from './benchServer.ts';
import { LeanPublisher } from './leanPublisher.ts';
import { compactBatch, saturate } from './mqttLoad.ts';

/**
 * Durable ingest end to end: MQTT QoS 1 publish -> validated -> committed to DuckDB -> PUBACK,
 * counted at the publisher. The server runs in its own process; the publishers (lean QoS 1
 * clients, each keeping a window of unacknowledged messages in flight, as a gateway with a
 * backlog does) share the machine's other core.
 */
async function measure(options: { readingsPerMessage: number; devices: number; window: number }): Promise<number> {
  const sensorCount = 10_000;
  const server = await startBenchServer(benchRegistry(sensorCount));
  try {
    const devices = await Promise.all(Array.from({ length: options.devices }, (_, i) => LeanPublisher.connect(server.mqtt, `bench-${i}`, server.deviceToken)));
    const nextTs = new Float64Array(sensorCount).fill(Date.now() - 20 * 86_400_000);
    const cursor = new Array<number>(options.devices).fill(0);
    const rate = await saturate(devices, {
      window: options.window,
      warmupMs: 2000,
      durationMs: 8000,
      next: (d) => {
        // Each device owns a slice of the sensors, so timestamps per sensor only grow.
        const sensor = (cursor[d]! * options.devices + d) % sensorCount;
        cursor[d]!++;
        const from = nextTs[sensor]!;
        nextTs[sensor] = from + options.readingsPerMessage;
        return { topic: 'twin/v1/telemetry', payload: compactBatch(`s${sensor}`, from, options.readingsPerMessage, (i) => 20 + (i % 50) / 10), readings: options.readingsPerMessage };
      },
    });
    for (const d of devices) d.end();
    return rate;
  } finally {
    await server.stop();
  }
}

export const benchmark: Benchmark = {
  name: 'ingest',
  async run() {
    const batched = await measure({ readingsPerMessage: 2000, devices: 4, window: 128 });
    const single = await measure({ readingsPerMessage: 1, devices: 4, window: 2048 });
    return [
      { name: 'ingest_batched_readings_per_s', value: batched, unit: 'readings/s' },
      { name: 'ingest_single_readings_per_s', value: single, unit: 'readings/s' },
    ];
  },
};
