import { describe, expect, it } from 'vitest';
import { unwrapIpcResult } from './unwrapIpcResult.ts';

describe('unwrapIpcResult', () => {
  it('returns the value of a successful answer', () => {
    expect(unwrapIpcResult({ ok: true, value: 42 })).toBe(42);
  });

  it('throws an error whose message leads with the error code', () => {
    expect(() => unwrapIpcResult({ ok: false, error: { code: 'TWIN_ERR_AUTH_SSO', message: 'sign-in was cancelled' } })).toThrow(
      /^TWIN_ERR_AUTH_SSO: sign-in was cancelled$/,
    );
  });
});
