import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryPreferences } from '../../../electron/core/index.js';
import { PRELOAD_FILE, RENDERER_DIR } from '../../../electron/main/paths.js';
import { APP_ENTRY_URL, createMainWindow, DEFAULT_SIZE, initialBounds, MIN_SIZE, SAVE_DELAY_MS } from '../../../electron/main/window.js';
import { electron, fake } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

beforeEach(() => fake.reset());
afterEach(() => vi.useRealTimers());

const lastWindow = () => electron.BrowserWindow.instances.at(-1)!;

describe('the main window', () => {
  it('is created with exactly the locked-down web preferences and loads the app origin', () => {
    createMainWindow(memoryPreferences(), '/app/build/electron/preload/index.cjs');
    const win = lastWindow();
    expect(win.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/build/electron/preload/index.cjs',
    });
    expect(APP_ENTRY_URL).toBe('app://hostledger/index.html');
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://hostledger/index.html');
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('finds the preload and the renderer where tsc and Vite put them', () => {
    const mainDir = dirname(fileURLToPath(new URL('../../../electron/main/paths.ts', import.meta.url)));
    expect(relative(mainDir, PRELOAD_FILE)).toBe(join('..', 'preload', 'index.cjs'));
    expect(relative(mainDir, RENDERER_DIR)).toBe(join('..', '..', 'renderer'));
    // Those steps are taken from build/electron/main, where tsc (rootDir ".", outDir "build")
    // compiles main; from there they reach index.cts's output and build/renderer.
    const { rootDir, outDir } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')).compilerOptions;
    expect([rootDir, outDir]).toEqual(['.', 'build']);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main).toBe('build/electron/main/index.js');
    expect(existsSync(join(ROOT, 'electron', 'preload', 'index.cts'))).toBe(true);
  });
});

describe('window bounds', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('reopens where it was, maximized again if it was', () => {
    const prefs = memoryPreferences({ window: { x: 100, y: 80, width: 1000, height: 700, maximized: true } });
    createMainWindow(prefs);
    const win = lastWindow();
    expect(win.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalledOnce();
  });

  it('keeps a position on a second display and drops one that is off every display', () => {
    expect(initialBounds({ x: 2100, y: 50, width: 1200, height: 800, maximized: false }, [primary, right])).toEqual({
      x: 2100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: false,
    });
    // The second monitor is gone: same size, placed by the OS.
    expect(initialBounds({ x: 2100, y: 50, width: 1200, height: 800, maximized: false }, [primary])).toEqual({ width: 1200, height: 800, maximized: false });
    // Barely a corner showing is not reachable either.
    expect(initialBounds({ x: 1900, y: 1030, width: 1200, height: 800, maximized: false }, [primary])).toEqual({ width: 1200, height: 800, maximized: false });

    fake.state.displays = [{ workArea: primary }];
    createMainWindow(memoryPreferences({ window: { x: -5000, y: 3000, width: 1100, height: 750, maximized: false } }));
    const options = lastWindow().options;
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
    expect(options).toMatchObject({ width: 1100, height: 750 });
  });

  it('falls back to defaults for a missing or damaged preference', () => {
    expect(initialBounds(null, [primary])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    const damaged = { x: 'left', y: null, width: -3, height: Number.NaN, maximized: 'yes' } as never;
    expect(initialBounds(damaged, [primary])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    expect(initialBounds({ width: 200, height: 100, maximized: false }, [primary])).toEqual({ ...MIN_SIZE, maximized: false });
  });

  it('saves the bounds once moving or resizing settles, and at once on close', () => {
    vi.useFakeTimers();
    const prefs = memoryPreferences();
    createMainWindow(prefs);
    const win = lastWindow();

    win.normalBounds = { x: 40, y: 30, width: 1300, height: 900 };
    win.emit('move');
    win.emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(prefs.get('window')).toBeNull();
    win.emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(prefs.get('window')).toEqual({ x: 40, y: 30, width: 1300, height: 900, maximized: false });

    win.maximized = true;
    win.normalBounds = { x: 50, y: 60, width: 1250, height: 850 };
    win.close();
    expect(prefs.get('window')).toEqual({ x: 50, y: 60, width: 1250, height: 850, maximized: true });
    // Nothing is left to fire at a destroyed window.
    expect(vi.getTimerCount()).toBe(0);
  });
});
