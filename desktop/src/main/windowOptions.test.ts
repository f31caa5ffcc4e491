import { describe, expect, it } from 'vitest';
import { MIN_WINDOW_SIZE, windowOptions } from './windowOptions.ts';

const input = {
  preloadPath: '/app/desktop/dist/preload/preload.cjs',
  title: '智慧社区数字孪生运营中心',
  bounds: { x: 10, y: 20, width: 1600, height: 900 },
  additionalArguments: ['--twin-shell-info=x'],
  devTools: false,
};

describe('window options (Electron security checklist; PLAT-11)', () => {
  const { webPreferences, ...window } = windowOptions(input);

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('allows no webviews, insecure content, experimental or extra Blink features', () => {
    expect(webPreferences).toMatchObject({
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(webPreferences?.enableBlinkFeatures).toBeUndefined();
  });

  it('turns the spell checker and, unless asked, the developer tools off', () => {
    expect(webPreferences).toMatchObject({ spellcheck: false, devTools: false });
    expect(windowOptions({ ...input, devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('keeps no remote module nor any option outside the reviewed set', () => {
    expect(Object.keys(webPreferences ?? {}).sort()).toEqual(
      [
        'additionalArguments',
        'allowRunningInsecureContent',
        'autoplayPolicy',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('loads the bundled preload with the shell information', () => {
    expect(webPreferences).toMatchObject({ preload: input.preloadPath, additionalArguments: input.additionalArguments });
  });

  it('lets alarm sounds play without a click first (PLAT-3)', () => {
    expect(webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('opens hidden at the given bounds, no smaller than the layout needs', () => {
    expect(window).toMatchObject({ ...input.bounds, show: false, title: input.title, minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height });
  });
});
