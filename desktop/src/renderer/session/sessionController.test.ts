import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResult, SessionDto } from '@twin/protocol';
import { ApiClient } from '../api/apiClient.ts';
import { SessionTokenStore } from '../api/sessionTokenStore.ts';
import { ServerClock } from './serverClock.ts';
import { SessionController } from './sessionController.ts';

const T0 = Date.UTC(2026, 10, 24, 8, 0, 0);

function session(overrides: Partial<SessionDto> = {}): SessionDto {
  return {
    user: { id: 'u-1', orgId: 'o-1', username: 'zhangwei', displayName: '张伟', clearance: 'internal', grants: [{ role: 'operator', scope: {} }], disabled: false, hasPassword: true, ssoLinks: [], demoCredentials: false, createdAtMs: 0, lastLoginAtMs: null, lockedUntilMs: null },
    organisation: { id: 'o-1', name: '福田物业', kind: 'property', domain: [{}], idleTimeoutS: 60, sessionLifetimeS: 3600, lockoutThreshold: 5, lockoutS: 900 },
    permissions: ['status.read'],
    serverTimeMs: T0,
    idleExpiresAtMs: T0 + 60_000,
    expiresAtMs: T0 + 3_600_000,
    ...overrides,
  };
}

describe('session of the console', () => {
  let answers: Array<() => Response>;
  let api: ApiClient;
  let controller: SessionController;

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    answers = [];
    api = new ApiClient({
      serverUrl: 'http://twin.test',
      tokens: new SessionTokenStore(undefined),
      fetch: async () => (answers.shift() ?? (() => new Response(null, { status: 204 })))(),
    });
    controller = new SessionController(api, new ServerClock());
  });

  afterEach(() => vi.useRealTimers());

  const login = (result: LoginResult) => controller.signInWith(async () => result);

  it('shows the login screen when the tab has no token', async () => {
    await controller.start();
    expect(controller.getState()).toEqual({ phase: 'signedOut', ended: null, problem: null });
  });

  it('PLAT-8 locks at the idle deadline and keeps who was signed in', async () => {
    await login({ token: 'tok', session: session() });
    expect(controller.getState().phase).toBe('signedIn');
    await vi.advanceTimersByTimeAsync(59_999);
    expect(controller.getState().phase).toBe('signedIn');
    await vi.advanceTimersByTimeAsync(1);
    expect(controller.getState()).toMatchObject({ phase: 'locked', reason: 'idle', session: { user: { username: 'zhangwei' } } });
    expect(api.token).toBeUndefined();
  });

  it('PLAT-8 moves the lock when activity moves the idle deadline', async () => {
    await login({ token: 'tok', session: session() });
    await vi.advanceTimersByTimeAsync(30_000);
    controller.setIdleDeadline(T0 + 90_000);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(controller.getState().phase).toBe('signedIn');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(controller.getState()).toMatchObject({ phase: 'locked', reason: 'idle' });
  });

  it('locks at the end of the session lifetime when that comes first', async () => {
    await login({ token: 'tok', session: session({ idleExpiresAtMs: T0 + 900_000, expiresAtMs: T0 + 10_000 }) });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(controller.getState()).toMatchObject({ phase: 'locked', reason: 'expired' });
  });

  it('locks when a response says the session was revoked, and unlocks with the password', async () => {
    await login({ token: 'tok', session: session() });
    answers.push(() => new Response(JSON.stringify({ error: { code: 'TWIN_ERR_AUTH_SESSION_REVOKED', message: 'signed out' } }), { status: 401 }));
    await api.get('/api/stats');
    expect(controller.getState()).toMatchObject({ phase: 'locked', reason: 'revoked' });
    answers.push(() => new Response(JSON.stringify({ token: 'tok-2', session: session() }), { status: 200 }));
    await controller.unlock('correct horse battery');
    expect(controller.getState().phase).toBe('signedIn');
    expect(api.token).toBe('tok-2');
  });

  it('goes to the login screen when the session was signed out elsewhere', async () => {
    await login({ token: 'tok', session: session() });
    controller.end('logout');
    expect(controller.getState()).toEqual({ phase: 'signedOut', ended: 'logout', problem: null });
  });

  it('leaves the lock screen for the login screen to switch user', async () => {
    await login({ token: 'tok', session: session() });
    controller.end('idle');
    controller.switchUser();
    expect(controller.getState()).toEqual({ phase: 'signedOut', ended: null, problem: null });
  });

  it('signs out locally even when the server cannot be told', async () => {
    await login({ token: 'tok', session: session() });
    answers.push(() => {
      throw new TypeError('fetch failed');
    });
    await controller.signOut();
    expect(controller.getState()).toEqual({ phase: 'signedOut', ended: null, problem: null });
    expect(api.token).toBeUndefined();
  });

  it('resumes the session of the tab token, and reports a server it cannot reach', async () => {
    api.setToken('tok');
    answers.push(() => new Response(JSON.stringify(session()), { status: 200 }));
    await controller.start();
    expect(controller.getState().phase).toBe('signedIn');

    const offlineApi = new ApiClient({ serverUrl: 'http://twin.test', tokens: new SessionTokenStore(undefined), fetch: () => Promise.reject(new TypeError('down')) });
    offlineApi.setToken('tok');
    const offline = new SessionController(offlineApi, new ServerClock());
    await offline.start();
    expect(offline.getState()).toMatchObject({ phase: 'signedOut', problem: { code: 'NETWORK' } });
  });
});
