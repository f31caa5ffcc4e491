/**
 * Loading an app page into a window, with the offline page as fallback: when the main frame of an
 * app page fails to load (server down, network gone), the window shows `twin://app/offline` and
 * loads the page again as soon as the server answers its probe.
 */
import { OFFLINE_PAGE_URL } from './appProtocol.ts';
import { isAppUrl } from './isAppUrl.ts';

/** Chromium's `net::ERR_ABORTED`: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

/** What loading uses of a `BrowserWindow`. */
export interface LoadableWindow {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
  webContents: {
    on(
      event: 'did-fail-load',
      listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
    ): unknown;
  };
}

export interface AppPageLoadOptions {
  appUrl: URL;
  /** Records why the server is unreachable, for the offline page. */
  onOffline: (reason: string) => void;
  /** Resolves when the server answers again; rejects when the signal aborts. */
  waitForServer: (signal: AbortSignal) => Promise<void>;
  log?: (message: string) => void;
}

/** Loads `url` (an app page) into `win`, falling back to the offline page while the server is unreachable. */
export function loadAppPage(win: LoadableWindow, url: string, options: AppPageLoadOptions): void {
  const log = options.log ?? console.warn;
  let waiting: AbortController | undefined;
  win.once('closed', () => waiting?.abort());
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, failedUrl, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || !isAppUrl(failedUrl, options.appUrl)) return;
    const reason = errorDescription === '' ? `error ${errorCode}` : errorDescription;
    log(`cannot load ${failedUrl}: ${reason}; showing the offline page until the server answers`);
    options.onOffline(reason);
    waiting?.abort();
    const controller = new AbortController();
    waiting = controller;
    win.loadURL(OFFLINE_PAGE_URL).catch((error: Error) => log(`offline page: ${error.message}`));
    options.waitForServer(controller.signal).then(
      () => {
        if (!win.isDestroyed()) win.loadURL(failedUrl).catch(() => undefined);
      },
      () => undefined,
    );
  });
  // A failed load also rejects this promise; it is handled above through did-fail-load.
  win.loadURL(url).catch(() => undefined);
}
