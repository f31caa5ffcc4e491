import { DEVICE_COMMAND_TOPIC_PREFIX, DEVICE_STATE_TOPIC_PREFIX } from '@twin/protocol';

/**
 * MQTT topic layout (documented in the README):
 * - `twin/v1/telemetry` — compact batch, gateway batch or SenML pack naming its sensors;
 * - `twin/v1/telemetry/<sensorId>` — readings of one sensor;
 * - `twin/v1/commands/<deviceId>` — commands to a device (server to device);
 * - `twin/v1/state/<deviceId>` — a device's reported state (device to server, retained);
 * - `twin/v1/status/<deviceId>` — a device's online/offline state (retained, last will).
 * Device ids may contain `/` (`B01/GAS-ESV`); sensor ids may not.
 */
export const TELEMETRY_TOPIC = 'twin/v1/telemetry';
/** Subscription covering both telemetry topic forms. */
export const TELEMETRY_SUBSCRIPTIONS = [TELEMETRY_TOPIC, `${TELEMETRY_TOPIC}/+`];
/** Subscription covering every device's command topic (gateways relaying to their devices). */
export const COMMAND_SUBSCRIPTION = `${DEVICE_COMMAND_TOPIC_PREFIX}#`;
/** Subscription covering every device's state topic. */
export const STATE_SUBSCRIPTION = `${DEVICE_STATE_TOPIC_PREFIX}#`;

/** The topic's role, with the sensor id for per-sensor telemetry topics and the device id for device topics. */
export type TopicRole =
  | { role: 'telemetry'; sensorId?: string }
  | { role: 'status' | 'command' | 'state'; deviceId: string }
  | { role: 'command-wildcard' }
  | { role: 'other' };

const DEVICE_TOPICS = { status: 'status', commands: 'command', state: 'state' } as const;

/** Classifies a topic. A telemetry topic with more than one level below it is `other`. */
export function classifyTopic(topic: string): TopicRole {
  if (topic === TELEMETRY_TOPIC) return { role: 'telemetry' };
  if (topic === COMMAND_SUBSCRIPTION) return { role: 'command-wildcard' };
  const parts = topic.split('/');
  if (parts.length < 4 || parts[0] !== 'twin' || parts[1] !== 'v1' || parts.slice(3).some((p) => p === '' || p === '+' || p === '#')) return { role: 'other' };
  if (parts[2] === 'telemetry') return parts.length === 4 ? { role: 'telemetry', sensorId: parts[3]! } : { role: 'other' };
  const role = Object.hasOwn(DEVICE_TOPICS, parts[2]!) ? DEVICE_TOPICS[parts[2] as keyof typeof DEVICE_TOPICS] : undefined;
  return role === undefined ? { role: 'other' } : { role, deviceId: parts.slice(3).join('/') };
}
