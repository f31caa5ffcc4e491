import { gasAlarm, RAISED_AT_MS } from '@twin/domain/testing';
import { parseNotificationConfig, renderNotification, type NotificationChannel, type NotificationConfig, type NotificationRecipient } from '@twin/domain';
import type { OutgoingNotification } from '../outgoingNotification.ts';
import type { HttpReceiver } from './httpReceiver.ts';

export { gasAlarm, RAISED_AT_MS };

/** The secrets of {@link testSettings}, none of which may show in an error or a log line. */
export const SECRETS = ['wecom-key-7f3a', 'ding-token-91c2', 'SECding-secret-55e0', 'sms-token-c0de', 'webhook-secret-ab12', 'bms-api-key'] as const;

/**
 * Settings whose HTTP channels all point at `http` and whose e-mail goes to an SMTP server on
 * `smtpPort`: a critical chain of duty operator (SMS + WeCom) at once, supervisor (voice) after
 * 5 minutes, manager (voice + e-mail) after 15.
 */
export function testSettings(http: HttpReceiver, smtpPort: number): NotificationConfig {
  return parseNotificationConfig({
    channels: [
      { id: 'bms', type: 'webhook', url: http.url('/webhook'), headers: { 'x-api-key': 'bms-api-key' }, secret: 'webhook-secret-ab12' },
      { id: 'ops-wecom', type: 'wecom', webhookUrl: http.url('/wecom?key=wecom-key-7f3a') },
      { id: 'ops-wecom-text', type: 'wecom', webhookUrl: http.url('/wecom-text?key=wecom-key-7f3a'), format: 'text' },
      { id: 'ops-dingtalk', type: 'dingtalk', webhookUrl: http.url('/dingtalk?access_token=ding-token-91c2'), secret: 'SECding-secret-55e0' },
      {
        id: 'sms',
        type: 'sms',
        url: http.url('/sms'),
        headers: { authorization: 'Bearer sms-token-c0de' },
        templateId: 'ALARM_01',
        body: { mobile: '{{phone}}', template: '{{templateId}}', params: { content: '{{text}}', alarm: '{{alarmId}}' } },
      },
      { id: 'voice', type: 'voice', url: http.url('/voice') },
      { id: 'mail', type: 'email', host: '127.0.0.1', port: smtpPort, from: '智慧社区告警 <alarm@community.example>' },
    ],
    recipients: [
      { name: '张伟', role: 'duty_operator', phone: '13800000001', email: 'zhangwei@community.example' },
      { name: '李娜', role: 'supervisor', phone: '13800000002', email: 'lina@community.example' },
      { name: '王强', role: 'manager', phone: '13800000003', email: 'wangqiang@community.example' },
    ],
    escalation: {
      critical: {
        steps: [
          { afterMinutes: 0, recipients: [{ role: 'duty_operator' }], channels: ['sms', 'ops-wecom'] },
          { afterMinutes: 5, recipients: [{ role: 'supervisor' }], channels: ['voice'] },
          { afterMinutes: 15, recipients: [{ role: 'manager' }], channels: ['voice', 'mail'] },
        ],
      },
    },
  });
}

/** The raised-alarm notification of {@link gasAlarm} for step 0. */
export function raisedNotification(): OutgoingNotification {
  const alarm = gasAlarm();
  return { alarm, reason: 'raised', stepIndex: 0, text: renderNotification(alarm, { reason: 'raised', atMs: RAISED_AT_MS }) };
}

/** A channel of the settings by id, as its type. */
export function channelOf<T extends NotificationChannel['type']>(config: NotificationConfig, id: string, type: T): NotificationChannel & { type: T } {
  const channel = config.channels.find((c) => c.id === id);
  if (channel?.type !== type) throw new Error(`no ${type} channel ${id}`);
  return channel as NotificationChannel & { type: T };
}

/** A recipient of the settings by name. */
export function recipientOf(config: NotificationConfig, name: string): NotificationRecipient {
  const recipient = config.recipients.find((r) => r.name === name);
  if (recipient === undefined) throw new Error(`no recipient ${name}`);
  return recipient;
}
