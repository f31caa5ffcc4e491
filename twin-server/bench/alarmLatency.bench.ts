import * as hdr from 'hdr-histogram-js';
import type { MqttClient } from 'mqtt';
import { GAS_ALARM_LEL, type AlarmRulesFile } from '@twin/domain';
import { DEVICE_COMMAND_TOPIC_PREFIX, parseDeviceCommand, type AlarmUpdate, type SensorDefinition, type SensorRegistry } from '@twin/protocol';
import { testSensor } from '../src/test/testCatalog.ts';
import type { BenchFigure, Benchmark } from './benchmark.ts';
import { benchRegistry, startBenchServer } from './benchServer.ts';
import { alarmClient } from './liveClients.ts';
import { compactBatch, connectDevices, steadyLoad } from './mqttLoad.ts';

const BACKGROUND_SENSORS = 10_000;
const PROBE_SENSORS = 100;
const PROBES_PER_S = 500;
const DURATION_MS = 20_000;
/** Longest wait for the last activations to arrive once every probe reading is sent. */
const DRAIN_MS = 30_000;
/** Probe readings alternate across the 20 %LEL limit, so every other one raises the alarm again. */
const ABOVE_LEL = 30;
const BELOW_LEL = 5;
const PROBE_RULE = 'bench-gas-lel-high';

/**
 * A non-latching gas alarm closing the building's shut-off valve, so that every crossing raises the
 * alarm and commands the valve again; and a limit on the background sensors that their readings
 * never reach, so that each background reading still passes through a detector.
 */
const RULES: AlarmRulesFile = {
  version: 1,
  rules: [
    {
      id: PROBE_RULE,
      name: '可燃气体浓度报警',
      nameEn: 'Combustible gas alarm',
      match: { kinds: ['gas_lel'] },
      condition: { type: 'high', deadband: 1 },
      severity: 'critical',
      latching: false,
      linkage: [{ device: '{building}/GAS-ESV', command: 'close', confirmWithinMs: 60_000 }],
    },
    { id: 'bench-power-high', name: '功率超限', nameEn: 'Power above limit', match: { kinds: ['power'] }, condition: { type: 'high', limit: 1e9 }, severity: 'low' },
  ],
};

/**
 * Reading-to-alarm latency under 100k readings/s of background load, measured open-loop: probe
 * gas detectors publish on a fixed schedule, alternately above and below their limit. A probe
 * reading's timestamp is its sequence number past a base, so the `raised` event (timed by its
 * reading) names the reading, and the `command_sent` event that follows it names the valve command.
 * Latency is arrival minus the reading's intended send time, at a subscribed socket.io client for
 * the alarm and at an MQTT client subscribed to every device's commands for the valve command; a
 * stalled sender counts against the result (no coordinated omission). The valves never report a
 * state, so the engine commands them again on every activation.
 */
export const benchmark: Benchmark = {
  name: 'alarm_latency',
  async run() {
    const probes = probeDetectors();
    const background = benchRegistry(BACKGROUND_SENSORS);
    const registry: SensorRegistry = { ...background, sensors: [...background.sensors, ...probes] };
    const server = await startBenchServer(registry, [], { alarmRules: RULES });
    try {
      const schedule = new ProbeSchedule(probes.map((p) => p.id));
      const latency = new ActivationLatency(schedule);
      const client = await alarmClient(server.http, server.sessionToken, (update) => latency.onUpdate(update));
      const [valves] = await connectDevices(server.mqtt, server.deviceToken, 1, 'valves');
      // Valves hear every device's commands and never report a state.
      valves!.on('message', (_topic, payload) => latency.onCommand(payload));
      await valves!.subscribeAsync(`${DEVICE_COMMAND_TOPIC_PREFIX}#`, { qos: 1 });
      const loaders = await connectDevices(server.mqtt, server.deviceToken, 2, 'background');
      const [prober] = await connectDevices(server.mqtt, server.deviceToken, 1, 'prober');
      const stopBackground = steadyLoad(loaders, 100_000, 1000, Array.from({ length: BACKGROUND_SENSORS }, (_, i) => `s${i}`));
      await new Promise((resolve) => setTimeout(resolve, 2000));

      await schedule.send(prober!);
      await latency.drained(DRAIN_MS);
      stopBackground();
      client.close();
      await Promise.all([...loaders, prober!, valves!].map((d) => d.endAsync()));
      return latency.figures();
    } finally {
      await server.stop();
    }
  },
};

/** Gas detectors, each in a building of its own, with the guideline's limit in the registry. */
function probeDetectors(): SensorDefinition[] {
  return Array.from({ length: PROBE_SENSORS }, (_, i) => {
    const sensor = testSensor(`gas${i}`, 'gas_lel', `zone-${i % 10}`);
    const building = `B${String(i).padStart(3, '0')}`;
    return { ...sensor, location: { ...sensor.location, placement: 'indoor', building }, thresholds: { day: { high: GAS_ALARM_LEL } } };
  });
}

/**
 * The probes' fixed schedule: reading `seq` goes to probe `seq % probes`, is due `seq / rate`
 * after the start and carries the timestamp `tsBase + seq`; a probe's even-numbered readings are
 * above the limit.
 */
class ProbeSchedule {
  readonly total = (PROBES_PER_S * DURATION_MS) / 1000;
  /** How many readings raise the alarm. */
  readonly activations: number;
  private readonly tsBase = Date.now() - 60_000;
  private startMs = Number.NaN;

  constructor(private readonly probeIds: readonly string[]) {
    let count = 0;
    for (let seq = 0; seq < this.total; seq++) if (this.raises(seq)) count++;
    this.activations = count;
  }

  /** The reading a probe timestamp belongs to. */
  seqOf(tsMs: number): number {
    return tsMs - this.tsBase;
  }

  /** When reading `seq` was due, epoch ms with sub-millisecond precision. */
  intendedMs(seq: number): number {
    return performance.timeOrigin + this.startMs + (seq * 1000) / PROBES_PER_S;
  }

  /** Publishes every reading at its due time, whatever the server's answers. */
  send(prober: MqttClient): Promise<void> {
    this.startMs = performance.now() + 10;
    let seq = 0;
    return new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        while (seq < this.total && this.startMs + (seq * 1000) / PROBES_PER_S <= now) {
          const value = this.raises(seq) ? ABOVE_LEL : BELOW_LEL;
          prober.publish('twin/v1/telemetry', compactBatch(this.probeIds[seq % this.probeIds.length]!, this.tsBase + seq, 1, () => value), { qos: 1 });
          seq++;
        }
        if (seq >= this.total) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
  }

  private raises(seq: number): boolean {
    return Math.floor(seq / this.probeIds.length) % 2 === 0;
  }
}

/** Latencies of the probes' alarms at the client and of their valve commands at the devices. */
class ActivationLatency {
  private readonly alarms = histogram();
  private raised = 0;
  /** Alarm id → the probe reading that last raised it. */
  private readonly lastRaised = new Map<string, number>();
  /** Command id → the probe reading whose alarm sent it. */
  private readonly commandSeq = new Map<string, number>();
  /** Command id → when the device had it. */
  private readonly commandArrivals = new Map<string, number>();

  constructor(private readonly schedule: ProbeSchedule) {}

  onUpdate({ event }: AlarmUpdate): void {
    if (!event.alarmId.startsWith(`${PROBE_RULE}/`)) return;
    if (event.type === 'raised') {
      const seq = this.schedule.seqOf(event.atMs);
      this.lastRaised.set(event.alarmId, seq);
      record(this.alarms, arrivalMs() - this.schedule.intendedMs(seq));
      this.raised++;
    } else if (event.type === 'command_sent') {
      this.commandSeq.set(String(event.details?.['commandId']), this.lastRaised.get(event.alarmId)!);
    }
  }

  onCommand(payload: Buffer): void {
    const arrived = arrivalMs();
    const command = parseDeviceCommand(payload.toString('utf8'));
    if (command !== undefined) this.commandArrivals.set(command.commandId, arrived);
  }

  /** Resolves once every activation has reached the client and the valves, or after `timeoutMs`. */
  async drained(timeoutMs: number): Promise<void> {
    const expected = this.schedule.activations;
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline && (this.raised < expected || this.commandSeq.size < expected || this.commandArrivals.size < expected)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  figures(): BenchFigure[] {
    const expected = this.schedule.activations;
    const valves = histogram();
    for (const [commandId, arrived] of this.commandArrivals) {
      const seq = this.commandSeq.get(commandId);
      if (seq !== undefined) record(valves, arrived - this.schedule.intendedMs(seq));
    }
    if (this.raised < expected * 0.99) throw new Error(`only ${this.raised} of ${expected} alarm activations reached the client`);
    if (valves.totalCount < expected * 0.99) throw new Error(`only ${valves.totalCount} of ${expected} valve commands reached the device`);
    const ms = (h: hdr.Histogram, p: number) => h.getValueAtPercentile(p) / 1000;
    return [
      { name: 'alarm_latency_p50_ms', value: ms(this.alarms, 50), unit: 'ms' },
      { name: 'alarm_latency_p99_ms', value: ms(this.alarms, 99), unit: 'ms' },
      { name: 'alarm_latency_p999_ms', value: ms(this.alarms, 99.9), unit: 'ms' },
      { name: 'valve_command_p999_ms', value: ms(valves, 99.9), unit: 'ms' },
    ];
  }
}

/** Latencies in microseconds, up to a minute. */
function histogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
}

function record(h: hdr.Histogram, latencyMs: number): void {
  h.recordValue(Math.max(1, Math.round(latencyMs * 1000)));
}

function arrivalMs(): number {
  return performance.timeOrigin + performance.now();
}
