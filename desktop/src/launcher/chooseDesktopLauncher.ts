/**
 * How `npm start` shows the app. With a display: the Electron shell when its binary is installed
 * and the shell is built, else Chromium or Chrome in app mode when one is on the PATH. Otherwise
 * (no display, no browser, or root, where neither starts with its sandbox) the URL, for any
 * browser. Each plan says why it was chosen.
 */

/** What the launcher found on this machine. */
export interface DesktopEnvironment {
  /** The Electron binary, or why there is none. */
  electron: { binary: string } | { missing: string };
  /** The built main process of the shell, and whether it exists. */
  shellMain: { path: string; built: boolean };
  /** A Chromium-family browser on the PATH. */
  browser: string | undefined;
  /** What provides a display (`DISPLAY=:0`, `WAYLAND_DISPLAY=wayland-0`, the desktop session), if anything. */
  display: string | undefined;
  /** Root on Linux, where Electron and Chromium refuse to start without disabling their sandbox. */
  runningAsRoot: boolean;
}

/** What to run, and why. */
export type LaunchPlan =
  | { kind: 'electron' | 'chromium'; command: string; args: string[]; reason: string }
  | { kind: 'url'; reason: string };

export interface LaunchPlanOptions {
  /** The twin server's URL, which serves the app. */
  url: string;
  /** The Chromium profile of the app window, kept apart from the user's own. */
  chromiumUserDataDir: string;
  /** The shell's language (`--lang`); the operating system's when absent. */
  lang?: string;
}

/** Where to get the Electron binary when it is missing. */
export const ELECTRON_INSTALL_HINT = 'node node_modules/electron/install.js';

export function chooseDesktopLauncher(environment: DesktopEnvironment, options: LaunchPlanOptions): LaunchPlan {
  const { url } = options;
  const openInBrowser = `open ${url} in a browser`;
  if (environment.runningAsRoot) {
    return { kind: 'url', reason: `running as root, where Electron and Chromium do not start with their sandbox; ${openInBrowser} as a normal user` };
  }
  if (environment.display === undefined) return { kind: 'url', reason: `no display (DISPLAY and WAYLAND_DISPLAY are unset); ${openInBrowser}` };
  const { electron, shellMain } = environment;
  if ('binary' in electron && shellMain.built) {
    const args = [shellMain.path, `--server-url=${url}`, ...(options.lang === undefined ? [] : [`--lang=${options.lang}`])];
    return { kind: 'electron', command: electron.binary, args, reason: `opening the desktop app (Electron ${electron.binary})` };
  }
  const noShell =
    'missing' in electron
      ? `Electron binary is not installed: ${electron.missing} (fetch it with \`${ELECTRON_INSTALL_HINT}\`)`
      : `the desktop shell is not built: ${shellMain.path} is missing (run \`npm run build:shell -w desktop\`)`;
  if (environment.browser === undefined) return { kind: 'url', reason: `${noShell}; no Chromium or Google Chrome on the PATH; ${openInBrowser}` };
  return {
    kind: 'chromium',
    command: environment.browser,
    args: [`--app=${url}`, `--user-data-dir=${options.chromiumUserDataDir}`, '--no-first-run', '--no-default-browser-check'],
    reason: `${noShell}; opening Chromium app mode (${environment.browser}) on ${environment.display}`,
  };
}
