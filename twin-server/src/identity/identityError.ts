import { CodedError } from '../codedError.ts';

/** A refused identity action (login, session, user administration, single sign-on). */
export class IdentityError extends CodedError {
  override name = 'IdentityError';
}
