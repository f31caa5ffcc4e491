import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveImportOptions } from './importOptions.ts';
import { importInWorker } from './importWorkerHost.ts';
import type { ImportRequest } from './runImport.ts';
import { sharedDataPresent, sharedFile } from '../test/sharedTestData.ts';

const NET1 = 'gis/pipe-networks/wntr/Net1.inp';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

function request(relative: string): ImportRequest {
  const path = sharedFile(relative);
  return { path, file: path, kind: 'epanet', options: resolveImportOptions({}, path) };
}

/** Runs one import in a fresh Node process; resolves with its exit code once the process ends. */
function importInChildProcess(fileBytes: number): Promise<{ code: number | null; stdout: string }> {
  const host = new URL('./importWorkerHost.ts', import.meta.url).href;
  const options = new URL('./importOptions.ts', import.meta.url).href;
  const path = sharedFile(NET1);
  const code = [
    `const { importInWorker } = await import(${JSON.stringify(host)});`,
    `const { resolveImportOptions } = await import(${JSON.stringify(options)});`,
    `const report = await importInWorker({ path: ${JSON.stringify(path)}, file: 'Net1.inp', kind: 'epanet', options: resolveImportOptions({}, 'Net1.inp') }, ${fileBytes});`,
    'console.log(report.counts.pipes);',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode, stdout }));
  });
}

describe.skipIf(!sharedDataPresent('the import worker checks', NET1))('importInWorker', () => {
  it('runs imports side by side, each in its own worker', async () => {
    const reports = await Promise.all([importInWorker(request(NET1), 6247), importInWorker(request(NET1), 6247), importInWorker(request(NET1), 6247)]);
    expect(reports.map((r) => r.counts.pipes)).toEqual([12, 12, 12]);
  });

  it('lets the process end after an import, whether its worker is kept for reuse or not', { timeout: 30_000 }, async () => {
    const [reused, discarded] = await Promise.all([importInChildProcess(6247), importInChildProcess(Number.MAX_SAFE_INTEGER)]);
    expect(reused).toEqual({ code: 0, stdout: '12\n' });
    expect(discarded).toEqual({ code: 0, stdout: '12\n' });
  });
});
