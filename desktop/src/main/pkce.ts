/** Proof Key for Code Exchange (RFC 7636) with the S256 method, and random OAuth `state` values. */
import { createHash, randomBytes } from 'node:crypto';

/** A code verifier and its S256 challenge. */
export interface PkcePair {
  /** 43 characters of base64url from 32 random bytes; sent only with the token request. */
  verifier: string;
  /** BASE64URL(SHA-256(verifier)); sent with the authorization request. */
  challenge: string;
}

/** A fresh verifier and its challenge. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256CodeChallenge(verifier) };
}

/** The S256 code challenge of a verifier (RFC 7636 §4.2). */
export function s256CodeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** An unguessable `state` binding the authorization response to this request (RFC 6749 §10.12). */
export function createOAuthState(): string {
  return randomBytes(24).toString('base64url');
}
