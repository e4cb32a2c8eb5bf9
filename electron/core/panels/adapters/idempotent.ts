// The read-act-read pattern every adapter follows (PANELS.md "Common rules"): read the account
// first and do nothing when it is already so; after a change read it again, because several
// panels answer success for a no-op, and a success that did not take is a refusal, never a
// success. Also the HTTP-status checks all panels share.
import { PanelError, type BandwidthSetting, type PanelAccountState, type PanelAdapter, type PanelOutcome } from '../adapter.js';
import type { PanelResponse } from '../transport.js';

export interface EnsureStep {
  /** The panel's name, for messages ("WHM", "Plesk"). */
  panel: string;
  account: string;
  read(): Promise<PanelAccountState>;
  /** Whether the account is already in the wanted state. */
  done(state: PanelAccountState): boolean;
  /** Sends the change; resolves to the panel's answer (already redacted). */
  act(before: PanelAccountState): Promise<string>;
  /** What the change is, for "did not take" messages ("suspended", "on package gold"). */
  wanted: string;
  /** Terminate: a missing account is the wanted state, not an error. */
  missingIsDone?: boolean;
}

/** The outcome, plus the state read before the change (what limitBandwidth and changePackage hand back to restore). */
export async function ensureState(step: EnsureStep): Promise<{ outcome: PanelOutcome; before: PanelAccountState }> {
  const before = await step.read();
  if (!before.exists && !step.missingIsDone) throw new PanelError('not_found', `${step.panel} has no account "${step.account}".`, before.summary);
  if (step.done(before)) return { outcome: { changed: false, state: before, answer: `Already ${step.wanted}; nothing sent.` }, before };
  const answer = await step.act(before);
  const after = await step.read();
  if (!step.done(after)) {
    throw new PanelError('refused', `${step.panel} answered success, but "${step.account}" is not ${step.wanted} when read back.`, `${answer}\nRead back: ${after.summary}`);
  }
  return { outcome: { changed: true, state: after, answer }, before };
}

/** The one command each of suspend, unsuspend and terminate sends; resolves to the panel's (redacted) answer. */
export interface SuspensionCommands {
  suspend(account: string, reason: string): Promise<string>;
  unsuspend(account: string): Promise<string>;
  terminate(account: string): Promise<string>;
}

/** Suspend, unsuspend and terminate for a panel that reads an account back: each one command through ensureState. */
export function readBackSuspension(
  panel: string,
  read: (account: string) => Promise<PanelAccountState>,
  send: SuspensionCommands,
): Pick<PanelAdapter, 'suspend' | 'unsuspend' | 'terminate'> {
  const outcomeOf = async (step: EnsureStep) => (await ensureState(step)).outcome;
  return {
    suspend: (account, reason) =>
      outcomeOf({ panel, account, read: () => read(account), done: (state) => state.suspended, wanted: 'suspended', act: () => send.suspend(account, reason) }),
    unsuspend: (account) =>
      outcomeOf({ panel, account, read: () => read(account), done: (state) => !state.suspended, wanted: 'active', act: () => send.unsuspend(account) }),
    terminate: (account) =>
      outcomeOf({ panel, account, read: () => read(account), done: (state) => !state.exists, wanted: 'removed', missingIsDone: true, act: () => send.terminate(account) }),
  };
}

/** Change package for a panel that reads an account's package back; hands back the one it was on, to restore. */
export function readBackPackageChange(
  panel: string,
  read: (account: string) => Promise<PanelAccountState>,
  /** What the panel calls it, for messages: "on package gold", "on plan 3". */
  word: 'package' | 'plan',
  send: (account: string, packageName: string) => Promise<string>,
): PanelAdapter['changePackage'] {
  return async (account, packageName) => {
    const { outcome, before } = await ensureState({
      panel,
      account,
      read: () => read(account),
      done: (state) => state.package === packageName,
      wanted: `on ${word} ${packageName}`,
      act: () => send(account, packageName),
    });
    return { ...outcome, previous: before.package };
  };
}

/** Failures every panel reports in the HTTP status: 5xx, and (for most) 401/403 auth. */
export function checkStatus(panel: string, res: PanelResponse, redact: (text: string) => string, opts: { authStatuses?: readonly number[] } = {}): void {
  const answer = redact(res.body.slice(0, 2000));
  if ((opts.authStatuses ?? [401, 403]).includes(res.status)) {
    throw new PanelError('auth', `${panel} refused the credentials (HTTP ${res.status}).`, answer);
  }
  if (res.status >= 500) throw new PanelError('http', `${panel} answered HTTP ${res.status} ${res.statusText}.`, answer);
  if (res.status < 200 || res.status >= 300) throw new PanelError('malformed', `${panel} answered an unexpected HTTP ${res.status}.`, answer);
}

export function parseJson(panel: string, res: PanelResponse, redact: (text: string) => string): unknown {
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    throw new PanelError('malformed', `${panel} answered something that is not JSON.`, redact(res.body.slice(0, 2000)));
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const sameBandwidth = (a: BandwidthSetting | null, b: BandwidthSetting | null) =>
  (a?.monthlyMb ?? null) === (b?.monthlyMb ?? null) && (a?.rateKBps ?? null) === (b?.rateKBps ?? null);

export const describeBandwidth = (b: BandwidthSetting | null) =>
  b === null ? 'not reported' : `quota ${b.monthlyMb === null ? 'unlimited' : `${b.monthlyMb} MB/month`}, speed ${b.rateKBps === null ? 'unlimited' : `${b.rateKBps} KB/s`}`;

export const missingAccount = (summary: string): PanelAccountState => ({ exists: false, suspended: false, package: null, bandwidth: null, summary });

/** A positive whole number, as panels take them (MB, KB/s); rejects fractions and negatives. */
export function wholeNumber(panel: string, what: string, value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value <= 0) throw new PanelError('refused', `${panel} takes ${what} as a whole number above zero; got ${value}.`);
  return value;
}
