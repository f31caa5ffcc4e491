import { describe, expect, it } from 'vitest';
import { SsoSignInService } from './ssoSignInService.ts';

// The server is never reached: these sign-ins end before the browser comes back.
const serverUrl = new URL('http://127.0.0.1:9/');

describe('SsoSignInService', () => {
  it('cancels a pending sign-in when a new one starts, and the last one when disposed', async () => {
    let browserOpened: () => void = () => undefined;
    const opened = new Promise<void>((resolve) => (browserOpened = resolve));
    const service = new SsoSignInService({ serverUrl, timeoutMs: 10_000, openExternal: async () => browserOpened() });
    const first = service.signIn('corp-idp');
    await opened;
    const second = service.signIn('corp-idp');

    await expect(first).resolves.toMatchObject({ ok: false, error: { details: { reason: 'cancelled' } } });
    service.dispose();
    await expect(second).resolves.toMatchObject({ ok: false, error: { details: { reason: 'cancelled' } } });
  });
});
