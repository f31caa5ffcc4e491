import type { TwinErrorCode } from '@twin/protocol';

/**
 * A refusal with the catalogue code it answers with and a message meant for people (it names
 * what and why, never a stack or a native error dump). Each area has its own subclass.
 */
export class CodedError extends Error {
  override name = 'CodedError';

  constructor(
    readonly code: TwinErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
