/**
 * Alarm management after ANSI/ISA-18.2-2016: the alarm states, severities, the events of an
 * alarm's life and the performance figures of the alarm system.
 * REQ PLAT-8 (alarm management), PLAT-3 (colour, icons, sound), PLAT-6 (commands to subsystems),
 * MUN-5 (gas alarm at or below 20 % LEL, emergency shut-off), PROP-2 g (early warning), PROP-2 h
 * (notify the responsible person).
 */
import type { DeviceState } from './deviceCommands.ts';
import type { SensorKind } from './sensorKinds.ts';

/**
 * The states of an alarm (ISA-18.2 §5.6, figure 4):
 * - `normal`: condition clear, nothing to acknowledge;
 * - `unack_active`: condition active, not acknowledged;
 * - `ack_active`: condition active, acknowledged;
 * - `rtn_unack`: condition returned to normal before it was acknowledged;
 * - `shelved`: temporarily hidden by an operator until an expiry;
 * - `suppressed`: hidden by design while a condition of the plant holds (e.g. its valve is closed);
 * - `out_of_service`: taken out of service for maintenance.
 */
export const ALARM_STATES = ['normal', 'unack_active', 'ack_active', 'rtn_unack', 'shelved', 'suppressed', 'out_of_service'] as const;

/** An alarm state, e.g. `'unack_active'`. */
export type AlarmState = (typeof ALARM_STATES)[number];

/** Four severities, most urgent first; `low` is also the level of advisory early warnings. */
export const ALARM_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** A severity, e.g. `'critical'`. */
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/** Rank of a severity (critical 0 … low 3), for sorting. */
export function severityRank(severity: AlarmSeverity): number {
  return ALARM_SEVERITIES.indexOf(severity);
}

/** What makes an alarm active. */
export const ALARM_CONDITIONS = [
  'high_high',
  'high',
  'low',
  'low_low',
  'rate_of_change',
  'stale',
  'fault',
  /** A linkage command to a device was not confirmed in time. */
  'command_unconfirmed',
  /** Early warning: the value is trending toward a limit. */
  'trend',
  /** Early warning: the value deviates from its usual daily profile. */
  'profile_deviation',
] as const;

/** An alarm condition, e.g. `'high'`. */
export type AlarmCondition = (typeof ALARM_CONDITIONS)[number];

/** Everything that happens to an alarm, each persisted with its time and actor. */
export const ALARM_EVENT_TYPES = [
  'raised',
  'returned',
  'acknowledged',
  'shelved',
  'unshelved',
  'shelve_expired',
  'suppressed',
  'unsuppressed',
  'removed_from_service',
  'returned_to_service',
  'latch_reset',
  'commented',
  'severity_changed',
  'command_sent',
  'command_confirmed',
  'command_failed',
  'notified',
  'escalated',
] as const;

/** An alarm event type, e.g. `'acknowledged'`. */
export type AlarmEventType = (typeof ALARM_EVENT_TYPES)[number];

/** The actor of events the platform causes by itself. */
export const SYSTEM_ACTOR = 'system';

/** An alarm as clients see it: one per rule and source. */
export interface AlarmDto {
  /** `<ruleId>/<sourceId>`. */
  id: string;
  ruleId: string;
  /** The sensor or device the alarm is about. */
  sourceId: string;
  condition: AlarmCondition;
  severity: AlarmSeverity;
  state: AlarmState;
  /** Whether the condition holds now, whatever the state shows (a shelved alarm can be active). */
  active: boolean;
  /** A latching alarm stays active after its condition clears until an operator resets it. */
  latched: boolean;
  /** Where it is: the zone, building and layer of the source (for filters and scopes). */
  area?: string;
  building?: string;
  layer: string;
  kind?: SensorKind;
  /** The value that raised it, the limit it crossed and their unit. */
  value?: number;
  limit?: number;
  unit?: string;
  /** What happened, in Chinese and in English. */
  message: string;
  messageEn: string;
  /** When the condition last became active. */
  activeSinceMs?: number;
  acknowledgedAtMs?: number;
  acknowledgedBy?: string;
  shelvedUntilMs?: number;
  shelvedBy?: string;
  shelveReason?: string;
  /** For `command_unconfirmed` alarms: the state the device was commanded to and has not reported. */
  expectedState?: DeviceState;
  /** The last event of this alarm. */
  lastEventId: number;
  updatedAtMs: number;
}

/** One event of an alarm's life. Event ids grow by one across the server. */
export interface AlarmEventDto {
  eventId: number;
  alarmId: string;
  type: AlarmEventType;
  atMs: number;
  /** A user name, or `system`. */
  actor: string;
  stateBefore: AlarmState;
  stateAfter: AlarmState;
  severity: AlarmSeverity;
  value?: number;
  note?: string;
  shelvedUntilMs?: number;
  /** Command id, device and command; notification channel, recipient and escalation step. */
  details?: Record<string, string | number | boolean>;
}

/** An alarm event as pushed to clients: the event and the alarm as it is after it. */
export interface AlarmUpdate {
  event: AlarmEventDto;
  alarm: AlarmDto;
}

/**
 * The alarm system's performance after ISA-18.2 §16 / EEMUA 191, from the alarm log over a window.
 * An "alarm" here is an annunciation: a `raised` event.
 */
export interface AlarmKpiDto {
  fromMs: number;
  toMs: number;
  /** Operators the load is shared by (configured per organisation; at least 1). */
  operators: number;
  /** Annunciations in the window. */
  alarms: number;
  /** Average annunciations per operator per hour. */
  perOperatorPerHour: number;
  /** Average annunciations per operator per 10 minutes. */
  perOperatorPer10Min: number;
  /** Most annunciations in one 10-minute period. */
  peakPer10Min: number;
  /** Share (0..1) of 10-minute periods with more than 10 annunciations (alarm flood). */
  floodShare: number;
  /** Counts per 10-minute period aligned to the epoch, oldest first. */
  per10Min: { startMs: number; count: number }[];
  /** The ten most frequent alarms, most frequent first (ties by id). */
  topFrequent: { alarmId: string; count: number }[];
  /** Alarms raised 3 or more times within any 60 s, with their most raises in 60 s. */
  chattering: { alarmId: string; maxPerMinute: number }[];
  /** Alarms active for more than 24 h at the end of the window. */
  stale: { alarmId: string; activeSinceMs: number }[];
  /** Alarms shelved at the end of the window, and shelve actions within it. */
  shelvedNow: number;
  shelveActions: number;
}
