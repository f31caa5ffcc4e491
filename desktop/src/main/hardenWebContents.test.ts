import { EventEmitter } from 'node:events';
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetachableWindowName } from '../shared/shellApi.ts';
import { hardenWebContents, type HardenableWebContents } from './hardenWebContents.ts';

const appUrl = new URL('http://127.0.0.1:8080/');

class FakeWebContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emits a cancellable navigation event; returns whether it was allowed. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return !prevented;
  }
}

describe('hardenWebContents (PLAT-11 security by default)', () => {
  let contents: FakeWebContents;
  let openDetachedWindow: ReturnType<typeof vi.fn<(name: DetachableWindowName) => void>>;

  beforeEach(() => {
    contents = new FakeWebContents();
    openDetachedWindow = vi.fn<(name: DetachableWindowName) => void>();
    hardenWebContents(contents as unknown as HardenableWebContents, { appUrl, openDetachedWindow, log: () => undefined });
  });

  it('lets navigation and redirects stay within the app', () => {
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:8080/#/alarms')).toBe(true);
    expect(contents.navigate('will-redirect', 'http://127.0.0.1:8080/index.html')).toBe(true);
  });

  it('blocks navigation and redirects anywhere else', () => {
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.navigate('will-redirect', 'http://127.0.0.1:9999/')).toBe(false);
  });

  it('never lets window.open create a window', () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'about:blank', 'http://127.0.0.1:8080/#/window/alarms']) {
      expect(contents.openHandler?.({ url } as HandlerDetails)).toEqual({ action: 'deny' });
    }
  });

  it('opens the managed window for a detached-window route instead', () => {
    contents.openHandler?.({ url: 'http://127.0.0.1:8080/#/window/alarms' } as HandlerDetails);
    contents.openHandler?.({ url: 'https://evil.example/#/window/cameras' } as HandlerDetails);
    expect(openDetachedWindow.mock.calls).toEqual([['alarms']]);
  });

  it('refuses to attach a webview', () => {
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});
