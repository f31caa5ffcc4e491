/**
 * The places the alarm engine keeps alarms in: one per rule and sensor, one per device with an
 * unconfirmed command, one per sensor and advisory condition once an early warning was raised,
 * and one per restored record whose rule or sensor is gone. A sensor slot's record stays
 * `undefined` until something happens to the alarm.
 * @internal
 */
import { SENSOR_KINDS, type AlarmDto, type DeviceCommand, type DeviceState, type SensorDefinition } from '@twin/protocol';
import { ADVISORY_RULE_IDS, ADVISORY_SEVERITY, advisoryAlarmId, type Advisory, type AdvisoryCondition } from './advisoryAlarm.ts';
import { COMMAND_UNCONFIRMED_RULE_ID } from './alarmRule.ts';
import { advisoryText, commandUnconfirmedText, sensorAlarmText } from './alarmText.ts';
import type { AlarmBinding } from './bindAlarmRule.ts';
import type { ConditionDetector } from './conditionDetectors/conditionDetector.ts';

/** A rule applied to a sensor, with its detector. */
export interface SensorAlarmSlot {
  kind: 'sensor';
  alarmId: string;
  latching: boolean;
  record: AlarmDto | undefined;
  binding: AlarmBinding;
  detector: ConditionDetector;
}

/** The `command_unconfirmed` alarm of a device. */
export interface DeviceAlarmSlot {
  kind: 'device';
  alarmId: string;
  latching: false;
  record: AlarmDto;
  device: string;
}

/** The early warning of one condition for a sensor (REQ PROP-2 g). */
export interface AdvisoryAlarmSlot {
  kind: 'advisory';
  alarmId: string;
  latching: false;
  record: AlarmDto;
  sensor: SensorDefinition;
  condition: AdvisoryCondition;
  /** The advisory last given, which a raise describes; none yet for a restored record. */
  advisory: Advisory | undefined;
}

/** A persisted alarm no rule produces any more: operators can still acknowledge and reset it. */
export interface RestoredAlarmSlot {
  kind: 'restored';
  alarmId: string;
  latching: boolean;
  record: AlarmDto;
}

/** Any slot. */
export type AlarmSlot = SensorAlarmSlot | DeviceAlarmSlot | AdvisoryAlarmSlot | RestoredAlarmSlot;

/** The id of a device's `command_unconfirmed` alarm. */
export function commandUnconfirmedAlarmId(device: string): string {
  return `${COMMAND_UNCONFIRMED_RULE_ID}/${device}`;
}

/** A sensor alarm as it is before anything happened to it. */
export function newSensorAlarm(binding: AlarmBinding, nowMs: number): AlarmDto {
  const { sensor, rule, condition } = binding;
  const record: AlarmDto = {
    id: binding.alarmId,
    ruleId: rule.id,
    sourceId: sensor.id,
    condition: condition.type,
    severity: rule.severity,
    state: 'normal',
    active: false,
    latched: false,
    area: sensor.location.area,
    layer: SENSOR_KINDS[sensor.kind].layer,
    kind: sensor.kind,
    unit: condition.type === 'rate_of_change' ? `${sensor.unit}/min` : sensor.unit,
    ...sensorAlarmText(sensor, condition, undefined, undefined),
    lastEventId: 0,
    updatedAtMs: nowMs,
  };
  if (sensor.location.building !== undefined) record.building = sensor.location.building;
  return record;
}

/** What a device alarm needs to know about the command that failed. */
export interface FailedCommand {
  device: string;
  command: DeviceCommand;
  expectState: DeviceState;
  confirmWithinMs: number;
}

/** A device's `command_unconfirmed` alarm before it is raised, placed where the alarm that sent the command is. */
export function newCommandUnconfirmedAlarm(failed: FailedCommand, origin: AlarmDto, nowMs: number): AlarmDto {
  const record: AlarmDto = {
    id: commandUnconfirmedAlarmId(failed.device),
    ruleId: COMMAND_UNCONFIRMED_RULE_ID,
    sourceId: failed.device,
    condition: 'command_unconfirmed',
    severity: 'high',
    state: 'normal',
    active: false,
    latched: false,
    layer: origin.layer,
    ...commandUnconfirmedText(failed.device, failed.command, failed.confirmWithinMs),
    expectedState: failed.expectState,
    lastEventId: 0,
    updatedAtMs: nowMs,
  };
  if (origin.area !== undefined) record.area = origin.area;
  if (origin.building !== undefined) record.building = origin.building;
  return record;
}

/**
 * A sensor's advisory alarm before it is raised: severity low, placed and described like the
 * sensor's other alarms, with the message of the advisory that raises it.
 */
export function newAdvisoryAlarm(sensor: SensorDefinition, advisory: Advisory, nowMs: number): AlarmDto {
  const record: AlarmDto = {
    id: advisoryAlarmId(advisory.condition, sensor.id),
    ruleId: ADVISORY_RULE_IDS[advisory.condition],
    sourceId: sensor.id,
    condition: advisory.condition,
    severity: ADVISORY_SEVERITY,
    state: 'normal',
    active: false,
    latched: false,
    area: sensor.location.area,
    layer: SENSOR_KINDS[sensor.kind].layer,
    kind: sensor.kind,
    unit: sensor.unit,
    ...advisoryText(sensor, advisory),
    lastEventId: 0,
    updatedAtMs: nowMs,
  };
  if (sensor.location.building !== undefined) record.building = sensor.location.building;
  return record;
}

/** The value an advisory reports: the latest value of the trend, or of the deviation. */
export function advisoryValue(advisory: Advisory): number {
  return advisory.condition === 'trend' ? advisory.lastValue : advisory.points[advisory.points.length - 1]!.value;
}

/** The limit an advisory reports: the trend's; a deviation from the usual has none. */
export function advisoryLimit(advisory: Advisory): number | undefined {
  return advisory.condition === 'trend' ? advisory.limit : undefined;
}
