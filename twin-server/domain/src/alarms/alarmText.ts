/**
 * What an alarm says, in Chinese (the default language of the console, REQ PROP-2 e) and in
 * English, e.g. `1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL`.
 */
import { SENSOR_KINDS, type DeviceCommand, type SensorDefinition } from '@twin/protocol';
import type { Advisory } from './advisoryAlarm.ts';
import type { DetectorConfig } from './conditionDetectors/createConditionDetector.ts';
import type { ProfileDeviationAdvisory, TrendAdvisory } from './earlyWarning.ts';

/** An alarm's message in both languages. */
export interface AlarmText {
  message: string;
  messageEn: string;
}

/** Display forms of the registry's SenML unit symbols; units of coded values are not shown. */
const UNIT_DISPLAY: Readonly<Record<string, string>> = { Cel: '°C', dBA: 'dB(A)', 'ug/m3': 'μg/m³', 'mg/m3': 'mg/m³', 'm3/h': 'm³/h', event: '', status: '' };

const LIMIT_WORDS = {
  high: ['超过上限', 'above the high limit'],
  high_high: ['超过上上限', 'above the high-high limit'],
  low: ['低于下限', 'below the low limit'],
  low_low: ['低于下下限', 'below the low-low limit'],
} as const;

/** What a trend does to its limit: in Chinese, in English, and in English when it is imminent. */
const TREND_WORDS = {
  high: ['达到上限', 'reaches the high limit', 'is about to reach the high limit'],
  low: ['降至下限', 'falls to the low limit', 'is about to fall to the low limit'],
} as const;

const DEVIATION_WORDS = {
  high: ['偏高', 'above'],
  low: ['偏低', 'below'],
} as const;

const COMMAND_WORDS: Readonly<Record<DeviceCommand, string>> = { close: '关闭', open: '打开', on: '开启', off: '停止' };

/** How a unit symbol is shown, e.g. `Cel` → `°C`. */
export function displayUnit(unit: string): string {
  return UNIT_DISPLAY[unit] ?? unit;
}

/**
 * The message of a sensor's alarm. `value` and `limit` are those of the activation (a rate per
 * minute for rate of change); without a value the message describes the condition alone.
 */
export function sensorAlarmText(sensor: SensorDefinition, condition: DetectorConfig, value: number | undefined, limit: number | undefined): AlarmText {
  const kind = SENSOR_KINDS[sensor.kind];
  const unit = displayUnit(sensor.unit);
  const zh = `${sensor.name} ${kind.label}`;
  const en = `${sensor.nameEn ?? sensor.name}: ${kind.labelEn}`;
  switch (condition.type) {
    case 'high':
    case 'high_high':
    case 'low':
    case 'low_low': {
      const [wordZh, wordEn] = LIMIT_WORDS[condition.type];
      const bound = limit ?? condition.limit.day;
      const shown = value === undefined ? '' : ` ${measure(formatValue(value, bound), unit)}`;
      return { message: `${zh}${shown} ${wordZh} ${measure(String(bound), unit)}`, messageEn: `${en}${shown} ${wordEn} ${measure(String(bound), unit)}` };
    }
    case 'rate_of_change': {
      const max = String(condition.maxPerMinute);
      if (value === undefined) return { message: `${zh} 变化速率超过 ${measure(max, unit)}/分钟`, messageEn: `${en} changing faster than ${measure(max, unit)}/min` };
      const rate = formatValue(value, condition.maxPerMinute);
      return { message: `${zh} 变化速率 ${measure(rate, unit)}/分钟 超过 ${measure(max, unit)}/分钟`, messageEn: `${en} changing at ${measure(rate, unit)}/min, faster than ${measure(max, unit)}/min` };
    }
    case 'stale': {
      const [durationZh, durationEn] = formatDuration(condition.afterMs);
      return { message: `${sensor.name} 超过 ${durationZh}无数据`, messageEn: `${sensor.nameEn ?? sensor.name}: no data for more than ${durationEn}` };
    }
    case 'fault':
      return faultText(sensor, condition, value, limit, unit);
  }
}

/** The message of a `command_unconfirmed` alarm. */
export function commandUnconfirmedText(device: string, command: DeviceCommand, confirmWithinMs: number): AlarmText {
  const [durationZh, durationEn] = formatDuration(confirmWithinMs);
  return { message: `设备 ${device} 未在 ${durationZh}内确认${COMMAND_WORDS[command]}指令`, messageEn: `Device ${device} did not confirm the command "${command}" within ${durationEn}` };
}

/**
 * The message of an advisory alarm (REQ PROP-2 g): when the trend reaches its limit, e.g.
 * `… 可燃气体浓度 按当前趋势约 2.5 小时后达到上限 20 %LEL`, or how far and how long the value has
 * strayed from its usual daily course, e.g. `… 偏离日常规律 (z = 4.1)，连续 3 小时偏高`.
 */
export function advisoryText(sensor: SensorDefinition, advisory: Advisory): AlarmText {
  const kind = SENSOR_KINDS[sensor.kind];
  const zh = `${sensor.name} ${kind.label}`;
  const en = `${sensor.nameEn ?? sensor.name}: ${kind.labelEn}`;
  return advisory.condition === 'trend' ? trendText(zh, en, advisory, displayUnit(sensor.unit)) : deviationText(zh, en, advisory);
}

function trendText(zh: string, en: string, advisory: TrendAdvisory, unit: string): AlarmText {
  const [wordZh, wordEn, soonEn] = TREND_WORDS[advisory.direction];
  const limit = measure(String(advisory.limit), unit);
  const minutes = Math.round(advisory.timeToLimitMs / 60_000);
  if (minutes < 1) return { message: `${zh} 按当前趋势即将${wordZh} ${limit}`, messageEn: `${en} ${soonEn} ${limit}` };
  const [inZh, inEn] = minutes < 60 ? [`${minutes} 分钟`, `${minutes} min`] : [`${(minutes / 60).toFixed(1)} 小时`, `${(minutes / 60).toFixed(1)} h`];
  return { message: `${zh} 按当前趋势约 ${inZh}后${wordZh} ${limit}`, messageEn: `${en} on its current trend ${wordEn} ${limit} in about ${inEn}` };
}

function deviationText(zh: string, en: string, advisory: ProfileDeviationAdvisory): AlarmText {
  const [wordZh, wordEn] = DEVIATION_WORDS[advisory.direction];
  const z = `z = ${(advisory.direction === 'high' ? advisory.maxAbsZ : -advisory.maxAbsZ).toFixed(1)}`;
  const hours = advisory.points.length;
  return {
    message: `${zh} 偏离日常规律 (${z})，连续 ${hours} 小时${wordZh}`,
    messageEn: `${en} deviates from its usual daily profile (${z}), ${wordEn} usual for ${hours} h`,
  };
}

function faultText(sensor: SensorDefinition, condition: Extract<DetectorConfig, { type: 'fault' }>, value: number | undefined, limit: number | undefined, unit: string): AlarmText {
  const name = sensor.name;
  const nameEn = sensor.nameEn ?? sensor.name;
  const { range, flatlineMs } = condition;
  if (value !== undefined && limit !== undefined && range !== undefined) {
    const reading = measure(formatValue(value), unit);
    const span = measure(`${range.min}–${range.max}`, unit);
    return { message: `${name} 读数 ${reading} 超出量程 ${span}`, messageEn: `${nameEn}: reading ${reading} outside the instrument range ${span}` };
  }
  if (value !== undefined && flatlineMs !== undefined) {
    const reading = measure(formatValue(value), unit);
    const [durationZh, durationEn] = formatDuration(flatlineMs);
    return { message: `${name} 读数 ${reading} 持续 ${durationZh}不变`, messageEn: `${nameEn}: reading stuck at ${reading} for ${durationEn}` };
  }
  return { message: `${name} 传感器故障`, messageEn: `${nameEn}: sensor fault` };
}

function measure(value: string, unit: string): string {
  return unit === '' ? value : `${value} ${unit}`;
}

/** A value with one decimal more than its limit shows, and at least one: 23.0 against 20, 0.085 against 0.08. */
function formatValue(value: number, limit?: number): string {
  const limitDecimals = limit === undefined ? 0 : (String(limit).split('.')[1]?.length ?? 0);
  return value.toFixed(Math.min(4, Math.max(1, limitDecimals + 1)));
}

/** A duration in its largest whole unit that keeps it readable, in both languages. */
function formatDuration(ms: number): [string, string] {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return [`${seconds} 秒`, `${seconds} s`];
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return [`${minutes} 分钟`, `${minutes} min`];
  const hours = Math.round(minutes / 60);
  return [`${hours} 小时`, `${hours} h`];
}
