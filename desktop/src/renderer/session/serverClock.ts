/**
 * The server's time as seen from this machine: the status bar clock, and the idle and session
 * deadlines (which the server states in its own time) depend on it, not on the local clock.
 */
export class ServerClock {
  private offsetMs = 0;

  constructor(private readonly localNow: () => number = Date.now) {}

  /** The server's current time, epoch ms. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /**
   * Takes a server timestamp from an answer that left the server between `sentAtMs` and
   * `receivedAtMs` (local times); assumes it was taken halfway.
   */
  observe(serverTimeMs: number, sentAtMs: number, receivedAtMs: number = sentAtMs): void {
    this.offsetMs = serverTimeMs - (sentAtMs + receivedAtMs) / 2;
  }

  /** Local milliseconds until the server time `serverTimeMs` (negative when past). */
  msUntil(serverTimeMs: number): number {
    return serverTimeMs - this.now();
  }
}
