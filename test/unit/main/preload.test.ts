import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type HostLedgerBridge } from '../../../shared/api/bridge.js';
import { electron, fake } from './fakeElectron.js';

const SOURCE = new URL('../../../electron/preload/index.cts', import.meta.url);
let key: string;
let bridge: HostLedgerBridge;

/**
 * Runs the preload the way a sandboxed renderer does: compiled to CommonJS as tsc emits it, as a
 * function of (require, process, exports, module), where require knows only 'electron'.
 */
function runLikeSandboxedPreload(): void {
  const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    fileName: 'index.cts',
    compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2023 },
  });
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const exports = {};
  new Function('require', 'process', 'exports', 'module', outputText)(sandboxRequire, {}, exports, { exports });
}

beforeAll(() => {
  fake.reset();
  runLikeSandboxedPreload();
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, HostLedgerBridge];
});

describe('the preload', () => {
  it('exposes window.hostledger with call and on, and nothing else', () => {
    expect(key).toBe('hostledger');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer);
    }
  });

  it('sends calls on the api:call channel of shared/api/bridge.ts', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { version: '0.1.0' } });
    await expect(bridge.call('app.info', {})).resolves.toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CALL_CHANNEL, 'app.info', {});
  });

  it('passes listeners the event payload only, never the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.on(listener);
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);

    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0 };
    const payload = { name: 'clients.changed', payload: { id: 'cl_1', change: 'created' } };
    electron.ipcRenderer.emit(IPC_EVENT_CHANNEL, ipcEvent, payload);
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload);

    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    electron.ipcRenderer.emit(IPC_EVENT_CHANNEL, ipcEvent, payload);
    expect(listener).toHaveBeenCalledOnce();
  });

  it("repeats the bridge's channel names and imports only 'electron' and types", () => {
    const source = readFileSync(SOURCE, 'utf8');
    expect(source).toContain(`'${IPC_CALL_CHANNEL}'`);
    expect(source).toContain(`'${IPC_EVENT_CHANNEL}'`);
    const imports = [...source.matchAll(/^import (type )?.*from '([^']+)';$/gm)].map(([, typeOnly, from]) => `${typeOnly ?? ''}${from}`);
    expect(imports).toEqual(['electron', 'type ../../shared/api/bridge.js', 'type ../../shared/api/events.js']);
    expect(source).not.toMatch(/require\(/);
  });
});
