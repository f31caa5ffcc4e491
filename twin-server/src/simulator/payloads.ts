/**
 * The MQTT wire format of telemetry, as the server validates it:
 * - topic `twin/v1/telemetry`: a compact batch `{"sensor": id, "readings": [[tsMs, value], ...]}`,
 *   a JSON array of compact batches (a gateway batch), or a SenML pack;
 * - topic `twin/v1/telemetry/<sensorId>`: a compact batch for that sensor or a SenML pack.
 * SenML (RFC 8428): base name `<sensorId>/`, name = the kind id, so the resolved name is
 * `<sensorId>/<kind>`; base unit = the kind's canonical unit; times in seconds since the epoch.
 */
import { SENSOR_KINDS, type SensorDefinition } from '@twin/protocol';

/** Topic of gateway batches and of self-describing payloads. */
export const TELEMETRY_TOPIC = 'twin/v1/telemetry';

/** Topic of one sensor's payloads. */
export function sensorTelemetryTopic(sensorId: string): string {
  return `${TELEMETRY_TOPIC}/${sensorId}`;
}

/** One reading: epoch milliseconds and the value in the sensor's unit. */
export type Reading = [tsMs: number, value: number];

/** A compact batch of one sensor's readings. */
export interface CompactBatch {
  sensor: string;
  readings: Reading[];
}

/** A SenML record as this simulator writes it. */
export interface SenmlRecord {
  bn?: string;
  bu?: string;
  n: string;
  t: number;
  v: number;
}

/**
 * One sensor's readings as a SenML pack: the first record carries the base name and base unit;
 * every record carries the kind as its name and its absolute time in seconds (RFC 8428 reads a
 * time of 2^28 s or more as absolute).
 */
export function toSenml(sensor: SensorDefinition, readings: readonly Reading[]): SenmlRecord[] {
  return readings.map(([tsMs, v], i) =>
    i === 0 ? { bn: `${sensor.id}/`, bu: SENSOR_KINDS[sensor.kind].unit, n: sensor.kind, t: tsMs / 1000, v } : { n: sensor.kind, t: tsMs / 1000, v },
  );
}

/** Splits `readings` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Packs compact batches into gateway-batch payloads (JSON arrays) of at most `maxBytes` each,
 * splitting a sensor's readings when one sensor alone would not fit.
 * @returns the payload texts, in batch order.
 */
export function packGatewayBatches(batches: readonly CompactBatch[], maxBytes: number): string[] {
  const payloads: string[] = [];
  let parts: string[] = [];
  let size = 2; // the brackets
  const flush = () => {
    if (parts.length > 0) payloads.push(`[${parts.join(',')}]`);
    parts = [];
    size = 2;
  };
  for (const batch of batches) {
    for (const piece of splitBatch(batch, maxBytes - 2)) {
      const text = JSON.stringify(piece);
      const extra = text.length + (parts.length > 0 ? 1 : 0);
      if (size + extra > maxBytes) flush();
      parts.push(text);
      size += text.length + (parts.length > 1 ? 1 : 0);
    }
  }
  flush();
  return payloads;
}

/** A batch split into pieces whose JSON fits in `maxBytes` (estimated from the whole batch). */
function splitBatch(batch: CompactBatch, maxBytes: number): CompactBatch[] {
  const length = JSON.stringify(batch).length;
  if (length <= maxBytes || batch.readings.length <= 1) return [batch];
  const perReading = length / batch.readings.length;
  const perPiece = Math.max(1, Math.floor((maxBytes * 0.9) / perReading));
  return chunk(batch.readings, perPiece).map((readings) => ({ sensor: batch.sensor, readings }));
}
