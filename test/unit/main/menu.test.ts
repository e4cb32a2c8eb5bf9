import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_VERSION, memoryPreferences } from '../../../electron/core/index.js';
import { installMenu, menuLanguage, menuTemplate, type MenuOptions } from '../../../electron/main/menu.js';
import { electron, fake } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

beforeEach(() => fake.reset());

const options = (overrides: Partial<MenuOptions> = {}): MenuOptions => ({ language: 'en', isPackaged: true, platform: 'linux', onAbout: () => {}, onLoadSampleBook: () => {}, ...overrides });
const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label);
const submenu = (template: MenuItemConstructorOptions[], label: string) => template.find((item) => item.label === label)!.submenu as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.role).map((item) => item.role);
const allItems = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help in English', () => {
    const template = menuTemplate(options());
    expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(template, 'File'))).toEqual(['quit']);
    expect(labels(submenu(template, 'File'))[0]).toBe('Load Sample Book…');
    expect(roles(submenu(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    expect(roles(submenu(template, 'View'))).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(submenu(template, 'Window'))).toEqual(['minimize']);
    expect(labels(submenu(template, 'Help'))).toEqual(['About HostLedger']);
  });

  it('has the same menus in Simplified Chinese, with every label translated', () => {
    const template = menuTemplate(options({ language: 'zh-CN' }));
    expect(labels(template)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(submenu(template, '文件')[0]).toMatchObject({ label: '载入示例账簿…' });
    expect(submenu(template, '文件')[2]).toMatchObject({ role: 'quit', label: '退出 HostLedger' });
    expect(labels(submenu(template, '帮助'))).toEqual(['关于 HostLedger']);
    for (const item of allItems(template).filter((i) => i.type !== 'separator')) {
      expect(item.label, JSON.stringify(item.role)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('offers developer tools only when not packaged', () => {
    const dev = roles(submenu(menuTemplate(options({ isPackaged: false })), 'View'));
    expect(dev).toContain('toggleDevTools');
    expect(allItems(menuTemplate(options({ isPackaged: true }))).map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('shows About from Help', () => {
    const onAbout = vi.fn();
    const about = submenu(menuTemplate(options({ onAbout })), 'Help')[0];
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('puts Quit in the app menu on macOS', () => {
    const template = menuTemplate(options({ platform: 'darwin', language: 'zh-CN' }));
    expect(labels(template)).toEqual(['HostLedger', '文件', '编辑', '视图', '窗口', '帮助']);
    expect(roles(submenu(template, 'HostLedger'))).toContain('quit');
    expect(roles(submenu(template, '文件'))).toEqual(['close']);
  });
});

describe('the menu language', () => {
  it("is the user's choice, else the system's when that is Chinese, else English", () => {
    expect(menuLanguage('en', ['zh-CN'])).toBe('en');
    expect(menuLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(menuLanguage(null, ['zh-Hans-CN', 'en-US'])).toBe('zh-CN');
    expect(menuLanguage(null, ['de-DE', 'zh-CN'])).toBe('en');
    expect(menuLanguage(null, [])).toBe('en');
  });

  it('loads the sample book from File and reports what it loaded', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: { clients: 300, contracts: 720, plans: 17 } }));
    installMenu(memoryPreferences({ language: 'en' }), { dispatch });
    const menu = electron.Menu.setApplicationMenu.mock.calls[0][0] as { template: MenuItemConstructorOptions[] };
    (submenu(menu.template, 'File')[0].click as () => void)();
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    expect(dispatch).toHaveBeenCalledWith('demo.load', {});
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Sample book loaded: 300 clients, 720 contracts, 17 plans.' }));
  });

  it('follows the language preference when installed', () => {
    fake.state.systemLanguages = ['en-US'];
    installMenu(memoryPreferences({ language: 'zh-CN' }), { dispatch: async () => ({ ok: true, value: null }) });
    const menu = electron.Menu.setApplicationMenu.mock.calls[0][0] as { template: MenuItemConstructorOptions[] };
    expect(labels(menu.template)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    // A checkout is not packaged: developer tools are there.
    expect(allItems(menu.template).map((i) => i.role)).toContain('toggleDevTools');
    (submenu(menu.template, '帮助')[0].click as () => void)();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: '关于 HostLedger', message: `HostLedger ${APP_VERSION}` }),
    );
  });
});
