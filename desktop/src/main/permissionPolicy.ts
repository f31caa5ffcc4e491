/**
 * Which web permissions the app's pages get: those the command center needs, for its own origin
 * only. Everything else (camera, microphone, geolocation, notifications, MIDI, HID, serial, USB,
 * screen capture, …) is denied; alarms are shown and sounded by the app itself.
 */
import { isAppUrl } from './isAppUrl.ts';

/** Permissions the app uses: full-screen camera walls and 3D views, and copying ids and values. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

/** Whether the page at `requestingUrl` gets `permission`. */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, appUrl: URL): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appUrl);
}
