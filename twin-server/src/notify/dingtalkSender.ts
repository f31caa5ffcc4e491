import { createHmac } from 'node:crypto';
import type { DingtalkChannel, NotificationRecipient } from '@twin/domain';
import type { OutgoingNotification, SendOptions } from './outgoingNotification.ts';
import { postJson } from './postJson.ts';
import { expectRobotSuccess } from './robotReply.ts';

/**
 * Posts the notification to a DingTalk (钉钉) group robot as markdown that @-mentions the
 * recipients by phone. With a secret, the request carries the robot's signature: `timestamp`
 * (epoch ms) and `sign` = base64 HMAC-SHA256 of `<timestamp>\n<secret>` keyed with the secret,
 * URL-encoded, appended to the configured address. REQ PROP-2 h.
 * @throws NotificationError on a non-2xx answer, a time-out or an `errcode` other than 0.
 */
export async function sendDingtalk(channel: DingtalkChannel, notification: OutgoingNotification, recipients: readonly NotificationRecipient[], options: SendOptions): Promise<void> {
  const { title, body } = notification.text;
  const phones = recipients.flatMap((r) => (r.phone === undefined ? [] : [r.phone]));
  // The robot only notifies the people of `atMobiles` whose @phone also appears in the text.
  const mentions = phones.length > 0 ? `\n\n${phones.map((p) => `@${p}`).join(' ')}` : '';
  const payload = {
    msgtype: 'markdown',
    markdown: { title, text: `### ${title}\n\n${body}${mentions}` },
    at: { atMobiles: phones, isAtAll: false },
  };
  const url = channel.secret === undefined ? channel.webhookUrl : signedUrl(channel.webhookUrl, channel.secret, options.nowMs);
  const reply = await postJson(channel, { url, body: JSON.stringify(payload), timeoutMs: options.timeoutMs });
  expectRobotSuccess(channel, reply);
}

function signedUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}timestamp=${timestampMs}&sign=${encodeURIComponent(sign)}`;
}
