/** The application menu, in the shell's language. */
import type { MenuItemConstructorOptions } from 'electron';
import { DETACHABLE_WINDOWS, type DetachableWindowName } from '../shared/shellApi.ts';
import type { ShellStrings } from './shellStrings.ts';

export interface ApplicationMenuOptions {
  strings: ShellStrings;
  /** `process.platform`: macOS gets its application menu, others a File menu. */
  platform: string;
  /** Show the developer tools item (`--dev-tools`). */
  devTools: boolean;
  openWindow: (name: DetachableWindowName) => void;
}

/** The menu template; `Menu.buildFromTemplate` turns it into the menu. */
export function applicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const { menu, productName } = options.strings;
  const mac = options.platform === 'darwin';
  const first: MenuItemConstructorOptions = mac
    ? {
        label: productName,
        submenu: [
          { role: 'about', label: `${menu.about} ${productName}` },
          { type: 'separator' },
          { role: 'hide', label: menu.hide },
          { role: 'hideOthers', label: menu.hideOthers },
          { role: 'unhide', label: menu.showAll },
          { type: 'separator' },
          { role: 'quit', label: menu.quit },
        ],
      }
    : { label: menu.file, submenu: [{ role: 'quit', label: menu.quit }] };
  return [
    first,
    {
      label: menu.edit,
      submenu: [
        { role: 'undo', label: menu.undo },
        { role: 'redo', label: menu.redo },
        { type: 'separator' },
        { role: 'cut', label: menu.cut },
        { role: 'copy', label: menu.copy },
        { role: 'paste', label: menu.paste },
        { role: 'selectAll', label: menu.selectAll },
      ],
    },
    {
      label: menu.view,
      submenu: [
        { role: 'reload', label: menu.reload },
        { role: 'forceReload', label: menu.forceReload },
        ...(options.devTools ? [{ role: 'toggleDevTools', label: menu.devTools } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: menu.resetZoom },
        { role: 'zoomIn', label: menu.zoomIn },
        { role: 'zoomOut', label: menu.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: menu.fullScreen },
      ],
    },
    {
      label: menu.window,
      submenu: [
        ...DETACHABLE_WINDOWS.map(
          (name, index): MenuItemConstructorOptions => ({
            label: menu.views[name],
            accelerator: `CmdOrCtrl+Shift+${index + 1}`,
            click: () => options.openWindow(name),
          }),
        ),
        { type: 'separator' },
        { role: 'minimize', label: menu.minimize },
        { role: 'close', label: menu.close },
      ],
    },
    // macOS has About in the application menu.
    ...(mac ? [] : [{ label: menu.help, submenu: [{ role: 'about', label: `${menu.about} ${productName}` }] } satisfies MenuItemConstructorOptions]),
  ];
}
