// What the action queue can do to an account on a control panel, its states, and which actions
// wait for a person by default. Pure data shared by the backend and the screens.
import type { PanelCapabilities } from './panelCapabilities.js';

/** Actions a person (or the ladder, or a payment) can ask for. */
export const REQUESTABLE_ACTION_KINDS = [
  'limit_bandwidth',
  'restore_bandwidth',
  'downgrade',
  'restore_package',
  'backup',
  'suspend',
  'unsuspend',
  'terminate',
] as const;
export type RequestableActionKind = (typeof REQUESTABLE_ACTION_KINDS)[number];

/** `manual_backup` is a record of a backup the reseller made by hand; it never talks to a panel. */
export const PANEL_ACTION_KINDS = [...REQUESTABLE_ACTION_KINDS, 'manual_backup'] as const;
export type PanelActionKind = (typeof PANEL_ACTION_KINDS)[number];

export const PANEL_ACTION_STATES = ['pending_approval', 'queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type PanelActionState = (typeof PANEL_ACTION_STATES)[number];

/** States an action can still leave on its own or by a person's hand. */
export const OPEN_ACTION_STATES: readonly PanelActionState[] = ['pending_approval', 'queued', 'running'];

/** Kinds whose approval is a setting. Termination is not among them: it always asks, twice. */
export const APPROVAL_SETTING_KINDS = ['limit_bandwidth', 'restore_bandwidth', 'downgrade', 'restore_package', 'backup', 'suspend', 'unsuspend'] as const;
export type ApprovalSettingKind = (typeof APPROVAL_SETTING_KINDS)[number];

/** Every action that changes a client's service waits for approval unless the reseller says otherwise. */
export const DEFAULT_APPROVALS: Record<ApprovalSettingKind, boolean> = {
  limit_bandwidth: true,
  downgrade: true,
  suspend: true,
  restore_bandwidth: false,
  restore_package: false,
  backup: false,
  unsuspend: false,
};

/** Whether a panel with these capabilities can carry out an action at all. */
export function panelCanDo(kind: PanelActionKind, caps: PanelCapabilities): boolean {
  switch (kind) {
    case 'limit_bandwidth':
    case 'restore_bandwidth':
      return caps.bandwidth !== null;
    case 'downgrade':
    case 'restore_package':
      return caps.downgrade;
    case 'backup':
      return caps.backup !== null;
    case 'suspend':
    case 'unsuspend':
      return caps.suspend;
    case 'terminate':
      return caps.terminate;
    case 'manual_backup':
      return true;
  }
}
