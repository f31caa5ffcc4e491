import type { ConditionDetector } from './conditionDetector.ts';
import { FaultDetector, type FaultDetectorConfig } from './faultDetector.ts';
import { LimitDetector, type LimitDetectorConfig } from './limitDetector.ts';
import { RateOfChangeDetector, type RateOfChangeDetectorConfig } from './rateOfChangeDetector.ts';
import { StaleDetector, type StaleDetectorConfig } from './staleDetector.ts';

/** A condition resolved for one sensor: everything a detector needs, in numbers. */
export type DetectorConfig = LimitDetectorConfig | RateOfChangeDetectorConfig | StaleDetectorConfig | FaultDetectorConfig;

/**
 * Creates the detector for a resolved condition.
 *
 * @param initiallyActive - the condition held when the alarm was last persisted (restart).
 */
export function createConditionDetector(config: DetectorConfig, initiallyActive = false): ConditionDetector {
  switch (config.type) {
    case 'high':
    case 'high_high':
    case 'low':
    case 'low_low':
      return new LimitDetector(config, initiallyActive);
    case 'rate_of_change':
      return new RateOfChangeDetector(config, initiallyActive);
    case 'stale':
      return new StaleDetector(config, initiallyActive);
    case 'fault':
      return new FaultDetector(config, initiallyActive);
  }
}
