import { isNightAt } from '@twin/domain';
import type { SensorMarkers } from '../build/sensorMarkers.ts';
import { TelemetryStore } from '../../telemetry/telemetryStore.ts';
import { classifySensor, SENSOR_STATE, sensorLimitTable, type SensorLimitTable, type SensorStateCode } from './sensorState.ts';

/**
 * The registry's sensors with their latest readings and live states, in typed arrays indexed like
 * the markers (the scene's and the map's alike). Readings are the console's live telemetry store
 * ({@link telemetry}, indexed by registry index); {@link sweep} classifies every sensor at a given
 * time. Plain data and loops: a sweep of thousands of sensors allocates nothing.
 */
export class LiveSensors {
  readonly limits: SensorLimitTable;
  /** Latest value of every registry sensor: the console's store, or an empty one when there is none of the markers' registry revision. */
  readonly telemetry: TelemetryStore;
  /** State code per marker (`SENSOR_STATE`); no data until a sweep says otherwise. */
  readonly states: Uint8Array;
  /** Incremented by every sweep that changed a state. */
  statesRevision = 0;
  /** Marker indices of the leaking gas detectors: the first {@link leakCount} entries. */
  readonly leaks: Uint32Array;
  leakCount = 0;
  /** Whether the last sweep ran at night (22:00–06:00 local time, REQ ENV-4). */
  night = false;

  /**
   * @param store The console's live telemetry store, if any. Read only when it indexes the markers'
   *   registry revision (another revision numbers other sensors); else the sensors have no data.
   */
  constructor(
    readonly markers: SensorMarkers,
    store: TelemetryStore | null,
  ) {
    const n = markers.sensors.length;
    const { revision, size } = markers.registry;
    this.limits = sensorLimitTable(markers.sensors);
    this.telemetry = store !== null && store.registryRevision === revision ? store : new TelemetryStore(size, revision);
    this.states = new Uint8Array(n).fill(SENSOR_STATE.noData);
    this.leaks = new Uint32Array(n);
  }

  /** Latest value of marker `i` (NaN before any reading). */
  value(i: number): number {
    return this.telemetry.values[this.markers.registryIndices[i]!]!;
  }

  /** State of marker `i`. */
  state(i: number): SensorStateCode {
    return this.states[i] as SensorStateCode;
  }

  /**
   * Classifies every sensor at `nowMs` (server time, epoch ms) from its latest reading and lists
   * the leaks; returns whether any state changed (day and night limits switch at 22:00 and 06:00).
   */
  sweep(nowMs: number): boolean {
    const { values, timestampsMs } = this.telemetry;
    const indices = this.markers.registryIndices;
    const night = isNightAt(nowMs);
    let changed = night !== this.night;
    let leaks = 0;
    for (let i = 0; i < this.states.length; i++) {
      const r = indices[i]!;
      const state = classifySensor(this.limits, i, values[r]!, timestampsMs[r]!, nowMs, night);
      if (state !== this.states[i]) {
        this.states[i] = state;
        changed = true;
      }
      if (state === SENSOR_STATE.gasLeak) this.leaks[leaks++] = i;
    }
    this.night = night;
    this.leakCount = leaks;
    if (changed) this.statesRevision++;
    return changed;
  }
}
