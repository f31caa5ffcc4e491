import { CodedError } from '../codedError.ts';

/** A failure of the model service: the file and the reason, for operators. */
export class ModelError extends CodedError {
  override name = 'ModelError';
}
