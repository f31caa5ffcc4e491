import { createTransport } from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import type { EmailChannel } from '@twin/domain';
import { NotificationError } from './notificationError.ts';
import type { OutgoingNotification, SendOptions } from './outgoingNotification.ts';
import { channelName } from './postJson.ts';

/**
 * E-mails the notification to one person through the channel's SMTP server: the title as
 * subject, the body as UTF-8 plain text, marked high priority for critical and high alarms.
 * Each send opens and closes its own connection (alarm mail is rare; no idle pool to keep).
 * REQ PROP-2 h.
 * @throws NotificationError `timeout`, `network` or `smtp` (login, sender, recipient or message refused).
 */
export async function sendEmail(channel: EmailChannel, notification: OutgoingNotification, to: { name: string; email: string }, options: SendOptions): Promise<void> {
  const transport = createTransport({
    host: channel.host,
    port: channel.port,
    secure: channel.secure,
    ...(channel.user === undefined || channel.password === undefined ? {} : { auth: { user: channel.user, pass: channel.password } }),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    // Messages are built from alarm texts only; never let a field pull in files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({
      from: channel.from,
      to: { name: to.name, address: to.email },
      subject: notification.text.title,
      text: notification.text.body,
      priority: notification.alarm.severity === 'critical' || notification.alarm.severity === 'high' ? 'high' : 'normal',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw smtpError(channel, error as NodemailerError, options.timeoutMs);
  } finally {
    transport.close();
  }
}

const REFUSED_BY_COMMAND: Record<string, string> = { 'MAIL FROM': 'the sender', 'RCPT TO': 'the recipient', DATA: 'the message' };

// Nodemailer's own messages can name the host and the account; the message is built here from
// the error code and the server's reply (which names neither the password nor the URL).
function smtpError(channel: EmailChannel, error: NodemailerError, timeoutMs: number): NotificationError {
  const name = channelName(channel);
  switch (error.code) {
    case 'EABORT':
    case 'ETIMEDOUT':
      return new NotificationError(channel.id, 'timeout', `${name}: the mail server did not answer within ${timeoutMs} ms`, true);
    case 'ECONNECTION':
    case 'ESOCKET':
    case 'EDNS':
    case 'ETLS':
      return new NotificationError(channel.id, 'network', `${name}: could not talk to the mail server (${error.code})`, true);
    case 'EAUTH':
    case 'ENOAUTH':
      return new NotificationError(channel.id, 'smtp', `${name}: the mail server refused the login`, false);
    default: {
      const what = REFUSED_BY_COMMAND[error.command ?? ''] ?? 'the message';
      const reply = error.response === undefined ? error.code ?? 'no reply' : error.response.split(/\r?\n/)[0]!.slice(0, 200);
      const retryable = error.permanent === undefined ? error.responseCode === undefined || error.responseCode < 500 : !error.permanent;
      return new NotificationError(channel.id, 'smtp', `${name}: the mail server refused ${what} (${reply})`, retryable);
    }
  }
}
