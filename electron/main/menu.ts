// The application menu, in the language the user chose (or the system's). Electron leaves role
// items in English, so every label is given here. The template is a pure function for the tests.
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/domain/language.js';
import { APP_VERSION, type Backend, type Preferences } from '../core/index.js';

const LABELS = {
  en: {
    file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help',
    quit: 'Quit HostLedger', close: 'Close Window', about: 'About HostLedger',
    loadSample: 'Load Sample Book…', sampleLoaded: 'Sample book loaded: {clients} clients, {contracts} contracts, {plans} plans.', sampleFailed: 'The sample book was not loaded',
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', delete: 'Delete', selectAll: 'Select All',
    reload: 'Reload', toggleDevTools: 'Developer Tools', resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
    togglefullscreen: 'Full Screen', minimize: 'Minimize', zoom: 'Zoom', hide: 'Hide HostLedger', hideOthers: 'Hide Others', unhide: 'Show All',
  },
  'zh-CN': {
    file: '文件', edit: '编辑', view: '视图', window: '窗口', help: '帮助',
    quit: '退出 HostLedger', close: '关闭窗口', about: '关于 HostLedger',
    loadSample: '载入示例账簿…', sampleLoaded: '示例账簿已载入：{clients} 个客户，{contracts} 份合同，{plans} 个套餐。', sampleFailed: '示例账簿未载入',
    undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', delete: '删除', selectAll: '全选',
    reload: '重新加载', toggleDevTools: '开发者工具', resetZoom: '实际大小', zoomIn: '放大', zoomOut: '缩小',
    togglefullscreen: '全屏', minimize: '最小化', zoom: '缩放', hide: '隐藏 HostLedger', hideOthers: '隐藏其他', unhide: '全部显示',
  },
} satisfies Record<Language, Record<string, string>>;

/** The chosen language, else Chinese when the system's first language is Chinese, else English. */
export function menuLanguage(chosen: Language | null, systemLanguages: readonly string[]): Language {
  if (chosen) return chosen;
  return systemLanguages[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export interface MenuOptions {
  language: Language;
  /** Developer tools only in a checkout, never in an installed app. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
  onAbout: () => void;
  /** Fills an empty book with the sample book (demo.load). */
  onLoadSampleBook: () => void;
}

export function menuTemplate({ language, isPackaged, platform, onAbout, onLoadSampleBook }: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    // On macOS Quit belongs to the app menu, and File only closes the window.
    { label: t.file, submenu: [{ label: t.loadSample, click: onLoadSampleBook }, sep, mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        sep,
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'delete', label: t.delete },
        sep,
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'reload', label: t.reload },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: t.toggleDevTools } satisfies MenuItemConstructorOptions]),
        sep,
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        sep,
        { role: 'togglefullscreen', label: t.togglefullscreen },
      ],
    },
    {
      label: t.window,
      submenu: [{ role: 'minimize', label: t.minimize }, ...(mac ? [{ role: 'zoom', label: t.zoom } satisfies MenuItemConstructorOptions] : [])],
    },
    { label: t.help, submenu: [{ label: t.about, click: onAbout }] },
  ];
  if (!mac) return template;
  const appMenu: MenuItemConstructorOptions = {
    label: 'HostLedger',
    submenu: [{ role: 'hide', label: t.hide }, { role: 'hideOthers', label: t.hideOthers }, { role: 'unhide', label: t.unhide }, sep, { role: 'quit', label: t.quit }],
  };
  return [appMenu, ...template];
}

export function installMenu(prefs: Preferences, backend: Pick<Backend, 'dispatch'>): void {
  const language = menuLanguage(prefs.get('language'), app.getPreferredSystemLanguages());
  const t = LABELS[language];
  const onLoadSampleBook = () => {
    void backend.dispatch('demo.load', {}).then((answer) => {
      if (answer.ok) {
        const counts = answer.value as Record<string, number>;
        void dialog.showMessageBox({ type: 'info', message: t.sampleLoaded.replace(/\{(\w+)\}/g, (_m, key: string) => String(counts[key])), buttons: ['OK'] });
      } else {
        void dialog.showMessageBox({ type: 'warning', message: t.sampleFailed, detail: answer.error.message, buttons: ['OK'] });
      }
    });
  };
  const onAbout = () => {
    void dialog.showMessageBox({
      type: 'info',
      title: LABELS[language].about,
      message: `HostLedger ${APP_VERSION}`,
      detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
      buttons: ['OK'],
    });
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ language, isPackaged: app.isPackaged, platform: process.platform, onAbout, onLoadSampleBook })));
}
