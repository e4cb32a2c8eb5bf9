// What the arrears ladder looks at (the book state, read by electron/core/ladder/loadLadderState.ts)
// and what it answers (the lines of the desk). The ladder itself is a pure function of these
// (shared/ladder/evaluate.ts), so the desk, the run and the forecast always agree.
import type { ClientArrangements, LadderPause, PauseReason } from '../billing/ladderPause.js';
import type { Channel } from '../domain/client.js';
import type { RiskBand } from '../risk/model.js';
import type { AssignmentScope, DunningPolicy, LadderAction } from './policy.js';

/** An issued invoice with something still open. Paid, voided and credited invoices are not in the state. */
export interface LadderInvoice {
  id: string;
  number: string;
  clientId: string;
  kind: 'invoice' | 'proforma';
  /** A late-fee invoice gets notices but never a fee of its own. */
  isLateFee: boolean;
  currency: string;
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  openMinor: number;
  /** The contracts billed on it: their panel accounts are what a restriction or suspension touches. */
  contractIds: readonly string[];
}

export interface LadderClient {
  id: string;
  name: string;
  band: RiskBand | null;
  /** The client's own "manual only" flag: every step waits on the desk. */
  manualOnly: boolean;
  /** Client groups are tags. */
  tags: readonly string[];
  /** The channels the client wants (their record); `if_preferred` channels go out only when listed. */
  channels: readonly Channel[];
  arrangements: ClientArrangements;
}

/**
 * What has happened to one rung (step) of one invoice. A rung is done at most once per invoice,
 * ever: done, skipped by a person, missed (a reminder whose moment passed) and superseded (a notice
 * overtaken by a later one during catch-up) are final.
 */
export const RUNG_STATES = ['approved', 'running', 'done', 'failed', 'skipped', 'missed', 'superseded', 'postponed'] as const;
export type RungState = (typeof RUNG_STATES)[number];
export const FINAL_RUNG_STATES: readonly RungState[] = ['done', 'skipped', 'missed', 'superseded'];

export interface RungRecord {
  stepKey: string;
  state: RungState;
  /** The business date it was carried out (for a notice: the day it actually went out). */
  doneOn: string | null;
  /** postponed: the day it comes back. */
  postponedUntil: string | null;
}

export interface PolicyBook {
  policies: ReadonlyMap<string, DunningPolicy>;
  defaultPolicyId: string;
  /** Per scope, target (contract id, client id, tag, band) → policy id. Most specific wins: contract, client, group, band. */
  assignments: Readonly<Record<AssignmentScope, ReadonlyMap<string, string>>>;
  /** Per band: restriction comes this many days earlier (Settings → Risk). */
  restrictDaysEarlier: Readonly<Partial<Record<RiskBand, number>>>;
}

export interface LadderState {
  asOf: string;
  invoices: readonly LadderInvoice[];
  clients: ReadonlyMap<string, LadderClient>;
  /** Invoice id → step key → record. */
  rungs: ReadonlyMap<string, ReadonlyMap<string, RungRecord>>;
  policies: PolicyBook;
}

/**
 * Where a line stands today.
 * - due: runs at the next run (automatic step)
 * - needs_approval: waits for a person on the desk
 * - approved: a person approved it; runs at the next run
 * - failed: tried and failed (the reason is in the rung's outcome); the next run retries it
 * - waiting_notice: an escalation waiting for its notice period (until `waitsUntil`)
 * - postponed: a person put it off until `waitsUntil`
 * - missed: a reminder whose moment passed; never sent late (the run records it)
 * - superseded: a notice overtaken by a later one in catch-up; not sent (the run records it)
 * - paused: a plan, promise or dispute holds the ladder (`pauseReasons`); only the next step is listed
 * - below_minimum: the client's overdue amount is below the policy's minimum; nothing escalates
 */
export const LINE_STATUSES = ['due', 'needs_approval', 'approved', 'failed', 'waiting_notice', 'postponed', 'missed', 'superseded', 'paused', 'below_minimum'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
/** Lines a run carries out. */
export const RUNNABLE_STATUSES: readonly LineStatus[] = ['due', 'approved', 'failed'];

export interface LadderLine {
  invoiceId: string;
  invoiceNumber: string;
  clientId: string;
  policyId: string;
  stepKey: string;
  stepIndex: number;
  /** The step's day after band adjustment (restriction earlier for risky bands). */
  offsetDays: number;
  /** Due date + offset: the day the step was meant for. */
  scheduledOn: string;
  status: LineStatus;
  /** What the line does when it runs (a superseded notice's late fee still runs on its own). */
  actions: LadderAction[];
  /**
   * A notice overtaken by a later one whose step still charges its late fee: the line only charges
   * the fee, and the run records the rung as superseded, not as a notice that went out.
   */
  noticeSuperseded: boolean;
  /** Would wait for a person: an 'ask' step, a manual-only policy or client, or an always-ask action. */
  needsApproval: boolean;
  /** It is later than its day: the app was closed, or the ladder was paused. */
  catchUp: boolean;
  /** The ladder resumes after a broken plan or promise. */
  resumedFrom: LadderPause['resumed'];
  pauseReasons: PauseReason[];
  /** waiting_notice, postponed: the day it can run. */
  waitsUntil: string | null;
  /** A notice naming a suspension: the earliest day the suspension can now come. */
  suspensionDate: string | null;
  /** A late fee: the date it is charged with (its own day, as DESIGN §4 says). */
  feeDate: string | null;
  currency: string;
  openMinor: number;
  daysOverdue: number;
  band: RiskBand | null;
}

export interface LadderEvaluation {
  asOf: string;
  lines: LadderLine[];
}

/** One forecast day's work if nobody pays: the lines that would run (or wait for approval) that day. */
export interface ForecastEntry {
  date: string;
  line: LadderLine;
}
