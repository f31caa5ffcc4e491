import { ACTIVITY_REPORT_INTERVAL_MS, reportsInputNow } from './idlePolicy.ts';

/** The input events that show someone is at the console. */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Construction options of {@link ActivityTracker}. */
export interface ActivityTrackerOptions {
  /** Where input is heard (the window). */
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Tells the server; resolves with the new idle deadline (server time), or undefined. */
  report: () => Promise<number | undefined>;
  onDeadline: (idleExpiresAtMs: number) => void;
  /** The session's idle timeout and the time left until its idle deadline, while signed in. */
  idle: () => { idleTimeoutS: number; untilIdleMs: number } | undefined;
  now?: () => number;
}

/**
 * Turns user input into activity reports (REQ PLAT-8 automatic logout after idle time): at most
 * one per {@link ACTIVITY_REPORT_INTERVAL_MS}, the first at once and later input at the end of
 * the interval, so the server never sees the console idle for longer than it was. Only user
 * input counts: requests the renderer makes on its own never report activity.
 */
export class ActivityTracker {
  private lastReportMs = 0;
  private trailing: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly options: ActivityTrackerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts listening; the login that started the session counts as the last report. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastReportMs = this.now();
    for (const type of INPUT_EVENTS) this.options.target.addEventListener(type, this.onInput, { capture: true, passive: true });
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.trailing);
    this.trailing = undefined;
    for (const type of INPUT_EVENTS) this.options.target.removeEventListener(type, this.onInput, { capture: true });
  }

  private readonly onInput = (): void => {
    const idle = this.options.idle();
    if (idle === undefined || this.inFlight) return;
    const sinceLastReportMs = this.now() - this.lastReportMs;
    if (reportsInputNow(sinceLastReportMs, idle.untilIdleMs, idle.idleTimeoutS)) {
      clearTimeout(this.trailing);
      this.trailing = undefined;
      void this.send();
    } else if (this.trailing === undefined) {
      this.trailing = setTimeout(() => {
        this.trailing = undefined;
        void this.send();
      }, ACTIVITY_REPORT_INTERVAL_MS - sinceLastReportMs);
    }
  };

  private async send(): Promise<void> {
    if (!this.running) return;
    this.inFlight = true;
    this.lastReportMs = this.now();
    try {
      const deadline = await this.options.report();
      if (deadline !== undefined && this.running) this.options.onDeadline(deadline);
    } finally {
      this.inFlight = false;
    }
  }
}
