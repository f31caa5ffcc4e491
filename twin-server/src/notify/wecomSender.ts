import type { NotificationRecipient, WecomChannel } from '@twin/domain';
import type { OutgoingNotification, SendOptions } from './outgoingNotification.ts';
import { postJson } from './postJson.ts';
import { expectRobotSuccess } from './robotReply.ts';

/**
 * Posts the notification to a WeCom (企业微信) group robot: as markdown with the title as a
 * heading, or as text that @-mentions the recipients by phone (markdown cannot).
 * REQ PROP-2 h (notify by WeChat).
 * @throws NotificationError on a non-2xx answer, a time-out or an `errcode` other than 0.
 */
export async function sendWecom(channel: WecomChannel, notification: OutgoingNotification, recipients: readonly NotificationRecipient[], options: SendOptions): Promise<void> {
  const { title, body } = notification.text;
  const phones = recipients.flatMap((r) => (r.phone === undefined ? [] : [r.phone]));
  const payload =
    channel.format === 'text'
      ? { msgtype: 'text', text: { content: body, ...(phones.length > 0 ? { mentioned_mobile_list: phones } : {}) } }
      : { msgtype: 'markdown', markdown: { content: `### ${title}\n${body}` } };
  const reply = await postJson(channel, { url: channel.webhookUrl, body: JSON.stringify(payload), timeoutMs: options.timeoutMs });
  expectRobotSuccess(channel, reply);
}
