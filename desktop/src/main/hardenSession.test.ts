import type { OnHeadersReceivedListenerDetails, HeadersReceivedResponse, PermissionRequest } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession, type HardenableSession } from './hardenSession.ts';

const appUrl = new URL('http://127.0.0.1:8080/');
const CSP = "default-src 'self'; object-src 'none'";

/** A session recording the handlers the hardening installs. */
function fakeSession() {
  const installed: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequest) => void;
    check?: (contents: unknown, permission: string, origin: string) => boolean;
    device?: () => boolean;
    headers?: (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void;
    headerUrls?: string[];
    spellChecker?: boolean;
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: typeof installed.request) => (installed.request = handler),
    setPermissionCheckHandler: (handler: typeof installed.check) => (installed.check = handler),
    setDevicePermissionHandler: (handler: typeof installed.device) => (installed.device = handler),
    setSpellCheckerEnabled: (enabled: boolean) => (installed.spellChecker = enabled),
    webRequest: {
      onHeadersReceived: (filter: { urls: string[] }, handler: typeof installed.headers) => {
        installed.headerUrls = filter.urls;
        installed.headers = handler;
      },
    },
  };
  hardenSession(session as unknown as HardenableSession, { appUrl, contentSecurityPolicy: CSP, log: () => undefined });
  return installed;
}

const request = (installed: ReturnType<typeof fakeSession>, permission: string, requestingUrl: string): boolean => {
  let granted: boolean | undefined;
  installed.request?.({}, permission, (value) => (granted = value), { requestingUrl } as PermissionRequest);
  return granted as boolean;
};

describe('hardenSession (PLAT-11 security by default)', () => {
  it('denies camera, microphone, geolocation and notifications, even to the app', () => {
    const installed = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'display-capture']) {
      expect(request(installed, permission, 'http://127.0.0.1:8080/')).toBe(false);
      expect(installed.check?.({}, permission, 'http://127.0.0.1:8080')).toBe(false);
    }
  });

  it('grants full screen to the app and to nobody else', () => {
    const installed = fakeSession();
    expect(request(installed, 'fullscreen', 'http://127.0.0.1:8080/#/window/cameras')).toBe(true);
    expect(request(installed, 'fullscreen', 'https://tiles.example.com/')).toBe(false);
  });

  it('grants no device access and turns the spell checker off', () => {
    const installed = fakeSession();
    expect(installed.device?.()).toBe(false);
    expect(installed.spellChecker).toBe(false);
  });

  it("puts the app's Content-Security-Policy on every HTTP response, replacing any other", () => {
    const installed = fakeSession();
    let response: HeadersReceivedResponse | undefined;
    installed.headers?.({ responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } } as unknown as OnHeadersReceivedListenerDetails, (value) => (response = value));
    expect(response?.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] });
    expect(installed.headerUrls).toEqual(['http://*/*', 'https://*/*']);
  });
});
