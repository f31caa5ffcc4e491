import { describe, expect, it } from 'vitest';
import { FailedLoginLimiter } from './failedLoginLimiter.ts';

describe('failed-login rate limit per address', () => {
  it('refuses after the limit until the oldest failure leaves the window', () => {
    const limiter = new FailedLoginLimiter(3, 60_000);
    for (const t of [0, 1000, 2000]) {
      expect(limiter.retryAfterS('10.0.0.1', t)).toBe(0);
      limiter.fail('10.0.0.1', t);
    }
    expect(limiter.retryAfterS('10.0.0.1', 2500)).toBe(58);
    expect(limiter.retryAfterS('10.0.0.2', 2500)).toBe(0);
    expect(limiter.retryAfterS('10.0.0.1', 60_001)).toBe(0);
  });
});
