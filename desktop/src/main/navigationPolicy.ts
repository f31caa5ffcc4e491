/**
 * Where the app's pages may go (Electron security checklist: limit navigation and the creation of
 * new windows). Pure decisions on URLs; `hardenWebContents` applies them.
 */
import type { DetachableWindowName } from '../shared/shellApi.ts';
import { detachedWindowNameOf } from './detachedWindowRoute.ts';
import { isAppUrl } from './isAppUrl.ts';

/** Whether a page may navigate or be redirected to `url`: only within the app's origin. */
export function isNavigationAllowed(url: string, appUrl: URL): boolean {
  return isAppUrl(url, appUrl);
}

/** What to do with `window.open(url)` or a `target=_blank` link. */
export type WindowOpenDecision = { action: 'deny' } | { action: 'detach'; name: DetachableWindowName };

/**
 * `window.open` never creates a window by itself. A detached-window route of the app's own origin
 * opens (or focuses) that managed window, which remembers its place; everything else is denied.
 */
export function decideWindowOpen(url: string, appUrl: URL): WindowOpenDecision {
  const name = detachedWindowNameOf(url, appUrl);
  return name === undefined ? { action: 'deny' } : { action: 'detach', name };
}
