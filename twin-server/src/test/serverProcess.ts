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
  operatorToken: string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `twin serve --data-dir <dir>` on free ports and waits for its listening line. */
export async function spawnServer(dataDir: string, registryPath: string, extraArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [twinBin, 'serve', '--data-dir', dataDir, '--registry', registryPath, '--http-port', '0', '--mqtt-port', '0', '--log-level', 'warn', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const listening = await new Promise<{ http: string; mqtt: string }>((resolve, reject) => {
    let out = '';
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
  const secrets = JSON.parse(await readFile(join(dataDir, 'credentials.json'), 'utf8')) as { deviceToken: string; operatorToken: string };
  return { child, ...listening, ...secrets, exited };
}
