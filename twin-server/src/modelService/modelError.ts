import type { TwinErrorCode } from '@twin/protocol';

/**
 * A failure of the model service with the catalogue code it answers with. The message is meant
 * for operators (it names the file and the reason), never a stack or a native error dump.
 */
export class ModelError extends Error {
  override name = 'ModelError';

  constructor(
    readonly code: TwinErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
