import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logging/logger.ts';
import { boundToParent, commandNotFound } from './boundToParent.ts';
import { HLS_PLAYLIST } from './ffmpegArgs.ts';
import { redactCredentials } from './videoSource.ts';

/** An encoder's state: making its first segments, serving a playlist, or down (waiting to restart). */
export type EncoderState = 'starting' | 'live' | 'error';

/** What an encoder runs. */
export interface HlsEncoderOptions {
  ffmpegPath: string;
  /** ffmpeg's arguments; they write the playlist and segments into `dir`. */
  args: readonly string[];
  /** The stream's own directory: emptied before every start, removed on stop. */
  dir: string;
  logger: Logger;
}

/** How often a starting encoder looks for its playlist. */
const PLAYLIST_POLL_MS = 100;
/** Restart delays double from 1 s up to this. */
const MAX_BACKOFF_MS = 30_000;
/** A run at least this long counts as healthy: the next failure starts the backoff afresh. */
const HEALTHY_RUN_MS = 30_000;
/** How long ffmpeg gets to finish after SIGTERM before it is killed. */
const STOP_GRACE_MS = 3_000;
/** Lines of ffmpeg's error output kept for messages. */
const STDERR_LINES = 8;

/**
 * One ffmpeg process making HLS for one camera, supervised: a process that exits or cannot be
 * started (ffmpeg missing) is restarted after 1, 2, 4 … 30 s for as long as the encoder is wanted,
 * and `error` says why it is down. `stop` ends the process (SIGTERM, then SIGKILL) and removes
 * the directory. ffmpeg dies with the server, even when the server is killed (see {@link boundToParent}).
 */
export class HlsEncoder {
  private stateNow: EncoderState = 'starting';
  private lastError: string | undefined;
  private restartCount = 0;
  private failuresInRow = 0;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: HlsEncoderOptions) {}

  /** The stream's directory (playlist and segments). */
  get dir(): string {
    return this.options.dir;
  }

  get state(): EncoderState {
    return this.stateNow;
  }

  /** Why the encoder is down (absent while it runs). */
  get error(): string | undefined {
    return this.lastError;
  }

  /** Restarts after failures since `start`. */
  get restarts(): number {
    return this.restartCount;
  }

  /** The running ffmpeg's process id. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts ffmpeg (once; restarts are the encoder's own business). */
  start(): void {
    void this.run();
  }

  /**
   * Resolves true once the playlist exists, false when the encoder is down or stopped, or after
   * `timeoutMs`.
   */
  untilLive(timeoutMs: number): Promise<boolean> {
    if (this.stateNow !== 'starting' || this.stopped) return Promise.resolve(this.stateNow === 'live' && !this.stopped);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.stateNow === 'live' && !this.stopped);
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Ends ffmpeg and removes the stream's directory; the encoder cannot be started again. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.stopPolling();
    this.notify();
    const child = this.child;
    if (child !== undefined) {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(kill);
    }
    await rm(this.options.dir, { recursive: true, force: true });
  }

  private async run(): Promise<void> {
    try {
      await rm(this.options.dir, { recursive: true, force: true });
      await mkdir(this.options.dir, { recursive: true });
    } catch (error) {
      this.failed(`cannot prepare the stream directory ${this.options.dir}: ${(error as Error).message}`, 0);
      return;
    }
    if (this.stopped) {
      // `stop` may have removed the directory before it was made again.
      await rm(this.options.dir, { recursive: true, force: true }).catch(() => {});
      return;
    }
    this.spawnFfmpeg();
  }

  private spawnFfmpeg(): void {
    const startedMs = Date.now();
    const line = boundToParent(this.options.ffmpegPath, this.options.args);
    const child = spawn(line.command, line.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    const stderr: string[] = [];
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr.push(...chunk.split('\n').filter((line) => line.trim() !== ''));
      stderr.splice(0, Math.max(0, stderr.length - STDERR_LINES));
    });
    let spawnError: NodeJS.ErrnoException | undefined;
    child.once('error', (error: NodeJS.ErrnoException) => (spawnError = error));
    this.exited = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.child = undefined;
        this.stopPolling();
        resolve();
        if (this.stopped) return;
        const said = redactCredentials(stderr.at(-1) ?? '');
        if (spawnError?.code === 'ENOENT' || commandNotFound(line, code)) this.failed(`ffmpeg was not found (${this.options.ffmpegPath}); install ffmpeg or pass its path`, Date.now() - startedMs);
        else if (spawnError !== undefined) this.failed(`ffmpeg could not be started: ${spawnError.message}`, Date.now() - startedMs);
        else this.failed(`ffmpeg ${signal === null ? `exited with code ${String(code)}` : `was ended by ${signal}`}${said === '' ? '' : `: ${said}`}`, Date.now() - startedMs);
      });
    });
    this.stateNow = 'starting';
    this.pollTimer = setInterval(() => this.checkPlaylist(), PLAYLIST_POLL_MS);
  }

  private checkPlaylist(): void {
    if (!existsSync(join(this.options.dir, HLS_PLAYLIST))) return;
    this.stopPolling();
    this.stateNow = 'live';
    this.lastError = undefined;
    this.notify();
  }

  private failed(error: string, ranMs: number): void {
    if (this.stopped) return;
    this.stateNow = 'error';
    this.lastError = error;
    this.failuresInRow = ranMs >= HEALTHY_RUN_MS ? 1 : this.failuresInRow + 1;
    const delayMs = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failuresInRow - 1));
    this.options.logger.warn('camera encoder failed; restarting', { dir: this.options.dir, error, restartInMs: delayMs });
    this.notify();
    this.retryTimer = setTimeout(() => {
      this.restartCount++;
      void this.run();
    }, delayMs);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
