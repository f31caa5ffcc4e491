import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/apiClient.ts';
import { SessionTokenStore } from '../api/sessionTokenStore.ts';
import { s256Challenge } from './pkce.ts';
import { beginBrowserSso, completeBrowserSso, isSsoReturn, shellSsoError } from './ssoFlow.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const session = {
  user: { id: 'u', orgId: 'o', username: 'sso-user', displayName: '单点用户', clearance: 'internal', grants: [{ role: 'viewer', scope: {} }], disabled: false, hasPassword: false, ssoLinks: [], demoCredentials: false, createdAtMs: 0, lastLoginAtMs: null, lockedUntilMs: null },
  organisation: { id: 'o', name: '机构', kind: 'other', domain: [{}], idleTimeoutS: 900, sessionLifetimeS: 3600, lockoutThreshold: 5, lockoutS: 900 },
  permissions: [],
  serverTimeMs: 1,
  idleExpiresAtMs: 2,
  expiresAtMs: 3,
};

describe('single sign-on in a browser (PLAT-11)', () => {
  it('PLAT-11 starts at the server with an S256 challenge, a state and the return address', async () => {
    const storage = memoryStorage();
    const api = new ApiClient({ serverUrl: 'https://ops.example', tokens: new SessionTokenStore(undefined), fetch: () => Promise.reject(new Error('unused')) });
    let target = '';
    const location = { origin: 'https://ops.example', pathname: '/', assign: (url: string) => void (target = url) } as unknown as Location;
    await beginBrowserSso(api, 'corp idp', location, storage);

    const url = new URL(target);
    expect(url.origin + url.pathname).toBe('https://ops.example/api/auth/oidc/corp%20idp/start');
    expect(url.searchParams.get('redirect_uri')).toBe('https://ops.example/#/sso');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const pending = JSON.parse(storage.getItem('twin.sso.pending') ?? '{}') as { verifier: string; state: string };
    expect(url.searchParams.get('code_challenge')).toBe(await s256Challenge(pending.verifier));
    expect(url.searchParams.get('state')).toBe(pending.state);
  });

  it('PLAT-11 exchanges the returned code with the verifier and the same return address', async () => {
    const storage = memoryStorage();
    storage.setItem('twin.sso.pending', JSON.stringify({ providerId: 'corp', state: 's-1', verifier: 'v-1', redirectUri: 'https://ops.example/#/sso' }));
    let body: unknown;
    const api = new ApiClient({
      serverUrl: 'https://ops.example',
      tokens: new SessionTokenStore(undefined),
      fetch: async (input, init) => {
        expect(String(input)).toBe('https://ops.example/api/auth/oidc/token');
        body = JSON.parse(String(init?.body));
        return new Response(JSON.stringify({ token: 'tok', session }), { status: 200 });
      },
    });
    expect(isSsoReturn('?code=c-1&state=s-1')).toBe(true);
    const result = await completeBrowserSso(api, '?code=c-1&state=s-1', storage);
    expect(result.token).toBe('tok');
    expect(body).toEqual({ code: 'c-1', code_verifier: 'v-1', redirect_uri: 'https://ops.example/#/sso' });
    expect(storage.getItem('twin.sso.pending')).toBeNull();
  });

  it('PLAT-11 refuses an answer whose state this tab did not send', async () => {
    const storage = memoryStorage();
    storage.setItem('twin.sso.pending', JSON.stringify({ providerId: 'corp', state: 's-1', verifier: 'v-1', redirectUri: 'https://ops.example/#/sso' }));
    const api = new ApiClient({ serverUrl: 'https://ops.example', tokens: new SessionTokenStore(undefined), fetch: () => Promise.reject(new Error('must not be called')) });
    await expect(completeBrowserSso(api, '?code=c-1&state=forged', storage)).rejects.toMatchObject({ code: 'TWIN_ERR_AUTH_SSO', details: { stateMismatch: true } });
  });

  it('is not a return without state and code or error', () => {
    expect(isSsoReturn('')).toBe(false);
    expect(isSsoReturn('?code=c')).toBe(false);
    expect(isSsoReturn('?error=access_denied&state=s')).toBe(true);
  });

  it('reads the code of a desktop-shell sign-on failure', () => {
    expect(shellSsoError(new Error('TWIN_ERR_AUTH_SSO_UNKNOWN_USER: nobody linked'))).toMatchObject({ code: 'TWIN_ERR_AUTH_SSO_UNKNOWN_USER', message: 'nobody linked' });
    expect(shellSsoError(new Error('window closed'))).toMatchObject({ code: 'TWIN_ERR_AUTH_SSO', message: 'window closed' });
  });
});
