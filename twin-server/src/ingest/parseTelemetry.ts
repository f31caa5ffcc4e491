import type { ReadingBuffer } from './readingBuffer.ts';
import type { RejectionList } from './rejectionList.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';

/** What validation compares a payload against. */
export interface ParseContext {
  catalog: SensorCatalog;
  /** Server time of receipt, epoch ms. */
  nowMs: number;
  /** Readings later than now + this are refused (clock of a device far ahead). */
  maxFutureMs: number;
  /** Readings earlier than now - this are refused (too old to backfill). */
  maxPastMs: number;
  maxPayloadBytes: number;
  /** Sensor id taken from the MQTT topic or URL, used when the payload names none. */
  defaultSensor?: string | undefined;
}

/** SenML times below 2^28 s are relative to now (RFC 8428 §4.5.3). */
const SENML_RELATIVE_LIMIT_S = 2 ** 28;

/**
 * Validates a telemetry payload and appends its good readings to `out`; every bad reading is
 * added to `rejects` with its reason, and the good readings of the same payload are kept.
 *
 * Accepted forms (REQ PLAT-10, EVAL-2):
 * - compact batch: `{"sensor": "<id>", "readings": [[tsMs, value], ...]}` (`unit`, `kind` optional);
 * - gateway batch: a JSON array of compact batches;
 * - SenML pack (RFC 8428): a JSON array of records; the resolved name is `<sensorId>/<kind>`
 *   (or `<sensorId>`), times are seconds.
 */
export function parseTelemetry(payload: Uint8Array | string, ctx: ParseContext, out: ReadingBuffer, rejects: RejectionList): void {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
  if (size > ctx.maxPayloadBytes) {
    rejects.add('TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE', 'payload', undefined, `payload of ${size} bytes exceeds the limit of ${ctx.maxPayloadBytes} bytes`);
    return;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  } catch (error) {
    rejects.add('TWIN_ERR_INGEST_MALFORMED_JSON', 'payload', undefined, `payload is not valid JSON: ${(error as Error).message}`);
    return;
  }
  if (Array.isArray(doc)) {
    if (doc.length > 0 && isObject(doc[0]) && 'readings' in doc[0]) {
      for (let i = 0; i < doc.length; i++) parseCompact(doc[i], `[${i}]`, ctx, out, rejects);
    } else {
      parseSenml(doc, ctx, out, rejects);
    }
  } else if (isObject(doc)) {
    parseCompact(doc, '', ctx, out, rejects);
  } else {
    rejects.add('TWIN_ERR_INGEST_MALFORMED_PAYLOAD', 'payload', undefined, 'payload must be a JSON object (compact batch) or array (gateway batch or SenML pack)');
  }
}

function parseCompact(batch: unknown, at: string, ctx: ParseContext, out: ReadingBuffer, rejects: RejectionList): void {
  if (!isObject(batch) || !Array.isArray(batch['readings'])) {
    rejects.add('TWIN_ERR_INGEST_MALFORMED_PAYLOAD', at || 'payload', undefined, 'a compact batch is {"sensor": "<id>", "readings": [[tsMs, value], ...]}');
    return;
  }
  const readings = batch['readings'] as unknown[];
  const sensorId = batch['sensor'] ?? ctx.defaultSensor;
  const prefix = at === '' ? 'readings' : `${at}.readings`;
  if (typeof sensorId !== 'string') {
    rejects.add('TWIN_ERR_INGEST_MALFORMED_PAYLOAD', at || 'payload', undefined, 'a compact batch must name its sensor (or be published to its sensor topic)', Math.max(1, readings.length));
    return;
  }
  const entry = ctx.catalog.lookup(sensorId);
  if (entry === undefined) {
    if (readings.length > 0) rejects.add('TWIN_ERR_INGEST_UNKNOWN_SENSOR', prefix, sensorId, `sensor ${sensorId} is not in the registry`, readings.length);
    return;
  }
  const unit = batch['unit'];
  if (unit !== undefined && unit !== entry.unit) {
    rejects.add('TWIN_ERR_INGEST_UNIT_MISMATCH', prefix, sensorId, `sensor ${sensorId} reports in ${entry.unit}, not ${String(unit)}`, readings.length);
    return;
  }
  const kind = batch['kind'];
  if (kind !== undefined && kind !== entry.kind) {
    rejects.add('TWIN_ERR_INGEST_KIND_MISMATCH', prefix, sensorId, `sensor ${sensorId} is a ${entry.kind} sensor, not ${String(kind)}`, readings.length);
    return;
  }
  const earliest = ctx.nowMs - ctx.maxPastMs;
  const latest = ctx.nowMs + ctx.maxFutureMs;
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i];
    if (!Array.isArray(reading) || reading.length !== 2) {
      rejects.add('TWIN_ERR_INGEST_MALFORMED_PAYLOAD', `${prefix}[${i}]`, sensorId, 'a reading is [tsMs, value]');
      continue;
    }
    const ts = reading[0];
    const value = reading[1];
    if (typeof ts !== 'number' || !Number.isFinite(ts)) {
      rejects.add('TWIN_ERR_INGEST_BAD_TIMESTAMP', `${prefix}[${i}]`, sensorId);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      rejects.add('TWIN_ERR_INGEST_NON_FINITE', `${prefix}[${i}]`, sensorId);
    } else if (ts > latest) {
      rejects.add('TWIN_ERR_INGEST_TIMESTAMP_FUTURE', `${prefix}[${i}]`, sensorId, `timestamp ${ts} is ${Math.round((ts - ctx.nowMs) / 1000)} s ahead of server time`);
    } else if (ts < earliest) {
      rejects.add('TWIN_ERR_INGEST_TIMESTAMP_PAST', `${prefix}[${i}]`, sensorId, `timestamp ${ts} is older than the ${Math.round(ctx.maxPastMs / 86_400_000)}-day limit`);
    } else {
      out.push(entry.index, Math.round(ts), value);
    }
  }
}

function parseSenml(pack: unknown[], ctx: ParseContext, out: ReadingBuffer, rejects: RejectionList): void {
  let baseName = '';
  let baseTimeS = 0;
  let baseUnit: string | undefined;
  let baseValue = 0;
  const earliest = ctx.nowMs - ctx.maxPastMs;
  const latest = ctx.nowMs + ctx.maxFutureMs;
  for (let i = 0; i < pack.length; i++) {
    const record = pack[i];
    const where = `record ${i}`;
    if (!isObject(record)) {
      rejects.add('TWIN_ERR_INGEST_MALFORMED_PAYLOAD', where, undefined, 'a SenML record is a JSON object');
      continue;
    }
    if (typeof record['bn'] === 'string') baseName = record['bn'];
    if (typeof record['bt'] === 'number') baseTimeS = record['bt'];
    if (typeof record['bu'] === 'string') baseUnit = record['bu'];
    if (typeof record['bv'] === 'number') baseValue = record['bv'];
    // A record with only base fields carries no reading.
    if (!('v' in record || 'n' in record || 't' in record || 'vs' in record || 'vb' in record || 'vd' in record || 'u' in record)) continue;
    const name = baseName + (typeof record['n'] === 'string' ? record['n'] : '');
    const { sensorId, measurement } = splitSenmlName(name, ctx.defaultSensor);
    if (sensorId === '') {
      rejects.add('TWIN_ERR_INGEST_MALFORMED_PAYLOAD', where, undefined, 'SenML record has no name (bn + n) and the topic names no sensor');
      continue;
    }
    const entry = ctx.catalog.lookup(sensorId);
    if (entry === undefined) {
      rejects.add('TWIN_ERR_INGEST_UNKNOWN_SENSOR', where, sensorId, `sensor ${sensorId} is not in the registry`);
      continue;
    }
    if (measurement !== '' && measurement !== entry.kind) {
      rejects.add('TWIN_ERR_INGEST_KIND_MISMATCH', where, sensorId, `sensor ${sensorId} is a ${entry.kind} sensor, not ${measurement}`);
      continue;
    }
    const unit = typeof record['u'] === 'string' ? record['u'] : baseUnit;
    if (unit !== undefined && unit !== entry.unit) {
      rejects.add('TWIN_ERR_INGEST_UNIT_MISMATCH', where, sensorId, `sensor ${sensorId} reports in ${entry.unit}, not ${unit}`);
      continue;
    }
    const t = record['t'];
    if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t))) {
      rejects.add('TWIN_ERR_INGEST_BAD_TIMESTAMP', where, sensorId);
      continue;
    }
    const v = record['v'];
    if (typeof v !== 'number' || !Number.isFinite(v + baseValue)) {
      rejects.add('TWIN_ERR_INGEST_NON_FINITE', where, sensorId, 'SenML record has no finite numeric value (v)');
      continue;
    }
    const timeS = baseTimeS + (t ?? 0);
    const ts = Math.round(timeS < SENML_RELATIVE_LIMIT_S ? ctx.nowMs + timeS * 1000 : timeS * 1000);
    if (ts > latest) rejects.add('TWIN_ERR_INGEST_TIMESTAMP_FUTURE', where, sensorId);
    else if (ts < earliest) rejects.add('TWIN_ERR_INGEST_TIMESTAMP_PAST', where, sensorId);
    else out.push(entry.index, ts, v + baseValue);
  }
}

/** `<sensorId>/<kind>` → both parts; a bare name is a sensor id, or the measurement when the topic names the sensor. */
function splitSenmlName(name: string, topicSensor: string | undefined): { sensorId: string; measurement: string } {
  const slash = name.lastIndexOf('/');
  if (slash >= 0) return { sensorId: name.slice(0, slash) || (topicSensor ?? ''), measurement: name.slice(slash + 1) };
  if (topicSensor !== undefined) return { sensorId: topicSensor, measurement: name };
  return { sensorId: name, measurement: '' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
