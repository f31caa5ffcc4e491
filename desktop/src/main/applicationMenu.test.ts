import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from './applicationMenu.ts';
import { SHELL_STRINGS } from './shellStrings.ts';

const labels = (items: MenuItemConstructorOptions[]): string[] => items.map((item) => item.label ?? `(${item.type ?? item.role})`);
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => item?.submenu as MenuItemConstructorOptions[];

describe('application menu', () => {
  it('speaks Chinese by default and English when asked', () => {
    const zh = applicationMenuTemplate({ strings: SHELL_STRINGS['zh-CN'], platform: 'linux', devTools: false, openWindow: () => undefined });
    const en = applicationMenuTemplate({ strings: SHELL_STRINGS.en, platform: 'linux', devTools: false, openWindow: () => undefined });
    expect(labels(zh)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(en)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('labels every item, so no English role label shows in the Chinese menu', () => {
    const zh = applicationMenuTemplate({ strings: SHELL_STRINGS['zh-CN'], platform: 'linux', devTools: true, openWindow: () => undefined });
    for (const item of zh.flatMap(submenu)) {
      if (item.type !== 'separator') expect(item.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('opens the alarm list and the camera wall in their own windows', () => {
    const openWindow = vi.fn();
    const menu = applicationMenuTemplate({ strings: SHELL_STRINGS.en, platform: 'linux', devTools: false, openWindow });
    const windowMenu = submenu(menu.find((item) => item.label === 'Window'));
    for (const item of windowMenu.filter((entry) => entry.click !== undefined)) (item.click as () => void)();
    expect(openWindow.mock.calls).toEqual([['alarms'], ['cameras']]);
    expect(windowMenu.slice(0, 2).map((item) => item.accelerator)).toEqual(['CmdOrCtrl+Shift+1', 'CmdOrCtrl+Shift+2']);
  });

  it('offers the developer tools only with --dev-tools', () => {
    const roles = (devTools: boolean) =>
      submenu(applicationMenuTemplate({ strings: SHELL_STRINGS.en, platform: 'linux', devTools, openWindow: () => undefined })[2]).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('follows macOS conventions there: an application menu, About in it', () => {
    const mac = applicationMenuTemplate({ strings: SHELL_STRINGS.en, platform: 'darwin', devTools: false, openWindow: () => undefined });
    expect(labels(mac)).toEqual([SHELL_STRINGS.en.productName, 'Edit', 'View', 'Window']);
    expect(submenu(mac[0]).map((item) => item.role)).toContain('about');
  });
});
