import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer } from '../test/serverProcess.ts';
import { testCatalog } from '../test/testCatalog.ts';
import { makeDataDir } from '../test/testServer.ts';

const run = promisify(execFile);
const twinBin = fileURLToPath(new URL('../../bin/twin.mjs', import.meta.url));

describe('first run and production mode (PLAT-8)', () => {
  const removers: Array<() => Promise<void>> = [];
  let registryPath = '';
  const dataDir = async () => {
    const data = await makeDataDir(testCatalog().registry);
    removers.push(data.remove);
    registryPath = data.registryPath;
    return data.dir;
  };
  afterEach(async () => {
    for (const remove of removers.splice(0)) await remove();
  });

  it('creates a demo organisation with one user per role on the first start and prints each password once', async () => {
    const dir = await dataDir();
    const first = await spawnServer(dir, registryPath);
    first.child.kill('SIGTERM');
    await first.exited;
    expect(Object.keys(first.passwords).sort()).toEqual(['admin', 'commander', 'crew', 'operator', 'planner', 'viewer']);
    const second = await spawnServer(dir, registryPath, [], { passwords: first.passwords });
    second.child.kill('SIGTERM');
    await second.exited;
    expect(second.passwords).toEqual(first.passwords);
  });

  it('refuses to start in production mode while generated demo credentials remain', async () => {
    const dir = await dataDir();
    const first = await spawnServer(dir, registryPath);
    first.child.kill('SIGTERM');
    await first.exited;
    const refused = await run(process.execPath, [twinBin, 'serve', '--data-dir', dir, '--registry', registryPath, '--http-port', '0', '--mqtt-port', '0', '--production']).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: expect.any(Number) });
    expect((refused as { stderr: string }).stderr).toMatch(/production mode refuses generated demo credentials.*admin.*operator/s);
  });

  it('starts in production mode after `twin identity init`, with no demo users, and the administrator signs in', async () => {
    const dir = await dataDir();
    const password = 'a strong administrator password';
    await run(process.execPath, [twinBin, 'identity', 'init', '--data-dir', dir, '--org', 'futian-property', '--org-name', '福田物业服务中心', '--community', 'futian-sample'], { env: { ...process.env, TWIN_ADMIN_PASSWORD: password } });
    const server = await spawnServer(dir, registryPath, ['--production'], { user: 'admin', passwords: { admin: password, operator: 'no such demo user' } });
    try {
      const session = (await (await fetch(`${server.http}/api/auth/session`, { headers: { authorization: `Bearer ${server.sessionToken}` } })).json()) as { organisation: { id: string }; permissions: string[] };
      expect(session.organisation.id).toBe('futian-property');
      expect(session.permissions).toContain('users.manage');
      const demo = await fetch(`${server.http}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'no such demo user' }) });
      expect(demo.status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
