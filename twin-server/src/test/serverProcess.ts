import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const twinBin = fileURLToPath(new URL('../../bin/twin.mjs', import.meta.url));

/** `twin serve` in a child process, as a deployment runs it. */
export interface ServerProcess {
  child: ChildProcess;
  http: string;
  mqtt: string;
  deviceToken: string;
  /** A session of the signed-in user (the demo operator unless told otherwise). */
  sessionToken: string;
  /** The demo users' passwords by user name (printed on the first start of a data directory). */
  passwords: Record<string, string>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts `twin serve --data-dir <dir>` on free ports, waits for its listening line and signs in as
 * `user` (the demo operator by default) with the passwords it printed or, on a later start of the
 * same directory, those of `passwords`.
 */
export async function spawnServer(dataDir: string, registryPath: string, extraArgs: string[] = [], options: { passwords?: Record<string, string>; user?: string } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [twinBin, 'serve', '--data-dir', dataDir, '--registry', registryPath, '--http-port', '0', '--mqtt-port', '0', '--log-level', 'warn', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let out = '';
  const listening = await new Promise<{ http: string; mqtt: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`twin serve did not start within 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"event":"listening"'));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { http: string; mqtt: string });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`twin serve exited with ${code}: ${stderr}`));
    });
  });
  const { deviceToken } = JSON.parse(await readFile(join(dataDir, 'credentials.json'), 'utf8')) as { deviceToken: string };
  const passwords = { ...options.passwords };
  const user = options.user ?? 'operator';
  for (const match of out.matchAll(/^ {2}[a-z]+ +([a-z]+) +(\S+)$/gm)) passwords[match[1]!] = match[2]!;
  const login = await fetch(`${listening.http}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: passwords[user] }) });
  if (login.status !== 200) {
    child.kill('SIGKILL');
    throw new Error(`could not sign in as ${user}: ${login.status} ${await login.text()}`);
  }
  const { token } = (await login.json()) as { token: string };
  return { child, ...listening, deviceToken, sessionToken: token, passwords, exited };
}
