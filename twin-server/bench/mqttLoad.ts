import mqtt, { type MqttClient } from 'mqtt';
import type { LeanPublisher } from './leanPublisher.ts';

/** Compact-batch payload of `count` readings for one sensor, timestamps from `fromMs` 1 ms apart. */
export function compactBatch(sensor: string, fromMs: number, count: number, value: (i: number) => number): string {
  const parts = new Array<string>(count);
  for (let i = 0; i < count; i++) parts[i] = `[${fromMs + i},${value(i)}]`;
  return `{"sensor":"${sensor}","readings":[${parts.join(',')}]}`;
}

/** Connects `n` devices. */
export async function connectDevices(url: string, token: string, n: number, prefix = 'bench'): Promise<MqttClient[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => mqtt.connectAsync(url, { clientId: `${prefix}-${i}`, username: `${prefix}-${i}`, password: token, reconnectPeriod: 0 })));
}

/**
 * Closed-loop load: each device keeps `window` QoS 1 publishes in flight and sends the next when
 * one is acknowledged. Returns readings acknowledged per second over `durationMs` after `warmupMs`.
 */
export async function saturate(devices: LeanPublisher[], options: { window: number; warmupMs: number; durationMs: number; next: (device: number) => { topic: string; payload: string; readings: number } }): Promise<number> {
  let acked = 0;
  let counting = false;
  let stop = false;
  const loops = devices.map(
    (client, d) =>
      new Promise<void>((resolve) => {
        let inFlight = 0;
        const send = () => {
          if (stop) {
            if (inFlight === 0) resolve();
            return;
          }
          const message = options.next(d);
          inFlight++;
          client.publish(message.topic, message.payload, () => {
            inFlight--;
            if (counting) acked += message.readings;
            send();
          });
        };
        for (let i = 0; i < options.window; i++) send();
      }),
  );
  await new Promise((resolve) => setTimeout(resolve, options.warmupMs));
  counting = true;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.durationMs));
  const rate = acked / ((performance.now() - started) / 1000);
  counting = false;
  stop = true;
  await Promise.all(loops);
  return rate;
}

/**
 * Open-loop load at `readingsPerS`: every `intervalMs` it publishes the batches due, whatever the
 * server's answers (QoS 1, acknowledgements not awaited). Returns a stop function.
 */
export function steadyLoad(devices: MqttClient[], readingsPerS: number, batchSize: number, sensors: string[], intervalMs = 10): () => void {
  let sent = 0;
  const started = performance.now();
  const tsBase = Date.now() - 86_400_000;
  const nextTs = new Map<string, number>();
  let s = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * readingsPerS);
    while (sent + batchSize <= due) {
      const sensor = sensors[s++ % sensors.length]!;
      const from = nextTs.get(sensor) ?? tsBase;
      nextTs.set(sensor, from + batchSize);
      devices[s % devices.length]!.publish('twin/v1/telemetry', compactBatch(sensor, from, batchSize, (i) => i), { qos: 1 });
      sent += batchSize;
    }
  }, intervalMs);
  return () => clearInterval(timer);
}
