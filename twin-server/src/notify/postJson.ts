import { NotificationError } from './notificationError.ts';

/** The channel a request is for, as errors name it. */
export interface ChannelLabel {
  id: string;
  type: string;
}

/** A JSON POST to a configured endpoint. */
export interface JsonPost {
  url: string;
  /** The serialised JSON body (signatures are computed over these exact bytes). */
  body: string;
  headers?: Readonly<Record<string, string>>;
  timeoutMs: number;
}

/** `wecom channel "ops-wecom"`: how messages name a channel. */
export function channelName(channel: ChannelLabel): string {
  return `${channel.type} channel "${channel.id}"`;
}

/**
 * POSTs JSON and returns the answer's body text. Redirects are not followed (a configured
 * endpoint that moves is a configuration error, and following it would carry the headers along).
 * @throws NotificationError `timeout`, `network` or `http_status` (non-2xx); its message never
 * quotes the URL or the headers.
 */
export async function postJson(channel: ChannelLabel, post: JsonPost): Promise<string> {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
  for (const [name, value] of Object.entries(post.headers ?? {})) headers.set(name, value);
  try {
    const response = await fetch(post.url, { method: 'POST', headers, body: post.body, redirect: 'manual', signal: AbortSignal.timeout(post.timeoutMs) });
    const text = await response.text();
    if (response.status < 200 || response.status > 299) {
      const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new NotificationError(channel.id, 'http_status', `${channelName(channel)}: the endpoint answered HTTP ${response.status}`, retryable);
    }
    return text;
  } catch (error) {
    throw asNotificationError(channel, error, post.timeoutMs);
  }
}

function asNotificationError(channel: ChannelLabel, error: unknown, timeoutMs: number): NotificationError {
  if (error instanceof NotificationError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new NotificationError(channel.id, 'timeout', `${channelName(channel)}: no answer within ${timeoutMs} ms`, true);
  }
  // fetch reports connection failures as a TypeError whose cause carries the system error code;
  // the cause's message is not used since it can name the host.
  const code = error instanceof Error && typeof (error.cause as { code?: unknown } | undefined)?.code === 'string' ? (error.cause as { code: string }).code : 'unknown error';
  return new NotificationError(channel.id, 'network', `${channelName(channel)}: could not reach the endpoint (${code})`, true);
}
