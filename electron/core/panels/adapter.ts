// One interface for every control panel (PANELS.md). The action queue talks only to this; each
// panel's wire format lives in its own module under adapters/. Adapters are idempotent: they read
// the account's state first, treat "already so" as success (changed: false), and read it again
// after a change to confirm it, because several panels answer success for a no-op.
import type { ConnectablePanelKind, PanelCapabilities } from '../../../shared/domain/panelCapabilities.js';
import type { PanelHttp } from './transport.js';

/** A connection's settings, none of them secret (host, port, node names, entry paths…). */
export interface PanelConnectionConfig {
  kind: ConnectablePanelKind;
  host: string;
  port: number;
  /** Panel-specific, non-secret options (PANEL_CONNECTION_FIELDS[kind].options). */
  options: Record<string, string>;
}

/** The secrets of one connection, by field name (token, password, apiKey…); from the SecretStore only. */
export type PanelCredentials = Record<string, string>;

export interface BandwidthSetting {
  /** Monthly transfer quota in MB; null = unlimited. */
  monthlyMb: number | null;
  /** Speed limit in KB/s; null = unlimited. */
  rateKBps: number | null;
}

export interface PanelAccountState {
  exists: boolean;
  suspended: boolean;
  /** The package or plan the account is on, when the panel says. */
  package: string | null;
  /** The current limit, when the panel says; null = the panel does not report it. */
  bandwidth: BandwidthSetting | null;
  /** A short text of what the panel reported, secrets removed (shown in the drift report). */
  summary: string;
}

export interface PanelOutcome {
  /** false: the account was already in the wanted state and nothing was sent to change it. */
  changed: boolean;
  /** The state read back after the change (or before, when nothing changed). */
  state: PanelAccountState;
  /** The panel's own answer, secrets removed, for the action log. */
  answer: string;
}

export interface BackupStart {
  /** The panel's reference to poll (session id, UPID, queue id); for sync backups, what was made. */
  ref: string;
  done: boolean;
  answer: string;
}

export type BackupProgress = { status: 'running' | 'succeeded'; answer: string } | { status: 'failed'; answer: string };

/**
 * One account on one panel. `account` is the contract's panel account reference (see
 * PANEL_ACCOUNT_MEANING); each adapter documents and validates its own format in parseAccount.
 */
export interface PanelAdapter {
  readonly kind: ConnectablePanelKind;
  readonly capabilities: PanelCapabilities;
  /** PANEL_CAPABILITIES[kind]; connection fields are PANEL_CONNECTION_FIELDS[kind]. */
  /** Null when the reference is usable; otherwise why not (shown beside the contract's field). */
  checkAccount(account: string): string | null;
  /** A cheap authenticated call; resolves to the panel's version or name when it answers. */
  testConnection(): Promise<{ answer: string }>;
  getState(account: string): Promise<PanelAccountState>;
  suspend(account: string, reason: string): Promise<PanelOutcome>;
  unsuspend(account: string): Promise<PanelOutcome>;
  /** Requires capabilities.bandwidth. Returns the setting it replaced, to restore later. */
  limitBandwidth(account: string, limit: BandwidthSetting): Promise<PanelOutcome & { previous: BandwidthSetting | null }>;
  restoreBandwidth(account: string, previous: BandwidthSetting | null): Promise<PanelOutcome>;
  /** Requires capabilities.downgrade. Returns the package it replaced, to restore later. */
  changePackage(account: string, packageName: string): Promise<PanelOutcome & { previous: string | null }>;
  /** Requires capabilities.backup. */
  startBackup(account: string): Promise<BackupStart>;
  backupStatus(account: string, ref: string): Promise<BackupProgress>;
  /** Requires capabilities.terminate. "Already gone" is success. */
  terminate(account: string): Promise<PanelOutcome>;
}

export interface AdapterDeps {
  config: PanelConnectionConfig;
  credentials: PanelCredentials;
  http: PanelHttp;
}

export type AdapterFactory = (deps: AdapterDeps) => PanelAdapter;

/**
 * Why a panel call failed, in kinds the queue decides on: auth and certificate failures are never
 * retried automatically (BT Panel locks an IP out after 20 failures); timeouts, network errors
 * and HTTP 5xx are retried with backoff; the rest need a person.
 */
export type PanelFailureKind =
  | 'auth'
  | 'certificate'
  | 'timeout'
  | 'network'
  | 'http'
  | 'malformed'
  | 'not_found'
  | 'refused'
  | 'unsupported';

export class PanelError extends Error {
  constructor(
    readonly kind: PanelFailureKind,
    message: string,
    /** The panel's answer, secrets removed. */
    readonly answer = '',
  ) {
    super(message);
    this.name = 'PanelError';
  }

  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'network' || this.kind === 'http';
  }
}

/** The error for an operation the panel cannot do; the UI should not have offered it. */
export const unsupported = (kind: string, operation: string) =>
  new PanelError('unsupported', `${kind} cannot ${operation} through its API.`);
