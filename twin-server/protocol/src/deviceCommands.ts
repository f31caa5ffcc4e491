/**
 * Commands to field devices and the states they report back (REQ PLAT-6 commands to subsystems;
 * MUN-5 gas emergency shut-off; ENV-5 fresh air when the air worsens). Over MQTT:
 * - `twin/v1/commands/<deviceId>`: a {@link DeviceCommandMessage} from the platform (QoS 1);
 * - `twin/v1/state/<deviceId>`: a {@link DeviceStateMessage} from the device, retained (QoS 1),
 *   after every change and in answer to every command, naming the command it carried out.
 * Device ids may contain `/` (`B01/GAS-ESV`): everything after the prefix is the id.
 */

/** What a device can be told to do. */
export const DEVICE_COMMANDS = ['open', 'close', 'on', 'off'] as const;

/** A command, e.g. `'close'`. */
export type DeviceCommand = (typeof DEVICE_COMMANDS)[number];

/** What a device can report being in. */
export const DEVICE_STATES = ['open', 'closed', 'on', 'off', 'fault'] as const;

/** A device state, e.g. `'closed'`. */
export type DeviceState = (typeof DEVICE_STATES)[number];

/** The state a command leaves a device in. */
export const COMMANDED_STATE: Record<DeviceCommand, DeviceState> = { open: 'open', close: 'closed', on: 'on', off: 'off' };

/** A command to a device. */
export interface DeviceCommandMessage {
  /** Unique per command; the device names it in the state it reports after carrying it out. */
  commandId: string;
  command: DeviceCommand;
  issuedAtMs: number;
  /** The alarm whose linkage sent it, if any. */
  alarmId?: string;
}

/** A device's state report. */
export interface DeviceStateMessage {
  state: DeviceState;
  atMs: number;
  /** The command this state answers, when it answers one. */
  commandId?: string;
}

/** MQTT topic prefixes of device commands and device states. */
export const DEVICE_COMMAND_TOPIC_PREFIX = 'twin/v1/commands/';
export const DEVICE_STATE_TOPIC_PREFIX = 'twin/v1/state/';

/** The topic commands to `deviceId` go to. */
export function deviceCommandTopic(deviceId: string): string {
  return `${DEVICE_COMMAND_TOPIC_PREFIX}${deviceId}`;
}

/** The topic `deviceId` reports its state on. */
export function deviceStateTopic(deviceId: string): string {
  return `${DEVICE_STATE_TOPIC_PREFIX}${deviceId}`;
}

/** Reads a command message, or `undefined` when it is not one. */
export function parseDeviceCommand(payload: string): DeviceCommandMessage | undefined {
  const value = parseObject(payload);
  if (value === undefined || typeof value['commandId'] !== 'string' || value['commandId'] === '' || !isOneOf(DEVICE_COMMANDS, value['command']) || !Number.isFinite(value['issuedAtMs'])) return undefined;
  const message: DeviceCommandMessage = { commandId: value['commandId'], command: value['command'], issuedAtMs: value['issuedAtMs'] as number };
  if (typeof value['alarmId'] === 'string') message.alarmId = value['alarmId'];
  return message;
}

/** Reads a state message, or `undefined` when it is not one. */
export function parseDeviceState(payload: string): DeviceStateMessage | undefined {
  const value = parseObject(payload);
  if (value === undefined || !isOneOf(DEVICE_STATES, value['state']) || !Number.isFinite(value['atMs'])) return undefined;
  const message: DeviceStateMessage = { state: value['state'], atMs: value['atMs'] as number };
  if (typeof value['commandId'] === 'string') message.commandId = value['commandId'];
  return message;
}

function parseObject(payload: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
