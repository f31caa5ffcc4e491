/**
 * The Electron main process: the composition root of the shell. It loads the app from the twin
 * server (`--server-url`, `TWIN_SERVER_URL`, default `http://127.0.0.1:8080/`), whose origin is
 * the app's origin for every security decision; serves only the offline page from `twin://app/`;
 * and gives the renderer `window.twinShell` (single sign-on, detached windows) through a
 * sandboxed preload.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../twin-server/src/http/contentSecurityPolicy.ts';
import { encodeShellInfoArgument } from '../shared/shellInfoArgument.ts';
import { applicationMenuTemplate } from './applicationMenu.ts';
import { APP_SCHEME, appProtocolResponse, registerAppScheme } from './appProtocol.ts';
import { hardenSession } from './hardenSession.ts';
import { hardenWebContents } from './hardenWebContents.ts';
import { loadAppPage } from './loadAppPage.ts';
import { OFFLINE_PAGE_CSP, offlinePageHtml, type OfflineState } from './offlinePage.ts';
import { parseShellConfig, type ShellConfig } from './parseShellConfig.ts';
import { registerIpcHandlers } from './registerIpcHandlers.ts';
import { resolveShellLanguage } from './resolveShellLanguage.ts';
import { SHELL_STRINGS } from './shellStrings.ts';
import { SsoSignInService } from './ssoSignInService.ts';
import { waitForServer } from './waitForServer.ts';
import { WINDOW_LAYOUT_FILE, WindowLayoutStore } from './windowLayoutStore.ts';
import { WindowManager } from './windowManager.ts';

/** The user-data folder under the system's application-data folder (not the localised product name). */
const USER_DATA_FOLDER = 'smart-community-twin';

/** The app's version (desktop/package.json), put in by the shell's Vite build. */
const APP_VERSION: string = import.meta.env.TWIN_APP_VERSION;

const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

let config: ShellConfig;
try {
  config = parseShellConfig(process.argv, process.env);
} catch (error) {
  console.error(`twin desktop: ${(error as Error).message}`);
  process.exit(2);
}
const appUrl = config.serverUrl;

// Before the app is ready: the privileged scheme, the sandbox for every renderer, the profile.
registerAppScheme(protocol);
app.enableSandbox();
app.setPath('userData', config.userDataDir ?? join(app.getPath('appData'), USER_DATA_FOLDER));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let windows: WindowManager | undefined;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { appUrl, openDetachedWindow: (name) => windows?.openDetached(name) }));
  app.on('second-instance', () => windows?.focusMain());
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(
    () => (windows = start()),
    (error: Error) => {
      console.error(`twin desktop: ${error.message}`);
      app.exit(1);
    },
  );
}

/** Everything that needs the ready app; returns the window manager. */
function start(): WindowManager {
  const language = resolveShellLanguage(config.requestedLanguage, app.getPreferredSystemLanguages());
  const strings = SHELL_STRINGS[language];
  const offline: OfflineState = { serverUrl: appUrl, reason: '' };

  hardenSession(session.defaultSession, { appUrl, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  protocol.handle(APP_SCHEME, (request) =>
    appProtocolResponse(request.url, { html: offlinePageHtml(offline, strings, language), contentSecurityPolicy: OFFLINE_PAGE_CSP }),
  );

  const layoutStore = new WindowLayoutStore(join(app.getPath('userData'), WINDOW_LAYOUT_FILE));
  const shellInfo = encodeShellInfoArgument({
    os: process.platform,
    arch: process.arch,
    appVersion: APP_VERSION,
    electronVersion: process.versions.electron,
    chromeVersion: process.versions.chrome,
    language,
  });
  const windows = new WindowManager({
    appUrl,
    preloadPath,
    additionalArguments: [shellInfo],
    devTools: config.devTools,
    strings,
    layoutStore,
    screen,
    loadPage: (win, url) =>
      loadAppPage(win, url, {
        appUrl,
        onOffline: (reason) => (offline.reason = reason),
        waitForServer: (signal) => waitForServer(appUrl, { signal }),
      }),
  });

  const sso = new SsoSignInService({ serverUrl: appUrl, openExternal: (url) => shell.openExternal(url) });
  const removeIpcHandlers = registerIpcHandlers(ipcMain, appUrl, {
    signInWithSso: (providerId) => sso.signIn(providerId),
    openWindow: (name) => windows.openDetached(name),
  });

  app.setAboutPanelOptions({ applicationName: strings.productName, applicationVersion: APP_VERSION });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({ strings, platform: process.platform, devTools: config.devTools, openWindow: (name) => windows.openDetached(name) }),
    ),
  );
  app.once('will-quit', () => {
    sso.dispose();
    removeIpcHandlers();
    windows.dispose();
    layoutStore.flush();
  });

  windows.openMain();
  return windows;
}
