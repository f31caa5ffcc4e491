import type { Result } from '@twin/protocol';

/**
 * The value of a successful IPC answer; a failed one becomes an `Error` whose message is
 * `<code>: <message>`. Only the message crosses the context bridge (custom properties of errors
 * do not), so the code leads it.
 */
export function unwrapIpcResult<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(`${result.error.code}: ${result.error.message}`);
}
