// The main window: locked-down web preferences (security checklist items 2–4, 6, 8–10, 12), the
// renderer from app://hostledger/, and the size and place it had last time, unless that place is
// on a monitor that is no longer there.
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { APP_ORIGIN } from '../../shared/api/bridge.js';
import type { Preferences } from '../core/index.js';
import type { WindowBounds } from '../core/prefs/preferences.js';
import { PRELOAD_FILE } from './paths.js';

export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 900, height: 600 };
/** How much of a window must lie on a display for it to count as reachable there. */
const MIN_VISIBLE = { width: 120, height: 40 };
/** Moving or resizing fires many events; write the preference once things settle. */
export const SAVE_DELAY_MS = 500;

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
const isCoordinate = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function overlaps(window: Rectangle, area: Rectangle): boolean {
  const width = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const height = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height;
}

/**
 * Where to open, from the saved preference (read from a file the user may have edited, so every
 * field is checked). A position off every display's work area is dropped; the OS then centres
 * the window.
 */
export function initialBounds(saved: WindowBounds | null, workAreas: readonly Rectangle[]): WindowBounds {
  if (saved === null || !isSize(saved.width) || !isSize(saved.height)) return { ...DEFAULT_SIZE, maximized: false };
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  const maximized = saved.maximized === true;
  if (!isCoordinate(saved.x) || !isCoordinate(saved.y)) return { width, height, maximized };
  const place = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  return workAreas.some((area) => overlaps(place, area)) ? { ...place, maximized } : { width, height, maximized };
}

function rememberBounds(win: BrowserWindow, prefs: Preferences): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed()) return;
    // The normal bounds are the un-maximized ones, so un-maximizing next time restores them.
    const { x, y, width, height } = win.getNormalBounds();
    prefs.set('window', { x, y, width, height, maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('move', saveSoon);
  win.on('resize', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);
}

export function createMainWindow(prefs: Preferences, preload: string = PRELOAD_FILE): BrowserWindow {
  const bounds = initialBounds(prefs.get('window'), screen.getAllDisplays().map((display) => display.workArea));
  const { x, y } = bounds;
  const win = new BrowserWindow({
    // No position at all (not undefined ones) lets the OS place the window.
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'HostLedger',
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    // Written out here, not built elsewhere, so static checkers (Electronegativity) see every option.
    webPreferences: {
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click cannot open a link in a new window (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      preload,
    },
  });
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  rememberBounds(win, prefs);
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
