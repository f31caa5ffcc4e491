import { CodedError } from '../codedError.ts';

/** A refusal of the camera service: unknown camera, too many streams, or a source that cannot be streamed now. */
export class CameraError extends CodedError {
  override name = 'CameraError';
}
