import { describe, expect, it } from 'vitest';
import { ALARM_STATES, type AlarmState } from '@twin/protocol';
import { OPERATOR_MAX_SHELVE_MS, isHiddenAlarmState, transitionAlarm, type AlarmInput, type AlarmInputType, type AlarmRecord, type AlarmTransitionOptions } from './alarmStateMachine.ts';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

/** A record in each state, as it looks with the condition as usual for that state. */
function recordIn(state: AlarmState, fields: Partial<AlarmRecord> = {}): AlarmRecord {
  const base: AlarmRecord = { id: 'gas-lel-high/B01-GV-LEL-01', state, active: false, latched: false, severity: 'critical', updatedAtMs: NOW - HOUR };
  const active = state === 'unack_active' || state === 'ack_active';
  const occurrence = active || state === 'rtn_unack' ? { value: 25, limit: 20, activeSinceMs: NOW - 60_000 } : {};
  const ack = state === 'ack_active' ? { acknowledgedAtMs: NOW - 30_000, acknowledgedBy: 'operator.li' } : {};
  const shelving = state === 'shelved' ? { shelvedUntilMs: NOW + HOUR, shelvedBy: 'operator.li', shelveReason: '传感器校准 calibration' } : {};
  return { ...base, active, ...occurrence, ...ack, ...shelving, ...fields };
}

/** One input of each type, valid where the state allows it. */
const INPUTS: Record<AlarmInputType, AlarmInput> = {
  condition_active: { type: 'condition_active', value: 23, limit: 20 },
  condition_cleared: { type: 'condition_cleared', value: 3 },
  acknowledge: { type: 'acknowledge', actor: 'operator.wang', note: '已派人到场 crew dispatched' },
  shelve: { type: 'shelve', actor: 'operator.wang', untilMs: NOW + 2 * HOUR, reason: '检修 maintenance' },
  unshelve: { type: 'unshelve', actor: 'operator.wang' },
  tick: { type: 'tick' },
  suppress: { type: 'suppress', details: { device: 'B01/GAS-ESV', state: 'closed' } },
  unsuppress: { type: 'unsuppress', details: { device: 'B01/GAS-ESV', state: 'open' } },
  remove_from_service: { type: 'remove_from_service', actor: 'admin.zhao', note: '更换探测器 replacing the detector' },
  return_to_service: { type: 'return_to_service', actor: 'admin.zhao' },
  reset_latch: { type: 'reset_latch', actor: 'operator.wang' },
  comment: { type: 'comment', actor: 'operator.wang', note: '现场无异味 no smell on site' },
  change_severity: { type: 'change_severity', actor: 'admin.zhao', severity: 'high' },
};

/** Expected outcome: the next state and the events as `type before>after`, or the refusal reason. */
type Outcome = [AlarmState, ...string[]] | { refused: string };

/** The ISA-18.2 diagram for a non-latching alarm, hidden alarms with a clear condition and an unexpired shelve. */
const TABLE: Record<AlarmState, Record<AlarmInputType, Outcome>> = {
  normal: {
    condition_active: ['unack_active', 'raised normal>unack_active'],
    condition_cleared: ['normal'],
    acknowledge: { refused: 'nothing_to_acknowledge' },
    shelve: ['shelved', 'shelved normal>shelved'],
    unshelve: { refused: 'not_shelved' },
    tick: ['normal'],
    suppress: ['suppressed', 'suppressed normal>suppressed'],
    unsuppress: { refused: 'not_suppressed' },
    remove_from_service: ['out_of_service', 'removed_from_service normal>out_of_service'],
    return_to_service: { refused: 'not_out_of_service' },
    reset_latch: { refused: 'not_latched' },
    comment: ['normal', 'commented normal>normal'],
    change_severity: ['normal', 'severity_changed normal>normal'],
  },
  unack_active: {
    condition_active: ['unack_active'],
    condition_cleared: ['rtn_unack', 'returned unack_active>rtn_unack'],
    acknowledge: ['ack_active', 'acknowledged unack_active>ack_active'],
    shelve: ['shelved', 'shelved unack_active>shelved'],
    unshelve: { refused: 'not_shelved' },
    tick: ['unack_active'],
    suppress: ['suppressed', 'suppressed unack_active>suppressed'],
    unsuppress: { refused: 'not_suppressed' },
    remove_from_service: ['out_of_service', 'removed_from_service unack_active>out_of_service'],
    return_to_service: { refused: 'not_out_of_service' },
    reset_latch: { refused: 'condition_active' },
    comment: ['unack_active', 'commented unack_active>unack_active'],
    change_severity: ['unack_active', 'severity_changed unack_active>unack_active'],
  },
  ack_active: {
    condition_active: ['ack_active'],
    condition_cleared: ['normal', 'returned ack_active>normal'],
    acknowledge: { refused: 'already_acknowledged' },
    shelve: ['shelved', 'shelved ack_active>shelved'],
    unshelve: { refused: 'not_shelved' },
    tick: ['ack_active'],
    suppress: ['suppressed', 'suppressed ack_active>suppressed'],
    unsuppress: { refused: 'not_suppressed' },
    remove_from_service: ['out_of_service', 'removed_from_service ack_active>out_of_service'],
    return_to_service: { refused: 'not_out_of_service' },
    reset_latch: { refused: 'condition_active' },
    comment: ['ack_active', 'commented ack_active>ack_active'],
    change_severity: ['ack_active', 'severity_changed ack_active>ack_active'],
  },
  rtn_unack: {
    condition_active: ['unack_active', 'raised rtn_unack>unack_active'],
    condition_cleared: ['rtn_unack'],
    acknowledge: ['normal', 'acknowledged rtn_unack>normal'],
    shelve: ['shelved', 'shelved rtn_unack>shelved'],
    unshelve: { refused: 'not_shelved' },
    tick: ['rtn_unack'],
    suppress: ['suppressed', 'suppressed rtn_unack>suppressed'],
    unsuppress: { refused: 'not_suppressed' },
    remove_from_service: ['out_of_service', 'removed_from_service rtn_unack>out_of_service'],
    return_to_service: { refused: 'not_out_of_service' },
    reset_latch: { refused: 'not_latched' },
    comment: ['rtn_unack', 'commented rtn_unack>rtn_unack'],
    change_severity: ['rtn_unack', 'severity_changed rtn_unack>rtn_unack'],
  },
  shelved: {
    condition_active: ['shelved'],
    condition_cleared: ['shelved'],
    acknowledge: { refused: 'shelved' },
    shelve: { refused: 'shelved' },
    unshelve: ['normal', 'unshelved shelved>normal'],
    tick: ['shelved'],
    suppress: ['suppressed', 'suppressed shelved>suppressed'],
    unsuppress: { refused: 'not_suppressed' },
    remove_from_service: ['out_of_service', 'removed_from_service shelved>out_of_service'],
    return_to_service: { refused: 'not_out_of_service' },
    reset_latch: { refused: 'shelved' },
    comment: ['shelved', 'commented shelved>shelved'],
    change_severity: ['shelved', 'severity_changed shelved>shelved'],
  },
  suppressed: {
    condition_active: ['suppressed'],
    condition_cleared: ['suppressed'],
    acknowledge: { refused: 'suppressed' },
    shelve: { refused: 'suppressed' },
    unshelve: { refused: 'not_shelved' },
    tick: ['suppressed'],
    suppress: { refused: 'suppressed' },
    unsuppress: ['normal', 'unsuppressed suppressed>normal'],
    remove_from_service: ['out_of_service', 'removed_from_service suppressed>out_of_service'],
    return_to_service: { refused: 'not_out_of_service' },
    reset_latch: { refused: 'suppressed' },
    comment: ['suppressed', 'commented suppressed>suppressed'],
    change_severity: ['suppressed', 'severity_changed suppressed>suppressed'],
  },
  out_of_service: {
    condition_active: ['out_of_service'],
    condition_cleared: ['out_of_service'],
    acknowledge: { refused: 'out_of_service' },
    shelve: { refused: 'out_of_service' },
    unshelve: { refused: 'not_shelved' },
    tick: ['out_of_service'],
    suppress: { refused: 'out_of_service' },
    unsuppress: { refused: 'not_suppressed' },
    remove_from_service: { refused: 'out_of_service' },
    return_to_service: ['normal', 'returned_to_service out_of_service>normal'],
    reset_latch: { refused: 'out_of_service' },
    comment: ['out_of_service', 'commented out_of_service>out_of_service'],
    change_severity: ['out_of_service', 'severity_changed out_of_service>out_of_service'],
  },
};

/** Variants the table above does not reach: latching alarms, hidden alarms whose condition holds, expired shelving. */
const VARIANTS: Array<[string, AlarmRecord, AlarmInput, AlarmTransitionOptions, Outcome]> = [
  ['latching unack_active clears and stays latched', recordIn('unack_active'), INPUTS.condition_cleared, { latching: true }, ['unack_active', 'returned unack_active>unack_active']],
  ['latching ack_active clears and stays latched', recordIn('ack_active'), INPUTS.condition_cleared, { latching: true }, ['ack_active', 'returned ack_active>ack_active']],
  ['latched unack_active is acknowledged', recordIn('unack_active', { active: false, latched: true }), INPUTS.acknowledge, { latching: true }, ['ack_active', 'acknowledged unack_active>ack_active']],
  ['latched unack_active refuses a reset before acknowledgement', recordIn('unack_active', { active: false, latched: true }), INPUTS.reset_latch, { latching: true }, { refused: 'unacknowledged' }],
  ['latched ack_active resets to normal', recordIn('ack_active', { active: false, latched: true }), INPUTS.reset_latch, { latching: true }, ['normal', 'latch_reset ack_active>normal']],
  ['latched unack_active whose condition returns stays unacknowledged without a new event', recordIn('unack_active', { active: false, latched: true }), INPUTS.condition_active, { latching: true }, ['unack_active']],
  ['latched ack_active whose condition returns re-alarms', recordIn('ack_active', { active: false, latched: true }), INPUTS.condition_active, { latching: true }, ['unack_active', 'raised ack_active>unack_active']],
  ['latched ack_active ignores a second clear', recordIn('ack_active', { active: false, latched: true }), INPUTS.condition_cleared, { latching: true }, ['ack_active']],
  ['shelved with the condition active lands in unack_active on unshelve', recordIn('shelved', { active: true, value: 30 }), INPUTS.unshelve, {}, ['unack_active', 'unshelved shelved>normal', 'raised normal>unack_active']],
  ['shelved and clear returns to normal when the shelve expires', recordIn('shelved', { shelvedUntilMs: NOW }), INPUTS.tick, {}, ['normal', 'shelve_expired shelved>normal']],
  ['shelved and active re-alarms when the shelve expires', recordIn('shelved', { shelvedUntilMs: NOW - 1, active: true }), INPUTS.tick, {}, ['unack_active', 'shelve_expired shelved>normal', 'raised normal>unack_active']],
  ['shelved and active tracks the condition clearing without events', recordIn('shelved', { active: true }), INPUTS.condition_cleared, { latching: true }, ['shelved']],
  ['suppressed with the condition active lands in unack_active on unsuppress', recordIn('suppressed', { active: true }), INPUTS.unsuppress, {}, ['unack_active', 'unsuppressed suppressed>normal', 'raised normal>unack_active']],
  ['out of service with the condition active lands in unack_active on return', recordIn('out_of_service', { active: true }), INPUTS.return_to_service, {}, ['unack_active', 'returned_to_service out_of_service>normal', 'raised normal>unack_active']],
  ['a shelve expiring in the past is refused', recordIn('unack_active'), { ...INPUTS.shelve, untilMs: NOW } as AlarmInput, {}, { refused: 'shelve_expiry_not_future' }],
  ['a shelve longer than the policy is refused', recordIn('unack_active'), { ...INPUTS.shelve, untilMs: NOW + OPERATOR_MAX_SHELVE_MS + 1 } as AlarmInput, {}, { refused: 'shelve_too_long' }],
  ['a longer policy allows a longer shelve', recordIn('unack_active'), { ...INPUTS.shelve, untilMs: NOW + 48 * HOUR } as AlarmInput, { maxShelveMs: 72 * HOUR }, ['shelved', 'shelved unack_active>shelved']],
  ['a shelve without a reason is refused', recordIn('unack_active'), { ...INPUTS.shelve, reason: '  ' } as AlarmInput, {}, { refused: 'reason_required' }],
  ['an empty comment is refused', recordIn('unack_active'), { ...INPUTS.comment, note: '' } as AlarmInput, {}, { refused: 'note_required' }],
  ['the same severity changes nothing', recordIn('unack_active'), { ...INPUTS.change_severity, severity: 'critical' } as AlarmInput, {}, ['unack_active']],
];

/** Events the platform causes itself, whoever acted. */
const SYSTEM_EVENTS = new Set(['raised', 'returned', 'shelve_expired', 'suppressed', 'unsuppressed']);

function summarise(outcome: ReturnType<typeof transitionAlarm<AlarmRecord>>): Outcome {
  if (!outcome.ok) return { refused: outcome.reason };
  return [outcome.record.state, ...outcome.events.map((e) => `${e.type} ${e.stateBefore}>${e.stateAfter}`)];
}

describe('alarm state machine (ISA-18.2)', () => {
  const pairs = ALARM_STATES.flatMap((state) => (Object.keys(INPUTS) as AlarmInputType[]).map((input) => [state, input] as const));

  it('PLAT-8 the table covers every state and input', () => {
    expect(pairs).toHaveLength(7 * 13);
    for (const [state, input] of pairs) expect(TABLE[state][input], `${state} × ${input}`).toBeDefined();
  });

  it.each(pairs)('PLAT-8 %s × %s', (state, input) => {
    const before = recordIn(state);
    const outcome = transitionAlarm(before, INPUTS[input], NOW);
    expect(summarise(outcome)).toEqual(TABLE[state][input]);
    expect(before).toEqual(recordIn(state)); // the input record is never modified
  });

  it.each(VARIANTS)('PLAT-8 %s', (_name, record, input, options, expected) => {
    expect(summarise(transitionAlarm(record, input, NOW, options))).toEqual(expected);
  });

  it.each([...pairs.map(([s, i]) => [recordIn(s), INPUTS[i], {}] as const), ...VARIANTS.map(([, r, i, o]) => [r, i, o] as const)])(
    'PLAT-8 events chain from the old state to the new one, with their actor, severity and note (%#)',
    (record, input, options) => {
      const outcome = transitionAlarm(record, input, NOW, options);
      if (!outcome.ok) return;
      const operator = 'actor' in input ? input.actor : undefined;
      const note = input.type === 'shelve' ? input.reason : 'note' in input ? input.note : undefined;
      let state = record.state;
      for (const event of outcome.events) {
        expect(event.stateBefore).toBe(state);
        expect(event.atMs).toBe(NOW);
        expect(event.alarmId).toBe(record.id);
        expect(event.severity).toBe(outcome.record.severity);
        if (SYSTEM_EVENTS.has(event.type)) expect(event.actor).toBe('system');
        else expect([event.actor, event.note]).toEqual([operator, note]);
        state = event.stateAfter;
      }
      expect(state).toBe(outcome.record.state);
      if (outcome.record !== record) expect(outcome.record.updatedAtMs).toBe(NOW);
    },
  );

  it('PLAT-8 raising records the occurrence and one exact raised event', () => {
    const outcome = transitionAlarm(recordIn('normal'), INPUTS.condition_active, NOW);
    expect(outcome).toEqual({
      ok: true,
      record: { id: 'gas-lel-high/B01-GV-LEL-01', state: 'unack_active', active: true, latched: false, severity: 'critical', value: 23, limit: 20, activeSinceMs: NOW, updatedAtMs: NOW },
      events: [{ alarmId: 'gas-lel-high/B01-GV-LEL-01', type: 'raised', atMs: NOW, actor: 'system', stateBefore: 'normal', stateAfter: 'unack_active', severity: 'critical', value: 23, details: { limit: 20 } }],
    });
  });

  it('PLAT-8 acknowledging records who and when, with the note', () => {
    const outcome = transitionAlarm(recordIn('unack_active'), INPUTS.acknowledge, NOW);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.record).toMatchObject({ state: 'ack_active', acknowledgedAtMs: NOW, acknowledgedBy: 'operator.wang' });
    expect(outcome.events).toEqual([
      { alarmId: 'gas-lel-high/B01-GV-LEL-01', type: 'acknowledged', atMs: NOW, actor: 'operator.wang', stateBefore: 'unack_active', stateAfter: 'ack_active', severity: 'critical', note: '已派人到场 crew dispatched' },
    ]);
  });

  it('PLAT-8 shelving records the expiry and reason; expiry returns to the state the condition implies', () => {
    const shelved = transitionAlarm(recordIn('ack_active'), INPUTS.shelve, NOW);
    if (!shelved.ok) throw new Error(shelved.reason);
    expect(shelved.record).toMatchObject({ state: 'shelved', active: true, shelvedUntilMs: NOW + 2 * HOUR, shelvedBy: 'operator.wang', shelveReason: '检修 maintenance', acknowledgedBy: undefined });
    expect(shelved.events).toEqual([
      { alarmId: shelved.record.id, type: 'shelved', atMs: NOW, actor: 'operator.wang', stateBefore: 'ack_active', stateAfter: 'shelved', severity: 'critical', note: '检修 maintenance', shelvedUntilMs: NOW + 2 * HOUR },
    ]);
    const early = transitionAlarm(shelved.record, { type: 'tick' }, NOW + 2 * HOUR - 1);
    expect(early.ok && early.record).toBe(shelved.record);
    const expired = transitionAlarm(shelved.record, { type: 'tick' }, NOW + 2 * HOUR);
    if (!expired.ok) throw new Error(expired.reason);
    expect(expired.record).toMatchObject({ state: 'unack_active', active: true, shelvedUntilMs: undefined, shelvedBy: undefined, shelveReason: undefined });
    expect(expired.events.map((e) => [e.type, e.actor, e.value])).toEqual([
      ['shelve_expired', 'system', undefined],
      ['raised', 'system', 25],
    ]);
    expect(expired.events[0]?.shelvedUntilMs).toBe(NOW + 2 * HOUR);
  });

  it('PLAT-8 hiding a latched alarm releases the latch; it returns to normal when the condition is clear', () => {
    const latched = recordIn('ack_active', { active: false, latched: true });
    const out = transitionAlarm(latched, INPUTS.remove_from_service, NOW, { latching: true });
    if (!out.ok) throw new Error(out.reason);
    expect(out.record).toMatchObject({ state: 'out_of_service', latched: false, acknowledgedAtMs: undefined });
    const back = transitionAlarm(out.record, INPUTS.return_to_service, NOW + 1, { latching: true });
    expect(back.ok && back.record.state).toBe('normal');
  });

  it('PLAT-8 suppression and severity changes carry their details', () => {
    const suppressed = transitionAlarm(recordIn('normal'), INPUTS.suppress, NOW);
    expect(suppressed.ok && suppressed.events[0]).toMatchObject({ type: 'suppressed', actor: 'system', details: { device: 'B01/GAS-ESV', state: 'closed' } });
    const severity = transitionAlarm(recordIn('unack_active'), INPUTS.change_severity, NOW);
    expect(severity.ok && severity.record.severity).toBe('high');
    expect(severity.ok && severity.events[0]).toMatchObject({ type: 'severity_changed', actor: 'admin.zhao', severity: 'high', details: { previousSeverity: 'critical' } });
  });

  it('PLAT-8 inputs that change nothing return the same record and no events', () => {
    const record = recordIn('unack_active');
    for (const input of [INPUTS.condition_active, INPUTS.tick]) {
      const outcome = transitionAlarm(record, input, NOW);
      expect(outcome.ok && outcome.record).toBe(record);
      expect(outcome.ok && outcome.events).toHaveLength(0);
    }
  });

  it('PLAT-8 keeps the fields of a richer record', () => {
    const record = { ...recordIn('normal'), message: '1栋燃气紧急切断阀可燃气体探测器', layer: 'gas' };
    const outcome = transitionAlarm(record, INPUTS.condition_active, NOW);
    expect(outcome.ok && outcome.record).toMatchObject({ message: '1栋燃气紧急切断阀可燃气体探测器', layer: 'gas', state: 'unack_active' });
  });

  it('PLAT-8 names the hidden states', () => {
    expect(ALARM_STATES.filter(isHiddenAlarmState)).toEqual(['shelved', 'suppressed', 'out_of_service']);
  });
});
