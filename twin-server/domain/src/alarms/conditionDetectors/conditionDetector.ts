/**
 * The common shape of condition detectors: stateful evaluators of one alarm condition for one
 * sensor, fed readings in time order and ticks, answering only when the condition changes.
 * REQ PLAT-8.
 */

/** A change of a condition: it began to hold, or stopped holding. */
export type ConditionEdge = 'activated' | 'cleared';

/** A limit that may differ by night (22:00–06:00 local time), in the sensor's unit. */
export interface DayNight {
  day: number;
  night: number;
}

/**
 * Evaluates one condition. Methods return `undefined` when nothing changed, so the steady state
 * allocates nothing; on an edge, `value` and `limit` describe it.
 */
export interface ConditionDetector {
  /** Whether the condition holds now. */
  readonly active: boolean;
  /** The value behind the last edge (a rate per minute for rate-of-change conditions). */
  readonly value: number | undefined;
  /** The limit the last activation reached, if the condition has one. */
  readonly limit: number | undefined;
  /** Whether {@link ConditionDetector.tick} can ever produce an edge (so callers tick only those). */
  readonly ticks: boolean;
  /** Feeds one reading; readings come in time order. */
  reading(tMs: number, value: number): ConditionEdge | undefined;
  /** Lets time pass without a reading (delays, missing data). */
  tick(nowMs: number): ConditionEdge | undefined;
}
