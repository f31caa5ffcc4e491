/** The sender check of every IPC call (Electron security checklist: validate the sender of all IPC messages). */
import { isAppUrl } from './isAppUrl.ts';

/** The frame an IPC message came from, as `event.senderFrame` describes it. */
export interface IpcSenderFrame {
  url: string;
  /** Whether it is a top-level frame (no parent). */
  isMainFrame: boolean;
}

/**
 * Only the top-level frame of an app page may call the shell: not an embedded frame (even of the
 * app's origin), not the offline page, not a page that navigated elsewhere, and not a frame that
 * is gone (`null`).
 */
export function isTrustedIpcSender(frame: IpcSenderFrame | null, appUrl: URL): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url, appUrl);
}
