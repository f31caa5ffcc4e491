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
  TWIN_ERR_AUTH_PERMISSION: { status: 403, message: 'none of your roles grants this permission' },
  TWIN_ERR_AUTH_OUT_OF_SCOPE: { status: 403, message: "not within your organisation's domain or your granted scopes" },
  TWIN_ERR_AUTH_LOGIN_FAILED: { status: 401, message: 'wrong user name or password' },
  TWIN_ERR_AUTH_LOCKED: { status: 423, message: 'the account is locked after repeated failed logins' },
  TWIN_ERR_AUTH_DISABLED: { status: 403, message: 'the account is disabled' },
  TWIN_ERR_AUTH_SESSION_IDLE: { status: 401, message: 'the session ended after the idle timeout' },
  TWIN_ERR_AUTH_SESSION_EXPIRED: { status: 401, message: 'the session reached its maximum lifetime' },
  TWIN_ERR_AUTH_SESSION_REVOKED: { status: 401, message: 'the session was signed out' },
  TWIN_ERR_AUTH_PASSWORD_POLICY: { status: 422, message: 'the password does not meet the policy' },
  TWIN_ERR_AUTH_RATE_LIMITED: { status: 429, message: 'too many attempts; wait before trying again' },
  TWIN_ERR_AUTH_SSO: { status: 400, message: 'single sign-on did not complete' },
  TWIN_ERR_AUTH_SSO_UNKNOWN_USER: { status: 403, message: 'the identity provider vouched for a user this platform does not know' },
  TWIN_ERR_AUTH_DEFAULT_CREDENTIALS: { status: 500, message: 'production mode refuses generated demo credentials' },
  TWIN_ERR_CONFLICT: { status: 409, message: 'conflicts with existing data' },
  // Protocol and requests.
  TWIN_ERR_PROTOCOL_VERSION: { status: 400, message: 'protocol version is not supported' },
  TWIN_ERR_BAD_REQUEST: { status: 400, message: 'request is not valid' },
  TWIN_ERR_NOT_FOUND: { status: 404, message: 'not found' },
  TWIN_ERR_QUERY_RANGE: { status: 400, message: 'time range is not valid or too large' },
  TWIN_ERR_INTERNAL: { status: 500, message: 'internal error' },
  // Alarms.
  TWIN_ERR_ALARM_NOT_FOUND: { status: 404, message: 'no alarm with this id' },
  TWIN_ERR_ALARM_TRANSITION: { status: 409, message: 'the alarm is not in a state that allows this action' },
  TWIN_ERR_ALARM_SHELVE_DURATION: { status: 422, message: 'the shelving duration is missing, not in the future or too long' },
  TWIN_ERR_ALARM_UNAVAILABLE: { status: 503, message: 'the alarm log cannot be written now; try again' },
  TWIN_ERR_ALARM_RULES_INVALID: { status: 422, message: 'the alarm rules file is not valid' },
  // Models: the community's model files and the geometry prepared from them.
  TWIN_ERR_MODEL_MANIFEST_MISSING: { status: 404, message: 'the models directory has no manifest.json' },
  TWIN_ERR_MODEL_MANIFEST_INVALID: { status: 500, message: 'the model manifest is not valid' },
  TWIN_ERR_MODEL_NOT_FOUND: { status: 404, message: 'no model file with this path in the manifest' },
  TWIN_ERR_MODEL_FILE_MISMATCH: { status: 409, message: 'the model file is missing or differs from the manifest' },
  TWIN_ERR_MODEL_NOT_IFC: { status: 400, message: 'geometry is prepared for IFC files only' },
  TWIN_ERR_MODEL_INVALID_IFC: { status: 422, message: 'the IFC file could not be read' },
  TWIN_ERR_MODEL_TIMEOUT: { status: 503, message: 'geometry extraction exceeded its time limit' },
  TWIN_ERR_MODEL_RESOURCE_LIMIT: { status: 503, message: 'geometry extraction exceeded its memory or size limit' },
  TWIN_ERR_MODEL_EXTRACTION_FAILED: { status: 500, message: 'geometry extraction failed' },
  // Model import: reading IFC, GeoJSON, OpenStreetMap GraphML and EPANET files (`twin import`).
  TWIN_ERR_MODEL_IMPORT_UNREADABLE: { status: 404, message: 'the model file does not exist or cannot be read' },
  TWIN_ERR_MODEL_IMPORT_TOO_LARGE: { status: 413, message: 'the model file exceeds the size limit' },
  TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_FORMAT: { status: 415, message: 'the file is not a supported model format' },
  TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_SCHEMA: { status: 422, message: 'the model schema is not supported' },
  TWIN_ERR_MODEL_IMPORT_MALFORMED: { status: 422, message: 'the model file is malformed' },
  TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE: { status: 422, message: 'the model refers to something it does not define' },
  TWIN_ERR_MODEL_IMPORT_BAD_ARCHIVE: { status: 422, message: 'the archive cannot be read or holds no model' },
  TWIN_ERR_MODEL_IMPORT_ENGINE_FAILED: { status: 422, message: 'the IFC engine could not read the model' },
  TWIN_ERR_MODEL_IMPORT_TIMEOUT: { status: 503, message: 'the import exceeded its time limit' },
  TWIN_ERR_MODEL_IMPORT_RESOURCE_LIMIT: { status: 503, message: 'the import exceeded its memory limit' },
  // Cameras: video surveillance streams (GOV-3).
  TWIN_ERR_CAMERA_NOT_FOUND: { status: 404, message: 'no camera with this id' },
  TWIN_ERR_CAMERA_BUSY: { status: 503, message: 'the server is streaming as many cameras as it may; close another camera or try again later' },
  TWIN_ERR_CAMERA_UNAVAILABLE: { status: 503, message: "the camera's video cannot be streamed now" },
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
