import type { AlarmDto } from '@twin/protocol';
import type { NotificationReason, NotificationText } from '@twin/domain';

/** What every sender needs to know about the message it sends. REQ PROP-2 h. */
export interface OutgoingNotification {
  alarm: AlarmDto;
  reason: NotificationReason;
  /** The escalation step the message belongs to (0: the first). */
  stepIndex: number;
  text: NotificationText;
}

/** Per-send settings. */
export interface SendOptions {
  /** The time limit of the whole send: connecting, sending and reading the answer. */
  timeoutMs: number;
  /** The send time, epoch ms (signatures and their timestamps). */
  nowMs: number;
}
