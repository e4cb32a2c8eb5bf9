// Which Chromium the end-to-end suite drives. playwright-core downloads no browser, so it uses one
// installed on the machine: $CHROMIUM_PATH, else /usr/bin/chromium, else a Chrome or Chromium found
// on PATH or in the usual install folders. None found fails the suite with how to install one —
// it never skips silently (DESIGN §6).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const LAUNCH_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'chrome.exe', 'msedge.exe'];

const INSTALL_FOLDERS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    // A path set on purpose that does not work is a mistake to report, not to paper over.
    if (!isExecutable(chosen)) throw new Error(`CHROMIUM_PATH is set to ${chosen}, which is not an executable file.`);
    return chosen;
  }
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((folder) => NAMES_ON_PATH.map((name) => join(folder, name)));
  const found = ['/usr/bin/chromium', ...onPath, ...INSTALL_FOLDERS].find(isExecutable);
  if (found) return found;
  throw new Error(
    'The end-to-end suite needs Chromium or Chrome, and none was found ($CHROMIUM_PATH, /usr/bin/chromium, PATH). ' +
      'Install one — on Debian or Ubuntu: `sudo apt-get install chromium` — or set CHROMIUM_PATH to a Chrome or Chromium executable. ' +
      'playwright-core downloads no browser of its own.',
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: LAUNCH_FLAGS });
}
