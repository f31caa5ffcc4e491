import type { ConditionDetector, ConditionEdge, DayNight } from './conditionDetector.ts';
import { isNightAt } from './isNightAt.ts';

/** A limit alarm's condition with every parameter resolved. */
export interface LimitDetectorConfig {
  type: 'high' | 'high_high' | 'low' | 'low_low';
  /** The alarm set point, day and night, in the sensor's unit. */
  limit: DayNight;
  /** How far back inside the limit a value must come before the alarm clears. */
  deadband: DayNight;
  /** How long values must stay at or beyond the limit before the alarm activates, ms. */
  onDelayMs: number;
  /** How long values must stay clear (beyond the deadband) before the alarm clears, ms. */
  offDelayMs: number;
}

/**
 * A limit alarm (high, high-high, low, low-low) with deadband, on-delay and off-delay, the
 * ISA-18.2 remedies against chattering. Reaching the limit counts: the guideline's limits are
 * alarm set points (REQ MUN-5: alarm at or below 20 %LEL). The limit follows day and night local
 * time (REQ ENV-4). Delays also run on ticks, taking the last reading as holding until the next.
 */
export class LimitDetector implements ConditionDetector {
  active: boolean;
  value: number | undefined;
  limit: number | undefined;
  readonly ticks: boolean;
  private readonly high: boolean;
  /** Whether night differs from day at all; if not, readings skip the local-time computation. */
  private readonly dayNight: boolean;
  private pendingSinceMs = Number.NaN;
  private clearingSinceMs = Number.NaN;
  private lastValue = Number.NaN;

  /**
   * @param config - the resolved condition.
   * @param initiallyActive - the condition held when the alarm was last persisted.
   */
  constructor(
    private readonly config: LimitDetectorConfig,
    initiallyActive = false,
  ) {
    this.active = initiallyActive;
    this.high = config.type === 'high' || config.type === 'high_high';
    this.dayNight = config.limit.day !== config.limit.night || config.deadband.day !== config.deadband.night;
    this.ticks = config.onDelayMs > 0 || config.offDelayMs > 0;
  }

  reading(tMs: number, value: number): ConditionEdge | undefined {
    this.lastValue = value;
    return this.evaluate(tMs, value);
  }

  tick(nowMs: number): ConditionEdge | undefined {
    if (Number.isNaN(this.pendingSinceMs) && Number.isNaN(this.clearingSinceMs)) return undefined;
    return this.evaluate(nowMs, this.lastValue);
  }

  private evaluate(tMs: number, value: number): ConditionEdge | undefined {
    const night = this.dayNight && isNightAt(tMs);
    const limit = night ? this.config.limit.night : this.config.limit.day;
    if (!this.active) {
      if (!(this.high ? value >= limit : value <= limit)) {
        this.pendingSinceMs = Number.NaN;
        return undefined;
      }
      if (Number.isNaN(this.pendingSinceMs)) this.pendingSinceMs = tMs;
      if (tMs - this.pendingSinceMs < this.config.onDelayMs) return undefined;
      this.pendingSinceMs = Number.NaN;
      this.active = true;
      this.value = value;
      this.limit = limit;
      return 'activated';
    }
    const deadband = night ? this.config.deadband.night : this.config.deadband.day;
    if (!(this.high ? value < limit - deadband : value > limit + deadband)) {
      this.clearingSinceMs = Number.NaN;
      return undefined;
    }
    if (Number.isNaN(this.clearingSinceMs)) this.clearingSinceMs = tMs;
    if (tMs - this.clearingSinceMs < this.config.offDelayMs) return undefined;
    this.clearingSinceMs = Number.NaN;
    this.active = false;
    this.value = value;
    return 'cleared';
  }
}
