/**
 * The app's windows: the main window and the detachable views (alarm list, camera wall), each
 * opened where it was last (`WindowLayoutStore`), clamped onto the displays there are now, and
 * moved back onto a display when one is removed or changes resolution. Closing the main window
 * closes the detached ones.
 */
import { BrowserWindow, type Screen } from 'electron';
import type { DetachableWindowName } from '../shared/shellApi.ts';
import { detachedWindowUrl } from './detachedWindowRoute.ts';
import { clampPlacement, restorePlacement, type DisplayArea } from './placeWindow.ts';
import type { ShellStrings } from './shellStrings.ts';
import type { WindowKey, WindowPlacement } from './windowLayout.ts';
import type { WindowLayoutStore } from './windowLayoutStore.ts';
import { windowOptions } from './windowOptions.ts';

export interface WindowManagerOptions {
  appUrl: URL;
  preloadPath: string;
  additionalArguments: string[];
  devTools: boolean;
  strings: ShellStrings;
  layoutStore: WindowLayoutStore;
  screen: Screen;
  /** Loads an app page into a window (with the offline fallback). */
  loadPage: (win: BrowserWindow, url: string) => void;
}

export class WindowManager {
  readonly #options: WindowManagerOptions;
  readonly #windows = new Map<WindowKey, BrowserWindow>();
  readonly #onDisplaysChanged = (): void => this.#clampOpenWindows();

  constructor(options: WindowManagerOptions) {
    this.#options = options;
    options.screen.on('display-removed', this.#onDisplaysChanged);
    options.screen.on('display-metrics-changed', this.#onDisplaysChanged);
  }

  /** Opens the main window, or focuses it. */
  openMain(): void {
    const created = this.#open('main', this.#options.appUrl.href);
    created?.once('closed', () => {
      for (const win of this.#windows.values()) win.close();
    });
  }

  /** Opens a detachable view in its own window, or focuses it. */
  openDetached(name: DetachableWindowName): void {
    this.#open(name, detachedWindowUrl(this.#options.appUrl, name));
  }

  /** Brings the main window to the front (a second start of the app). */
  focusMain(): void {
    const main = this.#windows.get('main');
    if (main === undefined) return;
    if (main.isMinimized()) main.restore();
    main.focus();
  }

  dispose(): void {
    this.#options.screen.off('display-removed', this.#onDisplaysChanged);
    this.#options.screen.off('display-metrics-changed', this.#onDisplaysChanged);
  }

  /** Focuses window `key` if open; otherwise creates it and returns it. */
  #open(key: WindowKey, url: string): BrowserWindow | undefined {
    const existing = this.#windows.get(key);
    if (existing !== undefined) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return undefined;
    }
    const { screen, layoutStore, strings } = this.#options;
    const placement = restorePlacement(key, layoutStore.get(key), this.#displays(), screen.getPrimaryDisplay().id);
    const win = new BrowserWindow(
      windowOptions({
        preloadPath: this.#options.preloadPath,
        additionalArguments: this.#options.additionalArguments,
        devTools: this.#options.devTools,
        title: strings.windowTitles[key],
        bounds: placement.bounds,
      }),
    );
    win.once('ready-to-show', () => {
      if (placement.maximized) win.maximize();
      win.show();
    });
    this.#windows.set(key, win);
    this.#rememberPlacement(key, win);
    win.once('closed', () => this.#windows.delete(key));
    this.#options.loadPage(win, url);
    return win;
  }

  #rememberPlacement(key: WindowKey, win: BrowserWindow): void {
    const remember = (): void => {
      if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
      this.#options.layoutStore.set(key, this.#placementOf(win));
    };
    win.on('resize', remember);
    win.on('move', remember);
    win.on('maximize', remember);
    win.on('unmaximize', remember);
    win.on('close', remember);
  }

  #placementOf(win: BrowserWindow): WindowPlacement {
    const bounds = win.getNormalBounds();
    return { bounds, displayId: this.#options.screen.getDisplayMatching(bounds).id, maximized: win.isMaximized() };
  }

  #displays(): DisplayArea[] {
    return this.#options.screen.getAllDisplays().map(({ id, workArea }) => ({ id, workArea }));
  }

  #clampOpenWindows(): void {
    const displays = this.#displays();
    const primaryId = this.#options.screen.getPrimaryDisplay().id;
    for (const win of this.#windows.values()) {
      if (win.isDestroyed() || win.isMaximized() || win.isFullScreen()) continue;
      const current = this.#placementOf(win);
      const { bounds } = clampPlacement(current, displays, primaryId);
      const moved = bounds.x !== current.bounds.x || bounds.y !== current.bounds.y || bounds.width !== current.bounds.width || bounds.height !== current.bounds.height;
      if (moved) win.setBounds(bounds);
    }
  }
}
