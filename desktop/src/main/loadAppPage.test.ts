import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { OFFLINE_PAGE_URL } from './appProtocol.ts';
import { loadAppPage, type LoadableWindow } from './loadAppPage.ts';

const appUrl = new URL('http://127.0.0.1:8080/');

class FakeWindow extends EventEmitter {
  readonly loaded: string[] = [];
  readonly webContents = new EventEmitter();
  destroyed = false;
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  failLoad(url: string, errorCode = -102, description = 'ERR_CONNECTION_REFUSED', isMainFrame = true): void {
    this.webContents.emit('did-fail-load', {}, errorCode, description, url, isMainFrame);
  }
}

/** A server probe the test answers by hand. */
function controlledServer() {
  const waits: { signal: AbortSignal; answer: () => void }[] = [];
  const waitForServer = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      waits.push({ signal, answer: resolve });
      signal.addEventListener('abort', () => reject(signal.reason));
    });
  return { waits, waitForServer };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('loadAppPage', () => {
  it('loads the page', () => {
    const win = new FakeWindow();
    loadAppPage(win as unknown as LoadableWindow, 'http://127.0.0.1:8080/#/window/alarms', { appUrl, onOffline: () => undefined, waitForServer: controlledServer().waitForServer });
    expect(win.loaded).toEqual(['http://127.0.0.1:8080/#/window/alarms']);
  });

  it('shows the offline page while the server is unreachable, then the page again', async () => {
    const win = new FakeWindow();
    const server = controlledServer();
    const reasons: string[] = [];
    loadAppPage(win as unknown as LoadableWindow, appUrl.href, { appUrl, onOffline: (reason) => reasons.push(reason), waitForServer: server.waitForServer, log: () => undefined });

    win.failLoad(appUrl.href);
    expect(win.loaded).toEqual([appUrl.href, OFFLINE_PAGE_URL]);
    expect(reasons).toEqual(['ERR_CONNECTION_REFUSED']);

    server.waits[0]?.answer();
    await settle();
    expect(win.loaded).toEqual([appUrl.href, OFFLINE_PAGE_URL, appUrl.href]);
  });

  it('ignores replaced loads, subframes and pages of other origins', () => {
    const win = new FakeWindow();
    const server = controlledServer();
    loadAppPage(win as unknown as LoadableWindow, appUrl.href, { appUrl, onOffline: () => undefined, waitForServer: server.waitForServer, log: () => undefined });
    win.failLoad(appUrl.href, -3, 'ERR_ABORTED');
    win.failLoad('http://127.0.0.1:8080/frame', -102, 'ERR_CONNECTION_REFUSED', false);
    win.failLoad('https://tiles.example.com/', -105, 'ERR_NAME_NOT_RESOLVED');
    expect(win.loaded).toEqual([appUrl.href]);
    expect(server.waits).toEqual([]);
  });

  it('stops waiting for the server when the window closes', async () => {
    const win = new FakeWindow();
    const server = controlledServer();
    loadAppPage(win as unknown as LoadableWindow, appUrl.href, { appUrl, onOffline: () => undefined, waitForServer: server.waitForServer, log: () => undefined });
    win.failLoad(appUrl.href);
    win.destroyed = true;
    win.emit('closed');
    expect(server.waits[0]?.signal.aborted).toBe(true);
    await settle();
    expect(win.loaded).toEqual([appUrl.href, OFFLINE_PAGE_URL]);
  });
});
