import {
  ALARM_CONDITIONS,
  ALARM_EVENT_TYPES,
  ALARM_SEVERITIES,
  ALARM_STATES,
  isSensorKind,
  type AlarmDto,
  type AlarmEventDto,
  type AlarmKpiDto,
  type AlarmSubscription,
  type AlarmUpdate,
} from '@twin/protocol';
import type { Guard } from '../api/apiClient.ts';

// Checks of the alarm records the server sends over HTTP and the socket, before they reach the
// alarm book (the socket.io types describe the wire; they check nothing at run time).

type Check = (value: unknown) => boolean;
type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);

function hasFields(value: unknown, checks: Record<string, Check>): value is Fields {
  return isObject(value) && Object.entries(checks).every(([name, check]) => check(value[name]));
}

const isDetails: Check = (value) => isObject(value) && Object.values(value).every((field) => isString(field) || isNumber(field) || isBoolean(field));

/** An alarm as the server describes it. */
export const isAlarmDto: Guard<AlarmDto> = (value): value is AlarmDto =>
  hasFields(value, {
    id: isString,
    ruleId: isString,
    sourceId: isString,
    condition: oneOf(ALARM_CONDITIONS),
    severity: oneOf(ALARM_SEVERITIES),
    state: oneOf(ALARM_STATES),
    active: isBoolean,
    latched: isBoolean,
    area: optional(isString),
    building: optional(isString),
    layer: isString,
    kind: optional((kind) => isString(kind) && isSensorKind(kind as string)),
    value: optional(isNumber),
    limit: optional(isNumber),
    unit: optional(isString),
    message: isString,
    messageEn: isString,
    activeSinceMs: optional(isNumber),
    acknowledgedAtMs: optional(isNumber),
    acknowledgedBy: optional(isString),
    shelvedUntilMs: optional(isNumber),
    shelvedBy: optional(isString),
    shelveReason: optional(isString),
    lastEventId: isNumber,
    updatedAtMs: isNumber,
  });

/** One event of an alarm's life. */
export const isAlarmEventDto: Guard<AlarmEventDto> = (value): value is AlarmEventDto =>
  hasFields(value, {
    eventId: isNumber,
    alarmId: isString,
    type: oneOf(ALARM_EVENT_TYPES),
    atMs: isNumber,
    actor: isString,
    stateBefore: oneOf(ALARM_STATES),
    stateAfter: oneOf(ALARM_STATES),
    severity: oneOf(ALARM_SEVERITIES),
    value: optional(isNumber),
    note: optional(isString),
    shelvedUntilMs: optional(isNumber),
    details: optional(isDetails),
  });

/** A pushed `alarm:update`: an event and the alarm after it, about the same alarm. */
export const isAlarmUpdate: Guard<AlarmUpdate> = (value): value is AlarmUpdate =>
  hasFields(value, { event: isAlarmEventDto, alarm: isAlarmDto }) && (value.event as AlarmEventDto).alarmId === (value.alarm as AlarmDto).id;

/** The answer to `alarm:subscribe`. */
export const isAlarmSubscription: Guard<AlarmSubscription> = (value): value is AlarmSubscription =>
  hasFields(value, { alarms: arrayOf(isAlarmDto), missed: arrayOf(isAlarmEventDto), truncated: isBoolean, lastEventId: isNumber });

/** `GET /api/alarms`: the current alarms and the last event id they reflect. */
export const isAlarmList: Guard<{ alarms: AlarmDto[]; lastEventId: number }> = (value): value is { alarms: AlarmDto[]; lastEventId: number } =>
  hasFields(value, { alarms: arrayOf(isAlarmDto), lastEventId: isNumber });

/** `POST /api/alarms/acknowledge`: the alarms as they are after it. */
export const isAlarmsAnswer: Guard<{ alarms: AlarmDto[] }> = (value): value is { alarms: AlarmDto[] } => hasFields(value, { alarms: arrayOf(isAlarmDto) });

/** The other alarm commands: the alarm as it is after the command. */
export const isAlarmAnswer: Guard<{ alarm: AlarmDto }> = (value): value is { alarm: AlarmDto } => hasFields(value, { alarm: isAlarmDto });

/** `GET /api/alarms/events`: the history of one alarm, newest first. */
export const isAlarmEventList: Guard<{ events: AlarmEventDto[] }> = (value): value is { events: AlarmEventDto[] } =>
  hasFields(value, { events: arrayOf(isAlarmEventDto) });

/** `GET /api/alarms/kpis`: the alarm performance figures of a window. */
export const isAlarmKpiDto: Guard<AlarmKpiDto> = (value): value is AlarmKpiDto =>
  hasFields(value, {
    fromMs: isNumber,
    toMs: isNumber,
    operators: isNumber,
    alarms: isNumber,
    perOperatorPerHour: isNumber,
    perOperatorPer10Min: isNumber,
    peakPer10Min: isNumber,
    floodShare: isNumber,
    per10Min: arrayOf((bucket) => hasFields(bucket, { startMs: isNumber, count: isNumber })),
    topFrequent: arrayOf((entry) => hasFields(entry, { alarmId: isString, count: isNumber })),
    chattering: arrayOf((entry) => hasFields(entry, { alarmId: isString, maxPerMinute: isNumber })),
    stale: arrayOf((entry) => hasFields(entry, { alarmId: isString, activeSinceMs: isNumber })),
    shelvedNow: isNumber,
    shelveActions: isNumber,
  });
