import type { AlarmDto, AlarmEventDto, AlarmUpdate } from '@twin/protocol';

// Builders of alarm records for the tests beside this file: a valid record with the fields a test
// names changed.

/** An unacknowledged active high alarm of a gas sensor, with `changes` applied. */
export function testAlarm(changes: Partial<AlarmDto> = {}): AlarmDto {
  return {
    id: 'gas-high/gas-001',
    ruleId: 'gas-high',
    sourceId: 'gas-001',
    condition: 'high',
    severity: 'high',
    state: 'unack_active',
    active: true,
    latched: false,
    area: 'A',
    building: 'A1',
    layer: 'gas',
    kind: 'gas_lel',
    value: 12,
    limit: 10,
    unit: '%LEL',
    message: '可燃气体浓度高',
    messageEn: 'Combustible gas high',
    activeSinceMs: 1_000,
    lastEventId: 1,
    updatedAtMs: 1_000,
    ...changes,
  };
}

/** The event that led to `alarm` (its `lastEventId`), with `changes` applied. */
export function testEvent(alarm: AlarmDto, changes: Partial<AlarmEventDto> = {}): AlarmEventDto {
  return {
    eventId: alarm.lastEventId,
    alarmId: alarm.id,
    type: 'raised',
    atMs: alarm.updatedAtMs,
    actor: 'system',
    stateBefore: 'normal',
    stateAfter: alarm.state,
    severity: alarm.severity,
    ...changes,
  };
}

/** An `alarm:update` carrying `alarm` and the event that led to it. */
export function testUpdate(alarm: AlarmDto, event: Partial<AlarmEventDto> = {}): AlarmUpdate {
  return { event: testEvent(alarm, event), alarm };
}
