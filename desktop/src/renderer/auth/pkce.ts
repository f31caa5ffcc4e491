/** PKCE (RFC 7636) with WebCrypto, for single sign-on in a browser. */

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string of `byteCount` random bytes (32 bytes: a 43-character verifier). */
export function randomUrlSafe(byteCount = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/**
 * The S256 code challenge of a verifier: base64url(SHA-256(verifier)). Needs a secure context
 * (HTTPS or localhost), where `crypto.subtle` exists.
 */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
