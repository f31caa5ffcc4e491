import type { ConditionDetector, ConditionEdge } from './conditionDetector.ts';

/** A sensor-fault condition: an instrument range, a flat-line duration, or both. */
export interface FaultDetectorConfig {
  type: 'fault';
  /** The instrument's measuring range; a reading outside it (or not a number) is a fault. */
  range?: { min: number; max: number };
  /** A value that stays within `flatlineTolerance` of itself this long is a fault, ms. */
  flatlineMs?: number;
  /** Largest change still counted as flat, in the sensor's unit. */
  flatlineTolerance: number;
}

/**
 * A sensor fault: a reading outside the instrument range, or a value flat-lined for longer than
 * the configured duration. It clears on the first reading that is in range and not flat.
 */
export class FaultDetector implements ConditionDetector {
  active: boolean;
  value: number | undefined;
  /** The range bound crossed by an out-of-range reading; undefined for a flat line. */
  limit: number | undefined;
  readonly ticks = false;
  private flatSinceMs = Number.NaN;
  private flatValue = Number.NaN;

  /**
   * @param config - the resolved condition.
   * @param initiallyActive - the condition held when the alarm was last persisted.
   */
  constructor(
    private readonly config: FaultDetectorConfig,
    initiallyActive = false,
  ) {
    this.active = initiallyActive;
  }

  reading(tMs: number, value: number): ConditionEdge | undefined {
    const { range } = this.config;
    const outOfRange = range !== undefined && !(value >= range.min && value <= range.max);
    const flat = this.flatFor(tMs, value);
    const fault = outOfRange || flat;
    if (fault === this.active) return undefined;
    this.active = fault;
    this.value = value;
    this.limit = outOfRange && range !== undefined ? (value < range.min ? range.min : range.max) : undefined;
    return fault ? 'activated' : 'cleared';
  }

  tick(): ConditionEdge | undefined {
    return undefined;
  }

  /** Tracks the flat stretch the reading belongs to; true once it has lasted `flatlineMs`. */
  private flatFor(tMs: number, value: number): boolean {
    const { flatlineMs, flatlineTolerance } = this.config;
    if (flatlineMs === undefined) return false;
    if (!Number.isNaN(this.flatSinceMs) && Math.abs(value - this.flatValue) <= flatlineTolerance) return tMs - this.flatSinceMs >= flatlineMs;
    this.flatValue = value;
    this.flatSinceMs = tMs;
    return false;
  }
}
