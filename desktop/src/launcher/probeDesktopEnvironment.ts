/** Finding out what `chooseDesktopLauncher` needs to know about this machine. */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesktopEnvironment } from './chooseDesktopLauncher.ts';

/** Browsers tried for app mode, in order. */
export const APP_MODE_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** The shell's built main process, `desktop/dist/main/main.js`. */
export const SHELL_MAIN_PATH = fileURLToPath(new URL('../../dist/main/main.js', import.meta.url));

export interface ProbeOptions {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  /** `process.getuid()` where there is one. */
  uid: number | undefined;
  shellMainPath?: string;
}

export function probeDesktopEnvironment(options: ProbeOptions): DesktopEnvironment {
  const shellMainPath = options.shellMainPath ?? SHELL_MAIN_PATH;
  return {
    electron: probeElectron(),
    shellMain: { path: shellMainPath, built: existsSync(shellMainPath) },
    browser: findAppModeBrowser(options.env['PATH'] ?? '', options.platform),
    display: findDisplay(options.env, options.platform),
    runningAsRoot: options.platform === 'linux' && options.uid === 0,
  };
}

/**
 * The Electron binary, as the `electron` package names it (its main export is the binary's path,
 * and loading it throws while the binary was never downloaded), or why there is none.
 */
export function probeElectron(): { binary: string } | { missing: string } {
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch (error) {
    return { missing: (error as Error).message.split('\n')[0] as string };
  }
  if (typeof binary !== 'string') return { missing: 'the electron package does not name a binary' };
  return existsSync(binary) ? { binary } : { missing: `${binary} does not exist` };
}

/** The first of `APP_MODE_BROWSERS` that is an executable file in a directory of `path`. */
export function findAppModeBrowser(path: string, platform: string): string | undefined {
  const suffix = platform === 'win32' ? '.exe' : '';
  for (const name of APP_MODE_BROWSERS) {
    for (const directory of path.split(delimiter)) {
      if (directory === '') continue;
      const candidate = join(directory, name + suffix);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** What provides a display: on Linux and other Unix an X11 or Wayland display, on Windows and macOS the desktop session. */
export function findDisplay(env: Readonly<Record<string, string | undefined>>, platform: string): string | undefined {
  if (platform === 'win32' || platform === 'darwin') return 'the desktop session';
  for (const name of ['WAYLAND_DISPLAY', 'DISPLAY']) {
    const value = env[name];
    if (value !== undefined && value !== '') return `${name}=${value}`;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
