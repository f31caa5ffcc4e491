/**
 * Who an escalation step reaches, on which channels: the messages one step sends.
 * REQ PROP-2 h (notify the responsible person), PLAT-8 (alarm management).
 */
import type { AlarmSeverity } from '@twin/protocol';
import type { EscalationStep, NotificationChannel, NotificationChannelType, NotificationConfig, NotificationRecipient, RecipientRef } from './notificationConfig.ts';

/** Channel types that post one message for all of a step's recipients (a group robot, a system). */
export const GROUP_CHANNEL_TYPES: readonly NotificationChannelType[] = ['webhook', 'wecom', 'dingtalk'];

/**
 * One message to send: on a group channel it addresses every recipient of the step who is
 * reached there; on a personal channel (SMS, voice, e-mail) exactly one.
 */
export interface NotificationDelivery {
  /** The escalation step the message belongs to (0: the first). */
  stepIndex: number;
  channelId: string;
  /** Names of the recipients it addresses, in the order the step names them. */
  recipients: readonly string[];
}

/** Whether a channel can carry a message to a person: SMS and voice need a phone, e-mail an address. */
export function canReach(channel: NotificationChannel, recipient: NotificationRecipient): boolean {
  switch (channel.type) {
    case 'sms':
    case 'voice':
      return recipient.phone !== undefined;
    case 'email':
      return recipient.email !== undefined;
    default:
      return true;
  }
}

/** The people a reference names, in the order of the recipient list. */
export function matchRecipients(config: NotificationConfig, ref: RecipientRef): NotificationRecipient[] {
  return config.recipients.filter((r) => ('role' in ref ? r.role === ref.role : r.name === ref.name));
}

/** The people a step names, without repeats, in the order its references name them. */
export function stepRecipients(config: NotificationConfig, step: EscalationStep): NotificationRecipient[] {
  const seen = new Map<string, NotificationRecipient>();
  for (const ref of step.recipients) for (const r of matchRecipients(config, ref)) if (!seen.has(r.name)) seen.set(r.name, r);
  return [...seen.values()];
}

/**
 * The channels a step reaches a person on: the step's channels (or, when it names none, the
 * person's) that the person accepts and has the address for.
 */
export function reachableChannels(config: NotificationConfig, step: EscalationStep, recipient: NotificationRecipient): NotificationChannel[] {
  const ids = step.channels ?? recipient.channels ?? [];
  return ids.flatMap((id) => {
    const channel = config.channels.find((c) => c.id === id);
    if (channel === undefined || !canReach(channel, recipient)) return [];
    return recipient.channels === undefined || recipient.channels.includes(id) ? [channel] : [];
  });
}

/**
 * The messages step `stepIndex` of a severity's chain sends, in channel order (the step's
 * channels, or the people's own in the order they come up): one per group channel, one per
 * person on a personal channel. Empty when there is no such step.
 */
export function stepDeliveries(config: NotificationConfig, severity: AlarmSeverity, stepIndex: number): NotificationDelivery[] {
  const step = config.escalation[severity]?.steps[stepIndex];
  if (step === undefined) return [];
  const reach = stepRecipients(config, step).map((recipient) => ({ recipient, channels: reachableChannels(config, step, recipient) }));
  const channelOrder = [...new Set(reach.flatMap((r) => r.channels))];
  return channelOrder.flatMap((channel) => {
    const names = reach.filter((r) => r.channels.includes(channel)).map((r) => r.recipient.name);
    return GROUP_CHANNEL_TYPES.includes(channel.type)
      ? [{ stepIndex, channelId: channel.id, recipients: names }]
      : names.map((name) => ({ stepIndex, channelId: channel.id, recipients: [name] }));
  });
}
