import { describe, expect, it } from 'vitest';
import { createOAuthState, createPkcePair, s256CodeChallenge } from './pkce.ts';

describe('PKCE (RFC 7636)', () => {
  it('computes the S256 challenge of the RFC 7636 appendix B example', () => {
    expect(s256CodeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character base64url verifiers with matching challenges, fresh each time', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(s256CodeChallenge(a.verifier));
    expect(a.verifier).not.toBe(b.verifier);
  });

  it('makes unguessable URL-safe states', () => {
    expect(createOAuthState()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(createOAuthState()).not.toBe(createOAuthState());
  });
});
