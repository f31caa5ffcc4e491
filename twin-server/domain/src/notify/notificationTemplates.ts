/**
 * The texts of alarm notifications: a title, a body and a one-segment SMS, in Chinese (default)
 * or English. Times are shown in the community's time zone, formatted from the epoch ms given.
 * REQ PROP-2 e (in Chinese), PROP-2 h (notify the responsible person by SMS, phone, WeChat).
 */
import { SENSOR_KINDS, type AlarmDto, type AlarmSeverity } from '@twin/protocol';

/** The languages notifications are written in. */
export const NOTIFICATION_LANGUAGES = ['zh', 'en'] as const;

/** A notification language, e.g. `'zh'`. */
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/** Why a notification goes out: the alarm was raised, its escalation reached a later step, or it returned to normal. */
export type NotificationReason = 'raised' | 'escalated' | 'returned';

/** The texts of one notification. */
export interface NotificationText {
  /** A one-line title: e-mail subject, robot message title. */
  title: string;
  /** The full message. */
  body: string;
  /** The message cut to one SMS segment (70 characters, or 160 in the GSM 7-bit alphabet); also read out by voice calls. */
  sms: string;
}

/** Options of {@link renderNotification}. */
export interface TemplateOptions {
  /** `zh` when absent. */
  language?: NotificationLanguage;
  /** IANA time zone the times are shown in; `Asia/Shanghai` when absent. */
  timeZone?: string;
}

/** The community's time zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

interface Wording {
  tag: Record<AlarmSeverity, string>;
  returnedTag: string;
  /** Between a tag and the text that follows it. */
  afterTag: string;
  action: Record<AlarmSeverity, string>;
  title: (kindLabel: string | undefined, escalated: boolean) => string;
  unacknowledgedFor: (minutes: number) => string;
  returnedAt: (time: string) => string;
  pleaseAcknowledge: string;
  place: (area: string | undefined, building: string | undefined) => string;
  /** What marks a cut text (a GSM character in English, so that an English SMS keeps 160 characters). */
  ellipsis: string;
}

const WORDING: Record<NotificationLanguage, Wording> = {
  zh: {
    tag: { critical: '【紧急】', high: '【高】', medium: '【中】', low: '【低】' },
    returnedTag: '【已恢复】',
    afterTag: '',
    action: { critical: '请立即处理', high: '请尽快处理', medium: '请及时处理', low: '请关注' },
    title: (kind, escalated) => `${kind ?? ''}告警${escalated ? '升级' : ''}`,
    unacknowledgedFor: (minutes) => `已 ${minutes} 分钟未确认，`,
    returnedAt: (time) => `${time} 恢复正常`,
    pleaseAcknowledge: '请确认',
    place: (area, building) => joinNonEmpty([area === undefined ? undefined : `区域 ${area}`, building], ' '),
    ellipsis: '…',
  },
  en: {
    tag: { critical: '[CRITICAL]', high: '[HIGH]', medium: '[MEDIUM]', low: '[LOW]' },
    returnedTag: '[RETURNED]',
    afterTag: ' ',
    action: { critical: 'act immediately', high: 'act promptly', medium: 'act in good time', low: 'for your attention' },
    title: (kind, escalated) => `${kind === undefined ? 'Alarm' : `${kind} alarm`}${escalated ? ' escalated' : ''}`,
    unacknowledgedFor: (minutes) => `unacknowledged for ${minutes} min, `,
    returnedAt: (time) => `returned to normal at ${time}`,
    pleaseAcknowledge: 'please acknowledge',
    place: (area, building) => joinNonEmpty([area === undefined ? undefined : `area ${area}`, building === undefined ? undefined : `building ${building}`], ', '),
    ellipsis: '...',
  },
};

/**
 * The texts for an alarm notification. A raised or escalated alarm shows the time it was raised
 * (`activeSinceMs`, else `atMs`); an escalation also says how long it has gone unacknowledged at
 * `atMs`; a return shows `atMs` and asks for acknowledgement while the alarm is `rtn_unack`.
 *
 * @example
 * renderNotification(gasAlarm, { reason: 'raised', atMs }).body
 * // → '【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 区域 zone-a 1栋 — 请立即处理'
 */
export function renderNotification(alarm: AlarmDto, event: { reason: NotificationReason; atMs: number }, options: TemplateOptions = {}): NotificationText {
  const language = options.language ?? 'zh';
  const w = WORDING[language];
  const clock = (ms: number) => formatClock(ms, options.timeZone ?? DEFAULT_TIME_ZONE);
  const kind = alarm.kind === undefined ? undefined : language === 'zh' ? SENSOR_KINDS[alarm.kind].label : SENSOR_KINDS[alarm.kind].labelEn;
  const place = w.place(alarm.area, alarm.building);
  const raisedAtMs = alarm.activeSinceMs ?? event.atMs;
  const returned = event.reason === 'returned';
  const escalated = event.reason === 'escalated';
  const minutes = Math.max(0, Math.floor((event.atMs - raisedAtMs) / 60_000));
  const parts: SmsParts = {
    head: (returned ? w.returnedTag : w.tag[alarm.severity]) + w.afterTag,
    message: language === 'zh' ? alarm.message : alarm.messageEn,
    when: returned ? w.returnedAt(clock(event.atMs)) : clock(raisedAtMs),
    place,
    action: returned
      ? alarm.state === 'rtn_unack' ? w.pleaseAcknowledge : ''
      : `${escalated ? w.unacknowledgedFor(minutes) : ''}${w.action[alarm.severity]}`,
  };
  return {
    title: joinNonEmpty([parts.head + w.title(kind, escalated), place], ' · '),
    body: joinNonEmpty([parts.head + parts.message, parts.when, parts.place, parts.action], ' — '),
    sms: fitSms(parts, w.ellipsis),
  };
}

function joinNonEmpty(parts: (string | undefined)[], separator: string): string {
  return parts.filter((p) => p !== undefined && p !== '').join(separator);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** `HH:mm:ss` of an epoch-ms time in a time zone (24-hour clock). */
export function formatClock(ms: number, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}:${parts.second}`;
}

// The GSM 03.38 default alphabet (one septet each) and its extension table (two septets each).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/**
 * Whether a text fits one SMS segment: 160 septets when every character is in the GSM 7-bit
 * alphabet, otherwise 70 UTF-16 units (UCS-2, the case of any Chinese text).
 */
export function fitsOneSms(text: string): boolean {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENDED.has(char)) septets += 2;
    else return text.length <= 70;
  }
  return septets <= 160;
}

/** A cut message keeps at least this many characters (fewer only when the rest cannot fit). */
const MIN_MESSAGE_CHARS = 12;

interface SmsParts {
  head: string;
  message: string;
  when: string;
  place: string;
  action: string;
}

// Joins the parts with spaces. When that is too long the place goes (the message names the
// building), then the message is cut at a space, then anywhere (not below MIN_MESSAGE_CHARS);
// the last resort cuts the whole text.
function fitSms(parts: SmsParts, ellipsis: string): string {
  const full = joinNonEmpty([parts.head + parts.message, parts.when, parts.place, parts.action], ' ');
  if (fitsOneSms(full)) return full;
  const tail = joinNonEmpty([parts.when, parts.action], ' ');
  const chars = Array.from(parts.message);
  const cutLengths = [...chars.keys()].reverse().filter((n) => n >= MIN_MESSAGE_CHARS);
  const messages = [
    parts.message,
    ...cutLengths.filter((n) => chars[n] === ' ').map((n) => chars.slice(0, n).join('') + ellipsis),
    ...cutLengths.map((n) => chars.slice(0, n).join('').trimEnd() + ellipsis),
  ];
  const sms = messages.map((text) => joinNonEmpty([parts.head + text, tail], ' ')).find(fitsOneSms);
  if (sms !== undefined) return sms;
  const whole = Array.from(joinNonEmpty([parts.head + parts.message, tail], ' '));
  while (whole.length > 0 && !fitsOneSms(whole.join('') + ellipsis)) whole.pop();
  return whole.join('') + ellipsis;
}
