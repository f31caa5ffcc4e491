import { Worker } from 'node:worker_threads';
import type { ModelProgress, TwinErrorCode } from '@twin/protocol';
import type { Logger } from '../logging/logger.ts';
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

const workerEntry = new URL('./geometryWorkerEntry.mjs', import.meta.url);
/** An idle worker is stopped after this long without a job (its WebAssembly memory never shrinks). */
const IDLE_WORKER_MS = 30_000;
/** A worker is stopped after this many jobs. */
const MAX_JOBS_PER_WORKER = 16;

/** A started worker, whether it is still alive and how many jobs it has run. */
interface WorkerHandle {
  worker: Worker;
  exited: boolean;
  jobs: number;
}

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
  private readonly workers = new Set<Worker>();
  private readonly idle: Array<{ handle: WorkerHandle; timer: NodeJS.Timeout }> = [];
  private readonly waiting: Array<{ start: () => void; cancel: (error: Error) => void }> = [];
  private running = 0;
  private disposed = false;
  private readonly counters: GeometryStats = { extractions: 0, cacheHits: 0, shared: 0, failures: 0 };

  constructor(
    private readonly deps: {
      cache: GeometryCache;
      limits: GeometryLimits;
      logger: Logger;
      /** Called with every progress event of an extraction. */
      onProgress?: (progress: ModelProgress) => void;
    },
  ) {}

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
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const { timer } of this.idle.splice(0)) clearTimeout(timer);
    for (const waiter of this.waiting.splice(0)) waiter.cancel(new ModelError('TWIN_ERR_MODEL_EXTRACTION_FAILED', 'the server is shutting down'));
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  private async load(file: ModelFile): Promise<PreparedGeometry> {
    const cached = await this.deps.cache.lookup(file.entry.sha256);
    if (cached !== undefined) {
      this.counters.cacheHits++;
      return { ...cached, source: 'cache' };
    }
    await this.acquire();
    try {
      this.counters.extractions++;
      return { ...(await this.extract(file)), source: 'extracted' };
    } catch (error) {
      this.counters.failures++;
      if (error instanceof ModelError && error.code === 'TWIN_ERR_MODEL_INVALID_IFC') this.invalid.set(file.entry.sha256, error);
      throw error;
    } finally {
      this.release();
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

  /** Runs one job in an idle or a new worker; resolves with its `done` message. */
  private runWorker(job: GeometryJob, path: string): Promise<Extract<GeometryWorkerMessage, { kind: 'done' }>> {
    const { limits, onProgress } = this.deps;
    const handle = this.takeWorker();
    const { worker } = handle;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void, reusable: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        handle.jobs++;
        if (reusable) this.park(handle);
        else void worker.terminate();
        outcome();
      };
      const fail = (code: TwinErrorCode, message: string) => settle(() => reject(new ModelError(code, `${path}: ${message}`)), false);
      const onMessage = (message: GeometryWorkerMessage) => {
        if (message.kind === 'progress') onProgress?.({ path, phase: message.phase, done: message.done, total: message.total });
        else if (message.kind === 'done') settle(() => resolve(message), true);
        else fail(message.code, message.message);
      };
      const onError = (error: Error & { code?: string }) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'TWIN_ERR_MODEL_RESOURCE_LIMIT' : 'TWIN_ERR_MODEL_EXTRACTION_FAILED', error.message);
      const onExit = (exitCode: number) => fail('TWIN_ERR_MODEL_EXTRACTION_FAILED', `the geometry worker stopped (exit code ${exitCode})`);
      const timer = setTimeout(() => fail('TWIN_ERR_MODEL_TIMEOUT', `geometry extraction took longer than ${limits.timeoutMs} ms`), limits.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.ref();
      worker.postMessage(job);
    });
  }

  /** An idle worker that is still alive, else a new one. */
  private takeWorker(): WorkerHandle {
    for (let entry = this.idle.pop(); entry !== undefined; entry = this.idle.pop()) {
      clearTimeout(entry.timer);
      if (!entry.handle.exited) return entry.handle;
    }
    return this.spawn();
  }

  /** Keeps a worker that succeeded for the next job (not keeping the process alive), or stops it. */
  private park(handle: WorkerHandle): void {
    if (this.disposed || handle.exited || handle.jobs >= MAX_JOBS_PER_WORKER || this.idle.length >= this.deps.limits.concurrency) {
      void handle.worker.terminate();
      return;
    }
    handle.worker.unref();
    const timer = setTimeout(() => {
      const at = this.idle.findIndex((entry) => entry.handle === handle);
      if (at >= 0) this.idle.splice(at, 1);
      void handle.worker.terminate();
    }, IDLE_WORKER_MS);
    timer.unref();
    this.idle.push({ handle, timer });
  }

  private spawn(): WorkerHandle {
    const worker = new Worker(workerEntry, { resourceLimits: { maxOldGenerationSizeMb: this.deps.limits.maxHeapMb } });
    const handle: WorkerHandle = { worker, exited: false, jobs: 0 };
    this.workers.add(worker);
    // An idle worker that fails is simply not reused; errors during a job are handled in runWorker.
    worker.on('error', () => {});
    worker.once('exit', () => {
      handle.exited = true;
      this.workers.delete(worker);
    });
    return handle;
  }

  private acquire(): Promise<void> {
    if (this.disposed) return Promise.reject(new ModelError('TWIN_ERR_MODEL_EXTRACTION_FAILED', 'the server is shutting down'));
    if (this.running < this.deps.limits.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((start, cancel) => this.waiting.push({ start, cancel }));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next job.
    if (next !== undefined) next.start();
    else this.running--;
  }
}
