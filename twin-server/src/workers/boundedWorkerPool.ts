/**
 * Worker threads that run untrusted or heavy work with a time and a JavaScript heap limit, so a
 * hostile or broken input can neither hang nor crash the process that asked: on timeout the
 * worker is terminated; if it runs out of heap or dies, only the worker goes.
 *
 * A job posts one request to a worker and receives its messages until `isFinal` says one is the
 * outcome; the others (progress) go to `onMessage`. A worker whose job ended with a reusable
 * outcome is kept for the next job (up to `maxJobsPerWorker`, for `idleMs`), without keeping the
 * process alive. A worker that timed out, ran out of heap, died, or gave an outcome that is not
 * reusable is never given another job.
 */
import { Worker } from 'node:worker_threads';

/** How a job's worker failed: it ran past its time, out of heap, or stopped or threw. */
export type WorkerFailureKind = 'timeout' | 'out-of-memory' | 'crashed';

/** A job that ended without an outcome because its worker failed (and was stopped). */
export class WorkerJobFailure extends Error {
  override name = 'WorkerJobFailure';

  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
    /** The worker's exit code, when it exited on its own. */
    readonly exitCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A job refused, or stopped, because the pool was disposed. */
export class WorkerPoolDisposedError extends Error {
  override name = 'WorkerPoolDisposedError';

  constructor() {
    super('the worker pool was disposed');
  }
}

export interface BoundedWorkerPoolOptions {
  /** The worker's entry module. */
  entry: URL;
  /** JavaScript heap of each worker (V8 old generation), MiB. */
  maxHeapMb: number;
  /** How long an idle worker waits for the next job before it is stopped. */
  idleMs: number;
  /** Jobs one worker runs before it is stopped (default: no limit). */
  maxJobsPerWorker?: number;
  /** Jobs running at once; more wait their turn, in order (default: no limit). */
  concurrency?: number;
}

export interface WorkerJob<Request, Message, Outcome extends Message> {
  /** The one message posted to the worker. */
  request: Request;
  /** Wall-clock limit from the job's start on a worker to its outcome. */
  timeoutMs: number;
  /** Whether `message` is the job's outcome (its last message). */
  isFinal: (message: Message) => message is Outcome;
  /** Called with each message before the outcome (progress). */
  onMessage?: (message: Exclude<Message, Outcome>) => void;
  /** Whether the worker may take another job after this outcome (default: yes). */
  reusable?: (outcome: Outcome) => boolean;
}

interface PooledWorker {
  worker: Worker;
  jobs: number;
  exited: boolean;
  idleTimer?: NodeJS.Timeout;
}

export class BoundedWorkerPool<Request, Message> {
  private readonly live = new Set<PooledWorker>();
  private readonly idle: PooledWorker[] = [];
  private readonly waiting: Array<{ start: () => void; cancel: (error: Error) => void }> = [];
  private running = 0;
  private disposed = false;

  constructor(private readonly options: BoundedWorkerPoolOptions) {}

  /**
   * Runs `job` on an idle or a new worker, once a slot is free.
   * @returns the job's outcome (the message `isFinal` accepted).
   * @throws WorkerJobFailure when the worker timed out, ran out of heap or crashed;
   *   WorkerPoolDisposedError when the pool was disposed before or during the job.
   */
  async run<Outcome extends Message>(job: WorkerJob<Request, Message, Outcome>): Promise<Outcome> {
    await this.acquireSlot();
    try {
      return await this.runOnWorker(job);
    } finally {
      this.releaseSlot();
    }
  }

  /** Stops every worker, fails running and waiting jobs, and refuses new ones. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const waiter of this.waiting.splice(0)) waiter.cancel(new WorkerPoolDisposedError());
    await Promise.all([...this.live].map((pooled) => this.stop(pooled)));
  }

  private runOnWorker<Outcome extends Message>(job: WorkerJob<Request, Message, Outcome>): Promise<Outcome> {
    const pooled = this.idle.pop() ?? this.spawn();
    clearTimeout(pooled.idleTimer);
    const { worker } = pooled;
    return new Promise<Outcome>((resolve, reject) => {
      const settle = (reusable: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        pooled.jobs++;
        if (reusable) this.park(pooled);
        else void this.stop(pooled);
      };
      const fail = (failure: Error): void => {
        settle(false);
        reject(failure);
      };
      const onMessage = (message: Message): void => {
        if (job.isFinal(message)) {
          settle(job.reusable?.(message) ?? true);
          resolve(message);
        } else {
          job.onMessage?.(message as Exclude<Message, Outcome>);
        }
      };
      const onError = (error: Error & { code?: string }): void => {
        fail(new WorkerJobFailure(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'crashed', error.message, undefined, { cause: error }));
      };
      const onExit = (exitCode: number): void => {
        fail(this.disposed ? new WorkerPoolDisposedError() : new WorkerJobFailure('crashed', `the worker stopped (exit code ${exitCode})`, exitCode));
      };
      const timer = setTimeout(() => fail(new WorkerJobFailure('timeout', `the job took longer than ${job.timeoutMs} ms`)), job.timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.ref();
      worker.postMessage(job.request);
    });
  }

  private spawn(): PooledWorker {
    const worker = new Worker(this.options.entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
      // Not the host's flags (`--input-type`, `--inspect`…): the entry sets up what the worker needs.
      execArgv: [],
      // Workers catch their own console and streams if they must; piping them here instead would
      // keep an idle worker's process alive.
    });
    const pooled: PooledWorker = { worker, jobs: 0, exited: false };
    this.live.add(pooled);
    // A failure during a job is handled by that job; an idle worker that fails just leaves the pool.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      pooled.exited = true;
      this.live.delete(pooled);
      this.forget(pooled);
    });
    return pooled;
  }

  /** Keeps a worker for the next job, not keeping the process alive, or stops it. */
  private park(pooled: PooledWorker): void {
    if (this.disposed || pooled.exited || pooled.jobs >= (this.options.maxJobsPerWorker ?? Infinity)) {
      void this.stop(pooled);
      return;
    }
    pooled.worker.unref();
    pooled.idleTimer = setTimeout(() => void this.stop(pooled), this.options.idleMs);
    pooled.idleTimer.unref();
    this.idle.push(pooled);
  }

  private async stop(pooled: PooledWorker): Promise<void> {
    this.forget(pooled);
    await pooled.worker.terminate();
  }

  /** Takes a worker out of the idle list. */
  private forget(pooled: PooledWorker): void {
    clearTimeout(pooled.idleTimer);
    const at = this.idle.indexOf(pooled);
    if (at >= 0) this.idle.splice(at, 1);
  }

  private acquireSlot(): Promise<void> {
    if (this.disposed) return Promise.reject(new WorkerPoolDisposedError());
    if (this.running < (this.options.concurrency ?? Infinity)) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((start, cancel) => this.waiting.push({ start, cancel }));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next job.
    if (next !== undefined) next.start();
    else this.running--;
  }
}
