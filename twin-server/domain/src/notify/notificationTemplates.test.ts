import type { AlarmSeverity } from '@twin/protocol';
import { describe, expect, it } from 'vitest';
import { fitsOneSms, formatClock, renderNotification } from './notificationTemplates.ts';
import { gasAlarm, RAISED_AT_MS } from './testing/notifyFixtures.ts';

const FIVE_MIN_LATER = RAISED_AT_MS + 5 * 60_000 + 3_000;

describe('renderNotification (REQ PROP-2 e, PROP-2 h)', () => {
  it('writes a raised alarm in Chinese with the Shanghai time, the place and the action', () => {
    const text = renderNotification(gasAlarm(), { reason: 'raised', atMs: RAISED_AT_MS });
    expect(text.title).toBe('【紧急】可燃气体浓度告警 · 区域 zone-a 1栋');
    expect(text.body).toBe('【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 区域 zone-a 1栋 — 请立即处理');
    expect(text.sms).toBe('【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL 10:42:05 请立即处理');
  });

  it('says how long an escalated alarm has gone unacknowledged, with the time it was raised', () => {
    const text = renderNotification(gasAlarm(), { reason: 'escalated', atMs: FIVE_MIN_LATER });
    expect(text.title).toBe('【紧急】可燃气体浓度告警升级 · 区域 zone-a 1栋');
    expect(text.body).toBe('【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 区域 zone-a 1栋 — 已 5 分钟未确认，请立即处理');
    expect(text.sms).toBe('【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限… 10:42:05 已 5 分钟未确认，请立即处理');
  });

  it('tells the time of a return and asks for acknowledgement only while unacknowledged', () => {
    const unacknowledged = renderNotification(gasAlarm({ state: 'rtn_unack' }), { reason: 'returned', atMs: FIVE_MIN_LATER });
    expect(unacknowledged.title).toBe('【已恢复】可燃气体浓度告警 · 区域 zone-a 1栋');
    expect(unacknowledged.body).toBe('【已恢复】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:47:08 恢复正常 — 区域 zone-a 1栋 — 请确认');
    const acknowledged = renderNotification(gasAlarm({ state: 'normal' }), { reason: 'returned', atMs: FIVE_MIN_LATER });
    expect(acknowledged.body).toBe('【已恢复】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:47:08 恢复正常 — 区域 zone-a 1栋');
  });

  it('writes the English variant from the English message', () => {
    const text = renderNotification(gasAlarm(), { reason: 'escalated', atMs: FIVE_MIN_LATER }, { language: 'en' });
    expect(text.title).toBe('[CRITICAL] Combustible gas alarm escalated · area zone-a, building 1栋');
    expect(text.body).toBe(
      '[CRITICAL] Building 1 gas shut-off valve detector: combustible gas 23.0 %LEL above the limit of 20 %LEL — 10:42:05 — area zone-a, building 1栋 — unacknowledged for 5 min, act immediately',
    );
    const returned = renderNotification(gasAlarm({ state: 'rtn_unack' }), { reason: 'returned', atMs: FIVE_MIN_LATER }, { language: 'en' });
    expect(returned.title).toBe('[RETURNED] Combustible gas alarm · area zone-a, building 1栋');
    expect(returned.body).toContain('returned to normal at 10:47:08 — area zone-a, building 1栋 — please acknowledge');
  });

  it.each<[AlarmSeverity, string, string, string]>([
    ['critical', '【紧急】', '请立即处理', '[CRITICAL]'],
    ['high', '【高】', '请尽快处理', '[HIGH]'],
    ['medium', '【中】', '请及时处理', '[MEDIUM]'],
    ['low', '【低】', '请关注', '[LOW]'],
  ])('marks a %s alarm %s and asks to %s', (severity, tag, action, tagEn) => {
    const zh = renderNotification(gasAlarm({ severity }), { reason: 'raised', atMs: RAISED_AT_MS });
    expect(zh.title.startsWith(tag)).toBe(true);
    expect(zh.body.startsWith(tag)).toBe(true);
    expect(zh.body.endsWith(action)).toBe(true);
    expect(renderNotification(gasAlarm({ severity }), { reason: 'raised', atMs: RAISED_AT_MS }, { language: 'en' }).title.startsWith(tagEn)).toBe(true);
  });

  it('leaves out the place and the kind when the alarm has none', () => {
    const text = renderNotification(gasAlarm({ area: undefined, building: undefined, kind: undefined }), { reason: 'raised', atMs: RAISED_AT_MS });
    expect(text.title).toBe('【紧急】告警');
    expect(text.body).toBe('【紧急】1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL — 10:42:05 — 请立即处理');
    expect(renderNotification(gasAlarm({ kind: undefined }), { reason: 'raised', atMs: RAISED_AT_MS }, { language: 'en' }).title).toBe('[CRITICAL] Alarm · area zone-a, building 1栋');
  });

  it('shows the event time when the alarm has no activation time', () => {
    const text = renderNotification(gasAlarm({ activeSinceMs: undefined }), { reason: 'raised', atMs: FIVE_MIN_LATER });
    expect(text.body).toContain('— 10:47:08 —');
  });

  it('shows times in the time zone it is given', () => {
    const text = renderNotification(gasAlarm(), { reason: 'raised', atMs: RAISED_AT_MS }, { timeZone: 'UTC' });
    expect(text.body).toContain('— 02:42:05 —');
  });
});

describe('SMS text (REQ PROP-2 h)', () => {
  const long = '3栋地下车库东侧燃气调压箱出口管道可燃气体探测器 可燃气体浓度 45.5 %LEL 超过上上限 40 %LEL 且持续上升 已触发紧急切断阀联动关闭';

  it('keeps the tag, time and action and cuts a long Chinese message at a space with an ellipsis', () => {
    const sms = renderNotification(gasAlarm({ message: long }), { reason: 'raised', atMs: RAISED_AT_MS }).sms;
    expect(sms).toBe('【紧急】3栋地下车库东侧燃气调压箱出口管道可燃气体探测器 可燃气体浓度 45.5 %LEL 超过上上限 40… 10:42:05 请立即处理');
    expect(sms.length).toBeLessThanOrEqual(70);
  });

  it('cuts a Chinese message without spaces anywhere', () => {
    const sms = renderNotification(gasAlarm({ message: long.replaceAll(' ', '') }), { reason: 'raised', atMs: RAISED_AT_MS }).sms;
    expect(sms.length).toBe(70);
    expect(sms).toMatch(/^【紧急】3栋地下车库.*… 10:42:05 请立即处理$/);
  });

  it('cuts the whole text when even the shortest message cannot fit', () => {
    const sms = renderNotification(gasAlarm({ message: long, building: '一'.repeat(80) }), { reason: 'escalated', atMs: RAISED_AT_MS + 9_999 * 60_000 }, { timeZone: 'UTC' }).sms;
    expect(fitsOneSms(sms)).toBe(true);
    expect(sms.startsWith('【紧急】3栋地下车库')).toBe(true);
  });

  it('keeps an English SMS to the 160 characters of the GSM alphabet', () => {
    const sms = renderNotification(gasAlarm({ messageEn: `${'Building 3 basement gas regulator '.repeat(6)}combustible gas 45.5 %LEL`, building: 'B03' }), { reason: 'raised', atMs: RAISED_AT_MS }, { language: 'en' }).sms;
    expect(sms.length).toBeGreaterThan(70);
    expect(fitsOneSms(sms)).toBe(true);
    expect(sms).toMatch(/^\[CRITICAL\] Building 3 basement gas regulator .* Building 3\.\.\. 10:42:05 act immediately$/);
  });

  it.each([
    ['a 160-character GSM text', 'a'.repeat(160), true],
    ['a 161-character GSM text', 'a'.repeat(161), false],
    ['80 GSM extension characters (two septets each)', '€'.repeat(80), true],
    ['81 GSM extension characters', '€'.repeat(81), false],
    ['a 70-character Chinese text', '告'.repeat(70), true],
    ['a 71-character Chinese text', '告'.repeat(71), false],
    ['Latin text with one Chinese character over 70', 'a'.repeat(70) + '告', false],
  ])('knows whether %s fits one segment', (_name, text, fits) => {
    expect(fitsOneSms(text)).toBe(fits);
  });
});

describe('formatClock', () => {
  it('formats epoch ms as a 24-hour clock in the zone', () => {
    expect(formatClock(Date.UTC(2025, 0, 1, 16, 0, 0), 'Asia/Shanghai')).toBe('00:00:00');
    expect(formatClock(Date.UTC(2025, 0, 1, 15, 59, 59), 'Asia/Shanghai')).toBe('23:59:59');
    expect(formatClock(Date.UTC(2025, 0, 1, 15, 59, 59), 'UTC')).toBe('15:59:59');
  });
});
