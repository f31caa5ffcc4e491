import { ALARM_SEVERITIES, severityRank, type AlarmDto, type AlarmSeverity } from '@twin/protocol';
import { alarmTimeMs, isUnacknowledged } from './alarmStates.ts';

/** What the alarm banner shows. */
export interface BannerSummary {
  /** The newest unacknowledged alarm of the highest severity there is, or null when none waits. */
  headline: AlarmDto | null;
  /** Unacknowledged alarms per severity. */
  unacknowledged: Record<AlarmSeverity, number>;
  /** Alarms whose condition holds now, shelved or not. */
  active: number;
}

/**
 * The banner's figures (REQ PLAT-3: the system's state at a glance): the alarm most in need of the
 * operator (the newest unacknowledged critical one, else of the highest severity present) and
 * the unacknowledged alarms counted by severity.
 */
export function bannerSummary(alarms: readonly AlarmDto[]): BannerSummary {
  const unacknowledged = Object.fromEntries(ALARM_SEVERITIES.map((severity) => [severity, 0])) as Record<AlarmSeverity, number>;
  let headline: AlarmDto | null = null;
  let active = 0;
  for (const alarm of alarms) {
    if (alarm.active) active++;
    if (!isUnacknowledged(alarm)) continue;
    unacknowledged[alarm.severity]++;
    if (headline === null || outranks(alarm, headline)) headline = alarm;
  }
  return { headline, unacknowledged, active };
}

function outranks(a: AlarmDto, b: AlarmDto): boolean {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  return bySeverity < 0 || (bySeverity === 0 && alarmTimeMs(a) > alarmTimeMs(b));
}
