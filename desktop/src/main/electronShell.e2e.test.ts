/**
 * The built shell, end to end, in a real Electron (Playwright's `_electron`) against a small
 * stand-in for the twin server. Runs where the Electron binary is installed and there is a
 * display; elsewhere the suite is skipped and says why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../twin-server/src/http/contentSecurityPolicy.ts';
import { findDisplay, probeElectron } from '../launcher/probeDesktopEnvironment.ts';
import { WINDOW_LAYOUT_FILE } from './windowLayoutStore.ts';

const electron = probeElectron();
const display = findDisplay(process.env, process.platform);
const skipReason =
  'missing' in electron
    ? 'Electron binary not installed (node node_modules/electron/install.js): skipped'
    : display === undefined
      ? 'no display (DISPLAY and WAYLAND_DISPLAY are unset): skipped'
      : undefined;

const desktopRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The twin server's part the shell relies on: the app page at `/` and the liveness probe. */
async function startStandInServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, reply) => {
    if (request.url === '/api/health') return void reply.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    reply.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>twin</title><p>app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe.skipIf(skipReason !== undefined)(skipReason ?? 'Electron shell end to end (PLAT-11 security by default)', () => {
  let server: Server;
  let url: string;
  let userDataDir: string;
  let app: ElectronApplication;
  let appClosed = false;
  let page: Page;

  beforeAll(async () => {
    const builder = await createBuilder({ configFile: join(desktopRoot, 'vite.shell.config.ts'), logLevel: 'warn' });
    await builder.buildApp();
    ({ server, url } = await startStandInServer());
    userDataDir = mkdtempSync(join(tmpdir(), 'twin-shell-e2e-'));
    app = await _electron.launch({
      executablePath: (electron as { binary: string }).binary,
      args: [
        join(desktopRoot, 'dist/main/main.js'),
        `--server-url=${url}`,
        `--user-data-dir=${userDataDir}`,
        '--lang=en',
        // Chromium refuses to run as root with its OS sandbox; the renderer sandbox flag is still asserted below.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 120_000);

  afterAll(async () => {
    if (!appClosed) await app?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads the app from the twin server', () => {
    expect(page.url()).toBe(url);
  });

  it('gives the page no Node: require and process are undefined', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  it('exposes only the task-specific twinShell API', async () => {
    expect(await page.evaluate(() => Object.keys(window.twinShell ?? {}).sort())).toEqual(['openWindow', 'platform', 'signInWithSso']);
    expect(await page.evaluate(() => window.twinShell?.platform.language)).toBe('en');
  });

  it('creates the window isolated, sandboxed, without Node, webviews or spell checker', async () => {
    // `getLastWebPreferences` is there at run time but not in Electron's type declarations.
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> } | undefined;
      return contents?.getLastWebPreferences();
    });
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, spellcheck: false });
  });

  it("puts the app's Content-Security-Policy on responses", async () => {
    expect(await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'))).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies window.open and navigation away from the app', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await page.evaluate(() => void (location.href = 'https://example.com/'));
    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
  });

  it('refuses an invalid IPC payload', async () => {
    const message = await page.evaluate(() => window.twinShell?.openWindow('settings' as 'alarms').then(() => 'opened', (error: Error) => error.message));
    expect(message).toMatch(/^TWIN_ERR_BAD_REQUEST: /);
  });

  it('opens the alarm list in its own window and remembers where it was', async () => {
    const [alarms] = await Promise.all([app.waitForEvent('window'), page.evaluate(() => window.twinShell?.openWindow('alarms'))]);
    await alarms.waitForLoadState('domcontentloaded');
    expect(alarms.url()).toBe(`${url}#/window/alarms`);
    await app.close();
    appClosed = true;
    const layoutFile = join(userDataDir, WINDOW_LAYOUT_FILE);
    expect(existsSync(layoutFile)).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(layoutFile, 'utf8')).windows).sort()).toEqual(['alarms', 'main']);
  });
});
