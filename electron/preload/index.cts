// The preload of the sandboxed renderer: it puts `window.hostledger = { call, on }` into the page
// through contextBridge and nothing else (security checklist item 20). Neither ipcRenderer nor an
// IPC event object ever reaches the page: the event carries `sender`, a way back to ipcRenderer.
// CommonJS, because a sandboxed preload cannot be an ES module; it may require only 'electron',
// hence the channel names are repeated here (a test checks they match shared/api/bridge.ts).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostLedgerBridge } from '../../shared/api/bridge.js';
import type { BackendEvent } from '../../shared/api/events.js';

const CALL_CHANNEL = 'api:call';
const EVENT_CHANNEL = 'api:event';

const bridge: HostLedgerBridge = {
  call: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  on(listener) {
    const handler = (_event: IpcRendererEvent, payload: BackendEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('hostledger', bridge);
