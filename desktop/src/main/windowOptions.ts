/**
 * The options of every window of the app (Electron security checklist; PLAT-11 security by
 * default). Pure, so a test pins each setting.
 */
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/** What differs between windows. */
export interface WindowOptionsInput {
  /** Absolute path of the bundled preload. */
  preloadPath: string;
  title: string;
  bounds: Rectangle;
  /** Renderer-process switches, e.g. the shell information for the preload. */
  additionalArguments: string[];
  /** Allow the developer tools (`--dev-tools`); off in production. */
  devTools: boolean;
}

/** The smallest window the command center lays out in. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;

/** `webPreferences` of every window: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(input: Pick<WindowOptionsInput, 'preloadPath' | 'additionalArguments' | 'devTools'>): WebPreferences {
  return {
    preload: input.preloadPath,
    additionalArguments: input.additionalArguments,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: input.devTools,
    // PLAT-3: alarms are announced by sound as soon as they fire, without a click first.
    autoplayPolicy: 'no-user-gesture-required',
  };
}

/** Constructor options of a window. It is shown once its first paint is ready. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: input.title,
    show: false,
    backgroundColor: '#0b1f33',
    webPreferences: secureWebPreferences(input),
  };
}
