/**
 * The error catalogue. Every error that crosses the wire is `{ code, message, details? }` with a
 * code from here; never a stack trace.
 */
export const ERROR_CODES = {
  // Ingest: one code per reason a reading (or a whole payload) is refused.
  TWIN_ERR_INGEST_MALFORMED_JSON: { status: 400, message: 'payload is not valid JSON' },
  TWIN_ERR_INGEST_MALFORMED_PAYLOAD: { status: 400, message: 'payload does not match the compact batch or SenML format' },
  TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE: { status: 413, message: 'payload exceeds the size limit' },
  TWIN_ERR_INGEST_UNKNOWN_SENSOR: { status: 422, message: 'sensor is not in the registry' },
  TWIN_ERR_INGEST_UNIT_MISMATCH: { status: 422, message: "unit does not match the sensor's registered unit" },
  TWIN_ERR_INGEST_KIND_MISMATCH: { status: 422, message: "measurement name does not match the sensor's kind" },
  TWIN_ERR_INGEST_NON_FINITE: { status: 422, message: 'value is missing, not a number or not finite' },
  TWIN_ERR_INGEST_BAD_TIMESTAMP: { status: 422, message: 'timestamp is missing or not a number' },
  TWIN_ERR_INGEST_TIMESTAMP_FUTURE: { status: 422, message: 'timestamp is too far in the future' },
  TWIN_ERR_INGEST_TIMESTAMP_PAST: { status: 422, message: 'timestamp is too far in the past' },
  TWIN_ERR_INGEST_BAD_TOPIC: { status: 400, message: 'MQTT topic is not a telemetry topic' },
  TWIN_ERR_INGEST_UNAVAILABLE: { status: 503, message: 'storage is unavailable; the readings were not stored' },
  // Identity.
  TWIN_ERR_AUTH_REQUIRED: { status: 401, message: 'authentication is required' },
  TWIN_ERR_AUTH_INVALID: { status: 401, message: 'credentials are not valid' },
  TWIN_ERR_AUTH_FORBIDDEN: { status: 403, message: 'not permitted for this principal' },
  // Protocol and requests.
  TWIN_ERR_PROTOCOL_VERSION: { status: 400, message: 'protocol version is not supported' },
  TWIN_ERR_BAD_REQUEST: { status: 400, message: 'request is not valid' },
  TWIN_ERR_NOT_FOUND: { status: 404, message: 'not found' },
  TWIN_ERR_QUERY_RANGE: { status: 400, message: 'time range is not valid or too large' },
  TWIN_ERR_INTERNAL: { status: 500, message: 'internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

/** An error code, e.g. `'TWIN_ERR_INGEST_UNKNOWN_SENSOR'`. */
export type TwinErrorCode = keyof typeof ERROR_CODES;

/** The reasons a single reading can be rejected at ingest, as counted at the stats endpoint. */
export const INGEST_REJECT_CODES = [
  'TWIN_ERR_INGEST_MALFORMED_JSON',
  'TWIN_ERR_INGEST_MALFORMED_PAYLOAD',
  'TWIN_ERR_INGEST_PAYLOAD_TOO_LARGE',
  'TWIN_ERR_INGEST_UNKNOWN_SENSOR',
  'TWIN_ERR_INGEST_UNIT_MISMATCH',
  'TWIN_ERR_INGEST_KIND_MISMATCH',
  'TWIN_ERR_INGEST_NON_FINITE',
  'TWIN_ERR_INGEST_BAD_TIMESTAMP',
  'TWIN_ERR_INGEST_TIMESTAMP_FUTURE',
  'TWIN_ERR_INGEST_TIMESTAMP_PAST',
  'TWIN_ERR_INGEST_BAD_TOPIC',
] as const satisfies readonly TwinErrorCode[];

/** A reason a reading was rejected. */
export type IngestRejectCode = (typeof INGEST_REJECT_CODES)[number];

/** The only shape in which an error crosses the wire. */
export interface TwinErrorPayload {
  code: TwinErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** The result of a request acknowledged over socket.io. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: TwinErrorPayload };

/** Builds an error payload with the catalogue's message unless a more specific one is given. */
export function twinError(code: TwinErrorCode, message?: string, details?: Record<string, unknown>): TwinErrorPayload {
  const payload: TwinErrorPayload = { code, message: message ?? ERROR_CODES[code].message };
  if (details !== undefined) payload.details = details;
  return payload;
}
