import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAppModeBrowser, findDisplay, probeDesktopEnvironment, probeElectron } from './probeDesktopEnvironment.ts';

describe('probeDesktopEnvironment', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'twin-launcher-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  function executable(folder: string, name: string, mode = 0o755): string {
    mkdirSync(join(directory, folder), { recursive: true });
    const path = join(directory, folder, name);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, mode);
    return path;
  }

  it('finds the first app-mode browser on the PATH, in order of preference', () => {
    executable('a', 'google-chrome');
    const chromium = executable('b', 'chromium');
    const path = [join(directory, 'a'), join(directory, 'b')].join(delimiter);
    expect(findAppModeBrowser(path, 'linux')).toBe(chromium);
  });

  it('skips files that are not executable, directories and empty PATH entries', () => {
    executable('a', 'chromium', 0o644);
    mkdirSync(join(directory, 'b', 'chromium'), { recursive: true });
    expect(findAppModeBrowser(['', join(directory, 'a'), join(directory, 'b')].join(delimiter), 'linux')).toBeUndefined();
  });

  it('finds a display on X11 or Wayland, and always on Windows and macOS', () => {
    expect(findDisplay({ DISPLAY: ':0' }, 'linux')).toBe('DISPLAY=:0');
    expect(findDisplay({ DISPLAY: ':0', WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe('WAYLAND_DISPLAY=wayland-0');
    expect(findDisplay({ DISPLAY: '' }, 'linux')).toBeUndefined();
    expect(findDisplay({}, 'win32')).toBe('the desktop session');
  });

  it('reports whether the shell is built and whether this is root on Linux', () => {
    const main = executable('dist', 'main.js');
    const environment = probeDesktopEnvironment({ env: { PATH: '' }, platform: 'linux', uid: 0, shellMainPath: main });
    expect(environment).toMatchObject({ shellMain: { path: main, built: true }, browser: undefined, display: undefined, runningAsRoot: true });
    expect(probeDesktopEnvironment({ env: {}, platform: 'darwin', uid: 0, shellMainPath: join(directory, 'none.js') })).toMatchObject({
      shellMain: { built: false },
      runningAsRoot: false,
    });
  });

  it('names the Electron binary, or says why there is none', () => {
    const electron = probeElectron();
    if ('binary' in electron) expect(electron.binary).toMatch(/electron/i);
    else expect(electron.missing).not.toBe('');
  });
});
