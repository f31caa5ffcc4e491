import { LIVE_FRAME_SNAPSHOT, type LiveFrame } from '@twin/protocol';

/**
 * Latest value of every sensor, in preallocated typed arrays indexed like the registry. Live
 * frames write into it; render code reads it every frame (`useFrame`) without React state, and
 * `onChange` listeners (e.g. `invalidate()` of an on-demand render loop) hear that something moved.
 */
export class TelemetryStore {
  /** Latest value per registry index (NaN until a reading arrives). */
  readonly values: Float64Array;
  /** Timestamp of the latest value, epoch ms (NaN until a reading arrives). */
  readonly timestampsMs: Float64Array;
  /** Incremented for a sensor each time its value changes, so readers can skip unchanged ones. */
  readonly versions: Uint32Array;
  /** Incremented on every applied frame. */
  revision = 0;
  /** Frames ignored because they index another registry revision. */
  staleFrames = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly sensorCount: number,
    readonly registryRevision: number,
  ) {
    this.values = new Float64Array(sensorCount).fill(Number.NaN);
    this.timestampsMs = new Float64Array(sensorCount).fill(Number.NaN);
    this.versions = new Uint32Array(sensorCount);
  }

  /**
   * Applies a frame. Returns false (and changes nothing) when the frame indexes another registry
   * revision: the client must reload the registry.
   */
  apply(frame: LiveFrame): boolean {
    if (frame.registryRevision !== this.registryRevision) {
      this.staleFrames++;
      return false;
    }
    const { sensorIndices, timestampsMs, values } = frame;
    const snapshot = (frame.flags & LIVE_FRAME_SNAPSHOT) !== 0;
    for (let i = 0; i < sensorIndices.length; i++) {
      const index = sensorIndices[i]!;
      if (index >= this.sensorCount) continue;
      const ts = timestampsMs[i]!;
      // An older reading never replaces a newer one, except in a snapshot, which is authoritative.
      if (!snapshot && ts < this.timestampsMs[index]!) continue;
      this.values[index] = values[i]!;
      this.timestampsMs[index] = ts;
      this.versions[index]!++;
    }
    this.revision++;
    for (const listener of this.listeners) listener();
    return true;
  }

  /** Calls `listener` after every applied frame; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
