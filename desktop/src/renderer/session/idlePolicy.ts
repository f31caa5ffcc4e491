/**
 * The client side of automatic logout after idle time (REQ PLAT-8): how often user input is
 * reported, and when the warning shows.
 */

/** User input is reported to the server at most this often. */
export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;

/** The countdown overlay shows during the last minute before the idle lock... */
const WARNING_MS = 60_000;

/**
 * ...or during the last half of the idle timeout when that is shorter, so that a short timeout
 * still leaves time without a warning after each report.
 */
export function idleWarningMs(idleTimeoutS: number): number {
  return Math.min(WARNING_MS, (idleTimeoutS * 1000) / 2);
}

/**
 * Whether input seen now is reported at once: when the last report is at least the interval
 * old, or while the warning shows (the user is answering it; with the API's minimum timeout of
 * 60 s this never shortens the interval).
 */
export function reportsInputNow(sinceLastReportMs: number, untilIdleMs: number, idleTimeoutS: number): boolean {
  return sinceLastReportMs >= ACTIVITY_REPORT_INTERVAL_MS || untilIdleMs <= idleWarningMs(idleTimeoutS);
}
