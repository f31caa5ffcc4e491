/**
 * MQTT topic layout (documented in the README):
 * - `twin/v1/telemetry` — compact batch, gateway batch or SenML pack naming its sensors;
 * - `twin/v1/telemetry/<sensorId>` — readings of one sensor;
 * - `twin/v1/commands/<deviceId>` — commands to a device (server to device);
 * - `twin/v1/status/<deviceId>` — a device's online/offline state (retained, last will).
 */
export const TELEMETRY_TOPIC = 'twin/v1/telemetry';
/** Subscription covering both telemetry topic forms. */
export const TELEMETRY_SUBSCRIPTIONS = [TELEMETRY_TOPIC, `${TELEMETRY_TOPIC}/+`];

/** The topic's role, with the sensor id for per-sensor telemetry topics. */
export type TopicRole = { role: 'telemetry'; sensorId?: string } | { role: 'status' | 'command'; deviceId: string } | { role: 'other' };

/** Classifies a topic. A telemetry topic with more than one level below it is `other`. */
export function classifyTopic(topic: string): TopicRole {
  if (topic === TELEMETRY_TOPIC) return { role: 'telemetry' };
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== 'twin' || parts[1] !== 'v1' || parts[3] === '') return { role: 'other' };
  if (parts[2] === 'telemetry') return { role: 'telemetry', sensorId: parts[3]! };
  if (parts[2] === 'status') return { role: 'status', deviceId: parts[3]! };
  if (parts[2] === 'commands') return { role: 'command', deviceId: parts[3]! };
  return { role: 'other' };
}
