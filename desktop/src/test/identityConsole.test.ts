import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SensorRegistry } from '@twin/protocol';
import { startTestServer } from '@twin/server/testing';
import { zhCN } from '../renderer/i18n/zhCN.ts';
import { buildRenderer, type BuiltRenderer } from './buildRenderer.ts';
import { launchChromium } from './launchChromium.ts';
import { visibleTexts } from './visibleTexts.ts';

// End-to-end: the production build of the renderer, served by a real twin server, in Chromium.
// Screenshots of each screen go to /tmp/ui-shots.

const PASSWORD = 'correct horse battery staple';
const SHOTS = join(tmpdir(), 'ui-shots');

const registry: SensorRegistry = {
  version: 1,
  community: { id: 'futian', name: '福田测试社区' },
  sensors: [
    { id: 'B01-NOISE-01', kind: 'noise', unit: 'dBA', name: '1 栋噪声', location: { lon: 114.06, lat: 22.54, heightM: 1.5, area: 'zone-a', placement: 'outdoor', building: 'B01' }, samplingIntervalS: 60 },
    { id: 'GAS-LEL-01', kind: 'gas_lel', unit: '%LEL', name: '燃气浓度', location: { lon: 114.061, lat: 22.541, heightM: 0.5, area: 'zone-b', placement: 'outdoor' }, samplingIntervalS: 60 },
  ],
};

/** A visible text that is an i18n key (a missing translation shows its key). */
const RAW_KEY = new RegExp(`^(${Object.keys(zhCN).join('|')})\\.[A-Za-z0-9_.-]+$`);

async function rawTextKeys(page: Page): Promise<string[]> {
  return (await visibleTexts(page)).filter((text) => RAW_KEY.test(text) || text.includes('{{'));
}

async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

describe('identity in the console (PLAT-8, PLAT-11, PROP-2 e; real server, real Chromium)', () => {
  let renderer: BuiltRenderer;
  let modelsDir: string;
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  const cspViolations: string[] = [];

  /** A fresh browser context (its own sessionStorage) on the console's start page. */
  async function openConsole(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await page.goto(t.server.httpUrl);
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    renderer = await buildRenderer();
    // No community models: these tests are about identity, not the 3D scene.
    modelsDir = await mkdtemp(join(tmpdir(), 'twin-no-models-'));
    t = await startTestServer(registry, { rendererDir: renderer.dir, modelsDir });
    await t.seedOrganisation({ id: 'futian-property', name: '福田智慧物业', kind: 'property', domain: [{}] }, [
      { username: 'admin01', password: PASSWORD, displayName: '张伟', grants: [{ role: 'administrator', scope: {} }] },
      { username: 'viewer01', password: PASSWORD, displayName: '李娜', grants: [{ role: 'viewer', scope: { zone: 'zone-a' } }] },
      { username: 'locked01', password: PASSWORD, displayName: '赵磊', grants: [{ role: 'operator', scope: {} }] },
      { username: 'pwchange01', password: PASSWORD, displayName: '孙丽', grants: [{ role: 'crew', scope: { building: 'B01' } }] },
    ]);
    await t.seedOrganisation({ id: 'nanshan-street', name: '南山街道办', kind: 'street', domain: [{}] }, [
      { username: 'night01', password: PASSWORD, displayName: '陈静', grants: [{ role: 'operator', scope: {} }] },
    ]);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await renderer?.remove();
    if (modelsDir !== undefined) await rm(modelsDir, { recursive: true, force: true });
  });

  it('PROP-2 e shows the login screen in Chinese by default, under the strict CSP', async () => {
    const page = await openConsole();
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('登录');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.field-label').allTextContents()).toEqual(['用户名', '密码']);
    expect(await page.locator('button[type=submit]').textContent()).toBe('登录');
    expect(await page.title()).toBe('智慧社区数字孪生运营中心');
    const response = await page.request.get(t.server.httpUrl);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await shot(page, 'login-zh');
    await page.context().close();
  }, 60_000);

  it('PROP-2 e switches every visible label to English and back, and never shows a raw text key', async () => {
    const page = await openConsole();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.field-label').allTextContents()).toEqual(['User name', 'Password']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await rawTextKeys(page)).toEqual([]);
    await shot(page, 'login-en');

    await signIn(page, 'admin01');
    await page.locator('.top-bar').waitFor();
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toBe('Live connection: connected');
    const viewRoot: Record<string, string> = { overview: '.layout-center', alarms: '.alarms-view', cameras: '.cameras-view' };
    for (const view of ['overview', 'alarms', 'cameras', 'users', 'audit', 'organisation']) {
      await page.locator(`a[data-view=${view}]`).click();
      await page.locator(viewRoot[view] ?? '.admin-panel').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await rawTextKeys(page), view).toEqual([]);
    }
    await shot(page, 'organisation-en');

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('.main-menu-item').allTextContents()).toEqual(['态势总览', '报警管理', '视频监控', '用户管理', '审计日志', '组织设置']);
    expect(await rawTextKeys(page)).toEqual([]);
    expect(await page.getByTestId('connection-status').textContent()).toBe('实时连接：已连接');
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('tells a wrong password apart from a locked account', async () => {
    const page = await openConsole();
    await signIn(page, 'admin01', 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('用户名或密码错误。');
    await shot(page, 'login-wrong-password');

    // The organisation locks an account after five failures in a row.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, 'locked01', `wrong guess ${attempt}`);
      await page.locator('button[type=submit]:not([disabled])').waitFor();
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^账户因连续登录失败已被锁定，将于 \d{2}:\d{2}:\d{2} 解锁（约 15 分钟后）。$/);
    await signIn(page, 'locked01');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^账户因连续登录失败已被锁定，将于 /);
    await shot(page, 'login-locked');
    await page.context().close();
  }, 60_000);

  it('PLAT-8 shows the administrative menus only to roles that carry their permissions', async () => {
    const admin = await openConsole();
    await signIn(admin, 'admin01');
    await expect.poll(() => admin.locator('.main-menu-item').allTextContents()).toEqual(['态势总览', '报警管理', '视频监控', '用户管理', '审计日志', '组织设置']);
    await expect.poll(() => admin.getByTestId('status-user').textContent()).toBe('当前用户：张伟 · 福田智慧物业');
    await shot(admin, 'control-room-admin');
    await admin.context().close();

    const viewer = await openConsole();
    await signIn(viewer, 'viewer01');
    await expect.poll(() => viewer.locator('.main-menu-item').allTextContents()).toEqual(['态势总览', '报警管理', '视频监控']);
    expect(await viewer.locator('.user-menu-roles').textContent()).toBe('只读访客');
    // A bookmark of an administrative view shows the overview instead.
    await viewer.evaluate(() => {
      window.location.hash = '#/users';
    });
    await viewer.waitForTimeout(300);
    expect(await viewer.locator('.admin-panel').count()).toBe(0);
    await shot(viewer, 'control-room-viewer');
    await viewer.context().close();
  }, 60_000);

  it('PLAT-8 an administrator creates a user in the UI, who can then sign in with the granted role only', async () => {
    const page = await openConsole();
    await signIn(page, 'admin01');
    await page.locator('a[data-view=users]').click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=username]').fill('crew07');
    await dialog.locator('input[name=displayName]').fill('王强');
    await dialog.locator('input[name=password]').fill('short');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.locator('.field-error').allTextContents()).toEqual(['密码须为 12–256 个字符。']);

    await dialog.locator('input[name=password]').fill('maintenance crew 07');
    await dialog.locator('select[name=clearance]').selectOption('restricted');
    const grant = dialog.getByTestId('grant-row').first();
    await grant.getByLabel('角色').selectOption('crew');
    await grant.getByLabel('楼栋').fill('B01');
    await grant.getByLabel('图层').selectOption('water');
    await shot(page, 'user-create');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('已创建用户 crew07。');
    const row = page.locator('tr[data-username=crew07]');
    await expect.poll(() => row.textContent()).toContain('维修班组楼栋 B01 · 图层 给水');
    expect(await row.textContent()).toContain('受限');
    await shot(page, 'users');
    await page.context().close();

    const crew = await openConsole();
    await signIn(crew, 'crew07', 'maintenance crew 07');
    await expect.poll(() => crew.getByTestId('status-user').textContent()).toBe('当前用户：王强 · 福田智慧物业');
    expect(await crew.locator('.main-menu-item').allTextContents()).toEqual(['态势总览', '报警管理', '视频监控']);
    await crew.context().close();
  }, 60_000);

  it('PLAT-8 warns before the idle lock, keeps the session on input, then locks; the same user unlocks', async () => {
    await t.setIdleTimeout('nanshan-street', 12);
    const page = await openConsole();
    await signIn(page, 'night01');
    await page.locator('.top-bar').waitFor();

    // The warning shows for the last half of a short timeout; background polling never counts.
    const countdown = page.locator('.idle-countdown');
    await countdown.waitFor({ timeout: 15_000 });
    expect(await countdown.textContent()).toMatch(/^将在 \d 秒后锁定$/);
    await shot(page, 'idle-countdown');

    // Input is activity: the warning goes and the deadline moves.
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await page.locator('.idle-overlay').waitFor({ state: 'detached', timeout: 5_000 });
    await expect.poll(() => page.getByTestId('idle-remaining').textContent()).toMatch(/自动锁定 0:1\d/);

    // Without input, the console locks at the deadline and shows who was signed in.
    await page.getByText('控制台已锁定').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('lock-user').textContent()).toBe('陈静（night01）· 南山街道办');
    expect(await page.getByRole('status').first().textContent()).toBe('由于长时间无操作，控制台已自动锁定。');
    expect(await page.evaluate(() => sessionStorage.getItem('twin.sessionToken'))).toBeNull();
    await shot(page, 'lock-screen');

    await page.locator('input[name=password]').fill('not it');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('用户名或密码错误。');
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => page.getByTestId('status-user').textContent()).toBe('当前用户：陈静 · 南山街道办');
    await t.setIdleTimeout('nanshan-street', 900);
    await page.context().close();
  }, 90_000);

  it('PLAT-8 signing a user out everywhere locks that user’s console at once', async () => {
    const viewer = await openConsole();
    await signIn(viewer, 'viewer01');
    await expect.poll(() => viewer.getByTestId('connection-status').textContent()).toBe('实时连接：已连接');

    const admin = await openConsole();
    await signIn(admin, 'admin01');
    await admin.locator('a[data-view=users]').click();
    await admin.locator('tr[data-username=viewer01]').getByRole('button', { name: '强制下线' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '强制下线' }).click();
    await expect.poll(() => admin.getByRole('status').first().textContent()).toBe('已注销 李娜 的全部会话。');

    await viewer.getByText('控制台已锁定').waitFor({ timeout: 10_000 });
    expect(await viewer.getByRole('status').first().textContent()).toBe('会话已被管理员或其他终端注销。');
    await shot(viewer, 'lock-screen-revoked');
    await viewer.getByRole('button', { name: '切换用户' }).click();
    await expect.poll(() => viewer.locator('.field-label').allTextContents()).toEqual(['用户名', '密码']);
    await admin.context().close();
    await viewer.context().close();
  }, 60_000);

  it('PLAT-8 an administrator sets the idle timeout, and the signed-in session follows it', async () => {
    const page = await openConsole();
    await signIn(page, 'admin01');
    await page.locator('a[data-view=organisation]').click();
    const idle = page.locator('input[name=idleTimeout]');
    await idle.fill('0');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.field-error').allTextContents()).toEqual(['请输入 1–1440 之间的整数。']);
    await idle.fill('5');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('组织设置已保存。');
    await expect.poll(() => page.getByTestId('idle-remaining').textContent()).toMatch(/^自动锁定 [45]:\d{2}$/);
    await shot(page, 'organisation');
    await page.context().close();
  }, 60_000);

  it('PROP-2 i the audit log finds failed sign-ins', async () => {
    await expect(t.login('admin01', 'a wrong password')).rejects.toThrow();
    const page = await openConsole();
    await signIn(page, 'admin01');
    await page.locator('a[data-view=audit]').click();
    await page.locator('select[name=outcome]').selectOption('failed');
    await page.locator('input[name=actor]').fill('admin01');
    await page.getByRole('button', { name: '查询' }).click();
    const table = page.getByTestId('audit-table');
    await expect.poll(async () => (await table.locator('tbody tr').count()) > 0).toBe(true);
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.every((row) => row.includes('失败') && row.includes('admin01'))).toBe(true);
    expect(rows.some((row) => row.includes('登录'))).toBe(true);
    await shot(page, 'audit');
    await page.context().close();
  }, 60_000);

  it('changes the own password: the current one is checked, the new one works', async () => {
    const page = await openConsole();
    await signIn(page, 'pwchange01');
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog');
    const fields = dialog.locator('input[type=password]');
    await fields.nth(0).fill('not my password');
    await fields.nth(1).fill('a brand new password');
    await fields.nth(2).fill('a brand new password');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('当前密码不正确。');
    await fields.nth(0).fill(PASSWORD);
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('密码已修改。');
    await page.context().close();
    const result = await t.login('pwchange01', 'a brand new password');
    expect(result.session.user.username).toBe('pwchange01');
  }, 60_000);

  it('says how long to wait when one address failed too often', async () => {
    const limited = await startTestServer(registry, { rendererDir: renderer.dir, modelsDir, identity: { ...t.config.identity, maxFailedLoginsPerAddress: 3 } });
    try {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(limited.server.httpUrl);
      for (let attempt = 1; attempt <= 4; attempt++) {
        await signIn(page, 'nobody-here', `guess ${attempt}`);
        await page.locator('button[type=submit]:not([disabled])').waitFor();
      }
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^尝试过于频繁，请 \d+ 秒后再试。$/);
      await shot(page, 'login-rate-limited');
      await context.close();
    } finally {
      await limited.close();
    }
  }, 60_000);
});
