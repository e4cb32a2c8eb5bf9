// A stand-in for the 'electron' module: Electron cannot run on the team's machines (DESIGN §1), so
// the shell is tested against these fakes, which record what the code asked Electron to do.
// Use it in a test file with:
//   vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());
// The fake lives on globalThis, so a module re-imported after vi.resetModules() sees the same one.
import { EventEmitter } from 'node:events';
import Conf, { type Options as ConfOptions } from 'conf';
import { vi } from 'vitest';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the fake app and screen report; tests change it before acting. */
export interface FakeState {
  userData: string;
  appPath: string;
  isPackaged: boolean;
  singleInstance: boolean;
  systemLanguages: string[];
  displays: { workArea: Rect }[];
  storageBackend: string;
  shouldReEncrypt: boolean;
}

const initialState = (): FakeState => ({
  userData: '/nonexistent/user-data',
  appPath: '/nonexistent/app',
  isPackaged: false,
  singleInstance: true,
  systemLanguages: ['en-US'],
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  storageBackend: 'gnome_libsecret',
  shouldReEncrypt: false,
});

export class FakeWebContents extends EventEmitter {
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  getURL = () => this.url;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

function createFake() {
  const state = initialState();
  /** Every recorded call in order, as "module.method", for tests about what happens first. */
  const calls: string[] = [];
  const record = <A extends unknown[], R>(name: string, impl: (...args: A) => R) =>
    vi.fn((...args: A) => {
      calls.push(name);
      return impl(...args);
    });

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances.filter((w) => !w.destroyed);
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    maximized = false;
    normalBounds: Rect;
    loadURL = vi.fn(async (url: string) => {
      this.webContents.url = url;
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    maximize = vi.fn(() => (this.maximized = true));
    constructor(readonly options: Record<string, unknown> & { width: number; height: number; x?: number; y?: number }) {
      super();
      calls.push('BrowserWindow.constructor');
      this.normalBounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
      BrowserWindow.instances.push(this);
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => this.minimized;
    isMaximized = () => this.maximized;
    getNormalBounds = () => ({ ...this.normalBounds });
    /** What the user closing the window does: 'close', then 'closed'. */
    close() {
      this.emit('close');
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: vi.fn((name: string) => (name === 'userData' ? state.userData : `/nonexistent/${name}`)),
    getAppPath: vi.fn(() => state.appPath),
    getPreferredSystemLanguages: vi.fn(() => state.systemLanguages),
    requestSingleInstanceLock: record('app.requestSingleInstanceLock', () => state.singleInstance),
    enableSandbox: record('app.enableSandbox', () => {}),
    whenReady: record('app.whenReady', () => Promise.resolve()),
    quit: record('app.quit', () => {}),
    exit: record('app.exit', (_code?: number) => {}),
  });
  // Object.assign would have copied a getter's value once; this one follows the state.
  Object.defineProperty(app, 'isPackaged', { get: () => state.isPackaged });

  const makeSession = () => ({
    setPermissionRequestHandler: record('session.setPermissionRequestHandler', (_handler: unknown) => {}),
    setPermissionCheckHandler: record('session.setPermissionCheckHandler', (_handler: unknown) => {}),
    setDevicePermissionHandler: record('session.setDevicePermissionHandler', (_handler: unknown) => {}),
    webRequest: { onBeforeRequest: record('session.webRequest.onBeforeRequest', (_filter: unknown, _listener: unknown) => {}) },
  });

  const ipcMain = Object.assign(new EventEmitter(), {
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    handle: record('ipcMain.handle', (channel: string, handler: (...args: unknown[]) => unknown) => {
      ipcMain.handlers.set(channel, handler);
    }),
  });
  vi.spyOn(ipcMain, 'removeAllListeners');

  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })) });

  // A reversible scrambling that, unlike the real keychain, anyone can undo; enough to see that
  // what reaches the file is the cipher's output and never the plain text.
  const scramble = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  const safeStorage = {
    encryptStringAsync: vi.fn(async (plain: string) => Buffer.concat([Buffer.from('v11'), scramble(Buffer.from(plain, 'utf8'))])),
    decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ result: scramble(sealed.subarray(3)).toString('utf8'), shouldReEncrypt: state.shouldReEncrypt })),
    getSelectedStorageBackend: vi.fn(() => state.storageBackend),
  };

  /** A system notification: records what was shown; a test clicks it with emit('click'). */
  class Notification extends EventEmitter {
    static shown: Notification[] = [];
    static supported = true;
    static isSupported = () => Notification.supported;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show = vi.fn(() => {
      Notification.shown.push(this);
    });
  }

  const module = {
    app,
    Notification,
    BrowserWindow,
    ipcMain,
    ipcRenderer,
    safeStorage,
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged', (_schemes: unknown) => {}),
      handle: record('protocol.handle', (_scheme: string, _handler: (request: Request) => Promise<Response>) => {}),
    },
    session: { defaultSession: makeSession() },
    screen: { getAllDisplays: vi.fn(() => state.displays) },
    dialog: {
      showErrorBox: record('dialog.showErrorBox', (_title: string, _content: string) => {}),
      showMessageBox: vi.fn(async (_options: unknown) => ({ response: 0, checkboxChecked: false })),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: record('Menu.setApplicationMenu', (_menu: unknown) => {}),
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    contextBridge: { exposeInMainWorld: vi.fn((_key: string, _api: unknown) => {}) },
  };

  return {
    state,
    calls,
    module,
    makeSession,
    /** Back to a fresh app: state, recorded calls, listeners and windows. */
    reset() {
      Object.assign(state, initialState());
      calls.length = 0;
      vi.clearAllMocks();
      app.removeAllListeners();
      ipcMain.removeAllListeners();
      ipcMain.handlers.clear();
      ipcRenderer.removeAllListeners();
      BrowserWindow.instances.length = 0;
      Notification.shown.length = 0;
      Notification.supported = true;
    },
  };
}

type Fake = ReturnType<typeof createFake>;
const holder = globalThis as typeof globalThis & { __hostledgerFakeElectron?: Fake };
export const fake: Fake = (holder.__hostledgerFakeElectron ??= createFake());
export const electron = fake.module;
export type FakeBrowserWindow = InstanceType<typeof electron.BrowserWindow>;

/** The module object for vi.mock('electron', …): named exports, and the default export electron-store uses. */
export function electronModule() {
  return { ...electron, default: electron };
}

/**
 * electron-store's behaviour without Electron: a `conf` store named by `name` in the fake app's
 * user-data folder, as electron-store itself maps its options. For vi.mock('electron-store', …).
 */
export class FakeElectronStore<T extends Record<string, unknown>> extends Conf<T> {
  static created: { name?: string; defaults?: unknown }[] = [];
  constructor(options: Omit<ConfOptions<T>, 'configName' | 'projectName' | 'cwd'> & { name?: string }) {
    const { name = 'config', ...rest } = options;
    super({ ...rest, configName: name, projectName: 'HostLedger', cwd: fake.state.userData } as ConfOptions<T>);
    FakeElectronStore.created.push({ name, defaults: options.defaults });
  }
}
