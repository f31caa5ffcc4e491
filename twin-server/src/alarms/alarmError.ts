import type { AlarmRefusalReason } from '@twin/domain';
import { CodedError } from '../codedError.ts';

/** A refused alarm request: unknown alarm, an action its state does not allow, a bad shelving. */
export class AlarmError extends CodedError {
  override name = 'AlarmError';
}

/** Why the state machine refused, for people. */
const REFUSALS: Record<AlarmRefusalReason, string> = {
  nothing_to_acknowledge: 'there is nothing to acknowledge: the alarm is normal',
  already_acknowledged: 'the alarm is already acknowledged',
  shelved: 'the alarm is shelved',
  suppressed: 'the alarm is suppressed by design',
  out_of_service: 'the alarm is out of service',
  not_shelved: 'the alarm is not shelved',
  not_suppressed: 'the alarm is not suppressed',
  not_out_of_service: 'the alarm is not out of service',
  shelve_expiry_not_future: 'the shelving must end in the future',
  shelve_too_long: 'the shelving is longer than you may shelve an alarm',
  reason_required: 'a reason is required',
  condition_active: 'its condition still holds',
  not_latched: 'the alarm is not latched',
  unacknowledged: 'the alarm must be acknowledged first',
  note_required: 'a note is required',
};

/** The error answering a refusal of the alarm engine. */
export function refusalError(reason: AlarmRefusalReason | 'unknown_alarm', alarmId: string): AlarmError {
  if (reason === 'unknown_alarm') return new AlarmError('TWIN_ERR_ALARM_NOT_FOUND', `no alarm ${alarmId} within your access`);
  const code = reason === 'shelve_expiry_not_future' || reason === 'shelve_too_long' ? 'TWIN_ERR_ALARM_SHELVE_DURATION' : reason === 'reason_required' || reason === 'note_required' ? 'TWIN_ERR_BAD_REQUEST' : 'TWIN_ERR_ALARM_TRANSITION';
  return new AlarmError(code, `alarm ${alarmId}: ${REFUSALS[reason]}`, { reason });
}
