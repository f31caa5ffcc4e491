import * as hdr from 'hdr-histogram-js';
import type { Benchmark } from './benchmark.ts';
import { benchRegistry, startBenchServer } from './benchServer.ts';
import { liveClient } from './liveClients.ts';
import { compactBatch, connectDevices, steadyLoad } from './mqttLoad.ts';

const BACKGROUND_SENSORS = 10_000;
const PROBE_SENSORS = 100;
const PROBES_PER_S = 500;
const DURATION_MS = 10_000;

/**
 * Publish-to-client latency under 100k readings/s of background load, measured open-loop: each
 * probe has an intended send time on a fixed schedule and carries it as its value; latency is
 * arrival at a subscribed socket.io client minus that intended time, so a stalled sender counts
 * against the result (no coordinated omission).
 */
export const benchmark: Benchmark = {
  name: 'live_latency',
  async run() {
    const server = await startBenchServer(benchRegistry(BACKGROUND_SENSORS + PROBE_SENSORS));
    try {
      const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
      const probeIds = Array.from({ length: PROBE_SENSORS }, (_, i) => `s${BACKGROUND_SENSORS + i}`);
      let received = 0;
      const client = await liveClient(server.http, server.sessionToken, { sensors: probeIds }, (frame) => {
        const arrived = performance.timeOrigin + performance.now();
        for (let i = 0; i < frame.values.length; i++) {
          histogram.recordValue(Math.max(1, Math.round((arrived - frame.values[i]!) * 1000)));
          received++;
        }
      });
      const background = await connectDevices(server.mqtt, server.deviceToken, 2, 'background');
      const [prober] = await connectDevices(server.mqtt, server.deviceToken, 1, 'prober');
      const stopBackground = steadyLoad(background, 100_000, 1000, Array.from({ length: BACKGROUND_SENSORS }, (_, i) => `s${i}`));
      await new Promise((resolve) => setTimeout(resolve, 2000));

      const total = (PROBES_PER_S * DURATION_MS) / 1000;
      const start = performance.now() + 10;
      const tsBase = Date.now() - 60_000;
      let sent = 0;
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const now = performance.now();
          while (sent < total && start + (sent * 1000) / PROBES_PER_S <= now) {
            const intended = performance.timeOrigin + start + (sent * 1000) / PROBES_PER_S;
            prober!.publish('twin/v1/telemetry', compactBatch(probeIds[sent % PROBE_SENSORS]!, tsBase + sent, 1, () => intended), { qos: 1 });
            sent++;
          }
          if (sent >= total) {
            clearInterval(timer);
            resolve();
          }
        }, 1);
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      stopBackground();
      if (received < total * 0.99) throw new Error(`only ${received} of ${total} probes arrived`);
      client.close();
      await Promise.all([...background, prober!].map((d) => d.endAsync()));
      const ms = (p: number) => histogram.getValueAtPercentile(p) / 1000;
      return [
        { name: 'live_latency_p50_ms', value: ms(50), unit: 'ms' },
        { name: 'live_latency_p99_ms', value: ms(99), unit: 'ms' },
        { name: 'live_latency_p999_ms', value: ms(99.9), unit: 'ms' },
      ];
    } finally {
      await server.stop();
    }
  },
};
