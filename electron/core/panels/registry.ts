// Which adapter speaks to which panel. One line per panel; the action queue and the connection
// test look adapters up here only.
import type { ConnectablePanelKind } from '../../../shared/domain/panelCapabilities.js';
import type { AdapterFactory } from './adapter.js';
import { createBtPanelAdapter } from './adapters/btpanel.js';
import { createCpanelAdapter } from './adapters/cpanel.js';
import { createDirectadminAdapter } from './adapters/directadmin.js';
import { createHestiaAdapter } from './adapters/hestiacp.js';
import { createPleskAdapter } from './adapters/plesk.js';
import { createProxmoxAdapter } from './adapters/proxmox.js';
import { createSolusvmAdapter } from './adapters/solusvm.js';
import { createVirtualizorAdapter } from './adapters/virtualizor.js';
import { createVirtualminAdapter } from './adapters/virtualmin.js';
import { createWebhookAdapter } from './adapters/webhook.js';

export const adapterFactories: Partial<Record<ConnectablePanelKind, AdapterFactory>> = {
  cpanel: createCpanelAdapter,
  plesk: createPleskAdapter,
  directadmin: createDirectadminAdapter,
  virtualizor: createVirtualizorAdapter,
  solusvm: createSolusvmAdapter,
  proxmox: createProxmoxAdapter,
  hestiacp: createHestiaAdapter,
  virtualmin: createVirtualminAdapter,
  btpanel: createBtPanelAdapter,
  webhook: createWebhookAdapter,
};
