import { createHash, randomBytes } from 'node:crypto';

/** A new session token: 256 random bits, base64url. Shown to its holder once, never stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up instead of the token: its SHA-256, hex. */
export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
