import type { TwinErrorCode } from '@twin/protocol';
import { isTwinErrorCode } from '../api/apiError.ts';

/**
 * Why a camera's stream stopped, for people:
 * - `busy`: the server is already sending as many streams as it may (HTTP 503, `TWIN_ERR_CAMERA_BUSY`);
 * - `refused`: the server answered another error (no permission, no such camera, the source failed);
 * - `unreachable`: no answer in time;
 * - `undecodable`: the video arrived but cannot be played;
 * - `unsupported`: this browser cannot play HLS through Media Source Extensions.
 *
 * `message` is the server's own explanation, when it gave one.
 */
export type StreamFailure =
  | { kind: 'busy'; message?: string }
  | { kind: 'refused'; status: number; code?: TwinErrorCode; message?: string }
  | { kind: 'unreachable' }
  | { kind: 'undecodable'; message?: string }
  | { kind: 'unsupported' };

/** The parts of a fatal hls.js error (`ErrorData`) this module reads. */
export interface HlsErrorLike {
  /** `networkError`, `mediaError`, `muxError`, … */
  type: string;
  /** `manifestLoadError`, `fragParsingError`, … */
  details: string;
  /** The HTTP answer of a failed load (status 0 when nothing came back). */
  response?: { code?: number | undefined } | undefined;
  /** The `XMLHttpRequest` of a failed load. */
  networkDetails?: unknown;
  error?: Error | undefined;
}

/** What a fatal hls.js error means for the person watching. */
export function streamFailureOf(error: HlsErrorLike): StreamFailure {
  if (error.type !== 'networkError') return { kind: 'undecodable', ...optional(error.error?.message ?? error.details) };
  const status = error.response?.code ?? 0;
  if (status === 0) return { kind: 'unreachable' };
  const body = serverError(error.networkDetails);
  // A 503 is a full server unless the server names another reason (a source that cannot be streamed now).
  if (body?.code === 'TWIN_ERR_CAMERA_BUSY' || (status === 503 && body?.code === undefined)) return { kind: 'busy', ...optional(body?.message) };
  return { kind: 'refused', status, ...(body?.code === undefined ? {} : { code: body.code }), ...optional(body?.message) };
}

function optional(message: string | undefined): { message?: string } {
  return message === undefined || message === '' ? {} : { message };
}

/** The server's `{ error: { code, message } }` in the text of a failed request, if it is there. */
function serverError(request: unknown): { code?: TwinErrorCode; message?: string } | undefined {
  const xhr = request as { responseType?: unknown; responseText?: unknown } | null | undefined;
  // `responseText` is only readable for text responses (playlists), not for segments.
  if (typeof xhr?.responseType !== 'string' || (xhr.responseType !== '' && xhr.responseType !== 'text') || typeof xhr.responseText !== 'string') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    return undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error !== 'object' || error === null) return undefined;
  return { ...(isTwinErrorCode(error.code) ? { code: error.code } : {}), ...(typeof error.message === 'string' ? { message: error.message } : {}) };
}
