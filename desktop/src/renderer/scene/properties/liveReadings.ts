import type { LiveTelemetry } from '../../telemetry/liveTelemetry.ts';
import type { TelemetryStore } from '../../telemetry/telemetryStore.ts';
import type { LatestReading } from './latestReadings.ts';

/** Shortest time between two readings of the store, ms. */
const PERIOD_MS = 1000;

/**
 * The live readings of a few sensors, read from the console's telemetry store for a panel (REQ
 * PLAT-3 point and get): read when a frame arrives, at most once per period (the first frame after
 * a quiet period at once, later ones at the period's end), and published only when one of them
 * changed. React reads it with `useSyncExternalStore`; frames never reach React state (P3).
 */
export class LiveReadings {
  private snapshot: ReadonlyMap<string, LatestReading> = new Map();
  private key = '';
  private readonly listeners = new Set<() => void>();
  private cooldown: ReturnType<typeof setTimeout> | undefined;
  /** A frame arrived during the cooldown: read again at its end. */
  private pending = false;

  constructor(
    private readonly telemetry: LiveTelemetry,
    private readonly sensorIds: readonly string[],
    private readonly periodMs = PERIOD_MS,
  ) {}

  /** Calls `listener` when a reading changed (at most once per period); returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The sensors' live readings by id, for those the store has one of (the same object until one changes). */
  readonly getSnapshot = (): ReadonlyMap<string, LatestReading> => this.snapshot;

  /** Follows the store (and the store that replaces it when the registry changes); returns the function that stops. */
  start(): () => void {
    let store: TelemetryStore | null = null;
    let stopStore: (() => void) | undefined;
    const bind = () => {
      const next = this.telemetry.getState().store;
      if (next === store) return;
      stopStore?.();
      store = next;
      stopStore = store?.onChange(this.changed);
      this.read();
    };
    const stopTelemetry = this.telemetry.subscribe(bind);
    bind();
    return () => {
      stopTelemetry();
      stopStore?.();
      clearTimeout(this.cooldown);
      this.cooldown = undefined;
      this.pending = false;
    };
  }

  private readonly changed = (): void => {
    if (this.cooldown !== undefined) {
      this.pending = true;
      return;
    }
    this.read();
    this.cooldown = setTimeout(() => {
      this.cooldown = undefined;
      if (!this.pending) return;
      this.pending = false;
      this.changed();
    }, this.periodMs);
  };

  /** Reads the sensors' latest values now and publishes them when they differ. */
  private read(): void {
    const { directory, store } = this.telemetry.getState();
    const next = new Map<string, LatestReading>();
    if (directory !== null && store !== null) {
      for (const id of this.sensorIds) {
        const index = directory.frameIndex(id);
        if (index === undefined || Number.isNaN(store.timestampsMs[index]!)) continue;
        next.set(id, { value: store.values[index]!, tsMs: store.timestampsMs[index]! });
      }
    }
    const key = [...next].map(([id, reading]) => `${id}:${reading.tsMs}:${reading.value}`).join(' ');
    if (key === this.key) return;
    this.key = key;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
