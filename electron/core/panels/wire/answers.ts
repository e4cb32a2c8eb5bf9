// Small pieces every adapter needs to read a panel's answer honestly: parse or fail as malformed,
// keep a redacted copy of what the panel said, and refuse to report a change that did not take.
import { PanelError, type PanelAccountState } from '../adapter.js';
import type { PanelHttp, PanelResponse } from '../transport.js';

const ANSWER_CHARS = 1000;

/** The panel's answer as kept in the action log: status line and body, secrets removed, clipped. */
export function answerText(http: PanelHttp, res: PanelResponse): string {
  const text = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}: ${res.body.trim()}`;
  return http.redact(text.length > ANSWER_CHARS ? `${text.slice(0, ANSWER_CHARS)}…` : text);
}

/** JSON.parse that answers undefined instead of throwing (panels send HTML, tracebacks, nothing). */
export function tryJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function malformed(panel: string, what: string, answer: string): PanelError {
  return new PanelError('malformed', `${panel} answered something other than ${what}; nothing is assumed to have happened.`, answer);
}

/** Any 5xx: the panel (or a proxy in front of it) failed; the queue retries these. */
export function serverFailure(panel: string, res: PanelResponse, answer: string): PanelError {
  return new PanelError('http', `${panel} failed with HTTP ${res.status}${res.statusText ? ` (${res.statusText})` : ''}.`, answer);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Throws `refused` when the state read back after a change is not the wanted one (a no-op that answered success). */
export function confirm(panel: string, took: boolean, what: string, state: PanelAccountState, answer: string): void {
  if (!took) {
    throw new PanelError('refused', `${panel} answered success but the account is not ${what} when read back (${state.summary}).`, answer);
  }
}

export const missingAccount = (panel: string, account: string, answer = '') =>
  new PanelError('not_found', `${panel} has no account "${account}".`, answer);

export const goneState = (summary: string): PanelAccountState => ({ exists: false, suspended: false, package: null, bandwidth: null, summary });

/** An operation this panel cannot do (the UI should not have offered it), with the reason. */
export const unsupportedHere = (panel: string, what: string) => new PanelError('unsupported', `${panel} cannot ${what}.`);
