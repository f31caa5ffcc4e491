import { ERROR_CODES, type TwinErrorCode, type TwinErrorPayload } from '@twin/protocol';
import type { ErrorWhere } from './importReport.ts';

/** The catalogue codes an import fails with. */
export type ModelImportErrorCode = Extract<TwinErrorCode, `TWIN_ERR_MODEL_IMPORT_${string}`> | 'TWIN_ERR_BAD_REQUEST' | 'TWIN_ERR_INTERNAL';

/** The plain form of a `ModelImportError`, as it crosses a worker boundary and as `twin import --json` prints it. */
export interface ModelImportErrorData {
  code: ModelImportErrorCode;
  message: string;
  where: ErrorWhere;
}

/**
 * A model file that cannot be imported: the catalogue `code`, a message that says what is wrong,
 * and `where` it is (the file, and the line, entity or JSON pointer when known).
 */
export class ModelImportError extends Error {
  override name = 'ModelImportError';

  constructor(
    readonly code: ModelImportErrorCode,
    message: string,
    readonly where: ErrorWhere,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The HTTP status the catalogue gives this code. */
  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  toJSON(): ModelImportErrorData {
    return { code: this.code, message: this.message, where: this.where };
  }

  /** The wire form: `{ code, message, details: { where } }`. */
  toPayload(): TwinErrorPayload {
    return { code: this.code, message: this.message, details: { where: this.where } };
  }

  static fromJSON(data: ModelImportErrorData): ModelImportError {
    return new ModelImportError(data.code, data.message, data.where);
  }
}
