/**
 * The import worker thread: runs the imports it is sent, one at a time, and posts each outcome.
 * Whatever the IFC engine prints is collected instead of reaching the server's output, and
 * quoted in errors and warnings.
 */
import { parentPort } from 'node:worker_threads';
import { format } from 'node:util';
import { ModelImportError, type ModelImportErrorData } from './modelImportError.ts';
import type { ImportReport } from './importReport.ts';
import { runImport, type ImportRequest } from './runImport.ts';

/** The message the worker posts for each request. */
export type ImportWorkerOutcome = { ok: true; report: ImportReport } | { ok: false; error: ModelImportErrorData };

/** The most engine lines kept per import. */
const MAX_ENGINE_LINES = 200;

const engineLog: string[] = [];
const collect = (...args: unknown[]): void => {
  if (engineLog.length < MAX_ENGINE_LINES) engineLog.push(format(...args));
};
// Replaced before the engine loads: it binds the console methods when it starts. The thread's
// own streams are caught too, so nothing reaches the server's output (or `twin import --json`'s).
console.log = collect;
console.info = collect;
console.warn = collect;
console.error = collect;
console.debug = collect;
console.trace = collect;
const collectWrite = (chunk: unknown): boolean => {
  collect(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
  return true;
};
process.stdout.write = collectWrite as typeof process.stdout.write;
process.stderr.write = collectWrite as typeof process.stderr.write;

async function handle(request: ImportRequest): Promise<ImportWorkerOutcome> {
  engineLog.length = 0;
  try {
    const report = await runImport(request, engineLog);
    for (const line of new Set(engineLog.map((l) => l.trim()).filter((l) => l !== ''))) {
      report.warnings.push({ message: `the IFC engine reported: ${line}`, where: { file: request.file } });
    }
    return { ok: true, report };
  } catch (error) {
    if (error instanceof ModelImportError) return { ok: false, error: error.toJSON() };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'TWIN_ERR_INTERNAL', message: `the import failed unexpectedly: ${message}`, where: { file: request.file } } };
  }
}

// Requests arrive one at a time: the host sends the next only after this one's outcome.
parentPort?.on('message', (request: ImportRequest) => {
  void handle(request).then((outcome) => parentPort?.postMessage(outcome));
});
