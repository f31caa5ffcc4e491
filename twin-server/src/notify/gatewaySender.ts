import { gatewayBodyTemplate, renderGatewayBody, type GatewayChannel } from '@twin/domain';
import type { OutgoingNotification, SendOptions } from './outgoingNotification.ts';
import { postJson } from './postJson.ts';

/**
 * Asks an SMS or voice-call gateway to reach one person: POSTs the channel's body template
 * filled with the phone, the one-segment SMS text (also what a call reads out), the template id
 * and the other placeholders. REQ PROP-2 h (notify by SMS and phone call).
 * @throws NotificationError when the gateway does not answer 2xx in time.
 */
export async function sendGateway(channel: GatewayChannel, notification: OutgoingNotification, to: { name: string; phone: string }, options: SendOptions): Promise<void> {
  const body = renderGatewayBody(gatewayBodyTemplate(channel), {
    phone: to.phone,
    text: notification.text.sms,
    templateId: channel.templateId ?? '',
    title: notification.text.title,
    recipient: to.name,
    alarmId: notification.alarm.id,
    severity: notification.alarm.severity,
  });
  await postJson(channel, { url: channel.url, body: JSON.stringify(body), headers: channel.headers, timeoutMs: options.timeoutMs });
}
