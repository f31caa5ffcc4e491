import { decodeLiveFrame, LiveFrameError } from '@twin/protocol';
import type { TwinSocket } from '../session/liveConnection.ts';
import type { SensorDirectory } from './sensorDirectory.ts';
import { TelemetryStore } from './telemetryStore.ts';

/** Where the console's live telemetry stands. */
export interface LiveTelemetryState {
  /**
   * `idle` before start; `loading` while the sensor list loads or the subscription is asked for;
   * `live` while frames flow; `offline` while the connection is down; `failed` when the server
   * refused or did not answer (see `error`).
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
  /** How long to wait for the subscription's answer, ms. */
  ackTimeoutMs?: number;
}

const IDLE: LiveTelemetryState = { phase: 'idle', error: null, directory: null, store: null };

/**
 * The console's live telemetry (REQ PLAT-2 real time): subscribes to every sensor the session may
 * see whenever the socket connects, and writes the frames into one {@link TelemetryStore}, which
 * trends and dashboards read without React state (P3). A subscription replaces the socket's
 * previous one: whoever else subscribes on the console's socket must ask for the same (every
 * visible sensor), so that each gets every frame. When the server's registry revision moves
 * on (frames indexed by another revision), the sensor list is loaded again and the store replaced;
 * `subscribe` listeners hear about such structural changes, `store.onChange` listeners about frames.
 */
export class LiveTelemetry {
  private state: LiveTelemetryState = IDLE;
  private readonly listeners = new Set<() => void>();
  /** Incremented by every start, stop and resubscription: work of an earlier run is dropped. */
  private run = 0;
  private abort: AbortController | null = null;

  constructor(private readonly options: LiveTelemetryOptions) {}

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
    const onFrame = (bytes: ArrayBuffer) => this.applyFrame(bytes);
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
      // No `telemetry:unsubscribe`: the subscription is the socket's, which other parts of the
      // console may share (the scene's overlays subscribe to the same sensors); it ends with it.
      this.setState({ ...IDLE, directory: this.state.directory, store: this.state.store });
    };
  }

  private applyFrame(bytes: ArrayBuffer): void {
    const store = this.state.store;
    if (store === null) return;
    let applied: boolean;
    try {
      applied = store.apply(decodeLiveFrame(bytes));
    } catch (error) {
      if (error instanceof LiveFrameError) return;
      throw error;
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
        const answer = await this.options.socket.timeout(this.options.ackTimeoutMs ?? 10_000).emitWithAck('telemetry:subscribe', {});
        if (run !== this.run) return;
        if (!answer.ok) throw answer.error;
        if (answer.value.registryRevision === directory.revision) return this.setState({ ...this.state, phase: 'live' });
        reload = true;
      }
      throw new Error('the sensor registry keeps changing');
    } catch (error) {
      if (run === this.run) this.setState({ ...this.state, phase: 'failed', error });
    }
  }

  private cancel(): void {
    this.run++;
    this.abort?.abort();
    this.abort = null;
  }

  private setState(state: LiveTelemetryState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
