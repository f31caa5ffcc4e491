/**
 * The simulated devices' side of the command contract (PLAT-6): takes commands from
 * `twin/v1/commands/<deviceId>`, carries them out on a `DeviceBank`, and reports each device's
 * state retained with QoS 1 on `twin/v1/state/<deviceId>`.
 */
import type { MqttClient } from 'mqtt';
import { DEVICE_COMMAND_TOPIC_PREFIX, deviceStateTopic, parseDeviceCommand, type DeviceStateMessage } from '@twin/protocol';
import type { DeviceBank } from './deviceBank.ts';

/** Counters of the device side. Every command received is applied, refused or malformed. */
export interface DeviceLinkStats {
  /** Controllable devices simulated. */
  devices: number;
  commandsReceived: number;
  /** Commands carried out and answered with a state report naming them. */
  commandsApplied: number;
  /** Well-formed commands to an unknown device, or that the device does not take; not answered. */
  commandsRefused: number;
  /** Messages on a command topic that are not a command; not answered. */
  commandsMalformed: number;
  /** State reports acknowledged by the broker. */
  stateMessages: number;
  /** State reports whose publish failed. */
  publishErrors: number;
}

/** At most one line per minute about refused and malformed commands. */
const NOTICE_INTERVAL_MS = 60_000;

/** Connects a device bank to the broker. */
export class DeviceCommandLink {
  private readonly counters: DeviceLinkStats;
  private readonly notices = new Map<'refused' | 'malformed', { lastMs: number; held: number }>();
  private readonly pending = new Set<Promise<void>>();
  private closed = false;
  private readonly onMessage = (topic: string, payload: Buffer): void => this.handle(topic, payload.toString('utf8'));

  /**
   * @param now the time commands are carried out at.
   * @param log lines for the operator.
   */
  constructor(
    private readonly client: MqttClient,
    private readonly bank: DeviceBank,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {
    this.counters = { devices: bank.devices.length, commandsReceived: 0, commandsApplied: 0, commandsRefused: 0, commandsMalformed: 0, stateMessages: 0, publishErrors: 0 };
  }

  /**
   * Reports every device's current state (retained, so late subscribers see it), then
   * subscribes to commands with QoS 1. A broker that refuses the subscription leaves the
   * devices deaf, with a line saying so; telemetry goes on.
   */
  async start(): Promise<void> {
    await Promise.all(this.bank.devices.map((device) => this.publishState(device.id, this.bank.stateReport(device.id)!)));
    this.client.on('message', this.onMessage);
    try {
      await this.client.subscribeAsync(`${DEVICE_COMMAND_TOPIC_PREFIX}#`, { qos: 1 });
    } catch (error) {
      this.log(`simulator: devices take no commands, the broker refused ${DEVICE_COMMAND_TOPIC_PREFIX}#: ${(error as Error).message}`);
    }
  }

  /** A copy of the counters. */
  stats(): DeviceLinkStats {
    return { ...this.counters };
  }

  /** Stops taking commands and resolves once the state reports under way are acknowledged or failed. */
  async close(): Promise<void> {
    this.closed = true;
    this.client.off('message', this.onMessage);
    await Promise.all(this.pending);
  }

  private handle(topic: string, payload: string): void {
    if (this.closed || !topic.startsWith(DEVICE_COMMAND_TOPIC_PREFIX)) return;
    this.counters.commandsReceived += 1;
    const deviceId = topic.slice(DEVICE_COMMAND_TOPIC_PREFIX.length);
    const command = parseDeviceCommand(payload);
    if (command === undefined) {
      this.counters.commandsMalformed += 1;
      this.notice('malformed', `simulator: ignored a message on ${topic} that is not a device command (${this.counters.commandsMalformed} so far)`);
      return;
    }
    const outcome = this.bank.apply(deviceId, command, this.now());
    if (!outcome.applied) {
      this.counters.commandsRefused += 1;
      const why = outcome.reason === 'unknown-device' ? 'no such device is simulated' : 'the device does not take it';
      this.notice('refused', `simulator: refused ${command.command} to ${deviceId} (command ${command.commandId}): ${why} (${this.counters.commandsRefused} refused so far)`);
      return;
    }
    this.counters.commandsApplied += 1;
    this.log(`simulator: ${deviceId} ${outcome.state}${outcome.changed ? '' : ' already'} (command ${command.commandId}${command.alarmId === undefined ? '' : `, alarm ${command.alarmId}`})`);
    const publish = this.publishState(deviceId, outcome.report).finally(() => this.pending.delete(publish));
    this.pending.add(publish);
  }

  private async publishState(deviceId: string, report: DeviceStateMessage): Promise<void> {
    const topic = deviceStateTopic(deviceId);
    try {
      await this.client.publishAsync(topic, JSON.stringify(report), { qos: 1, retain: true });
      this.counters.stateMessages += 1;
    } catch (error) {
      this.counters.publishErrors += 1;
      this.log(`simulator: publish to ${topic} failed: ${(error as Error).message}`);
    }
  }

  /** Logs `line` unless a line of the same kind went out within the last minute; says how many were held back. */
  private notice(kind: 'refused' | 'malformed', line: string): void {
    const nowMs = this.now();
    const last = this.notices.get(kind);
    if (last !== undefined && nowMs - last.lastMs < NOTICE_INTERVAL_MS) {
      last.held += 1;
      return;
    }
    this.log(last === undefined || last.held === 0 ? line : `${line}; ${last.held} similar held back`);
    this.notices.set(kind, { lastMs: nowMs, held: 0 });
  }
}
