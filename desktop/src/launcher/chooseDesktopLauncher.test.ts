import { describe, expect, it } from 'vitest';
import { chooseDesktopLauncher, type DesktopEnvironment } from './chooseDesktopLauncher.ts';

const options = { url: 'http://127.0.0.1:8080/', chromiumUserDataDir: '/home/op/.cache/smart-community-twin/chromium-app' };
const withElectron: DesktopEnvironment = {
  electron: { binary: '/repo/node_modules/electron/dist/electron' },
  shellMain: { path: '/repo/desktop/dist/main/main.js', built: true },
  browser: '/usr/bin/chromium',
  display: 'DISPLAY=:0',
  runningAsRoot: false,
};
const withoutElectron: DesktopEnvironment = { ...withElectron, electron: { missing: 'Electron failed to install correctly' } };

describe('chooseDesktopLauncher', () => {
  it('starts the Electron shell with the server URL when the binary is installed and the shell built', () => {
    expect(chooseDesktopLauncher(withElectron, { ...options, lang: 'en' })).toEqual({
      kind: 'electron',
      command: '/repo/node_modules/electron/dist/electron',
      args: ['/repo/desktop/dist/main/main.js', '--server-url=http://127.0.0.1:8080/', '--lang=en'],
      reason: 'opening the desktop app (Electron /repo/node_modules/electron/dist/electron)',
    });
  });

  it('opens Chromium app mode with its own profile when the Electron binary is missing, and says why', () => {
    const plan = chooseDesktopLauncher(withoutElectron, options);
    expect(plan).toEqual({
      kind: 'chromium',
      command: '/usr/bin/chromium',
      args: ['--app=http://127.0.0.1:8080/', `--user-data-dir=${options.chromiumUserDataDir}`, '--no-first-run', '--no-default-browser-check'],
      reason:
        'Electron binary is not installed: Electron failed to install correctly (fetch it with `node node_modules/electron/install.js`); opening Chromium app mode (/usr/bin/chromium) on DISPLAY=:0',
    });
  });

  it('opens Chromium app mode when the shell is not built', () => {
    const plan = chooseDesktopLauncher({ ...withElectron, shellMain: { path: '/repo/desktop/dist/main/main.js', built: false } }, options);
    expect(plan.kind).toBe('chromium');
    expect(plan.reason).toMatch(/^the desktop shell is not built: .* \(run `npm run build:shell -w desktop`\); opening Chromium app mode/);
  });

  it('prints the URL when there is no display, even with Electron installed', () => {
    expect(chooseDesktopLauncher({ ...withElectron, display: undefined }, options)).toEqual({
      kind: 'url',
      reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset); open http://127.0.0.1:8080/ in a browser',
    });
  });

  it('prints the URL when there is no Chromium-family browser', () => {
    const plan = chooseDesktopLauncher({ ...withoutElectron, browser: undefined }, options);
    expect(plan).toEqual({ kind: 'url', reason: expect.stringContaining('no Chromium or Google Chrome on the PATH; open http://127.0.0.1:8080/ in a browser') });
  });

  it('prints the URL as root rather than disabling the sandbox', () => {
    const plan = chooseDesktopLauncher({ ...withElectron, runningAsRoot: true }, options);
    expect(plan).toEqual({ kind: 'url', reason: expect.stringMatching(/^running as root, .*open http:\/\/127\.0\.0\.1:8080\/ in a browser as a normal user$/) });
  });
});
