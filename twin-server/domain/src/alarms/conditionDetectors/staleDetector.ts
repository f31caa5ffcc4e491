import type { ConditionDetector, ConditionEdge } from './conditionDetector.ts';

/** A no-data condition with its silence resolved to milliseconds. */
export interface StaleDetectorConfig {
  type: 'stale';
  /** Silence after which the data count as stale, ms. */
  afterMs: number;
}

/**
 * Stale data: no reading for `afterMs`, evaluated on ticks; the next reading clears it. Before
 * the first reading the silence is counted from the first tick (e.g. a restart).
 */
export class StaleDetector implements ConditionDetector {
  active: boolean;
  value: number | undefined;
  readonly limit = undefined;
  readonly ticks = true;
  private lastSeenMs = Number.NaN;

  /**
   * @param config - the resolved condition.
   * @param initiallyActive - the condition held when the alarm was last persisted.
   */
  constructor(
    private readonly config: StaleDetectorConfig,
    initiallyActive = false,
  ) {
    this.active = initiallyActive;
  }

  reading(tMs: number, value: number): ConditionEdge | undefined {
    this.lastSeenMs = tMs;
    if (!this.active) return undefined;
    this.active = false;
    this.value = value;
    return 'cleared';
  }

  tick(nowMs: number): ConditionEdge | undefined {
    if (Number.isNaN(this.lastSeenMs)) {
      this.lastSeenMs = nowMs;
      return undefined;
    }
    if (this.active || nowMs - this.lastSeenMs < this.config.afterMs) return undefined;
    this.active = true;
    this.value = undefined;
    return 'activated';
  }
}
