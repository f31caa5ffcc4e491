import type { ModelProgress } from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';
import { BoundedWorkerPool, WorkerJobFailure, WorkerPoolDisposedError } from '../workers/boundedWorkerPool.ts';
import type { CachedPack, GeometryCache } from './geometryCache.ts';
import type { GeometryJob, GeometryWorkerMessage } from './geometryJob.ts';
import { ModelError } from './modelError.ts';
import type { ModelFile } from './modelLibrary.ts';

/** Bounds on geometry extraction, so a bad or huge IFC cannot take the server down. */
export interface GeometryLimits {
  /** Wall-clock limit of one extraction (worker start to pack written). */
  timeoutMs: number;
  /** JavaScript heap of the worker (V8 old generation), MiB. */
  maxHeapMb: number;
  /** Largest IFC accepted, bytes (after unzipping an `.ifczip`). */
  maxIfcBytes: number;
  /** Most vertices in one pack (positions and normals take 18 bytes each). */
  maxVertices: number;
  /** Extractions running at once; more wait their turn. */
  concurrency: number;
}

/** Defaults for a community of some tens of buildings on a small server. */
export const DEFAULT_GEOMETRY_LIMITS: GeometryLimits = {
  timeoutMs: 120_000,
  maxHeapMb: 1024,
  maxIfcBytes: 512 * 1024 * 1024,
  maxVertices: 30_000_000,
  concurrency: 1,
};

/** A pack ready to send, and how it was obtained. */
export interface PreparedGeometry extends CachedPack {
  /** `extracted` by this request, read from the `cache`, or `shared` with a request already under way. */
  source: 'extracted' | 'cache' | 'shared';
}

/** Counters since the service started. */
export interface GeometryStats {
  extractions: number;
  cacheHits: number;
  shared: number;
  failures: number;
}

/** The last message of a geometry job. */
type GeometryOutcome = Exclude<GeometryWorkerMessage, { kind: 'progress' }>;

const workerEntry = new URL('./geometryWorkerEntry.mjs', import.meta.url);
/** An idle worker is stopped after this long without a job (its WebAssembly memory never shrinks). */
const IDLE_WORKER_MS = 30_000;
/** A worker is stopped after this many jobs. */
const MAX_JOBS_PER_WORKER = 16;

/**
 * Render-ready geometry of IFC files, prepared once per content hash: a cache hit is read from
 * disk; a miss runs web-ifc in a worker thread (time and heap limited) and caches the pack.
 * Concurrent requests for the same hash share one extraction. A file that fails as invalid IFC is
 * remembered (by hash) and not parsed again.
 *
 * Loading web-ifc takes a worker about a second, so a worker that succeeded takes the next job
 * (up to {@link MAX_JOBS_PER_WORKER}; it is stopped after {@link IDLE_WORKER_MS} idle): loading a
 * community's buildings pays that second once. A failure, a timeout or a crash ends the worker,
 * so no job ever runs on a web-ifc left in an unknown state.
 */
export class GeometryService {
  private readonly inFlight = new Map<string, Promise<PreparedGeometry>>();
  private readonly invalid = new Map<string, ModelError>();
  private readonly pool: BoundedWorkerPool<GeometryJob, GeometryWorkerMessage>;
  private readonly counters: GeometryStats = { extractions: 0, cacheHits: 0, shared: 0, failures: 0 };

  constructor(
    private readonly deps: {
      cache: GeometryCache;
      limits: GeometryLimits;
      logger: Logger;
      /** Called with every progress event of an extraction. */
      onProgress?: (progress: ModelProgress) => void;
    },
  ) {
    const { maxHeapMb, concurrency } = deps.limits;
    this.pool = new BoundedWorkerPool({ entry: workerEntry, maxHeapMb, concurrency, idleMs: IDLE_WORKER_MS, maxJobsPerWorker: MAX_JOBS_PER_WORKER });
  }

  /**
   * The mesh pack of an IFC file of the manifest, from the cache or freshly extracted.
   * @throws ModelError with a `TWIN_ERR_MODEL_*` code when the file cannot be prepared.
   */
  async prepare(file: ModelFile): Promise<PreparedGeometry> {
    const sha256 = file.entry.sha256;
    const known = this.invalid.get(sha256);
    if (known !== undefined) throw known;
    const pending = this.inFlight.get(sha256);
    if (pending !== undefined) {
      this.counters.shared++;
      return { ...(await pending), source: 'shared' };
    }
    const load = this.load(file).finally(() => this.inFlight.delete(sha256));
    this.inFlight.set(sha256, load);
    return load;
  }

  stats(): GeometryStats {
    return { ...this.counters };
  }

  /** Stops every running extraction and refuses new ones. */
  dispose(): Promise<void> {
    return this.pool.dispose();
  }

  private async load(file: ModelFile): Promise<PreparedGeometry> {
    const cached = await this.deps.cache.lookup(file.entry.sha256);
    if (cached !== undefined) {
      this.counters.cacheHits++;
      return { ...cached, source: 'cache' };
    }
    try {
      this.counters.extractions++;
      return { ...(await this.extract(file)), source: 'extracted' };
    } catch (error) {
      this.counters.failures++;
      if (error instanceof ModelError && error.code === 'TWIN_ERR_MODEL_INVALID_IFC') this.invalid.set(file.entry.sha256, error);
      throw error;
    }
  }

  private async extract(file: ModelFile): Promise<CachedPack> {
    const { cache, limits, logger } = this.deps;
    const job: GeometryJob = {
      ifcPath: file.absolutePath,
      sha256: file.entry.sha256,
      outputPath: cache.tempPathFor(file.entry.sha256),
      maxIfcBytes: limits.maxIfcBytes,
      maxVertices: limits.maxVertices,
    };
    const startedMs = performance.now();
    try {
      const done = await this.runWorker(job, file.entry.path);
      const pack = await cache.commit(job.outputPath, job.sha256);
      logger.info('model geometry prepared', { path: file.entry.path, elements: done.elementCount, packBytes: done.byteLength, ms: Math.round(performance.now() - startedMs), ...done.timings });
      return pack;
    } catch (error) {
      await cache.discard(job.outputPath);
      const failure = error instanceof ModelError ? error : new ModelError('TWIN_ERR_MODEL_EXTRACTION_FAILED', String(error));
      logger.warn('model geometry failed', { path: file.entry.path, code: failure.code, message: failure.message });
      throw failure;
    }
  }

  /** Runs one job in a worker once one of the {@link GeometryLimits.concurrency} slots is free; resolves with its `done` message. */
  private async runWorker(job: GeometryJob, path: string): Promise<Extract<GeometryWorkerMessage, { kind: 'done' }>> {
    const { limits, onProgress } = this.deps;
    let outcome: GeometryOutcome;
    try {
      outcome = await this.pool.run({
        request: job,
        timeoutMs: limits.timeoutMs,
        isFinal: (message): message is GeometryOutcome => message.kind !== 'progress',
        onMessage: (progress) => onProgress?.({ path, phase: progress.phase, done: progress.done, total: progress.total }),
        // web-ifc is never reused after an exception.
        reusable: (message) => message.kind === 'done',
      });
    } catch (error) {
      if (error instanceof WorkerPoolDisposedError) throw new ModelError('TWIN_ERR_MODEL_EXTRACTION_FAILED', 'the server is shutting down');
      if (!(error instanceof WorkerJobFailure)) throw error;
      if (error.kind === 'timeout') throw new ModelError('TWIN_ERR_MODEL_TIMEOUT', `${path}: geometry extraction took longer than ${limits.timeoutMs} ms`);
      if (error.kind === 'out-of-memory') throw new ModelError('TWIN_ERR_MODEL_RESOURCE_LIMIT', `${path}: ${error.message}`);
      throw new ModelError('TWIN_ERR_MODEL_EXTRACTION_FAILED', error.exitCode === undefined ? `${path}: ${error.message}` : `${path}: the geometry worker stopped (exit code ${error.exitCode})`);
    }
    if (outcome.kind === 'failed') throw new ModelError(outcome.code, `${path}: ${outcome.message}`);
    return outcome;
  }
}
