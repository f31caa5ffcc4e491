import type { ConditionDetector, ConditionEdge } from './conditionDetector.ts';

/** Which way of change counts. */
export type RateDirection = 'rise' | 'fall' | 'either';

/** A rate-of-change condition with every parameter resolved. */
export interface RateOfChangeDetectorConfig {
  type: 'rate_of_change';
  /** Largest allowed change per minute, in the sensor's unit (positive). */
  maxPerMinute: number;
  /** Span the rate is measured over, ms. */
  windowMs: number;
  direction: RateDirection;
  /** Readings kept for the window; at least 2 (e.g. window / sampling interval + 2). */
  capacity: number;
}

/**
 * Rate of change: the change per minute between the newest reading and the latest reading at
 * least `windowMs` older (or the oldest kept, early on). Active while it reaches `maxPerMinute`
 * in the configured direction. Readings live in preallocated rings: no allocation per reading.
 * Readings that are not numbers are skipped.
 */
export class RateOfChangeDetector implements ConditionDetector {
  active: boolean;
  value: number | undefined;
  limit: number | undefined;
  readonly ticks = false;
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private head = 0;
  private count = 0;

  /**
   * @param config - the resolved condition.
   * @param initiallyActive - the condition held when the alarm was last persisted.
   */
  constructor(
    private readonly config: RateOfChangeDetectorConfig,
    initiallyActive = false,
  ) {
    this.active = initiallyActive;
    const capacity = Math.max(2, Math.ceil(config.capacity));
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  reading(tMs: number, value: number): ConditionEdge | undefined {
    if (!Number.isFinite(value)) return undefined;
    this.push(tMs, value);
    const capacity = this.times.length;
    while (this.count >= 2 && this.times[(this.head + 1) % capacity]! <= tMs - this.config.windowMs) this.dropOldest();
    const spanMs = tMs - this.times[this.head]!;
    if (this.count < 2 || spanMs <= 0) return undefined;
    const perMinute = ((value - this.values[this.head]!) / spanMs) * 60_000;
    const { direction, maxPerMinute } = this.config;
    const magnitude = direction === 'rise' ? perMinute : direction === 'fall' ? -perMinute : Math.abs(perMinute);
    const exceeds = magnitude >= maxPerMinute;
    if (exceeds === this.active) return undefined;
    this.active = exceeds;
    this.value = perMinute;
    this.limit = maxPerMinute;
    return exceeds ? 'activated' : 'cleared';
  }

  tick(): ConditionEdge | undefined {
    return undefined;
  }

  private push(tMs: number, value: number): void {
    const capacity = this.times.length;
    if (this.count === capacity) this.dropOldest();
    const at = (this.head + this.count) % capacity;
    this.times[at] = tMs;
    this.values[at] = value;
    this.count++;
  }

  private dropOldest(): void {
    this.head = (this.head + 1) % this.times.length;
    this.count--;
  }
}
