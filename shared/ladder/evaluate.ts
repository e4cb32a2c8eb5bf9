// The arrears ladder as one pure function: book state + policies + a date → what is due on each
// invoice (DESIGN §4). The desk shows its lines, the run carries out the runnable ones, and the
// forecast calls it day after day — so the three always agree.
//
// Catch-up (the app is not always running) is not a special mode: whenever several rungs of an
// invoice have come due without being done, the same rules decide.
// - A reminder is sent while it is still a reminder: it is the latest reminder whose day has come
//   and the invoice is not yet due. Otherwise it is missed, never sent late.
// - Of several notices that came due, only the latest goes out; the earlier ones are superseded.
//   A late fee in a superseded step is still charged, dated its own day.
// - An escalation (restriction, suspension, review) needs its notice — the nearest notice before
//   it in the policy, or any later one — to have gone out first. Sent on its own day, the notice
//   gives the time the policy leaves; sent late, the escalation waits the policy's minimum notice
//   days after the day it actually went out. So a ladder run every day keeps the policy's own
//   days, and after a gap the notice goes out first and the escalation waits.
// - A restriction due together with a suspension is superseded by it.
// - A plan in good standing, a promise until its date or an open dispute holds the invoice's
//   ladder; when a broken plan or promise sets it going again, the rules above pick the step that
//   fits today.
import { ladderPause, type LadderPause } from '../billing/ladderPause.js';
import { addDays, daysBetween } from '../dates.js';
import { ALWAYS_ASK_ACTIONS, stepIsEscalation, stepIsReminder, stepSends, type DunningPolicy, type LadderAction, type LadderStep } from './policy.js';
import {
  FINAL_RUNG_STATES,
  RUNNABLE_STATUSES,
  type ForecastEntry,
  type LadderClient,
  type LadderEvaluation,
  type LadderInvoice,
  type LadderLine,
  type LadderState,
  type LineStatus,
  type PolicyBook,
  type RungRecord,
} from './state.js';

const NO_RUNGS: ReadonlyMap<string, RungRecord> = new Map();

/** The policy that applies to an invoice: contract, then client, then group (tag), then band, then the default. */
export function policyFor(book: PolicyBook, invoice: LadderInvoice, client: LadderClient): { id: string; policy: DunningPolicy } {
  const { assignments } = book;
  let id: string | undefined;
  for (const contractId of invoice.contractIds) {
    id = assignments.contract.get(contractId);
    if (id) break;
  }
  id ??= assignments.client.get(client.id);
  if (!id) {
    for (const tag of client.tags) {
      id = assignments.group.get(tag);
      if (id) break;
    }
  }
  if (!id && client.band) id = assignments.band.get(client.band);
  const policy = id ? book.policies.get(id) : undefined;
  if (id && policy) return { id, policy };
  return { id: book.defaultPolicyId, policy: book.policies.get(book.defaultPolicyId)! };
}

/** A policy step as it applies to one invoice: its day after the band's adjustment, and what it still does. */
interface PlannedStep {
  step: LadderStep;
  index: number;
  offsetDays: number;
  scheduledOn: string;
  actions: LadderAction[];
  sends: boolean;
  escalates: boolean;
  reminder: boolean;
  /** Position in the effective order (by day). */
  order: number;
  /** The order of the notice this escalation needs (-1: none). */
  noticeOrder: number;
}

// Dates as day numbers, memoised: the ladder looks at tens of thousands of invoices, and the
// same few hundred dates come up again and again.
const dayNumbers = new Map<string, number>();
const dateTexts = new Map<number, string>();
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) dayNumbers.set(date, (n = Math.round(daysBetween('1970-01-01', date))));
  return n;
}
function dateText(n: number): string {
  let text = dateTexts.get(n);
  if (text === undefined) dateTexts.set(n, (text = addDays('1970-01-01', n)));
  return text;
}
const plusDays = (date: string, days: number) => dateText(dayNumber(date) + days);

/** A policy's steps for one kind of invoice and band, in the order of their days: worked out once per run. */
const planCache = new WeakMap<DunningPolicy, Map<string, readonly Omit<PlannedStep, 'scheduledOn'>[]>>();

function planTemplate(policy: DunningPolicy, earlier: number, feeAllowed: boolean): readonly Omit<PlannedStep, 'scheduledOn'>[] {
  let byKey = planCache.get(policy);
  if (!byKey) planCache.set(policy, (byKey = new Map()));
  const key = `${earlier}:${feeAllowed}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  // A risky band is restricted earlier, but never before the first overdue notice has had the
  // minimum notice days (nor before the day after the due date when the policy sends none).
  const firstNotice = policy.steps.find((s) => s.offsetDays >= 0 && stepSends(s) && !stepIsEscalation(s) && !stepIsReminder(s));
  const earliestRestriction = firstNotice ? firstNotice.offsetDays + policy.minNoticeDays : 1;
  const planned = policy.steps
    .map((step, index) => {
      const restricts = step.actions.some((a) => a.kind === 'restrict');
      const offsetDays = restricts && earlier > 0 ? Math.max(Math.min(earliestRestriction, step.offsetDays), step.offsetDays - earlier) : step.offsetDays;
      const actions = step.actions.filter((a) => a.kind !== 'late_fee' || feeAllowed);
      return { step, index, offsetDays, actions };
    })
    .filter((s) => s.actions.length > 0)
    .sort((a, b) => a.offsetDays - b.offsetDays || a.index - b.index);
  const steps = planned.map((s, order) => {
    const onlyActions = { ...s.step, actions: s.actions };
    return { ...s, sends: stepSends(onlyActions), escalates: stepIsEscalation(onlyActions), reminder: stepIsReminder(onlyActions), order, noticeOrder: -1 };
  });
  for (const step of steps) {
    if (step.escalates) step.noticeOrder = steps.filter((s) => s.order < step.order && s.sends && !s.escalates).at(-1)?.order ?? -1;
  }
  byKey.set(key, steps);
  return steps;
}

function planSteps(policy: DunningPolicy, invoice: LadderInvoice, client: LadderClient, book: PolicyBook): PlannedStep[] {
  const earlier = (client.band && book.restrictDaysEarlier[client.band]) || 0;
  const template = planTemplate(policy, earlier, invoice.kind === 'invoice' && !invoice.isLateFee);
  const due = dayNumber(invoice.dueDate);
  // Spelled out rather than spread: one object shape, which keeps a big book's evaluation fast.
  return template.map((s) => ({
    step: s.step,
    index: s.index,
    offsetDays: s.offsetDays,
    scheduledOn: dateText(due + s.offsetDays),
    actions: s.actions,
    sends: s.sends,
    escalates: s.escalates,
    reminder: s.reminder,
    order: s.order,
    noticeOrder: s.noticeOrder,
  }));
}

/** A step that warns the client: it sends, and changes nothing itself (a restriction's own letter only reports it). */
const isNotice = (s: PlannedStep) => s.sends && !s.escalates;
const isFinal = (record: RungRecord | undefined) => record !== undefined && FINAL_RUNG_STATES.includes(record.state);
/** Approved, running (a run that stopped halfway) or failed: a line already on its way, kept whatever else changed. */
const inProgress = (record: RungRecord | undefined) => record !== undefined && (record.state === 'approved' || record.state === 'running' || record.state === 'failed');

function suspensionDateFor(planned: PlannedStep, steps: readonly PlannedStep[], rungs: ReadonlyMap<string, RungRecord>, asOf: string, minNoticeDays: number): string | null {
  const namesIt = planned.actions.some((a) => a.kind === 'send' && (a.letter === 'final_notice' || a.letter === 'suspension_notice'));
  if (!namesIt) return null;
  const suspension = steps.find((s) => s.order >= planned.order && s.actions.some((a) => a.kind === 'backup_suspend'));
  if (!suspension) return null;
  const done = rungs.get(suspension.step.key);
  if (done?.state === 'done' && done.doneOn) return done.doneOn;
  if (suspension.order === planned.order) return asOf;
  const afterNotice = plusDays(asOf, minNoticeDays);
  return suspension.scheduledOn > afterNotice ? suspension.scheduledOn : afterNotice;
}

interface InvoiceContext {
  state: LadderState;
  invoice: LadderInvoice;
  client: LadderClient;
  policyId: string;
  policy: DunningPolicy;
  steps: PlannedStep[];
  rungs: ReadonlyMap<string, RungRecord>;
  pause: LadderPause;
  manual: boolean;
}

function line(ctx: InvoiceContext, planned: PlannedStep, status: LineStatus, extra: Partial<LadderLine> = {}): LadderLine {
  const { state, invoice, client } = ctx;
  const actions = extra.actions ?? planned.actions;
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    clientId: client.id,
    policyId: ctx.policyId,
    stepKey: planned.step.key,
    stepIndex: planned.index,
    offsetDays: planned.offsetDays,
    scheduledOn: planned.scheduledOn,
    status,
    actions,
    noticeSuperseded: false,
    needsApproval: ctx.manual || planned.step.approval === 'ask' || actions.some((a) => ALWAYS_ASK_ACTIONS.includes(a.kind)),
    catchUp: planned.scheduledOn < state.asOf,
    resumedFrom: ctx.pause.resumed,
    pauseReasons: [],
    waitsUntil: null,
    suspensionDate: suspensionDateFor(planned, ctx.steps, ctx.rungs, state.asOf, ctx.policy.minNoticeDays),
    feeDate: actions.some((a) => a.kind === 'late_fee') ? planned.scheduledOn : null,
    currency: invoice.currency,
    openMinor: invoice.openMinor,
    daysOverdue: Math.max(0, dayNumber(state.asOf) - dayNumber(invoice.dueDate)),
    band: client.band,
    ...extra,
  };
}

/** The status of a line that may run: in progress as it stands, else due or waiting for approval. */
function readyStatus(ctx: InvoiceContext, planned: PlannedStep, record: RungRecord | undefined): LineStatus {
  if (record?.state === 'failed') return 'failed';
  if (record?.state === 'approved') return 'approved';
  const needsApproval = ctx.manual || planned.step.approval === 'ask' || planned.actions.some((a) => ALWAYS_ASK_ACTIONS.includes(a.kind));
  if (record?.state === 'running') return needsApproval ? 'approved' : 'due';
  return needsApproval ? 'needs_approval' : 'due';
}

function invoiceLines(ctx: InvoiceContext, overdueMinor: number): LadderLine[] {
  const { state, invoice, steps, rungs, pause, policy } = ctx;
  const asOf = state.asOf;
  // The rungs whose day has come and that are not done for good. A postponement moves the day.
  const candidates: { planned: PlannedStep; record: RungRecord | undefined; day: string }[] = [];
  const postponed: LadderLine[] = [];
  for (const planned of steps) {
    const record = rungs.get(planned.step.key);
    if (isFinal(record)) continue;
    if (planned.scheduledOn > asOf) break;
    if (record?.state === 'postponed' && record.postponedUntil !== null) {
      if (record.postponedUntil > asOf) {
        postponed.push(line(ctx, planned, 'postponed', { waitsUntil: record.postponedUntil }));
        continue;
      }
      candidates.push({ planned, record, day: record.postponedUntil });
      continue;
    }
    candidates.push({ planned, record, day: planned.scheduledOn });
  }
  if (candidates.length === 0) return postponed;

  if (pause.paused) {
    // The step that fits today is the one the ladder would take up when the pause ends.
    const next = candidates.at(-1)!;
    return [...postponed, line(ctx, next.planned, 'paused', { pauseReasons: [...pause.reasons] })];
  }

  const minimum = policy.minimumMinorByCurrency[invoice.currency];
  const belowMinimum = minimum !== undefined && overdueMinor < minimum;
  const out: LadderLine[] = [...postponed];

  // Reminders: the latest one whose day has come, while the invoice is not yet due.
  const reminders = candidates.filter((c) => c.planned.reminder);
  const latestReminder = reminders.filter((c) => !inProgress(c.record)).at(-1);
  for (const c of reminders) {
    if (inProgress(c.record)) out.push(line(ctx, c.planned, readyStatus(ctx, c.planned, c.record)));
    else if (c === latestReminder && asOf < invoice.dueDate) out.push(line(ctx, c.planned, readyStatus(ctx, c.planned, c.record)));
    else out.push(line(ctx, c.planned, 'missed'));
  }

  const rest = candidates.filter((c) => !c.planned.reminder);
  if (rest.length === 0) return out;
  if (belowMinimum) {
    out.push(line(ctx, rest[0]!.planned, 'below_minimum'));
    return out;
  }

  // Notices: only the latest that came due goes out (even one approved or failed before a later
  // one came due); a superseded step keeps its late fee.
  const notices = rest.filter((c) => !c.planned.escalates);
  const latestNotice = notices.at(-1);
  const goingOutToday = new Set<number>();
  for (const c of notices) {
    if (c === latestNotice) {
      const status = readyStatus(ctx, c.planned, c.record);
      out.push(line(ctx, c.planned, status));
      if (c.planned.sends && RUNNABLE_STATUSES.includes(status)) goingOutToday.add(c.planned.order);
      continue;
    }
    const fee = c.planned.actions.filter((a) => a.kind === 'late_fee');
    out.push(fee.length > 0 ? line(ctx, c.planned, readyStatus(ctx, c.planned, c.record), { actions: fee, noticeSuperseded: true }) : line(ctx, c.planned, 'superseded'));
  }

  // Escalations: each waits for its notice; a restriction gives way to a suspension due with it.
  const escalations = rest.filter((c) => c.planned.escalates);
  const ready: { c: (typeof escalations)[number]; status: LineStatus }[] = [];
  for (const c of escalations) {
    if (inProgress(c.record)) {
      ready.push({ c, status: readyStatus(ctx, c.planned, c.record) });
      continue;
    }
    const wait = noticeWait(ctx, c.planned, goingOutToday);
    if (wait.ready) ready.push({ c, status: readyStatus(ctx, c.planned, c.record) });
    else out.push(line(ctx, c.planned, 'waiting_notice', { waitsUntil: wait.until }));
  }
  // A suspension due, approved, running or already done makes a restriction pointless (an approved
  // suspension must not let the restriction it overtook come back the next day).
  const suspends = (p: PlannedStep) => p.actions.some((a) => a.kind === 'backup_suspend');
  const suspensionReady = ready.some((r) => suspends(r.c.planned)) || steps.some((s) => suspends(s) && rungs.get(s.step.key)?.state === 'done');
  for (const { c, status } of ready) {
    const onlyRestricts = c.planned.actions.every((a) => a.kind === 'restrict' || a.kind === 'send');
    if (suspensionReady && onlyRestricts && !inProgress(c.record) && c.planned.actions.some((a) => a.kind === 'restrict')) out.push(line(ctx, c.planned, 'superseded'));
    else out.push(line(ctx, c.planned, status));
  }
  return out.sort((a, b) => (a.scheduledOn < b.scheduledOn ? -1 : a.scheduledOn > b.scheduledOn ? 1 : a.stepIndex - b.stepIndex));
}

/**
 * Whether an escalation's notice — the nearest notice before it in the policy, or any later one —
 * has given the client enough time. A notice that went out on its own day gives the time the
 * policy itself leaves before the escalation; one that went out late (catch-up, a pause, a
 * postponement) gives the minimum notice days from the day it actually went out. When none has
 * gone out: the day it can run if a notice goes out today (null when none will).
 */
function noticeWait(ctx: InvoiceContext, planned: PlannedStep, goingOutToday: ReadonlySet<number>): { ready: boolean; until: string | null } {
  if (planned.noticeOrder < 0) return { ready: true, until: null };
  const { asOf } = ctx.state;
  const min = ctx.policy.minNoticeDays;
  let until: string | null = null;
  for (const s of ctx.steps) {
    if (s.order < planned.noticeOrder || !isNotice(s)) continue;
    const record = ctx.rungs.get(s.step.key);
    if (record?.state !== 'done' || record.doneOn === null) continue;
    const readyOn = record.doneOn <= s.scheduledOn ? planned.scheduledOn : plusDays(record.doneOn, min);
    if (until === null || readyOn < until) until = readyOn;
  }
  if (until !== null) return until <= asOf ? { ready: true, until: null } : { ready: false, until };
  const willGo = [...goingOutToday].some((order) => order >= planned.noticeOrder);
  return { ready: false, until: willGo ? plusDays(asOf, Math.max(min, 1)) : null };
}

/** Every line of the ladder as of `state.asOf`, invoice by invoice in the order given. */
export function evaluateLadder(state: LadderState): LadderEvaluation {
  return { asOf: state.asOf, lines: invoiceLinesOf(state, state.invoices) };
}

/** The lines of some of the state's invoices (the client's arrears still counted over all of them). */
function invoiceLinesOf(state: LadderState, which: readonly LadderInvoice[]): LadderLine[] {
  // What each client owes past due, per currency: the policy's minimum is about the client's arrears, not one invoice.
  const overdue = new Map<string, number>();
  for (const invoice of state.invoices) {
    if (invoice.dueDate >= state.asOf) continue;
    const key = `${invoice.clientId}\u0000${invoice.currency}`;
    overdue.set(key, (overdue.get(key) ?? 0) + invoice.openMinor);
  }
  const pauses = new Map<string, LadderPause>();
  const lines: LadderLine[] = [];
  for (const invoice of which) {
    const client = state.clients.get(invoice.clientId);
    if (!client) continue;
    const { id: policyId, policy } = policyFor(state.policies, invoice, client);
    // Plans and disputes are about invoices, a promise about the whole balance: ask per invoice
    // only when the client has a plan or dispute, else once per client.
    const perInvoice = client.arrangements.plans.length > 0 || client.arrangements.disputes.length > 0;
    let pause = perInvoice ? undefined : pauses.get(client.id);
    if (!pause) {
      pause = ladderPause(client.arrangements, state.asOf, perInvoice ? invoice.id : undefined);
      if (!perInvoice) pauses.set(client.id, pause);
    }
    const ctx: InvoiceContext = {
      state,
      invoice,
      client,
      policyId,
      policy,
      steps: planSteps(policy, invoice, client, state.policies),
      rungs: state.rungs.get(invoice.id) ?? NO_RUNGS,
      pause,
      manual: policy.manualOnly || client.manualOnly,
    };
    lines.push(...invoiceLines(ctx, overdue.get(`${invoice.clientId}\u0000${invoice.currency}`) ?? 0));
  }
  return lines;
}

/** The first day an invoice with nothing on the desk today can have a line again: its next step not yet done. */
function nextStepDay(state: LadderState, invoice: LadderInvoice, rungs: ReadonlyMap<string, RungRecord> | undefined): string | null {
  const client = state.clients.get(invoice.clientId);
  if (!client) return null;
  const { policy } = policyFor(state.policies, invoice, client);
  return planSteps(policy, invoice, client, state.policies).find((s) => !isFinal(rungs?.get(s.step.key)))?.scheduledOn ?? null;
}

/**
 * What the ladder will do from `state.asOf` for `days` days if nobody pays and every approval is
 * given: each day's runnable lines (today's included), each carried out on its day, so the next
 * day sees it done — the catch-up rules then keep the escalations behind their notices.
 */
export function forecastLadder(state: LadderState, days: number): ForecastEntry[] {
  const rungs = new Map<string, Map<string, RungRecord>>();
  for (const [invoiceId, records] of state.rungs) rungs.set(invoiceId, new Map(records));
  const entries: ForecastEntry[] = [];
  // A big book has tens of thousands of open invoices, most with nothing to do on a given day: an
  // invoice with no line today sleeps until its next step's day.
  const wakeOn = new Map<string, string>();
  for (let d = 0; d < days; d += 1) {
    const date = plusDays(state.asOf, d);
    const awake = state.invoices.filter((i) => (wakeOn.get(i.id) ?? date) <= date);
    const lines = invoiceLinesOf({ ...state, asOf: date, rungs }, awake);
    const withLines = new Set(lines.map((l) => l.invoiceId));
    for (const invoice of awake) {
      if (withLines.has(invoice.id)) continue;
      wakeOn.set(invoice.id, nextStepDay(state, invoice, rungs.get(invoice.id)) ?? '9999-12-31');
    }
    for (const l of lines) {
      const runs = RUNNABLE_STATUSES.includes(l.status) || l.status === 'needs_approval';
      if (!runs && l.status !== 'missed' && l.status !== 'superseded') continue;
      if (runs) entries.push({ date, line: l });
      let records = rungs.get(l.invoiceId);
      if (!records) rungs.set(l.invoiceId, (records = new Map()));
      const done = runs && !l.noticeSuperseded;
      records.set(l.stepKey, { stepKey: l.stepKey, state: done ? 'done' : l.status === 'missed' ? 'missed' : 'superseded', doneOn: done ? date : null, postponedUntil: null });
    }
  }
  return entries;
}
