import { decodeLiveFrame, LiveFrameError } from '@twin/protocol';
import type { TwinSocket } from '../../session/liveConnection.ts';
import type { TelemetryStore } from '../../telemetry/telemetryStore.ts';

/**
 * Where the live data stand: `idle` before start, `subscribing` until the server answers, `live`
 * while frames flow, `offline` while the connection is down, `refused` when the server refused
 * the subscription (no `telemetry.subscribe` permission).
 */
export type TelemetryFeedPhase = 'idle' | 'subscribing' | 'live' | 'offline' | 'refused';

/** Construction options of {@link TelemetryFeed}. */
export interface TelemetryFeedOptions {
  /** The console's one live connection. */
  socket: TwinSocket;
  /** Where frames go: sized and revisioned like the registry the scene loaded. */
  store: TelemetryStore;
  /** Hears every change of phase. */
  onPhase?: (phase: TelemetryFeedPhase) => void;
  /** How long to wait for the subscription's answer, and before asking again after none, ms. */
  ackTimeoutMs?: number;
}

/**
 * Keeps a {@link TelemetryStore} current over the live connection (REQ PLAT-2 real time):
 * subscribes to every sensor the user may see whenever the socket connects (a subscription
 * replaces the socket's previous one, so every part of the console asks for the same), and writes
 * each binary frame into the store's typed arrays, no React state on the way. Bytes that are not a frame are
 * counted and dropped. Also keeps the server clock's offset, so "now" for staleness is the
 * server's, whatever the console's clock says.
 */
export class TelemetryFeed {
  /** Server time minus local time at the latest frame, ms (low by the frame's transit time). */
  clockOffsetMs = 0;
  /** Payloads that were not live frames. */
  rejectedFrames = 0;
  /** Main-thread time spent decoding and applying frames, ms (diagnostics for the overlay bench). */
  busyMs = 0;
  private phase: TelemetryFeedPhase = 'idle';
  private run = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: TelemetryFeedOptions) {}

  /** The current phase. */
  getPhase(): TelemetryFeedPhase {
    return this.phase;
  }

  /** Server time now, epoch ms, as far as the frames tell. */
  nowMs(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Starts following the live data; returns the function that stops. */
  start(): () => void {
    const run = ++this.run;
    const { socket } = this.options;
    const onConnect = () => void this.subscribe(run);
    const onDisconnect = () => {
      this.clearRetry();
      this.setPhase('offline');
    };
    const onFrame = (bytes: unknown) => this.applyFrame(bytes);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('telemetry:frame', onFrame);
    if (socket.connected) void this.subscribe(run);
    else this.setPhase('offline');
    return () => {
      this.run++;
      this.clearRetry();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('telemetry:frame', onFrame);
      // No `telemetry:unsubscribe`: the subscription is the socket's, shared with the console's
      // other live views (which ask for the same, every visible sensor); it ends with the socket.
      this.setPhase('idle');
    };
  }

  private async subscribe(run: number): Promise<void> {
    const { socket, ackTimeoutMs = 10_000 } = this.options;
    this.clearRetry();
    this.setPhase('subscribing');
    let answer: unknown;
    try {
      answer = await socket.timeout(ackTimeoutMs).emitWithAck('telemetry:subscribe', {});
    } catch {
      if (run !== this.run) return;
      this.retryTimer = setTimeout(() => void this.subscribe(run), ackTimeoutMs);
      return;
    }
    if (run !== this.run) return;
    this.setPhase((answer as { ok?: unknown } | null)?.ok === true ? 'live' : 'refused');
  }

  private applyFrame(bytes: unknown): void {
    const started = performance.now();
    try {
      if (!(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) throw new LiveFrameError('not binary');
      const frame = decodeLiveFrame(bytes);
      this.clockOffsetMs = frame.serverTimeMs - Date.now();
      this.options.store.apply(frame);
    } catch (error) {
      if (!(error instanceof LiveFrameError)) throw error;
      this.rejectedFrames++;
    } finally {
      this.busyMs += performance.now() - started;
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private setPhase(phase: TelemetryFeedPhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    this.options.onPhase?.(phase);
  }
}
