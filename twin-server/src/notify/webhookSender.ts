import { createHmac } from 'node:crypto';
import type { AlarmDto } from '@twin/protocol';
import type { NotificationReason, NotificationRecipient, WebhookChannel } from '@twin/domain';
import type { OutgoingNotification, SendOptions } from './outgoingNotification.ts';
import { postJson } from './postJson.ts';

/** Header carrying the send time (epoch ms) of a signed webhook. */
export const WEBHOOK_TIMESTAMP_HEADER = 'x-twin-timestamp';

/** Header carrying `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the channel secret. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-twin-signature';

/** The JSON body a webhook receives. */
export interface WebhookPayload {
  reason: NotificationReason;
  /** The escalation step (0: the first). */
  step: number;
  title: string;
  text: string;
  alarm: AlarmDto;
  /** The people the message is for, with the addresses the settings hold for them. */
  recipients: Pick<NotificationRecipient, 'name' | 'role' | 'phone' | 'email'>[];
  sentAtMs: number;
}

/**
 * POSTs the notification as a {@link WebhookPayload} to a webhook, signed when the channel has a
 * secret (so the receiver can check origin and freshness). REQ PROP-2 h, PLAT-9 (interfaces to
 * other systems).
 * @throws NotificationError when the endpoint does not answer 2xx in time.
 */
export async function sendWebhook(channel: WebhookChannel, notification: OutgoingNotification, recipients: readonly NotificationRecipient[], options: SendOptions): Promise<void> {
  const payload: WebhookPayload = {
    reason: notification.reason,
    step: notification.stepIndex,
    title: notification.text.title,
    text: notification.text.body,
    alarm: notification.alarm,
    recipients: recipients.map(({ name, role, phone, email }) => ({ name, role, phone, email })),
    sentAtMs: options.nowMs,
  };
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { ...channel.headers };
  if (channel.secret !== undefined) {
    headers[WEBHOOK_TIMESTAMP_HEADER] = String(options.nowMs);
    headers[WEBHOOK_SIGNATURE_HEADER] = `sha256=${createHmac('sha256', channel.secret).update(`${options.nowMs}.${body}`).digest('hex')}`;
  }
  await postJson(channel, { url: channel.url, body, headers, timeoutMs: options.timeoutMs });
}
