import { describe, expect, it } from 'vitest';
import { createConditionDetector } from './createConditionDetector.ts';
import { FaultDetector } from './faultDetector.ts';
import { LimitDetector } from './limitDetector.ts';
import { RateOfChangeDetector } from './rateOfChangeDetector.ts';
import { StaleDetector } from './staleDetector.ts';

const band = { day: 1, night: 1 };

describe('createConditionDetector', () => {
  it.each([
    [{ type: 'high', limit: band, deadband: band, onDelayMs: 0, offDelayMs: 0 } as const, LimitDetector],
    [{ type: 'high_high', limit: band, deadband: band, onDelayMs: 0, offDelayMs: 0 } as const, LimitDetector],
    [{ type: 'low', limit: band, deadband: band, onDelayMs: 0, offDelayMs: 0 } as const, LimitDetector],
    [{ type: 'low_low', limit: band, deadband: band, onDelayMs: 0, offDelayMs: 0 } as const, LimitDetector],
    [{ type: 'rate_of_change', maxPerMinute: 1, windowMs: 1, direction: 'either', capacity: 2 } as const, RateOfChangeDetector],
    [{ type: 'stale', afterMs: 1 } as const, StaleDetector],
    [{ type: 'fault', flatlineTolerance: 0 } as const, FaultDetector],
  ])('PLAT-8 makes the detector of a $type condition, restored active when asked', (config, kind) => {
    expect(createConditionDetector(config)).toBeInstanceOf(kind);
    expect(createConditionDetector(config).active).toBe(false);
    expect(createConditionDetector(config, true).active).toBe(true);
  });
});
