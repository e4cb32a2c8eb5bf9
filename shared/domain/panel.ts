/** The control panels HostLedger can drive (PANELS.md), and `none` for services without one. */
export const PANEL_KINDS = ['cpanel', 'plesk', 'directadmin', 'virtualizor', 'solusvm', 'proxmox', 'hestiacp', 'virtualmin', 'btpanel', 'webhook', 'none'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** What the panel account reference means on each panel, for labels and help text. */
export const PANEL_ACCOUNT_MEANING: Record<PanelKind, 'username' | 'subscription' | 'vpsId' | 'vmId' | 'domain' | 'siteName' | 'reference' | 'none'> = {
  cpanel: 'username',
  plesk: 'subscription',
  directadmin: 'username',
  virtualizor: 'vpsId',
  solusvm: 'vpsId',
  proxmox: 'vmId',
  hestiacp: 'username',
  virtualmin: 'domain',
  btpanel: 'siteName',
  webhook: 'reference',
  none: 'none',
};
