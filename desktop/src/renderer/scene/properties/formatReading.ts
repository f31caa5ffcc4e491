import { EVENT_CODES, type SensorKind } from '@twin/protocol';
import { formatValue } from './describeSelection.ts';

/** Event codes in words (doors, gates, parking, camera status), in Chinese and English. */
const CODE_WORDS: Record<string, [string, string]> = {
  closed: ['关闭', 'closed'],
  open: ['开启', 'open'],
  forced: ['强行开启', 'forced'],
  free: ['空闲', 'free'],
  occupied: ['占用', 'occupied'],
  offline: ['离线', 'offline'],
  online: ['在线', 'online'],
  degraded: ['降级', 'degraded'],
};

/** A reading as shown to operators: a measurement with its unit, an event code in words. */
export function formatReading(kind: SensorKind, unit: string, value: number, lang: string): string {
  const codes: Record<string, number> | undefined = Object.hasOwn(EVENT_CODES, kind) ? EVENT_CODES[kind as keyof typeof EVENT_CODES] : undefined;
  const word = codes === undefined ? undefined : Object.entries(codes).find(([, code]) => code === value)?.[0];
  if (word !== undefined) return CODE_WORDS[word]?.[lang.startsWith('en') ? 1 : 0] ?? word;
  return `${formatValue(value, lang)} ${unit}`;
}
