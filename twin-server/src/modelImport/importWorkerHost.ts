/**
 * Runs imports in worker threads with a time limit and a JavaScript heap limit, so a hostile or
 * broken file can neither hang nor crash the process that asked: on timeout the worker is
 * terminated; if it runs out of heap or dies, only the worker goes.
 *
 * Loading the IFC engine takes most of a second, so a worker whose import ended normally (a
 * report, or an error the importer raised) is kept for a few seconds for the next import. Each
 * IFC import opens a fresh engine instance, so nothing of one model carries into the next. A
 * worker that was stopped, died, or imported a large file is never reused.
 */
import { Worker } from 'node:worker_threads';
import type { ImportReport } from './importReport.ts';
import { ModelImportError } from './modelImportError.ts';
import type { ImportRequest } from './runImport.ts';
import type { ImportWorkerOutcome } from './importWorker.ts';

const WORKER_ENTRY = new URL('./importWorkerEntry.mjs', import.meta.url);
/** How long an idle worker waits for the next import. */
const IDLE_MS = 5_000;
/** Files above this size leave their worker's memory grown: the worker is not reused. */
const MAX_REUSE_BYTES = 32 * 1024 * 1024;

interface PooledWorker {
  worker: Worker;
  maxHeapMb: number;
  idleTimer?: NodeJS.Timeout;
}

const idle: PooledWorker[] = [];

function spawn(maxHeapMb: number): PooledWorker {
  const worker = new Worker(WORKER_ENTRY, {
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    // Not the host's flags (`--input-type`, `--inspect`…): the entry sets up what the worker needs.
    execArgv: [],
    // The worker catches its own console and streams (see importWorker.ts); piping them here
    // instead would keep an idle worker's process alive.
  });
  const pooled: PooledWorker = { worker, maxHeapMb };
  // An idle worker that dies leaves the pool.
  worker.on('exit', () => release(pooled, false));
  worker.on('error', () => undefined);
  return pooled;
}

function acquire(maxHeapMb: number): PooledWorker {
  const index = idle.findIndex((p) => p.maxHeapMb === maxHeapMb);
  if (index < 0) return spawn(maxHeapMb);
  const [pooled] = idle.splice(index, 1) as [PooledWorker];
  clearTimeout(pooled.idleTimer);
  pooled.worker.ref();
  return pooled;
}

/** Keeps `pooled` for the next import, or ends it. */
function release(pooled: PooledWorker, reusable: boolean): void {
  const index = idle.indexOf(pooled);
  if (index >= 0) idle.splice(index, 1);
  clearTimeout(pooled.idleTimer);
  if (!reusable) {
    void pooled.worker.terminate();
    return;
  }
  idle.push(pooled);
  // An idle worker does not keep the process alive (`twin import` exits when done).
  pooled.worker.unref();
  pooled.idleTimer = setTimeout(() => release(pooled, false), IDLE_MS);
  pooled.idleTimer.unref();
}

/**
 * Imports `request` in a worker.
 * @param fileBytes the file's size, which decides whether the worker may be reused.
 * @throws ModelImportError the import's own error, or `TWIN_ERR_MODEL_IMPORT_TIMEOUT`,
 *   `…_RESOURCE_LIMIT` or `…_ENGINE_FAILED` when the worker had to be stopped or died.
 */
export function importInWorker(request: ImportRequest, fileBytes: number): Promise<ImportReport> {
  const { timeoutMs, maxHeapMb } = request.options;
  const where = { file: request.file };
  const pooled = acquire(maxHeapMb);
  const { worker } = pooled;
  return new Promise<ImportReport>((resolve, reject) => {
    const done = (outcome: ImportWorkerOutcome | undefined, failure: ModelImportError | undefined): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (outcome === undefined) {
        release(pooled, false);
        reject(failure);
        return;
      }
      release(pooled, fileBytes <= MAX_REUSE_BYTES);
      if (outcome.ok) resolve(outcome.report);
      else reject(ModelImportError.fromJSON(outcome.error));
    };
    const onMessage = (outcome: ImportWorkerOutcome): void => done(outcome, undefined);
    const onError = (error: Error & { code?: string }): void => {
      done(
        undefined,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ModelImportError('TWIN_ERR_MODEL_IMPORT_RESOURCE_LIMIT', `the import ran out of its ${maxHeapMb} MiB heap and was stopped`, where, { cause: error })
          : new ModelImportError('TWIN_ERR_MODEL_IMPORT_ENGINE_FAILED', `the import stopped unexpectedly: ${error.message}`, where, { cause: error }),
      );
    };
    const onExit = (exitCode: number): void => {
      done(undefined, new ModelImportError('TWIN_ERR_MODEL_IMPORT_ENGINE_FAILED', `the import stopped unexpectedly (exit code ${exitCode})`, where));
    };
    const timer = setTimeout(() => {
      done(undefined, new ModelImportError('TWIN_ERR_MODEL_IMPORT_TIMEOUT', `the import took longer than ${timeoutMs} ms and was stopped`, where));
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
