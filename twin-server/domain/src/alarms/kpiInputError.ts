import type { TwinErrorCode } from '@twin/protocol';

/**
 * A request for alarm performance figures that cannot be answered: the window is empty,
 * inverted, not finite or too long (`TWIN_ERR_QUERY_RANGE`), or the operator count is not a
 * positive integer (`TWIN_ERR_BAD_REQUEST`). The server answers with `code`, the message and
 * `details`, as for any catalogued error.
 * REQ PLAT-8.
 */
export class KpiInputError extends Error {
  override name = 'KpiInputError';

  /**
   * @param code - The catalogue code the refusal answers with.
   * @param message - What is wrong, meant for people.
   * @param details - The offending values.
   */
  constructor(
    readonly code: Extract<TwinErrorCode, 'TWIN_ERR_QUERY_RANGE' | 'TWIN_ERR_BAD_REQUEST'>,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}
