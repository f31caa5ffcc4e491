import type { TwinErrorCode } from '@twin/protocol';

/**
 * A storage failure: names the SQL operation that failed and carries the DuckDB error as its
 * `cause`. `code` is the catalogue code a caller may put on the wire (never the message of the
 * cause, which can quote SQL).
 */
export class StorageError extends Error {
  override name = 'StorageError';

  constructor(
    /** What storage was doing, e.g. `'commit readings: append'`. */
    readonly operation: string,
    message: string,
    readonly code: TwinErrorCode = 'TWIN_ERR_INTERNAL',
    options?: { cause?: unknown },
  ) {
    super(`${operation}: ${message}`, options);
  }

  /** Wraps any thrown value as a `StorageError` for `operation`; a `StorageError` passes through. */
  static wrap(operation: string, error: unknown, code: TwinErrorCode = 'TWIN_ERR_INTERNAL'): StorageError {
    if (error instanceof StorageError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new StorageError(operation, message, code, { cause: error });
  }
}
