import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BoundedWorkerPool, WorkerJobFailure, WorkerPoolDisposedError, type BoundedWorkerPoolOptions, type WorkerJob } from './boundedWorkerPool.ts';

type Request = { kind: 'echo'; value?: string; steps?: number } | { kind: 'wait'; ms: number } | { kind: 'hang' | 'throw' | 'grow' } | { kind: 'exit'; code: number };
type Progress = { kind: 'progress'; step: number };
type Done = { kind: 'done'; threadId: number; value?: string };
type Message = Progress | Done;

const ENTRY = new URL('./testing/testWorkerEntry.mjs', import.meta.url);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

const pools: Array<BoundedWorkerPool<Request, Message>> = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.dispose()));
});

function pool(options: Partial<BoundedWorkerPoolOptions> = {}): BoundedWorkerPool<Request, Message> {
  const created = new BoundedWorkerPool<Request, Message>({ entry: ENTRY, maxHeapMb: 64, idleMs: 5_000, ...options });
  pools.push(created);
  return created;
}

function job(request: Request, more: Partial<WorkerJob<Request, Message, Done>> = {}): WorkerJob<Request, Message, Done> {
  return { request, timeoutMs: 5_000, isFinal: (message): message is Done => message.kind === 'done', ...more };
}

async function failureOf(promise: Promise<unknown>): Promise<WorkerJobFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkerJobFailure);
  return error as WorkerJobFailure;
}

describe('BoundedWorkerPool', () => {
  it('passes messages before the outcome to onMessage and resolves with the outcome', async () => {
    const progress: number[] = [];
    const done = await pool().run(job({ kind: 'echo', value: 'hi', steps: 3 }, { onMessage: (message) => progress.push(message.step) }));
    expect(done).toMatchObject({ kind: 'done', value: 'hi' });
    expect(progress).toEqual([1, 2, 3]);
  });

  it('reuses a worker after a reusable outcome, and not after one that is not', async () => {
    const p = pool();
    const first = await p.run(job({ kind: 'echo' }));
    const second = await p.run(job({ kind: 'echo' }, { reusable: () => false }));
    const third = await p.run(job({ kind: 'echo' }));
    expect(second.threadId).toBe(first.threadId);
    expect(third.threadId).not.toBe(first.threadId);
  });

  it('stops a worker after its maximum number of jobs', async () => {
    const p = pool({ maxJobsPerWorker: 2 });
    const threads = [];
    for (let i = 0; i < 3; i++) threads.push((await p.run(job({ kind: 'echo' }))).threadId);
    expect(threads[1]).toBe(threads[0]);
    expect(threads[2]).not.toBe(threads[0]);
  });

  it('stops a worker that stays idle longer than the idle time', async () => {
    const p = pool({ idleMs: 50 });
    const first = await p.run(job({ kind: 'echo' }));
    await sleep(200);
    expect((await p.run(job({ kind: 'echo' }))).threadId).not.toBe(first.threadId);
  });

  it('stops a job that runs past its time limit, and runs the next on a new worker', async () => {
    const p = pool();
    const first = await p.run(job({ kind: 'echo' }));
    const started = performance.now();
    const failure = await failureOf(p.run(job({ kind: 'hang' }, { timeoutMs: 100 })));
    expect(failure.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await p.run(job({ kind: 'echo' }))).threadId).not.toBe(first.threadId);
  });

  it('reports a worker that runs out of heap as out-of-memory', { timeout: 30_000 }, async () => {
    const failure = await failureOf(pool({ maxHeapMb: 16 }).run(job({ kind: 'grow' }, { timeoutMs: 20_000 })));
    expect(failure.kind).toBe('out-of-memory');
  });

  it('reports a worker that throws or exits as crashed, with its exit code when it exited', async () => {
    const p = pool();
    const thrown = await failureOf(p.run(job({ kind: 'throw' })));
    expect(thrown).toMatchObject({ kind: 'crashed', message: 'the test worker threw', exitCode: undefined });
    const exited = await failureOf(p.run(job({ kind: 'exit', code: 3 })));
    expect(exited).toMatchObject({ kind: 'crashed', exitCode: 3 });
    expect((await p.run(job({ kind: 'echo', value: 'after' }))).value).toBe('after');
  });

  it('runs at most `concurrency` jobs at once; the others wait their turn, in order', async () => {
    const p = pool({ concurrency: 2 });
    const started: string[] = [];
    let active = 0;
    let peak = 0;
    const run = (name: string, ms: number) =>
      p
        .run(
          job(
            { kind: 'wait', ms },
            {
              onMessage: () => {
                started.push(name);
                peak = Math.max(peak, ++active);
              },
            },
          ),
        )
        .then((done) => {
          active--;
          return done.threadId;
        });
    const threads = await Promise.all([run('a', 100), run('b', 1_000), run('c', 50), run('d', 50)]);
    // a and b start new workers side by side; c and d wait.
    expect(started.slice(2)).toEqual(['c', 'd']);
    expect(peak).toBe(2);
    // c and d ran, one after the other, on the worker a left while b was still running.
    expect(new Set(threads).size).toBe(2);
  });

  it('on dispose, fails running and waiting jobs and refuses new ones', async () => {
    const p = pool({ concurrency: 1 });
    const jobs = Promise.allSettled([p.run(job({ kind: 'hang' })), p.run(job({ kind: 'echo' }))]);
    await sleep(50);
    await p.dispose();
    const [running, waiting] = await jobs;
    expect(running).toMatchObject({ status: 'rejected', reason: expect.any(WorkerPoolDisposedError) });
    expect(waiting).toMatchObject({ status: 'rejected', reason: expect.any(WorkerPoolDisposedError) });
    await expect(p.run(job({ kind: 'echo' }))).rejects.toBeInstanceOf(WorkerPoolDisposedError);
  });

  it('does not keep the process alive with an idle worker', { timeout: 30_000 }, async () => {
    const module = new URL('./boundedWorkerPool.ts', import.meta.url).href;
    const code = [
      `const { BoundedWorkerPool } = await import(${JSON.stringify(module)});`,
      `const pool = new BoundedWorkerPool({ entry: new URL(${JSON.stringify(ENTRY.href)}), maxHeapMb: 64, idleMs: 60_000 });`,
      `const done = await pool.run({ request: { kind: 'echo', value: 'ok' }, timeoutMs: 5000, isFinal: (m) => m.kind === 'done' });`,
      'console.log(done.value);',
    ].join('\n');
    const started = performance.now();
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stdout }));
    });
    expect(result).toEqual({ code: 0, stdout: 'ok\n' });
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
