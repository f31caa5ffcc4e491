import { ERROR_CODES, type SessionEndReason, type TwinErrorCode } from '@twin/protocol';

/**
 * What can go wrong with a request: a catalogue code from the server, or the two failures that
 * never reach it (no connection; an answer that is not the server's).
 */
export type ApiErrorCode = TwinErrorCode | 'NETWORK' | 'UNEXPECTED_RESPONSE';

/**
 * The session codes of a 401, and the reason each ends the session with. A token the server does
 * not know at all (its sessions were cleared) ends the session like a revocation: nothing the
 * console does with it can succeed any more.
 */
const SESSION_END_BY_CODE: Partial<Record<TwinErrorCode, SessionEndReason>> = {
  TWIN_ERR_AUTH_SESSION_IDLE: 'idle',
  TWIN_ERR_AUTH_SESSION_EXPIRED: 'expired',
  TWIN_ERR_AUTH_SESSION_REVOKED: 'revoked',
  TWIN_ERR_AUTH_INVALID: 'revoked',
};

/** Why the session ended, when `code` says it did. */
export function sessionEndReasonOf(code: string | undefined): SessionEndReason | undefined {
  return code !== undefined && code in SESSION_END_BY_CODE ? SESSION_END_BY_CODE[code as TwinErrorCode] : undefined;
}

/** Whether `code` is in the error catalogue. */
export function isTwinErrorCode(code: unknown): code is TwinErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/** A failed request: the server's `{ error: { code, message, details? } }`, or a client-side failure. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status; 0 when the server was not reached. */
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Reads the error body of a non-2xx response (the body is consumed). */
  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
      if (isTwinErrorCode(code)) {
        const detailRecord = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
        return new ApiError(code, typeof message === 'string' ? message : ERROR_CODES[code].message, response.status, detailRecord);
      }
    }
    return new ApiError('UNEXPECTED_RESPONSE', `HTTP ${response.status} without an error record`, response.status);
  }

  /** A number from `details` (e.g. `lockedUntilMs`, `retryAfterS`), if the server sent one. */
  detailNumber(name: string): number | undefined {
    const value = this.details[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
}
