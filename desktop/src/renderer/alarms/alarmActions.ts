import type { AlarmDto } from '@twin/protocol';
import { isHidden, isUnacknowledged } from './alarmStates.ts';

/** What an operator can do to an alarm (`alarms.operate`). */
export const ALARM_ACTIONS = ['acknowledge', 'shelve', 'unshelve', 'comment', 'reset'] as const;

/** An operator's action on an alarm. */
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

const PREDICATES: Record<AlarmAction, (alarm: AlarmDto) => boolean> = {
  acknowledge: isUnacknowledged,
  // Shelving takes an annunciated alarm off the list for a while (ISA-18.2 §11.6).
  shelve: (alarm) => alarm.state === 'unack_active' || alarm.state === 'ack_active' || alarm.state === 'rtn_unack',
  unshelve: (alarm) => alarm.state === 'shelved',
  comment: () => true,
  // A latched alarm stays in the list after its condition clears until an operator resets it.
  reset: (alarm) => alarm.latched && !alarm.active && !isHidden(alarm),
};

/**
 * Whether the action applies to the alarm in its state. The buttons follow this; the server
 * checks again and answers `TWIN_ERR_ALARM_TRANSITION` when the alarm moved on meanwhile.
 */
export function canApply(action: AlarmAction, alarm: AlarmDto): boolean {
  return PREDICATES[action](alarm);
}

/** The alarms among `alarms` the action applies to. */
export function targetsOf(action: AlarmAction, alarms: readonly AlarmDto[]): AlarmDto[] {
  return alarms.filter(PREDICATES[action]);
}
