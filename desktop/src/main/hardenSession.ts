/**
 * Session-wide policy: the app's Content-Security-Policy on every HTTP response, permission requests
 * and checks through `permissionPolicy`, no device access (HID, serial, USB), no spell checker.
 */
import type { Session } from 'electron';
import { isPermissionGranted } from './permissionPolicy.ts';
import { withContentSecurityPolicy } from './withContentSecurityPolicy.ts';

/** What the hardening uses of a `Session`. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled' | 'webRequest'
>;

export function hardenSession(session: HardenableSession, options: { appUrl: URL; contentSecurityPolicy: string; log?: (message: string) => void }): void {
  const { appUrl, contentSecurityPolicy } = options;
  const log = options.log ?? console.warn;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl, appUrl);
    if (!granted) log(`permission ${permission} denied to ${details.requestingUrl}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, appUrl));
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  // HTTP(S) responses: the shell's own `twin:` pages carry their own, stricter policy.
  session.webRequest.onHeadersReceived({ urls: ['http://*/*', 'https://*/*'] }, (details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, contentSecurityPolicy) });
  });
}
