import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EXTERNAL_ALLOW_LIST,
  guardWebContents,
  hardenSession,
  installNavigationGuards,
  isAllowedExternal,
  isAppUrl,
} from '../../../electron/main/security.js';
import { electron, fake, FakeWebContents } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

beforeEach(() => fake.reset());

const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

describe('isAppUrl', () => {
  it("accepts only the app's own origin, parsed, not by prefix", () => {
    for (const url of ['app://hostledger/', 'app://hostledger/index.html', 'app://hostledger/assets/app.js?v=1#/clients']) {
      expect(isAppUrl(url), url).toBe(true);
    }
    for (const url of [
      'app://hostledger.evil.example/',
      'app://evil/hostledger',
      'app://user:pw@hostledger/',
      'https://hostledger/',
      'file:///app://hostledger/',
      'javascript:alert(1)//app://hostledger/',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('isAllowedExternal', () => {
  const list = ['https://docs.hostledger.example/guide/'];

  it('passes only https links under an allow-listed prefix', () => {
    expect(isAllowedExternal('https://docs.hostledger.example/guide/arrears', list)).toBe(true);
    for (const url of [
      'http://docs.hostledger.example/guide/arrears',
      'https://docs.hostledger.example/other',
      'https://docs.hostledger.example.evil.example/guide/',
      'https://user@docs.hostledger.example/guide/',
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternal(url, list), url).toBe(false);
    }
  });

  it('ships an allow-list of https entries only', () => {
    for (const entry of EXTERNAL_ALLOW_LIST) expect(new URL(entry).protocol).toBe('https:');
    expect(isAllowedExternal('https://example.com/')).toBe(false);
  });
});

describe('hardenSession', () => {
  it('denies every permission request, check and device, and cancels remote requests', () => {
    const ses = fake.makeSession();
    hardenSession(ses as unknown as Session);

    const request = ses.setPermissionRequestHandler.mock.calls[0][0] as (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    const check = ses.setPermissionCheckHandler.mock.calls[0][0] as (wc: unknown, permission: string) => boolean;
    expect(check(null, 'media')).toBe(false);
    const device = ses.setDevicePermissionHandler.mock.calls[0][0] as (details: unknown) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);

    const [filter, listener] = ses.webRequest.onBeforeRequest.mock.calls[0] as [{ urls: string[] }, (d: unknown, cb: (r: unknown) => void) => void];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    listener({ url: 'https://cdn.example/tracker.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('hardens the default session when given none', () => {
    hardenSession();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });
});

describe('guardWebContents', () => {
  const guarded = (allowList?: readonly string[]) => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents, allowList);
    return contents;
  };

  it('prevents navigation and redirects away from the app, in any frame', () => {
    const contents = guarded();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navigation('https://evil.example/phish');
      contents.emit(event, away);
      expect(away.preventDefault, event).toHaveBeenCalled();
      const fileUrl = navigation('file:///etc/passwd');
      contents.emit(event, fileUrl);
      expect(fileUrl.preventDefault, event).toHaveBeenCalled();
      const home = navigation('app://hostledger/index.html#/invoices');
      contents.emit(event, home);
      expect(home.preventDefault, event).not.toHaveBeenCalled();
    }
  });

  it('denies every new window and opens only allow-listed https links outside', () => {
    const contents = guarded(['https://docs.hostledger.example/']);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://hostledger/index.html' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://docs.hostledger.example/arrears' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.hostledger.example/arrears');
  });

  it('prevents every <webview>', () => {
    const contents = guarded();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('is applied to every web contents the app creates', () => {
    installNavigationGuards();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    const away = navigation('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
