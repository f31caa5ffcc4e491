/**
 * `openDesktop(url)`: what `npm start` calls once the twin server listens. It shows the app in the
 * best way this machine allows (see `chooseDesktopLauncher`) and prints why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chooseDesktopLauncher, type LaunchPlan } from './chooseDesktopLauncher.ts';
import { probeDesktopEnvironment } from './probeDesktopEnvironment.ts';

export interface OpenDesktopOptions {
  /** The shell's language, `zh-CN` or `en`; the operating system's when absent. */
  lang?: string;
  /** The environment to look in (`PATH`, `DISPLAY`, `WAYLAND_DISPLAY`) and to start the app with; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** Where the line saying what was opened and why goes; `console.log` by default. */
  log?: (line: string) => void;
}

/** What `openDesktop` did. */
export interface DesktopLaunch {
  kind: LaunchPlan['kind'];
  reason: string;
  /** The Electron or Chromium process, when one was started. */
  child?: ChildProcess;
}

/**
 * Opens the app served at `url`: the Electron shell, else Chromium in app mode, else it prints
 * the URL. Returns at once; the app's process, if any, runs on its own.
 *
 * @example
 * const launch = openDesktop('http://127.0.0.1:8080/');
 * // "Desktop: Electron binary is not installed (…); opening Chromium app mode (/usr/bin/chromium) on DISPLAY=:0"
 */
export function openDesktop(url: string, options: OpenDesktopOptions = {}): DesktopLaunch {
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const plan = chooseDesktopLauncher(probeDesktopEnvironment({ env, platform: process.platform, uid: process.getuid?.() }), {
    url,
    chromiumUserDataDir: join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'smart-community-twin', 'chromium-app'),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  });
  log(`Desktop: ${plan.reason}`);
  if (plan.kind === 'url') return { kind: plan.kind, reason: plan.reason };
  const child = spawn(plan.command, plan.args, { env, stdio: plan.kind === 'electron' ? 'inherit' : 'ignore' });
  child.on('error', (error) => log(`Desktop: cannot start ${plan.command} (${error.message}); open ${url} in a browser`));
  return { kind: plan.kind, reason: plan.reason, child };
}
