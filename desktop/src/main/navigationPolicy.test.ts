import { describe, expect, it } from 'vitest';
import { detachedWindowNameOf, detachedWindowUrl } from './detachedWindowRoute.ts';
import { isAppUrl } from './isAppUrl.ts';
import { decideWindowOpen, isNavigationAllowed } from './navigationPolicy.ts';

const appUrl = new URL('http://127.0.0.1:8080/');

describe('the app origin (PLAT-11 security by default)', () => {
  it.each(['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/#/alarms', 'http://127.0.0.1:8080/api/health?x=1'])('includes %s', (url) => {
    expect(isAppUrl(url, appUrl)).toBe(true);
  });

  it.each([
    'https://127.0.0.1:8080/',
    'http://127.0.0.1:8081/',
    'http://localhost:8080/',
    'http://127.0.0.1.evil.example:8080/',
    'http://evil.example/?http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'twin://app/offline',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    undefined,
  ])('excludes %s', (url) => {
    expect(isAppUrl(url, appUrl)).toBe(false);
  });

  it('compares default ports as URLs normalise them', () => {
    expect(isAppUrl('https://twin.example.cn:443/x', new URL('https://twin.example.cn/'))).toBe(true);
  });
});

describe('navigation guard', () => {
  it('lets pages navigate within the app only', () => {
    expect(isNavigationAllowed('http://127.0.0.1:8080/#/cameras', appUrl)).toBe(true);
    expect(isNavigationAllowed('https://phishing.example/login', appUrl)).toBe(false);
    expect(isNavigationAllowed('file:///home/operator/.ssh/id_rsa', appUrl)).toBe(false);
  });
});

describe('window.open guard', () => {
  it('turns a detached-window route of the app into its managed window', () => {
    expect(decideWindowOpen('http://127.0.0.1:8080/#/window/alarms', appUrl)).toEqual({ action: 'detach', name: 'alarms' });
    expect(decideWindowOpen(detachedWindowUrl(appUrl, 'cameras'), appUrl)).toEqual({ action: 'detach', name: 'cameras' });
  });

  it.each([
    'http://127.0.0.1:8080/',
    'http://127.0.0.1:8080/#/window/settings',
    'http://127.0.0.1:8080/#/window/alarms/../admin',
    'https://example.com/#/window/alarms',
    'about:blank',
  ])('denies %s', (url) => {
    expect(decideWindowOpen(url, appUrl)).toEqual({ action: 'deny' });
  });
});

describe('detached-window routes', () => {
  it('are hash routes of the app root', () => {
    expect(detachedWindowUrl(appUrl, 'alarms')).toBe('http://127.0.0.1:8080/#/window/alarms');
    expect(detachedWindowNameOf('http://127.0.0.1:8080/#/window/cameras', appUrl)).toBe('cameras');
    expect(detachedWindowNameOf('http://127.0.0.1:8080/#/alarms', appUrl)).toBeUndefined();
  });
});
