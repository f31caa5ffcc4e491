import { setTimeout as delay } from 'node:timers/promises';
import type { AlarmDto } from '@twin/protocol';
import {
  canReach,
  GROUP_CHANNEL_TYPES,
  renderNotification,
  type NotificationChannel,
  type NotificationChannelType,
  type NotificationConfig,
  type NotificationDelivery,
  type NotificationReason,
  type NotificationRecipient,
} from '@twin/domain';
import { silentLogger, type Logger } from '../logging/logger.ts';
import { sendDingtalk } from './dingtalkSender.ts';
import { sendEmail } from './emailSender.ts';
import { sendGateway } from './gatewaySender.ts';
import { NotificationError, type NotificationFailure } from './notificationError.ts';
import type { OutgoingNotification, SendOptions } from './outgoingNotification.ts';
import { channelName } from './postJson.ts';
import { sendWebhook } from './webhookSender.ts';
import { sendWecom } from './wecomSender.ts';

/** Options of a {@link NotificationDispatcher}; every one has a default. */
export interface NotificationDispatcherOptions {
  /** Time limit of one attempt, ms (default 10 000). */
  timeoutMs?: number;
  /** Attempts per message, the first included (default 3); only retryable failures are tried again. */
  maxAttempts?: number;
  /** Wait before the second attempt, ms, doubled before each further one (default 2 000). */
  backoffMs?: number;
  /** Deliveries in flight at once (default 8). */
  concurrency?: number;
  /** IANA time zone of the times in the texts (default `Asia/Shanghai`). */
  timeZone?: string;
  /** The clock (default `Date.now`). */
  now?: () => number;
  /** How to wait between attempts (default a timer). */
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

/** What to send: the alarm, why, when, and the messages the escalation plan made due. */
export interface DispatchRequest {
  alarm: AlarmDto;
  reason: NotificationReason;
  /** The time of the notification, epoch ms (shown in escalations and returns). */
  atMs: number;
  deliveries: readonly NotificationDelivery[];
}

/**
 * The outcome of one message for one person on one channel: a group message to several people
 * yields one outcome per person, all alike. The alarm service records each as a `notified`
 * (step 0) or `escalated` alarm event with the channel and recipient in its details.
 */
export interface NotificationOutcome {
  stepIndex: number;
  channelId: string;
  /** Absent when the channel is not in the settings. */
  channelType?: NotificationChannelType;
  /** The recipient's name. */
  recipient: string;
  ok: boolean;
  attempts: number;
  /** When the last attempt ended, epoch ms. */
  atMs: number;
  /** Why it failed: the reason and a message for operators (no addresses, no secrets). */
  error?: { reason: NotificationFailure; message: string };
}

/**
 * Sends the messages an escalation plan made due, concurrently (bounded), each with its own
 * time limit and bounded retries with exponential back-off, and reports every outcome as data:
 * one failing channel never holds up or cancels the others. Holds no timers and no connections
 * between calls. REQ PROP-2 h (notify the responsible person), PLAT-8 (alarm management).
 */
export class NotificationDispatcher {
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger: Logger;

  constructor(
    private readonly config: NotificationConfig,
    private readonly options: NotificationDispatcherOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.backoffMs = options.backoffMs ?? 2_000;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.logger = options.logger ?? silentLogger;
  }

  /** Sends every delivery and resolves with the outcomes in delivery order (never rejects). */
  async dispatch(request: DispatchRequest): Promise<NotificationOutcome[]> {
    const text = renderNotification(request.alarm, { reason: request.reason, atMs: request.atMs }, { language: this.config.language, timeZone: this.options.timeZone });
    const tasks = request.deliveries.map((delivery) => () => this.deliver({ alarm: request.alarm, reason: request.reason, stepIndex: delivery.stepIndex, text }, delivery));
    return (await runBounded(tasks, this.concurrency)).flat();
  }

  private async deliver(notification: OutgoingNotification, delivery: NotificationDelivery): Promise<NotificationOutcome[]> {
    const channel = this.config.channels.find((c) => c.id === delivery.channelId);
    const outcome = (name: string, result: AttemptResult): NotificationOutcome => ({
      stepIndex: delivery.stepIndex,
      channelId: delivery.channelId,
      ...(channel === undefined ? {} : { channelType: channel.type }),
      recipient: name,
      ...result,
      atMs: this.now(),
    });
    const reached: NotificationRecipient[] = [];
    const unreached: NotificationOutcome[] = [];
    for (const name of delivery.recipients) {
      const recipient = this.config.recipients.find((r) => r.name === name);
      if (channel !== undefined && recipient !== undefined && canReach(channel, recipient)) reached.push(recipient);
      else unreached.push(outcome(name, this.unreachable(notification, delivery, name, channel)));
    }
    if (channel === undefined || reached.length === 0) return unreached;
    // A group message goes once for everyone; a personal channel sends to each person alone.
    const batches = GROUP_CHANNEL_TYPES.includes(channel.type) ? [reached] : reached.map((r) => [r]);
    const sent = await Promise.all(
      batches.map(async (batch) => {
        const result = await this.sendWithRetries(channel, notification, batch);
        return batch.map((r) => outcome(r.name, result));
      }),
    );
    return [...sent.flat(), ...unreached];
  }

  private unreachable(notification: OutgoingNotification, delivery: NotificationDelivery, name: string, channel: NotificationChannel | undefined): AttemptResult {
    const message =
      channel === undefined ? `no channel "${delivery.channelId}" in the settings` : `${channelName(channel)}: no recipient "${name}" with an address for it in the settings`;
    this.logger.warn('notification not sent', { alarmId: notification.alarm.id, channel: delivery.channelId, step: delivery.stepIndex, recipient: name, error: message });
    return { ok: false, attempts: 0, error: { reason: 'unreachable', message } };
  }

  private async sendWithRetries(channel: NotificationChannel, notification: OutgoingNotification, recipients: NotificationRecipient[]): Promise<AttemptResult> {
    const fields = { alarmId: notification.alarm.id, channel: channel.id, type: channel.type, step: notification.stepIndex, recipients: recipients.map((r) => r.name) };
    for (let attempts = 1; ; attempts++) {
      try {
        await send(channel, notification, recipients, { timeoutMs: this.timeoutMs, nowMs: this.now() });
        this.logger.info('notification sent', { ...fields, attempts });
        return { ok: true, attempts };
      } catch (error) {
        const failure = error instanceof NotificationError ? error : new NotificationError(channel.id, 'internal', `${channelName(channel)}: the sender failed unexpectedly`, false);
        if (failure.retryable && attempts < this.maxAttempts) {
          this.logger.debug('notification attempt failed; retrying', { ...fields, attempts, reason: failure.reason, error: failure.message });
          await this.sleep(this.backoffMs * 2 ** (attempts - 1));
          continue;
        }
        this.logger.warn('notification not sent', { ...fields, attempts, reason: failure.reason, error: failure.message });
        return { ok: false, attempts, error: { reason: failure.reason, message: failure.message } };
      }
    }
  }
}

type AttemptResult = Pick<NotificationOutcome, 'ok' | 'attempts' | 'error'>;

// Group channels take everyone at once; personal channels are called with one person whose
// address canReach has checked.
function send(channel: NotificationChannel, notification: OutgoingNotification, recipients: NotificationRecipient[], options: SendOptions): Promise<void> {
  const [person] = recipients as [NotificationRecipient];
  switch (channel.type) {
    case 'webhook':
      return sendWebhook(channel, notification, recipients, options);
    case 'wecom':
      return sendWecom(channel, notification, recipients, options);
    case 'dingtalk':
      return sendDingtalk(channel, notification, recipients, options);
    case 'email':
      return sendEmail(channel, notification, { name: person.name, email: person.email ?? '' }, options);
    case 'sms':
    case 'voice':
      return sendGateway(channel, notification, { name: person.name, phone: person.phone ?? '' }, options);
  }
}

async function runBounded<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
