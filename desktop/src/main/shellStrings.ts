/** Every text the shell itself shows (menus, window titles, the offline page), in each language. */
import type { DetachableWindowName, ShellLanguage } from '../shared/shellApi.ts';
import type { WindowKey } from './windowLayout.ts';

export interface ShellStrings {
  productName: string;
  windowTitles: Record<WindowKey, string>;
  menu: {
    file: string;
    edit: string;
    view: string;
    window: string;
    help: string;
    about: string;
    hide: string;
    hideOthers: string;
    showAll: string;
    quit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    selectAll: string;
    reload: string;
    forceReload: string;
    devTools: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    fullScreen: string;
    minimize: string;
    close: string;
    /** Window-menu items that open a detachable view in its own window. */
    views: Record<DetachableWindowName, string>;
  };
  offline: { title: string; cannotReach: string; retrying: string; reason: string };
}

export const SHELL_STRINGS: Record<ShellLanguage, ShellStrings> = {
  'zh-CN': {
    productName: '智慧社区数字孪生运营中心',
    windowTitles: { main: '智慧社区数字孪生运营中心', alarms: '报警列表 · 智慧社区数字孪生运营中心', cameras: '视频墙 · 智慧社区数字孪生运营中心' },
    menu: {
      file: '文件',
      edit: '编辑',
      view: '视图',
      window: '窗口',
      help: '帮助',
      about: '关于',
      hide: '隐藏',
      hideOthers: '隐藏其他',
      showAll: '全部显示',
      quit: '退出',
      undo: '撤销',
      redo: '重做',
      cut: '剪切',
      copy: '复制',
      paste: '粘贴',
      selectAll: '全选',
      reload: '重新加载',
      forceReload: '强制重新加载',
      devTools: '开发者工具',
      resetZoom: '实际大小',
      zoomIn: '放大',
      zoomOut: '缩小',
      fullScreen: '全屏',
      minimize: '最小化',
      close: '关闭窗口',
      views: { alarms: '报警列表窗口', cameras: '视频墙窗口' },
    },
    offline: {
      title: '无法连接孪生服务器',
      cannotReach: '无法连接孪生服务器',
      retrying: '服务器可用后将自动重新连接。',
      reason: '原因',
    },
  },
  en: {
    productName: 'Smart Community Digital Twin Operations Center',
    windowTitles: {
      main: 'Smart Community Digital Twin Operations Center',
      alarms: 'Alarms · Smart Community Digital Twin',
      cameras: 'Camera wall · Smart Community Digital Twin',
    },
    menu: {
      file: 'File',
      edit: 'Edit',
      view: 'View',
      window: 'Window',
      help: 'Help',
      about: 'About',
      hide: 'Hide',
      hideOthers: 'Hide Others',
      showAll: 'Show All',
      quit: 'Quit',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      selectAll: 'Select All',
      reload: 'Reload',
      forceReload: 'Force Reload',
      devTools: 'Developer Tools',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      fullScreen: 'Full Screen',
      minimize: 'Minimize',
      close: 'Close Window',
      views: { alarms: 'Alarm List Window', cameras: 'Camera Wall Window' },
    },
    offline: {
      title: 'Cannot reach the twin server',
      cannotReach: 'Cannot reach the twin server at',
      retrying: 'The app reconnects as soon as the server is available.',
      reason: 'Reason',
    },
  },
};
