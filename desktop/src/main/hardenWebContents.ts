/**
 * Hardening applied to every web contents the app creates (`app.on('web-contents-created')`):
 * navigation and redirects stay within the app's origin, `window.open` never creates a window by
 * itself, and `<webview>` cannot be attached.
 */
import type { Event, WebContents } from 'electron';
import type { DetachableWindowName } from '../shared/shellApi.ts';
import { decideWindowOpen, isNavigationAllowed } from './navigationPolicy.ts';

export interface WebContentsHardeningOptions {
  appUrl: URL;
  /** Opens or focuses a managed detached window (a `window.open` of a detached-window route). */
  openDetachedWindow: (name: DetachableWindowName) => void;
  log?: (message: string) => void;
}

/** The events and handler of `WebContents` the hardening uses. */
export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: HardenableWebContents, options: WebContentsHardeningOptions): void {
  const { appUrl, openDetachedWindow } = options;
  const log = options.log ?? console.warn;
  const guardNavigation = (kind: string) => (event: Event<{ url: string }>) => {
    if (isNavigationAllowed(event.url, appUrl)) return;
    event.preventDefault();
    log(`${kind} to ${event.url} blocked: outside ${appUrl.origin}`);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('<webview> blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, appUrl);
    if (decision.action === 'detach') openDetachedWindow(decision.name);
    else log(`window.open(${url}) denied`);
    return { action: 'deny' };
  });
}
