import { decodeLiveFrame, LiveFrameError, type Result, type SubscriptionAck } from '@twin/protocol';
import type { TwinSocket } from '../session/liveConnection.ts';
import type { ServerClock } from '../session/serverClock.ts';
import type { SensorDirectory } from './sensorDirectory.ts';
import { TelemetryStore } from './telemetryStore.ts';

/** Where the console's live telemetry stands. */
export interface LiveTelemetryState {
  /**
   * `idle` before start; `loading` while the sensor list loads or the subscription is asked for;
   * `live` while frames flow; `offline` while the connection is down; `failed` when the server
   * refused the subscription or the sensor list did not load (see `error`).
   */
  phase: 'idle' | 'loading' | 'live' | 'offline' | 'failed';
  error: unknown;
  /** The sensors the session sees, once loaded. */
  directory: SensorDirectory | null;
  /** Latest values of those sensors, indexed by live-frame index; replaced when the registry changes. */
  store: TelemetryStore | null;
}

/** Construction options of {@link LiveTelemetry}. */
export interface LiveTelemetryOptions {
  /** The console's one live connection. */
  socket: TwinSocket;
  /** Loads the sensor list (`GET /api/sensors`). */
  loadDirectory: (signal: AbortSignal) => Promise<SensorDirectory>;
  /** The server's clock, set from every frame's server time. */
  clock: ServerClock;
  /** How long to wait for the subscription's answer, and before asking again after none, ms. */
  ackTimeoutMs?: number;
}

const IDLE: LiveTelemetryState = { phase: 'idle', error: null, directory: null, store: null };

/**
 * The console's one live telemetry feed (REQ PLAT-2 real time): subscribes to every sensor the
 * session may see whenever the socket connects, and decodes each frame once into one
 * {@link TelemetryStore}, which the scene's overlays, the properties panel, trends and dashboards
 * read without React state (P3). A subscription replaces the socket's previous one, so this is the
 * only subscriber on the console's socket. Payloads that are not frames are dropped. Frames also
 * set the server {@link clock}, so "now" for staleness is the server's, whatever the local clock
 * says. When the server's registry revision moves on (frames indexed by another revision), the
 * sensor list is loaded again and the store replaced; `subscribe` listeners hear about such
 * structural changes, `store.onChange` listeners about frames.
 */
export class LiveTelemetry {
  /** The server's time, as the latest frame set it. */
  readonly clock: ServerClock;
  /** Main-thread time spent decoding and applying frames, ms (diagnostics for the overlay bench). */
  busyMs = 0;
  private state: LiveTelemetryState = IDLE;
  private readonly listeners = new Set<() => void>();
  /** Incremented by every start, stop and resubscription: work of an earlier run is dropped. */
  private run = 0;
  private abort: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LiveTelemetryOptions) {
    this.clock = options.clock;
  }

  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current state (the same object until it changes). */
  readonly getState = (): LiveTelemetryState => this.state;

  /** Starts following the telemetry; returns the function that stops. */
  start(): () => void {
    const { socket } = this.options;
    const onConnect = () => void this.connect(false);
    const onDisconnect = () => {
      this.cancel();
      if (this.state.phase !== 'failed') this.setState({ ...this.state, phase: 'offline' });
    };
    const onFrame = (bytes: unknown) => this.applyFrame(bytes);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('telemetry:frame', onFrame);
    if (socket.connected) void this.connect(false);
    else this.setState({ ...this.state, phase: 'offline' });
    return () => {
      this.cancel();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('telemetry:frame', onFrame);
      // No `telemetry:unsubscribe`: the subscription is the socket's and ends with it.
      this.setState({ ...IDLE, directory: this.state.directory, store: this.state.store });
    };
  }

  private applyFrame(bytes: unknown): void {
    const store = this.state.store;
    if (store === null || !(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) return;
    const started = performance.now();
    let applied: boolean;
    try {
      const frame = decodeLiveFrame(bytes);
      this.clock.observe(frame.serverTimeMs, Date.now());
      applied = store.apply(frame);
    } catch (error) {
      if (error instanceof LiveFrameError) return;
      throw error;
    } finally {
      this.busyMs += performance.now() - started;
    }
    // Indices of another registry revision: the sensor list changed on the server.
    if (!applied && this.state.phase === 'live') void this.connect(true);
  }

  /** Loads the sensor list when needed, then subscribes to every visible sensor. */
  private async connect(reload: boolean): Promise<void> {
    this.cancel();
    const run = this.run;
    const abort = new AbortController();
    this.abort = abort;
    this.setState({ ...this.state, phase: 'loading', error: null });
    try {
      let { directory, store } = this.state;
      for (let attempt = 0; attempt < 2; attempt++) {
        if (directory === null || store === null || reload) {
          directory = await this.options.loadDirectory(abort.signal);
          store = new TelemetryStore(directory.registrySize, directory.revision);
          if (run !== this.run) return;
          // The store exists before the subscription: its snapshot frame comes before the answer.
          this.setState({ ...this.state, directory, store });
        }
        const answer = await this.askToSubscribe(run);
        if (answer === undefined || run !== this.run) return;
        if (!answer.ok) throw answer.error;
        if (answer.value.registryRevision === directory.revision) return this.setState({ ...this.state, phase: 'live' });
        reload = true;
      }
      throw new Error('the sensor registry keeps changing');
    } catch (error) {
      if (run === this.run) this.setState({ ...this.state, phase: 'failed', error });
    }
  }

  /** The server's answer to `telemetry:subscribe`; undefined when none came in time (then asks again later). */
  private async askToSubscribe(run: number): Promise<Result<SubscriptionAck> | undefined> {
    const { socket, ackTimeoutMs = 10_000 } = this.options;
    try {
      return await socket.timeout(ackTimeoutMs).emitWithAck('telemetry:subscribe', {});
    } catch {
      // No answer (a busy server, a lost packet): not a refusal, so ask again rather than fail.
      if (run === this.run) this.retryTimer = setTimeout(() => void this.connect(false), ackTimeoutMs);
      return undefined;
    }
  }

  private cancel(): void {
    this.run++;
    this.abort?.abort();
    this.abort = null;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private setState(state: LiveTelemetryState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
