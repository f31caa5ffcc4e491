import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDto } from '@twin/protocol';
import { testCatalog } from './testCatalog.ts';
import { startTestServer, type TwinClientSocket } from './testServer.ts';

type Harness = Awaited<ReturnType<typeof startTestServer>>;

/** Resolves with the reason of the next `session:ended`, and once the socket is disconnected. */
function ended(socket: TwinClientSocket): Promise<{ reason: string; disconnected: Promise<void> }> {
  const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
  return new Promise((resolve) => socket.once('session:ended', ({ reason }) => resolve({ reason, disconnected })));
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('sessions: idle logout, lifetime, revocation, over HTTP and sockets, reconnect included (PLAT-8)', () => {
  let h: Harness;
  const users = { alice: 'alice password long enough', bob: 'bob password long enough', carol: 'carol password long enough' };
  beforeAll(async () => {
    h = await startTestServer(testCatalog().registry);
    await h.seedOrganisation(
      { id: 'org-s', name: 'sessions', kind: 'property', domain: [{}] },
      Object.entries(users).map(([username, password]) => ({ username, password, grants: [{ role: username === 'carol' ? 'administrator' : 'operator', scope: {} }] })),
    );
  });
  const leftovers: string[] = [];
  afterAll(async () => {
    await h?.close();
    for (const dir of leftovers) await rm(dir, { recursive: true, force: true });
  });

  it('defaults the idle timeout to 15 minutes and tells the client its deadlines', async () => {
    const { session } = await h.login('alice', users.alice);
    expect(session.organisation.idleTimeoutS).toBe(900);
    expect(session.idleExpiresAtMs - session.serverTimeMs).toBeGreaterThan(899_000);
    expect(session.expiresAtMs).toBeGreaterThan(session.idleExpiresAtMs);
  });

  it('ends an idle session at once: the socket is told why and cut off, HTTP and reconnect are refused with the reason', async () => {
    await h.setIdleTimeout('org-s', 1);
    try {
      const { token } = await h.login('alice', users.alice);
      const socket = await h.operator({ token });
      const end = ended(socket);
      const started = Date.now();
      const { reason, disconnected } = await end;
      await disconnected;
      expect(reason).toBe('idle');
      expect(Date.now() - started).toBeLessThan(2500);
      expect(await errorCode(await h.http('/api/stats', { token }))).toBe('TWIN_ERR_AUTH_SESSION_IDLE');
      await expect(h.operator({ token })).rejects.toMatchObject({ data: { code: 'TWIN_ERR_AUTH_SESSION_IDLE' } });
    } finally {
      await h.setIdleTimeout('org-s', 900);
    }
  });

  it('keeps a session alive while the user is active, but not for background polling', async () => {
    await h.setIdleTimeout('org-s', 1);
    try {
      const active = await h.login('alice', users.alice);
      const polled = await h.login('bob', users.bob);
      const socket = await h.operator({ token: active.token });
      for (let i = 0; i < 6; i++) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const ack = (await socket.emitWithAck('session:activity')) as { ok: boolean; value: { idleExpiresAtMs: number } };
        expect(ack.ok).toBe(true);
        expect((await h.http('/api/stats', { token: polled.token, headers: { 'x-twin-background': '1' } })).status).toBeLessThan(500);
      }
      expect((await h.http('/api/auth/session', { token: active.token })).status).toBe(200);
      expect(await errorCode(await h.http('/api/auth/session', { token: polled.token }))).toBe('TWIN_ERR_AUTH_SESSION_IDLE');
    } finally {
      await h.setIdleTimeout('org-s', 900);
    }
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    await h.server.identity.updateOrganisation('org-s', { sessionLifetimeS: 1 }, { user: null, ip: 'test' });
    try {
      const { token } = await h.login('alice', users.alice);
      const socket = await h.operator({ token });
      const end = ended(socket);
      const keepBusy = setInterval(() => void socket.emitWithAck('session:activity').catch(() => {}), 200);
      try {
        expect((await end).reason).toBe('expired');
      } finally {
        clearInterval(keepBusy);
      }
      expect(await errorCode(await h.http('/api/stats', { token }))).toBe('TWIN_ERR_AUTH_SESSION_EXPIRED');
    } finally {
      await h.server.identity.updateOrganisation('org-s', { sessionLifetimeS: 12 * 3600 }, { user: null, ip: 'test' });
    }
  });

  it('signs out: this session only, or everywhere; revoked sockets are cut off and cannot reconnect', async () => {
    const first = await h.login('bob', users.bob);
    const second = await h.login('bob', users.bob);
    const third = await h.login('bob', users.bob);
    const socketOfFirst = await h.operator({ token: first.token });
    const firstEnded = ended(socketOfFirst);
    expect((await h.http('/api/auth/logout', { token: first.token, method: 'POST' })).status).toBe(204);
    expect((await firstEnded).reason).toBe('logout');
    expect(await errorCode(await h.http('/api/stats', { token: first.token }))).toBe('TWIN_ERR_AUTH_SESSION_REVOKED');
    expect((await h.http('/api/stats', { token: second.token })).status).toBe(200);

    const socketOfThird = await h.operator({ token: third.token });
    const thirdEnded = ended(socketOfThird);
    expect((await h.http('/api/auth/logout-all', { token: second.token, method: 'POST' })).status).toBe(204);
    expect((await thirdEnded).reason).toBe('revoked');
    for (const token of [second.token, third.token]) expect(await errorCode(await h.http('/api/stats', { token }))).toBe('TWIN_ERR_AUTH_SESSION_REVOKED');
    await expect(h.operator({ token: third.token })).rejects.toMatchObject({ data: { code: 'TWIN_ERR_AUTH_SESSION_REVOKED' } });
  });

  it('cuts off a user an administrator disables, and their next event is refused', async () => {
    const admin = await h.login('carol', users.carol);
    const bob = await h.login('bob', users.bob);
    const socket = await h.operator({ token: bob.token });
    const end = ended(socket);
    const bobId = bob.session.user.id;
    const disable = await h.http(`/api/admin/users/${bobId}`, { token: admin.token, method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disabled: true }) });
    expect(disable.status).toBe(200);
    expect((await end).reason).toBe('revoked');
    const again = await h.http('/api/auth/login', { token: null, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bob', password: users.bob }) });
    expect(await errorCode(again)).toBe('TWIN_ERR_AUTH_DISABLED');
    await h.http(`/api/admin/users/${bobId}`, { token: admin.token, method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ disabled: false }) });
  });

  it('refuses a change that would leave the organisation without an administrator', async () => {
    const admin = await h.login('carol', users.carol);
    const demote = await h.http(`/api/admin/users/${admin.session.user.id}`, { token: admin.token, method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grants: [{ role: 'viewer', scope: {} }] }) });
    expect(demote.status).toBe(409);
    expect(await errorCode(demote)).toBe('TWIN_ERR_CONFLICT');
  });

  it('keeps sessions across a restart of the server', async () => {
    const { token } = await h.login('alice', users.alice);
    const dir = h.dir;
    leftovers.push(dir);
    const demo = h.demo('operator');
    await h.close({ keepData: true });
    h = await startTestServer(testCatalog().registry, { dataDir: dir, dbPath: `${dir}/twin.duckdb`, credentialsPath: `${dir}/credentials.json` });
    const session = (await (await h.http('/api/auth/session', { token })).json()) as SessionDto;
    expect(session.user.username).toBe('alice');
    expect((await h.login('operator', demo.password)).session.user.username).toBe('operator');
  });
});
