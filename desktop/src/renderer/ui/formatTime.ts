import type { Language } from '../i18n/language.ts';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(language: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withDate}`;
  let format = dateTimeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, {
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Date and time of an epoch-ms instant, numeric, 24-hour (`2026/11/24 08:30:05`). */
export function formatDateTime(timeMs: number, language: Language | string): string {
  return dateTimeFormat(language, true).format(timeMs);
}

/** Time of day of an epoch-ms instant, 24-hour (`08:30:05`). */
export function formatTimeOfDay(timeMs: number, language: Language | string): string {
  return dateTimeFormat(language, false).format(timeMs);
}

/**
 * Time of day when `timeMs` falls on the same local day as `nowMs`, else date and time: an alarm
 * raised yesterday at 08:30 must not read as this morning's.
 */
export function formatRecentTime(timeMs: number, nowMs: number, language: Language | string): string {
  const sameDay = new Date(timeMs).toDateString() === new Date(nowMs).toDateString();
  return sameDay ? formatTimeOfDay(timeMs, language) : formatDateTime(timeMs, language);
}

/** A duration as `m:ss`, or `h:mm:ss` from an hour on; negative durations show as zero. */
export function formatCountdown(durationS: number): string {
  const total = Math.max(0, Math.ceil(durationS));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
