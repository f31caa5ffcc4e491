import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TelemetryStore } from './telemetryStore.ts';
import { T0, tempDir } from './testing/storageFixtures.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const child = fileURLToPath(new URL('./testing/commitLoopChild.ts', import.meta.url));
const SENSORS = 4;
const SIZE = 2000;

/** Runs the commit loop in a child process and SIGKILLs it once `target` commits resolved. */
async function commitUntilKilled(dbPath: string, target: number): Promise<number[]> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, String(SENSORS), String(SIZE)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
  const committed: number[] = [];
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => reject(new Error(`only ${committed.length} commits within 30 s: ${stderr}`)), 30_000);
    proc.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (match !== null) committed.push(Number(match[1]));
      }
      if (committed.length >= target && proc.exitCode === null && proc.signalCode === null) {
        // The child is inside its next commit (it commits back to back): kill it there.
        proc.kill('SIGKILL');
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (committed.length < target) reject(new Error(`child exited early: ${stderr}`));
    });
  });
  expect(await exited).toBe('SIGKILL');
  return committed;
}

describe('durability', () => {
  it('keeps every batch whose commit resolved when the process is SIGKILLed while committing', async () => {
    const tmp = await tempDir();
    try {
      const committed = await commitUntilKilled(tmp.dbPath, 60);
      const store = await TelemetryStore.open(tmp.dbPath);
      try {
        let missing = 0;
        for (const n of committed) {
          const from = T0 + Math.floor(n / SENSORS) * SIZE;
          const window = await store.queryWindow({ sensorIds: [`crash-${n % SENSORS}`], fromMs: from, toMs: from + SIZE, resolution: 'raw', limit: SIZE + 1 });
          missing += SIZE - window.rowCount;
          if (window.resolution === 'raw' && window.rowCount === SIZE) expect(window.values[SIZE - 1]).toBeCloseTo(n + (SIZE - 1) / SIZE, 9);
        }
        expect(missing).toBe(0);
        // Batches are whole: the one in flight at the kill is either all there or absent.
        expect((await store.readingCount()) % SIZE).toBe(0);
        expect(await store.readingCount()).toBeGreaterThanOrEqual(committed.length * SIZE);
      } finally {
        await store.close();
      }
    } finally {
      await tmp.remove();
    }
  });
});
