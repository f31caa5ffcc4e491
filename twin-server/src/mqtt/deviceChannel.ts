import { deviceCommandTopic, parseDeviceState, type DeviceCommandMessage, type DeviceStateMessage } from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';
import { RateLimitedLog } from '../logging/rateLimitedLog.ts';

/** Publishes a payload with QoS 1; resolves once the broker has it. */
export type CommandPublisher = (topic: string, payload: string) => Promise<void>;

/** Receives a device's reported state. */
export type DeviceStateListener = (deviceId: string, state: DeviceStateMessage) => void;

/**
 * The command path to field devices over MQTT (REQ PLAT-6): commands out on
 * `twin/v1/commands/<deviceId>`, reported states in from `twin/v1/state/<deviceId>`, whichever
 * broker carries them (the embedded one or an external one). A state report that is not valid is
 * counted and logged, and costs nothing else.
 */
export class DeviceChannel {
  private publisher: CommandPublisher | undefined;
  private readonly listeners = new Set<DeviceStateListener>();
  private readonly badLog: RateLimitedLog;
  private counts = { commandsSent: 0, statesReceived: 0, statesMalformed: 0 };

  constructor(logger: Logger) {
    this.badLog = new RateLimitedLog(logger);
  }

  /** Connects the channel to the broker that carries commands. */
  attach(publisher: CommandPublisher): void {
    this.publisher = publisher;
  }

  /** Sends a command; resolves once the broker has accepted it. */
  async send(deviceId: string, message: DeviceCommandMessage): Promise<void> {
    if (this.publisher === undefined) throw new Error('no MQTT broker carries device commands yet');
    await this.publisher(deviceCommandTopic(deviceId), JSON.stringify(message));
    this.counts.commandsSent++;
  }

  /** Calls `listener` with every valid state report; returns the unsubscribe function. */
  onState(listener: DeviceStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A state report arrived from the broker. */
  receive(deviceId: string, payload: Buffer | string): void {
    const state = parseDeviceState(typeof payload === 'string' ? payload : payload.toString('utf8'));
    if (state === undefined) {
      this.counts.statesMalformed++;
      this.badLog.warn('device state report is not {state, atMs[, commandId]}; ignored', { deviceId });
      return;
    }
    this.counts.statesReceived++;
    for (const listener of this.listeners) listener(deviceId, state);
  }

  /** Commands sent, state reports received and refused. */
  stats(): { commandsSent: number; statesReceived: number; statesMalformed: number } {
    return { ...this.counts };
  }
}
