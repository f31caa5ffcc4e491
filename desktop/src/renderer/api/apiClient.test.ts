import { describe, expect, it } from 'vitest';
import type { SessionEndReason } from '@twin/protocol';
import { ApiClient } from './apiClient.ts';
import { ApiError } from './apiError.ts';
import { isIdleDeadline } from './dtoGuards.ts';
import { SessionTokenStore, type TokenStorage } from './sessionTokenStore.ts';

function memoryStorage(): TokenStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

/** A client whose server answers every request with `answer`, recording what it was sent. */
function clientAnswering(answer: () => Response) {
  const sent: Array<{ url: string; headers: Headers; method: string }> = [];
  const storage = memoryStorage();
  const api = new ApiClient({
    serverUrl: 'http://twin.test',
    tokens: new SessionTokenStore(storage),
    fetch: async (input, init) => {
      sent.push({ url: String(input), headers: new Headers(init?.headers), method: init?.method ?? 'GET' });
      return answer();
    },
  });
  const ended: SessionEndReason[] = [];
  api.onSessionEnded((reason) => ended.push(reason));
  return { api, sent, storage, ended };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ApiClient', () => {
  it('sends the bearer token and marks its own requests as background (PLAT-8: they are not user activity)', async () => {
    const { api, sent } = clientAnswering(() => json(200, []));
    api.setToken('tok-1');
    await api.get('/api/sensors');
    expect(sent[0]?.url).toBe('http://twin.test/api/sensors');
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer tok-1');
    expect(sent[0]?.headers.get('x-twin-background')).toBe('1');
  });

  it('PLAT-8 reports activity as the one request that counts', async () => {
    const { api, sent } = clientAnswering(() => json(200, { idleExpiresAtMs: 1234 }));
    api.setToken('tok-1');
    expect(await api.reportActivity()).toBe(1234);
    expect(sent[0]).toMatchObject({ url: 'http://twin.test/api/auth/activity', method: 'POST' });
    expect(sent[0]?.headers.has('x-twin-background')).toBe(false);
  });

  it('keeps the token in memory and sessionStorage, and forgets it from both', () => {
    const { api, storage } = clientAnswering(() => json(200, {}));
    api.setToken('tok-2');
    expect(storage.items.get('twin.sessionToken')).toBe('tok-2');
    expect(new SessionTokenStore(storage).get()).toBe('tok-2');
    api.clearToken();
    expect(api.token).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it.each([
    ['TWIN_ERR_AUTH_SESSION_IDLE', 'idle'],
    ['TWIN_ERR_AUTH_SESSION_EXPIRED', 'expired'],
    ['TWIN_ERR_AUTH_SESSION_REVOKED', 'revoked'],
  ] as const)('ends the session on a 401 %s', async (code, reason) => {
    const { api, ended } = clientAnswering(() => json(401, { error: { code, message: 'ended' } }));
    api.setToken('tok-3');
    const response = await api.get('/api/stats');
    expect(response.status).toBe(401);
    expect(ended).toEqual([reason]);
  });

  it('does not end the session for a refusal that is not about the session (wrong current password)', async () => {
    const { api, ended } = clientAnswering(() => json(401, { error: { code: 'TWIN_ERR_AUTH_LOGIN_FAILED', message: 'the current password is wrong' } }));
    api.setToken('tok-4');
    await expect(api.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y'.repeat(12) })).rejects.toMatchObject({ code: 'TWIN_ERR_AUTH_LOGIN_FAILED', status: 401 });
    expect(ended).toEqual([]);
  });

  it('rejects JSON helpers with the server error code, message and details', async () => {
    const { api } = clientAnswering(() => json(423, { error: { code: 'TWIN_ERR_AUTH_LOCKED', message: 'locked', details: { lockedUntilMs: 99 } } }));
    const error = await api.postJson('/api/auth/login', { username: 'a', password: 'b' }, isIdleDeadline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'TWIN_ERR_AUTH_LOCKED', status: 423 });
    expect((error as ApiError).detailNumber('lockedUntilMs')).toBe(99);
  });

  it('rejects an answer of the wrong shape, and a server it cannot reach', async () => {
    const { api } = clientAnswering(() => json(200, { idleExpiresAtMs: 'soon' }));
    await expect(api.getJson('/api/auth/activity', isIdleDeadline)).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    const offline = new ApiClient({ serverUrl: 'http://twin.test', tokens: new SessionTokenStore(undefined), fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(offline.get('/api/stats')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });
});
