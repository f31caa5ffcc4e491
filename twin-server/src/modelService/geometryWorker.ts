// The geometry worker: reads an IFC file, meshes it with web-ifc and writes its mesh pack, so the
// server's event loop never parses IFC. Runs in a worker thread (started through
// geometryWorkerEntry.mjs): loads web-ifc once, then takes jobs (messages) one at a time and
// answers each with `done` or `failed`. The service stops the worker after a failure, so web-ifc
// is never reused after an exception.
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { IfcAPI } from 'web-ifc';
import { encodeMeshPack, type TwinErrorCode } from '@twin/protocol';
import type { GeometryJob, GeometryTimings, GeometryWorkerMessage } from './geometryJob.ts';
import { createIfcApi, extractGeometry, IfcReadError, openIfcModel } from './ifcGeometryExtractor.ts';
import { unzipIfc } from './ifcZip.ts';
import { VertexLimitError } from './meshBatchBuilder.ts';
import { ModelError } from './modelError.ts';

/** Geometry progress is sent at most this often (plus the first and last). */
const PROGRESS_INTERVAL_MS = 100;

function post(message: GeometryWorkerMessage): void {
  parentPort!.postMessage(message);
}

async function run(api: IfcAPI, job: GeometryJob): Promise<void> {
  const timings: GeometryTimings = { readMs: 0, parseMs: 0, geometryMs: 0, writeMs: 0 };
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  let bytes: Uint8Array = await readFile(job.ifcPath);
  if (bytes.length > job.maxIfcBytes) throw new ModelError('TWIN_ERR_MODEL_RESOURCE_LIMIT', `the file has ${bytes.length} bytes, over the limit of ${job.maxIfcBytes}`);
  if (createHash('sha256').update(bytes).digest('hex') !== job.sha256) throw new ModelError('TWIN_ERR_MODEL_FILE_MISMATCH', 'the file does not have the SHA-256 listed in the manifest');
  if (/\.ifczip$/i.test(job.ifcPath)) bytes = unzipIfc(bytes, job.maxIfcBytes);
  const ifcBytes = bytes.length;
  timings.readMs = lap();

  post({ kind: 'progress', phase: 'parse', done: 0, total: ifcBytes });
  const modelId = openIfcModel(api, bytes);
  bytes = new Uint8Array(0);
  post({ kind: 'progress', phase: 'parse', done: ifcBytes, total: ifcBytes });
  timings.parseMs = lap();

  let lastProgress = 0;
  const input = extractGeometry(api, modelId, {
    maxVertices: job.maxVertices,
    sourceSha256: job.sha256,
    onProgress: (done, total) => {
      const now = performance.now();
      if (done !== 0 && done !== total && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      post({ kind: 'progress', phase: 'geometry', done, total });
    },
  });
  api.CloseModel(modelId);
  timings.geometryMs = lap();

  const pack = encodeMeshPack(input);
  post({ kind: 'progress', phase: 'write', done: 0, total: pack.length });
  // No fsync: a file torn by a crash fails its checksum in the cache and is rebuilt.
  const file = await open(job.outputPath, 'w');
  try {
    await file.writeFile(pack);
  } finally {
    await file.close();
  }
  timings.writeMs = lap();
  post({ kind: 'progress', phase: 'write', done: pack.length, total: pack.length });
  post({ kind: 'done', byteLength: pack.length, elementCount: input.elements.length, ifcBytes, timings });
}

/** The catalogue code and operator message for a failure. */
function classify(error: unknown): { code: TwinErrorCode; message: string } {
  if (error instanceof ModelError) return { code: error.code, message: error.message };
  if (error instanceof IfcReadError) return { code: 'TWIN_ERR_MODEL_INVALID_IFC', message: error.message };
  if (error instanceof VertexLimitError) return { code: 'TWIN_ERR_MODEL_RESOURCE_LIMIT', message: `the model has ${error.message}` };
  if (error instanceof RangeError) return { code: 'TWIN_ERR_MODEL_RESOURCE_LIMIT', message: `out of memory: ${error.message}` };
  return { code: 'TWIN_ERR_MODEL_EXTRACTION_FAILED', message: error instanceof Error ? error.message : String(error) };
}

const api = await createIfcApi();
for (;;) {
  const [job] = (await once(parentPort!, 'message')) as [GeometryJob];
  try {
    await run(api, job);
  } catch (error) {
    post({ kind: 'failed', ...classify(error) });
  }
}
