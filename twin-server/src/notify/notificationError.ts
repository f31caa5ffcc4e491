/**
 * Why a notification did not go out:
 * - `timeout`: no answer within the time limit;
 * - `network`: the connection failed (refused, reset, name not resolved);
 * - `http_status`: the endpoint answered with a non-2xx status;
 * - `robot_error`: a WeCom or DingTalk robot answered with an `errcode` other than 0;
 * - `bad_reply`: the answer could not be understood;
 * - `smtp`: the mail server refused the login, sender, recipient or message;
 * - `unreachable`: the settings lack the channel or the person, or the person's phone or e-mail
 *   address for it (settings changed between planning and sending);
 * - `internal`: the sender failed unexpectedly.
 */
export type NotificationFailure = 'timeout' | 'network' | 'http_status' | 'robot_error' | 'bad_reply' | 'smtp' | 'unreachable' | 'internal';

/**
 * A notification that could not be sent, with a message for operators naming the channel and
 * the reason. It never quotes an address, a header or a secret: robot and gateway URLs carry
 * their keys in the query string.
 */
export class NotificationError extends Error {
  override name = 'NotificationError';

  constructor(
    /** The channel id. */
    readonly channelId: string,
    readonly reason: NotificationFailure,
    message: string,
    /** Whether sending again may succeed (time-outs, 5xx, rate limits), as opposed to a refusal. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
