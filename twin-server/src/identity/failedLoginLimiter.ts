/**
 * Rate limit on failed logins per client address (a sliding window): past `limit` failures within
 * `windowMs`, every login from that address is refused until the oldest failure ages out. Bounded
 * memory: addresses whose failures have all aged out are forgotten.
 */
export class FailedLoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until `address` may try again, or 0 when it may now. */
  retryAfterS(address: string, nowMs: number): number {
    const times = this.recent(address, nowMs);
    if (times.length < this.limit) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.limit]! + this.windowMs - nowMs) / 1000));
  }

  /** Counts a failure of `address`. */
  fail(address: string, nowMs: number): void {
    const times = this.recent(address, nowMs);
    times.push(nowMs);
    this.failures.set(address, times);
  }

  private recent(address: string, nowMs: number): number[] {
    const times = (this.failures.get(address) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (times.length === 0) this.failures.delete(address);
    else this.failures.set(address, times);
    return times;
  }
}
