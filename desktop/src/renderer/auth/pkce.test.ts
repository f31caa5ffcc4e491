import { describe, expect, it } from 'vitest';
import { randomUrlSafe, s256Challenge } from './pkce.ts';

describe('PKCE (PLAT-11 single sign-on)', () => {
  it('derives the S256 challenge of the RFC 7636 appendix B example', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character URL-safe verifiers that differ each time', () => {
    const a = randomUrlSafe();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomUrlSafe()).not.toBe(a);
  });
});
