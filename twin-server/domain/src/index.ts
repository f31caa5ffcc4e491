// Pure domain logic: no I/O, no clock, no randomness; time is an argument.
export * from './notify/index.ts';
export * from './alarms/alarmKpis.ts';
export * from './alarms/kpiInputError.ts';
export * from './alarms/earlyWarning.ts';
// Alarm engine after ISA-18.2: state machine, condition detectors, rules file, default rules, engine.
export * from './alarms/alarmStateMachine.ts';
export * from './alarms/conditionDetectors/conditionDetector.ts';
export * from './alarms/conditionDetectors/isNightAt.ts';
export * from './alarms/conditionDetectors/limitDetector.ts';
export * from './alarms/conditionDetectors/rateOfChangeDetector.ts';
export * from './alarms/conditionDetectors/staleDetector.ts';
export * from './alarms/conditionDetectors/faultDetector.ts';
export * from './alarms/conditionDetectors/createConditionDetector.ts';
export * from './alarms/alarmRule.ts';
export * from './alarms/bindAlarmRule.ts';
export * from './alarms/alarmText.ts';
export * from './alarms/defaultAlarmRules.ts';
export { NO_ALARM_EFFECTS, type AlarmEffects, type LinkageCommand } from './alarms/alarmEffects.ts';
export * from './alarms/alarmEngine.ts';
// Early warnings as advisory alarms: the limits they look ahead to, the checks, the alarm records.
export * from './alarms/advisoryAlarm.ts';
export * from './alarms/advisoryLimits.ts';
export * from './alarms/advisoryChecks.ts';
