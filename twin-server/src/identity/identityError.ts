import type { TwinErrorCode } from '@twin/protocol';

/** A refused identity action with the catalogue code it answers with and a specific message. */
export class IdentityError extends Error {
  override name = 'IdentityError';

  constructor(
    readonly code: TwinErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
