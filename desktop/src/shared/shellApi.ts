/**
 * The API the Electron shell gives the renderer as `window.twinShell`. In a plain browser the
 * property is absent: the renderer checks for it and falls back to browser behaviour (password
 * login, in-page panels instead of detached windows).
 *
 * The renderer imports the types only; the shell's preload implements them and the main process
 * validates every call (sender origin and payload) before acting on it.
 */
import type { LoginResult } from '@twin/protocol';

/** Views that can open in a window of their own, e.g. on a second screen. */
export const DETACHABLE_WINDOWS = ['alarms', 'cameras'] as const;

/** The name of a detachable view; its window shows the route `#/window/<name>`. */
export type DetachableWindowName = (typeof DETACHABLE_WINDOWS)[number];

/** The user-interface languages of the shell: its menus and the language it suggests to the renderer. */
export const SHELL_LANGUAGES = ['zh-CN', 'en'] as const;

/** A user-interface language of the shell. */
export type ShellLanguage = (typeof SHELL_LANGUAGES)[number];

/** What the renderer may know about the shell it runs in. */
export interface ShellPlatform {
  /** Operating system as Node names it: `'linux'`, `'win32'`, `'darwin'`. */
  os: string;
  /** CPU architecture: `'x64'`, `'arm64'`, … */
  arch: string;
  /** Version of the desktop app. */
  appVersion: string;
  electronVersion: string;
  chromeVersion: string;
  /** The language of the shell's menus (`--lang` or the operating system's); the renderer starts in it. */
  language: ShellLanguage;
}

/**
 * `window.twinShell`. Failed calls reject with an `Error` whose message starts with a
 * `TWIN_ERR_*` code from `@twin/protocol`, then `: ` and a human-readable message, e.g.
 * `TWIN_ERR_AUTH_SSO: sign-in was not completed within 5 minutes`.
 */
export interface TwinShell {
  readonly platform: ShellPlatform;
  /**
   * Single sign-on in the system browser (RFC 8252): the shell opens the identity provider's
   * login through the twin server, receives the authorization code on a loopback address and
   * exchanges it, with its PKCE verifier, for a session. A second call cancels a pending one.
   *
   * @param providerId - an id from the server's list of single sign-on providers.
   */
  signInWithSso(providerId: string): Promise<LoginResult>;
  /** Opens the view in its own window (or focuses it), where it was last placed. */
  openWindow(name: DetachableWindowName): Promise<void>;
}

declare global {
  interface Window {
    /** Present only inside the desktop app. */
    readonly twinShell?: TwinShell;
  }
}
