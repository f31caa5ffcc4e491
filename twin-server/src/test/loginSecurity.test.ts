import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDto, LoginResult } from '@twin/protocol';
import { createLogger } from '../logging/logger.ts';
import { testCatalog } from './testCatalog.ts';
import { startTestServer } from './testServer.ts';

type Harness = Awaited<ReturnType<typeof startTestServer>>;

const PASSWORDS = { dora: 'dora the long password', erin: 'erin the long password', admin2: 'admin2 the long password' };

describe('password logins: Argon2id storage, lockout, rate limits, audit, no secret logged (PLAT-8, PLAT-11, PROP-2 i)', () => {
  let h: Harness;
  const logLines: string[] = [];
  const tokens: string[] = [];
  const post = (path: string, body: unknown, token: string | null = null) =>
    h.http(path, { token, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const login = (username: string, password: string) => post('/api/auth/login', { username, password });
  const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string; details?: Record<string, unknown> } }).error;

  beforeAll(async () => {
    const logger = createLogger('twin', { level: 'debug', write: (line) => logLines.push(line) });
    h = await startTestServer(testCatalog().registry, {}, logger);
    await h.seedOrganisation({ id: 'org-l', name: 'logins', kind: 'property', domain: [{}] }, [
      { username: 'dora', password: PASSWORDS.dora, grants: [{ role: 'operator', scope: {} }] },
      { username: 'erin', password: PASSWORDS.erin, grants: [{ role: 'operator', scope: {} }] },
      { username: 'admin2', password: PASSWORDS.admin2, grants: [{ role: 'administrator', scope: {} }] },
    ]);
  });
  afterAll(() => h?.close());

  it('answers a wrong password and an unknown user alike, so names cannot be probed', async () => {
    const wrong = await login('dora', 'not the password');
    const unknown = await login('nobody', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await codeOf(wrong)).toEqual(await codeOf(unknown));
    const ok = await login('dora', PASSWORDS.dora);
    expect(ok.status).toBe(200);
    tokens.push(((await ok.json()) as LoginResult).token);
  });

  it('locks an account after the organisation threshold of failures in a row, refuses even the right password, and an administrator unlocks it', async () => {
    for (let i = 1; i < 5; i++) expect((await codeOf(await login('erin', `wrong ${i}`))).code).toBe('TWIN_ERR_AUTH_LOGIN_FAILED');
    const fifth = await login('erin', 'wrong 5');
    expect(fifth.status).toBe(423);
    const locked = await codeOf(fifth);
    expect(locked.code).toBe('TWIN_ERR_AUTH_LOCKED');
    expect(locked.details?.lockedUntilMs).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await codeOf(await login('erin', PASSWORDS.erin))).code).toBe('TWIN_ERR_AUTH_LOCKED');

    const admin = (await (await login('admin2', PASSWORDS.admin2)).json()) as LoginResult;
    tokens.push(admin.token);
    const erin = h.server.identity.usersOf('org-l').find((u) => u.username === 'erin')!;
    const unlock = await h.http(`/api/admin/users/${erin.id}`, { token: admin.token, method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unlock: true }) });
    expect(unlock.status).toBe(200);
    const ok = await login('erin', PASSWORDS.erin);
    expect(ok.status).toBe(200);
    tokens.push(((await ok.json()) as LoginResult).token);
  });

  it('stores only Argon2id hashes: the database files never hold a password', async () => {
    for (const user of h.server.identity.usersOf('org-l')) expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    const files = (await readdir(h.dir)).filter((f) => f.startsWith('twin.duckdb'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = await readFile(join(h.dir, file));
      for (const password of Object.values(PASSWORDS)) expect(bytes.includes(Buffer.from(password))).toBe(false);
    }
  });

  it('changes a password only with the current one, and the policy refuses a short one', async () => {
    const [dora] = tokens;
    expect((await codeOf(await post('/api/auth/password', { currentPassword: 'guess', newPassword: 'a brand new long password' }, dora!))).code).toBe('TWIN_ERR_AUTH_LOGIN_FAILED');
    expect((await post('/api/auth/password', { currentPassword: PASSWORDS.dora, newPassword: 'short' }, dora!)).status).toBe(400);
    expect((await post('/api/auth/password', { currentPassword: PASSWORDS.dora, newPassword: 'a brand new long password' }, dora!)).status).toBe(204);
    expect((await login('dora', 'a brand new long password')).status).toBe(200);
    expect((await login('dora', PASSWORDS.dora)).status).toBe(401);
  });

  it('audits every attempt with actor, time, address and outcome, searchable by administrators', async () => {
    const admin = tokens[1]!;
    const failed = (await (await h.http('/api/admin/audit?action=auth.login&outcome=failed&limit=100', { token: admin })).json()) as AuditEventDto[];
    expect(failed.filter((e) => e.actorName === 'erin')).toHaveLength(5);
    expect(failed.every((e) => e.ip.length > 0 && e.tsMs > 0 && e.orgId === 'org-l')).toBe(true);
    const lockouts = (await (await h.http('/api/admin/audit?action=auth.lockout', { token: admin })).json()) as AuditEventDto[];
    expect(lockouts).toEqual([expect.objectContaining({ actorName: 'erin', outcome: 'ok' })]);
    const text = (await (await h.http('/api/admin/audit?q=unlock', { token: admin })).json()) as AuditEventDto[];
    expect(text).toEqual([expect.objectContaining({ action: 'user.update', actorName: 'admin2' })]);
    const refused = await h.http('/api/admin/audit', { token: tokens[2]! });
    expect(refused.status).toBe(403);
  });

  it('never writes a password or a session token into the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    for (const secret of [...Object.values(PASSWORDS), 'a brand new long password', ...tokens]) expect(log).not.toContain(secret);
    expect(log).toContain('account locked after failed logins');
  });
});

describe('rate limit of failed logins per address', () => {
  it('refuses an address past the limit with 429 and Retry-After, even with the right password', async () => {
    const h = await startTestServer(testCatalog().registry, { identity: { maxFailedLoginsPerAddress: 3, failedLoginWindowS: 60, sweepIntervalMs: 100, activityFlushMs: 15_000 } });
    try {
      const attempt = (username: string) => h.http('/api/auth/login', { token: null, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'guessing again' }) });
      for (const name of ['a1', 'a2', 'a3']) expect((await attempt(name)).status).toBe(401);
      const limited = await attempt('operator');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_AUTH_RATE_LIMITED');
      // Even the right password waits out the limit.
      expect((await h.http('/api/auth/login', { token: null, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: h.demo('operator').password }) })).status).toBe(429);
    } finally {
      await h.close();
    }
  });
});
