/**
 * Advisory alarms: the early warnings drawn from operating history, held by the alarm engine as
 * low-severity alarms of their own, one per sensor and kind of warning. REQ PROP-2 g (automatic
 * early warning by analysing historical operating data), PLAT-8 (alarm management).
 */
import type { AlarmCondition, AlarmDto, AlarmSeverity } from '@twin/protocol';
import type { ProfileDeviationAdvisory, TrendAdvisory } from './earlyWarning.ts';

/** The conditions of advisory alarms. */
export type AdvisoryCondition = Extract<AlarmCondition, 'trend' | 'profile_deviation'>;

/** An early warning as `trendTowardLimit` or `profileDeviation` describe it. */
export type Advisory = TrendAdvisory | ProfileDeviationAdvisory;

/** The advisory of one condition: a trend for `trend`, a deviation for `profile_deviation`. */
export type AdvisoryOf<C extends AdvisoryCondition> = Extract<Advisory, { condition: C }>;

/**
 * The rule id of each advisory condition, the first part of its alarm ids. No rule of the rules
 * file may take them.
 */
export const ADVISORY_RULE_IDS: Readonly<Record<AdvisoryCondition, string>> = Object.freeze({ trend: 'early-warning-trend', profile_deviation: 'early-warning-profile' });

/** Advisory alarms are the least urgent: they warn ahead of any limit alarm. */
export const ADVISORY_SEVERITY: AlarmSeverity = 'low';

/**
 * The id of a sensor's advisory alarm.
 *
 * @example
 * advisoryAlarmId('trend', 'B01-F03-LEL-01'); // 'early-warning-trend/B01-F03-LEL-01'
 */
export function advisoryAlarmId(condition: AdvisoryCondition, sensorId: string): string {
  return `${ADVISORY_RULE_IDS[condition]}/${sensorId}`;
}

/** Whether a stored alarm is an advisory alarm of a sensor. */
export function isAdvisoryRecord(record: AlarmDto): record is AlarmDto & { condition: AdvisoryCondition } {
  return (record.condition === 'trend' || record.condition === 'profile_deviation') && ADVISORY_RULE_IDS[record.condition] === record.ruleId;
}
