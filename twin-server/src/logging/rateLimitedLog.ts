import type { Logger } from './logger.ts';

/**
 * Logs at most `limit` lines per `windowMs`; what it held back is summarised by one line when the
 * next window opens, so a device spewing bad data cannot flood the log.
 */
export class RateLimitedLog {
  private windowStart = 0;
  private written = 0;
  private suppressed = 0;

  constructor(
    private readonly logger: Logger,
    private readonly limit = 20,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(message: string, fields?: Record<string, unknown>): void {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      if (this.suppressed > 0) this.logger.warn(`${this.suppressed} similar lines suppressed in the last ${this.windowMs / 1000} s`);
      this.windowStart = now;
      this.written = 0;
      this.suppressed = 0;
    }
    if (this.written < this.limit) {
      this.written++;
      this.logger.warn(message, fields);
    } else {
      this.suppressed++;
    }
  }
}
