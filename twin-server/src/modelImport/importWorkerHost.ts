/**
 * Runs imports in worker threads with a time limit and a JavaScript heap limit (see
 * {@link BoundedWorkerPool}), so a hostile or broken file can neither hang nor crash the process
 * that asked.
 *
 * Loading the IFC engine takes most of a second, so a worker whose import ended normally (a
 * report, or an error the importer raised) is kept for a few seconds for the next import. Each
 * IFC import opens a fresh engine instance, so nothing of one model carries into the next. A
 * worker that was stopped, died, or imported a large file is never reused.
 */
import type { ImportReport } from './importReport.ts';
import { ModelImportError } from './modelImportError.ts';
import type { ImportRequest } from './runImport.ts';
import type { ImportWorkerOutcome } from './importWorker.ts';
import { BoundedWorkerPool, WorkerJobFailure } from '../workers/boundedWorkerPool.ts';

const WORKER_ENTRY = new URL('./importWorkerEntry.mjs', import.meta.url);
/** How long an idle worker waits for the next import. */
const IDLE_MS = 5_000;
/** Files above this size leave their worker's memory grown: the worker is not reused. */
const MAX_REUSE_BYTES = 32 * 1024 * 1024;

/** One pool per heap limit: a worker's limit is set when it starts. */
const pools = new Map<number, BoundedWorkerPool<ImportRequest, ImportWorkerOutcome>>();

function poolFor(maxHeapMb: number): BoundedWorkerPool<ImportRequest, ImportWorkerOutcome> {
  let pool = pools.get(maxHeapMb);
  if (pool === undefined) {
    pool = new BoundedWorkerPool({ entry: WORKER_ENTRY, maxHeapMb, idleMs: IDLE_MS });
    pools.set(maxHeapMb, pool);
  }
  return pool;
}

/**
 * Imports `request` in a worker.
 * @param fileBytes the file's size, which decides whether the worker may be reused.
 * @throws ModelImportError the import's own error, or `TWIN_ERR_MODEL_IMPORT_TIMEOUT`,
 *   `…_RESOURCE_LIMIT` or `…_ENGINE_FAILED` when the worker had to be stopped or died.
 */
export async function importInWorker(request: ImportRequest, fileBytes: number): Promise<ImportReport> {
  const { timeoutMs, maxHeapMb } = request.options;
  let outcome: ImportWorkerOutcome;
  try {
    outcome = await poolFor(maxHeapMb).run({ request, timeoutMs, isFinal: (_message): _message is ImportWorkerOutcome => true, reusable: () => fileBytes <= MAX_REUSE_BYTES });
  } catch (error) {
    throw error instanceof WorkerJobFailure ? workerFailure(error, request) : error;
  }
  if (outcome.ok) return outcome.report;
  throw ModelImportError.fromJSON(outcome.error);
}

/** The catalogue error for a worker that had to be stopped or died. */
function workerFailure(error: WorkerJobFailure, { file, options }: ImportRequest): ModelImportError {
  const where = { file };
  switch (error.kind) {
    case 'timeout':
      return new ModelImportError('TWIN_ERR_MODEL_IMPORT_TIMEOUT', `the import took longer than ${options.timeoutMs} ms and was stopped`, where);
    case 'out-of-memory':
      return new ModelImportError('TWIN_ERR_MODEL_IMPORT_RESOURCE_LIMIT', `the import ran out of its ${options.maxHeapMb} MiB heap and was stopped`, where, { cause: error.cause });
    case 'crashed':
      return error.exitCode === undefined
        ? new ModelImportError('TWIN_ERR_MODEL_IMPORT_ENGINE_FAILED', `the import stopped unexpectedly: ${error.message}`, where, { cause: error.cause })
        : new ModelImportError('TWIN_ERR_MODEL_IMPORT_ENGINE_FAILED', `the import stopped unexpectedly (exit code ${error.exitCode})`, where);
  }
}
