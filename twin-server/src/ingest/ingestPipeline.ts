import { ERROR_CODES, type IngestRejectCode, type StatsDto } from '@twin/protocol';
import { ReadingBuffer } from './readingBuffer.ts';
import { RejectionList, type Rejection } from './rejectionList.ts';
import { parseTelemetry, type ParseContext } from './parseTelemetry.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';
import type { Logger } from '../logging/logger.ts';
import { RateLimitedLog } from '../logging/rateLimitedLog.ts';

/** Where committed readings go: storage's commit, keyed by storage's sensor keys. */
export interface ReadingSink {
  commitReadings(batch: { count: number; sensorKeys: Uint32Array; tsMs: Float64Array; values: Float64Array }): Promise<{ stored: number; duplicates: number }>;
}

/** Limits applied to every payload. */
export interface IngestLimits {
  maxPayloadBytes: number;
  maxFutureMs: number;
  maxPastMs: number;
  /** Readings waiting for commit above which HTTP ingest answers 503 (MQTT is throttled by its socket instead). */
  maxPendingReadings: number;
}

/** What one payload came to, known once its readings are durable. */
export interface IngestReceipt {
  accepted: number;
  rejected: number;
  rejections: Rejection[];
}

/** Thrown to a sender whose readings could not be committed; nothing of the payload is acknowledged. */
export class IngestUnavailableError extends Error {
  override name = 'IngestUnavailableError';
  readonly code = 'TWIN_ERR_INGEST_UNAVAILABLE';
}

/** Where a payload came from. */
export interface IngestSource {
  transport: 'mqtt' | 'http';
  /** Sensor named by the MQTT topic or URL. */
  defaultSensor?: string | undefined;
  peer?: string;
}

/** Called once a payload's readings are committed (or could not be). */
export type IngestCallback = (error: Error | null, receipt?: IngestReceipt) => void;

const NO_REJECTIONS: Rejection[] = [];

interface Waiter {
  done: IngestCallback;
  receipt: IngestReceipt;
}

/**
 * Validates payloads into a columnar batch and group-commits it: while one commit runs, the next
 * batch fills; each commit's senders are answered only after it is durable (REQ PLAT-2: real
 * time with low CPU — one commit for many messages). Validated readings are handed at once to
 * `onAccepted` (the live fan-out): live views never wait for storage, while acknowledgements do.
 */
export class IngestPipeline {
  private filling = new ReadingBuffer(1 << 16);
  private committing = new ReadingBuffer(1 << 16);
  private waiters: Waiter[] = [];
  private firstReceiptMs = 0;
  private commitInFlight: Promise<void> | null = null;
  private closed = false;
  private keys = new Uint32Array(1 << 16);
  private readonly rejectLog: RateLimitedLog;
  /** Reused for every payload: the hot path allocates as little as it can. */
  private readonly context: ParseContext;
  private readonly rejects = new RejectionList();
  private readonly counters = {
    stored: 0,
    duplicates: 0,
    messages: 0,
    commits: 0,
    failedCommits: 0,
    lagMs: 0,
    maxLagMs: 0,
    rejected: {} as Partial<Record<IngestRejectCode, number>>,
  };

  constructor(
    private readonly deps: {
      sink: ReadingSink;
      catalog: SensorCatalog;
      /** Storage key of each registry index. */
      sensorKeys: Uint32Array;
      limits: IngestLimits;
      /** Receives positions `[from, to)` of `readings` that were just validated. */
      onAccepted: (readings: ReadingBuffer, from: number, to: number) => void;
      logger: Logger;
      now?: () => number;
    },
  ) {
    this.rejectLog = new RateLimitedLog(deps.logger);
    this.context = { catalog: deps.catalog, nowMs: 0, ...deps.limits };
  }

  /** Readings accepted but not yet committed. */
  get pending(): number {
    return this.filling.count + (this.commitInFlight === null ? 0 : this.committing.count);
  }

  /** Whether HTTP senders should back off. */
  get saturated(): boolean {
    return this.pending >= this.deps.limits.maxPendingReadings;
  }

  /**
   * Validates `payload`, queues its good readings and resolves once they are committed (at once
   * when none were good). Rejections are counted, logged (rate-limited) and returned.
   */
  ingest(payload: Uint8Array | string, source: IngestSource): Promise<IngestReceipt> {
    return new Promise((resolve, reject) => this.submit(payload, source, (error, receipt) => (error === null ? resolve(receipt!) : reject(error))));
  }

  /**
   * `ingest` with a callback instead of a promise: the form the MQTT hot path uses, one
   * allocation fewer per message.
   */
  submit(payload: Uint8Array | string, source: IngestSource, done: IngestCallback): void {
    if (this.closed) return done(new IngestUnavailableError('the server is shutting down'));
    const nowMs = (this.deps.now ?? Date.now)();
    this.counters.messages++;
    const ctx = this.context;
    ctx.nowMs = nowMs;
    ctx.defaultSensor = source.defaultSensor;
    const rejects = this.rejects;
    rejects.clear();
    const before = this.filling.count;
    parseTelemetry(payload, ctx, this.filling, rejects);
    const accepted = this.filling.count - before;
    let receipt: IngestReceipt;
    if (rejects.total === 0) {
      receipt = { accepted, rejected: 0, rejections: NO_REJECTIONS };
    } else {
      this.recordRejections(rejects, source);
      receipt = { accepted, rejected: rejects.total, rejections: rejects.details.slice() };
    }
    if (accepted === 0) return done(null, receipt);
    try {
      this.deps.onAccepted(this.filling, before, before + accepted);
    } catch (error) {
      this.deps.logger.error('live fan-out failed', { error: String(error) });
    }
    if (this.waiters.length === 0) this.firstReceiptMs = nowMs;
    this.waiters.push({ done, receipt });
    this.scheduleCommit();
  }

  /** Counts a payload refused before it reached the parser (e.g. an HTTP body over the limit). */
  countRejection(code: IngestRejectCode, source: IngestSource): void {
    const rejects = new RejectionList(1);
    rejects.add(code, 'payload');
    this.recordRejections(rejects, source);
  }

  /** Ingest counters for the stats endpoint. */
  stats(): StatsDto['ingest'] {
    const { stored, duplicates, messages, commits, lagMs, maxLagMs, rejected } = this.counters;
    return { stored, duplicates, messages, commits, pending: this.pending, lagMs, maxLagMs, rejected: { ...rejected } };
  }

  /** Commits what is queued and refuses new payloads. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.commitInFlight !== null || this.waiters.length > 0) {
      if (this.commitInFlight === null) this.scheduleCommit();
      await this.commitInFlight;
    }
  }

  private scheduleCommit(): void {
    if (this.commitInFlight !== null) return;
    this.commitInFlight = this.commitLoop().finally(() => {
      this.commitInFlight = null;
      // A payload queued after the loop's last look at the waiters, before this line, needs a commit too.
      if (this.waiters.length > 0) this.scheduleCommit();
    });
  }

  private async commitLoop(): Promise<void> {
    // Let the messages already read from sockets join this commit.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.waiters.length > 0) {
      const waiters = this.waiters;
      const firstReceiptMs = this.firstReceiptMs;
      this.waiters = [];
      [this.filling, this.committing] = [this.committing, this.filling];
      const batch = this.committing;
      try {
        const outcome = await this.deps.sink.commitReadings({ count: batch.count, sensorKeys: this.toKeys(batch), tsMs: batch.tsMs, values: batch.values });
        this.counters.stored += outcome.stored;
        this.counters.duplicates += outcome.duplicates;
        this.counters.commits++;
        const lag = (this.deps.now ?? Date.now)() - firstReceiptMs;
        this.counters.lagMs = lag;
        if (lag > this.counters.maxLagMs) this.counters.maxLagMs = lag;
        for (const waiter of waiters) waiter.done(null, waiter.receipt);
      } catch (error) {
        this.counters.failedCommits++;
        this.deps.logger.error('commit failed; senders are not acknowledged and will retry', { readings: batch.count, error: String(error) });
        const refusal = new IngestUnavailableError(ERROR_CODES.TWIN_ERR_INGEST_UNAVAILABLE.message);
        for (const waiter of waiters) waiter.done(refusal);
      } finally {
        batch.clear();
      }
    }
  }

  private toKeys(batch: ReadingBuffer): Uint32Array {
    if (this.keys.length < batch.count) this.keys = new Uint32Array(batch.tsMs.length);
    const { sensorKeys } = this.deps;
    for (let i = 0; i < batch.count; i++) this.keys[i] = sensorKeys[batch.sensorIndices[i]!]!;
    return this.keys;
  }

  private recordRejections(rejects: RejectionList, source: IngestSource): void {
    for (const [code, count] of rejects.counts) this.counters.rejected[code] = (this.counters.rejected[code] ?? 0) + count;
    const first = rejects.details[0];
    this.rejectLog.warn(`rejected ${rejects.total} reading(s) from ${source.transport}${source.peer ? ` ${source.peer}` : ''}`, {
      first: first === undefined ? undefined : { code: first.code, where: first.where, sensor: first.sensor, message: first.message },
      byCode: Object.fromEntries(rejects.counts),
    });
  }
}
