// What each control panel can do through its API (the table at the top of PANELS.md), and what a
// connection to it needs. Pure data, so the renderer offers only what the panel can do and the
// adapters in electron/core/panels declare the same facts.
import type { PanelKind } from './panel.js';

export type ConnectablePanelKind = Exclude<PanelKind, 'none'>;

export interface PanelCapabilities {
  /** Whether the state read back is reliable: 'partial' = UNVERIFIED or incomplete; 'none' = no read (webhook). */
  readState: 'yes' | 'partial' | 'none';
  /** 'quota' = monthly transfer limit, 'throttle' = speed limit; null = not available. */
  bandwidth: 'quota' | 'throttle' | 'both' | null;
  downgrade: boolean;
  /** 'async' = started, then polled; 'sync' = answered when done; null = cannot back up. */
  backup: 'sync' | 'async' | null;
  suspend: boolean;
  terminate: boolean;
}

export const PANEL_CAPABILITIES: Record<ConnectablePanelKind, PanelCapabilities> = {
  cpanel: { readState: 'yes', bandwidth: 'quota', downgrade: true, backup: 'async', suspend: true, terminate: true },
  plesk: { readState: 'partial', bandwidth: 'throttle', downgrade: true, backup: null, suspend: true, terminate: true },
  // DirectAdmin queues a backup and reports its end only as a message to the admin: its API gives
  // no way to learn that this backup finished, so it cannot come before a suspension (PANELS.md).
  directadmin: { readState: 'yes', bandwidth: 'quota', downgrade: true, backup: null, suspend: true, terminate: true },
  virtualizor: { readState: 'partial', bandwidth: 'both', downgrade: true, backup: null, suspend: true, terminate: true },
  // SolusVM v1 reports neither a server's plan nor its network speed, so a downgrade or a throttle
  // could be neither confirmed nor undone to what it was; its monthly quota can (vserver-infoall).
  solusvm: { readState: 'yes', bandwidth: 'quota', downgrade: false, backup: null, suspend: true, terminate: true },
  proxmox: { readState: 'yes', bandwidth: 'throttle', downgrade: true, backup: 'async', suspend: true, terminate: true },
  hestiacp: { readState: 'partial', bandwidth: null, downgrade: true, backup: 'async', suspend: true, terminate: true },
  virtualmin: { readState: 'yes', bandwidth: 'quota', downgrade: true, backup: 'sync', suspend: true, terminate: true },
  btpanel: { readState: 'yes', bandwidth: 'throttle', downgrade: false, backup: 'sync', suspend: true, terminate: true },
  // Events only: the receiver acts, HostLedger cannot read back or confirm a backup.
  webhook: { readState: 'none', bandwidth: 'both', downgrade: true, backup: null, suspend: true, terminate: true },
};

/** What the connection form asks for. Secret fields go to the SecretStore, never the database. */
export interface PanelConnectionFields {
  defaultPort: number;
  /** Secret fields, in form order. */
  credentials: readonly string[];
  /** Non-secret options beyond host and port. */
  options: readonly string[];
}

export const PANEL_CONNECTION_FIELDS: Record<ConnectablePanelKind, PanelConnectionFields> = {
  cpanel: { defaultPort: 2087, credentials: ['username', 'token'], options: [] },
  plesk: { defaultPort: 8443, credentials: ['login', 'password'], options: [] },
  directadmin: { defaultPort: 2222, credentials: ['username', 'password'], options: [] },
  virtualizor: { defaultPort: 4085, credentials: ['apiKey', 'apiPass'], options: [] },
  solusvm: { defaultPort: 5656, credentials: ['apiId', 'apiKey'], options: ['virtualization'] },
  proxmox: { defaultPort: 8006, credentials: ['tokenId', 'tokenSecret'], options: ['backupStorage'] },
  hestiacp: { defaultPort: 8083, credentials: ['accessKey', 'secretKey'], options: [] },
  virtualmin: { defaultPort: 10000, credentials: ['username', 'password'], options: [] },
  btpanel: { defaultPort: 8888, credentials: ['apiKey'], options: ['protocol'] },
  webhook: { defaultPort: 443, credentials: ['signingSecret'], options: ['protocol', 'path'] },
};
