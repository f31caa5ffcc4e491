import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwordHasher.ts';

describe('password storage (PLAT-11)', () => {
  it('stores Argon2id with OWASP parameters and a per-hash salt, never the password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verifies the right password only', async () => {
    const phc = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(phc, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(phc, 'correct horse battery stapl')).toBe(false);
  });

  it('answers false for no hash or a malformed one, without throwing', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword('$argon2id$garbage', 'anything at all')).toBe(false);
  });
});
