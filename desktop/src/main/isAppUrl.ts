/**
 * Whether `url` belongs to the app's origin (same scheme, host and port as `appUrl`). Anything
 * that does not parse is not the app. The one test every security decision of the shell rests on:
 * navigation, window opening, permissions and IPC senders.
 */
export function isAppUrl(url: string | undefined, appUrl: URL): boolean {
  if (url === undefined) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compared field by field: `URL.origin` is "null" for non-special schemes.
  return parsed.protocol === appUrl.protocol && parsed.hostname === appUrl.hostname && parsed.port === appUrl.port;
}
