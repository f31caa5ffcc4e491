import type { Benchmark } from './benchmark.ts';
import { benchRegistry, startBenchServer } from './benchServer.ts';
import { liveClient } from './liveClients.ts';
import { connectDevices } from './mqttLoad.ts';

const SENSORS = 100_000;
const CLIENTS = 20;
const GATEWAY_SIZE = 1000;

/**
 * Fan-out: 100k sensors reporting at 1 Hz (as gateway batches of 1,000 sensors every 10 ms) to
 * 20 clients subscribed to everything. Reports the server process's CPU share (percent of one
 * core, DuckDB's threads included) and what the clients received.
 */
export const benchmark: Benchmark = {
  name: 'fanout',
  async run() {
    const server = await startBenchServer(benchRegistry(SENSORS));
    try {
      let received = 0;
      const clients = await Promise.all(Array.from({ length: CLIENTS }, () => liveClient(server.http, server.sessionToken, {}, (f) => (received += f.values.length))));
      const devices = await connectDevices(server.mqtt, server.deviceToken, 4, 'gateway');
      const ids = Array.from({ length: SENSORS }, (_, i) => `s${i}`);
      const tsBase = Date.now() - 3_600_000;
      let sent = 0;
      const started = performance.now();
      const timer = setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * SENSORS);
        while (sent + GATEWAY_SIZE <= due) {
          const first = sent % SENSORS;
          const ts = tsBase + Math.floor(sent / SENSORS) * 1000;
          const batches = ids.slice(first, first + GATEWAY_SIZE).map((sensor, i) => `{"sensor":"${sensor}","readings":[[${ts},${(i % 100) / 10}]]}`);
          devices[(sent / GATEWAY_SIZE) % devices.length]!.publish('twin/v1/telemetry', `[${batches.join(',')}]`, { qos: 1 });
          sent += GATEWAY_SIZE;
        }
      }, 10);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const cpu0 = await server.cpuSeconds();
      const wall0 = performance.now();
      const received0 = received;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const cpuPct = ((await server.cpuSeconds()) - cpu0) / ((performance.now() - wall0) / 1000) * 100;
      const perClient = (received - received0) / CLIENTS / ((performance.now() - wall0) / 1000);
      clearInterval(timer);
      for (const c of clients) c.close();
      await Promise.all(devices.map((d) => d.endAsync()));
      return [
        { name: 'fanout_cpu_pct', value: cpuPct, unit: '%' },
        { name: 'fanout_client_readings_per_s', value: perClient, unit: 'readings/s' },
      ];
    } finally {
      await server.stop();
    }
  },
};
