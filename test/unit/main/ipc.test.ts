import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../shared/api/bridge.js';
import { forwardEvents, registerIpc } from '../../../electron/main/ipc.js';
import { openTestBook, type TestBook } from '../../fixtures/book.js';
import { electron, fake, type FakeBrowserWindow } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

let book: TestBook;
beforeEach(async () => {
  fake.reset();
  book = await openTestBook();
});
afterEach(() => book.close());

/** What ipcRenderer.invoke would deliver to the handler from a frame at `url`. */
function callFrom(url: string | null, method: string, input?: unknown): Promise<unknown> {
  const handler = electron.ipcMain.handlers.get(IPC_CALL_CHANNEL);
  if (!handler) throw new Error('no api:call handler registered');
  const event = { senderFrame: url === null ? null : { url } };
  return Promise.resolve(handler(event, method, input));
}

describe('api:call', () => {
  it('refuses every frame that is not app://hostledger, without calling dispatch', async () => {
    const dispatch = vi.spyOn(book.backend, 'dispatch');
    registerIpc(book.backend);
    const foreign = [
      'https://evil.example/',
      'file:///home/user/evil.html',
      'http://127.0.0.1:5173/',
      'app://evil/index.html',
      'app://hostledger.evil/index.html',
      'app://evil@hostledger/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      null,
    ];
    for (const url of foreign) {
      expect(await callFrom(url, 'app.info', {}), String(url)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('HostLedger') },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it("dispatches a call from the app's own frame and answers with the envelope", async () => {
    const dispatch = vi.spyOn(book.backend, 'dispatch');
    registerIpc(book.backend);
    const answer = await callFrom('app://hostledger/index.html#/clients', 'app.info', {});
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
    expect(answer).toMatchObject({ ok: true, value: { dataDir: book.dataDir } });
    // Whatever the renderer sends is dispatch's to judge, and comes back as an envelope.
    expect(await callFrom('app://hostledger/', 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callFrom('app://hostledger/', 42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callFrom('app://hostledger/', 'clients.create', { name: 'x', currency: 'CNY', admin: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('api:event', () => {
  const openWindow = (url: string): FakeBrowserWindow => {
    const win = new electron.BrowserWindow({ width: 800, height: 600 });
    win.webContents.url = url;
    return win;
  };

  it("sends the backend's events to the window until it closes", async () => {
    const win = openWindow('app://hostledger/index.html');
    forwardEvents(book.backend, win as unknown as BrowserWindow);
    const client = await book.call('clients.create', { name: 'Zhang Wei', currency: 'CNY' });
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, { name: 'clients.changed', payload: { id: client.id, change: 'created' } });

    win.close();
    win.webContents.send.mockClear();
    await book.call('clients.create', { name: 'Li Na', currency: 'CNY' });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it('sends nothing to a window showing anything but the app', async () => {
    const win = openWindow('https://evil.example/');
    forwardEvents(book.backend, win as unknown as BrowserWindow);
    await book.call('clients.create', { name: 'Zhang Wei', currency: 'CNY' });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});
