import type { AlarmDto, AlarmState } from '@twin/protocol';

/** States in which an alarm waits for an operator's acknowledgement (ISA-18.2: unacknowledged). */
export const UNACKNOWLEDGED_STATES: readonly AlarmState[] = ['unack_active', 'rtn_unack'];

/** States in which an alarm is kept from the operator: shelved, suppressed by design, out of service. */
export const HIDDEN_STATES: readonly AlarmState[] = ['shelved', 'suppressed', 'out_of_service'];

/**
 * The order of states from most to least in need of attention: what sorting by state and the
 * state filter list follow.
 */
export const STATE_ORDER: readonly AlarmState[] = ['unack_active', 'rtn_unack', 'ack_active', 'shelved', 'suppressed', 'out_of_service', 'normal'];

/** Whether the alarm waits for an acknowledgement. */
export function isUnacknowledged(alarm: AlarmDto): boolean {
  return UNACKNOWLEDGED_STATES.includes(alarm.state);
}

/** Whether the alarm is shelved, suppressed or out of service. */
export function isHidden(alarm: AlarmDto): boolean {
  return HIDDEN_STATES.includes(alarm.state);
}

/** The rank of a state in {@link STATE_ORDER} (0 is the most urgent). */
export function stateRank(state: AlarmState): number {
  return STATE_ORDER.indexOf(state);
}

/** When the alarm last became active, else when it last changed: the time lists show and sort by. */
export function alarmTimeMs(alarm: AlarmDto): number {
  return alarm.activeSinceMs ?? alarm.updatedAtMs;
}
