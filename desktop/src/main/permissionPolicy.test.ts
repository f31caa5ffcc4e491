import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from './permissionPolicy.ts';

const appUrl = new URL('http://127.0.0.1:8080/');

describe('permission policy (PLAT-11 security by default)', () => {
  it.each(['fullscreen', 'clipboard-sanitized-write'])('grants %s to the app', (permission) => {
    expect(isPermissionGranted(permission, 'http://127.0.0.1:8080/#/window/cameras', appUrl)).toBe(true);
    expect(isPermissionGranted(permission, 'http://127.0.0.1:8080', appUrl)).toBe(true);
  });

  it.each(['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'hid', 'serial', 'usb', 'display-capture', 'clipboard-read', 'openExternal', 'pointerLock', 'idle-detection', 'unknown'])(
    'denies %s, even to the app',
    (permission) => {
      expect(isPermissionGranted(permission, 'http://127.0.0.1:8080/', appUrl)).toBe(false);
    },
  );

  it('grants nothing to another origin', () => {
    expect(isPermissionGranted('fullscreen', 'https://tiles.example.com/', appUrl)).toBe(false);
    expect(isPermissionGranted('fullscreen', undefined, appUrl)).toBe(false);
  });
});
