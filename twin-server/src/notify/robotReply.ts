import { NotificationError } from './notificationError.ts';
import { channelName, type ChannelLabel } from './postJson.ts';

// Robot errors worth another try: -1 "system busy" (both robots), WeCom 45009 (call frequency
// over the limit), DingTalk 130101 (more than 20 messages a minute). Anything else (bad key,
// sign mismatch, keyword or IP security settings) fails the same way every time.
const RETRYABLE_ERRCODES = new Set([-1, 45009, 130101]);

/**
 * Checks the answer of a WeCom or DingTalk group robot: a 200 answer still reports failures in
 * its body as `{"errcode": n, "errmsg": "…"}`, success being `errcode` 0.
 * @throws NotificationError `robot_error` for a non-zero `errcode`, `bad_reply` when the body is not such an object.
 */
export function expectRobotSuccess(channel: ChannelLabel, replyText: string): void {
  let reply: unknown;
  try {
    reply = JSON.parse(replyText);
  } catch {
    throw new NotificationError(channel.id, 'bad_reply', `${channelName(channel)}: the robot's answer is not JSON`, false);
  }
  const errcode = (reply as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode !== 'number') throw new NotificationError(channel.id, 'bad_reply', `${channelName(channel)}: the robot's answer has no errcode`, false);
  if (errcode === 0) return;
  const errmsg = (reply as { errmsg?: unknown }).errmsg;
  const detail = typeof errmsg === 'string' ? `: ${errmsg.slice(0, 200)}` : '';
  throw new NotificationError(channel.id, 'robot_error', `${channelName(channel)}: the robot refused the message (errcode ${errcode}${detail})`, RETRYABLE_ERRCODES.has(errcode));
}
