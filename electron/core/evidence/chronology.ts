// The chronology of an evidence bundle: every dated thing the books hold about the client — the
// contract's start, signature and status changes, invoices, credit notes and late fees, payments
// and bounces, disputes, plans, promises, letters and messages, panel actions, ladder steps — in
// one list ordered by when it happened. Business dates sort before the instants of the same day.
import type { Language } from '../../../shared/domain/language.js';
import { formatAmount } from '../../../shared/documents/wording.js';
import { term } from '../../../shared/evidence/terms.js';
import { evidenceWord, isEvidenceWordKey } from '../../../shared/evidence/wording.js';
import type { EvidenceBook } from './gather.js';

export interface ChronologyEntry {
  /** What orders the list: the date, then the instant's time when there is one. */
  sortKey: string;
  /** As printed: "2026-11-20" or "2026-11-20 09:00 UTC". */
  when: string;
  what: string;
  amount: string;
  channel: string;
  status: string;
  /** The first 12 hex digits of the record's hash (issued invoice, message content, archived document). */
  hash: string;
}

/** An instant as a lawyer reads it, to the minute, in UTC. */
export const instantText = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
export const hashPrefix = (hash: string | null) => (hash ? hash.slice(0, 12) : '');

export function chronology(book: EvidenceBook, language: Language): ChronologyEntry[] {
  const w = (key: Parameters<typeof evidenceWord>[1], params: Record<string, string | number> = {}) => evidenceWord(language, key, params);
  const money = (minor: number, currency: string) => formatAmount(language, minor, currency);
  const entries: Array<ChronologyEntry & { order: number }> = [];
  const onDate = (date: string, entry: Omit<ChronologyEntry, 'sortKey' | 'when'>) => entries.push({ sortKey: date, when: date, ...entry, order: entries.length });
  const atInstant = (at: string, entry: Omit<ChronologyEntry, 'sortKey' | 'when'>) => entries.push({ sortKey: `${at.slice(0, 10)}~${at.slice(11)}`, when: instantText(at), ...entry, order: entries.length });
  const numberOf = new Map(book.invoices.map((i) => [i.id, i.number]));
  const blank = { amount: '', channel: '', status: '', hash: '' };

  for (const c of book.contracts) {
    onDate(c.startDate, { ...blank, what: w('event.contractStarted', { label: c.label }), amount: money(c.priceMinor, c.currency) });
    if (c.signedDate && c.signedDate <= book.through) onDate(c.signedDate, { ...blank, what: w('event.contractSigned', { label: c.label, version: c.termsVersion ?? w('none') }) });
    for (const h of c.history) {
      if (h.from === null) continue;
      atInstant(h.at, { ...blank, what: `${w('event.contractStatus', { label: c.label, from: term(language, 'contractStatus', h.from), to: term(language, 'contractStatus', h.to) })}${h.reason ? ` – ${h.reason}` : ''}`, status: term(language, 'contractStatus', h.to) });
    }
  }
  for (const i of book.invoices) {
    const what =
      i.kind === 'credit_note'
        ? w('event.creditNote', { number: i.number, original: (i.creditedInvoiceId && numberOf.get(i.creditedInvoiceId)) ?? w('none') })
        : i.source === 'late_fee'
          ? w('event.lateFee', { number: i.number })
          : w('event.invoice', { number: i.number, due: i.dueDate });
    onDate(i.issueDate, { what, amount: money(i.totalMinor, i.currency), channel: '', status: term(language, 'state', i.status), hash: hashPrefix(i.issuedHash) });
    if (i.status === 'void' && i.updatedAt.slice(0, 10) <= book.through) atInstant(i.updatedAt, { ...blank, what: w('event.void', { number: i.number, reason: i.voidReason ?? '' }), status: term(language, 'state', 'void') });
  }
  for (const x of book.payments) {
    const method = `method.${x.method}`;
    onDate(x.date, { ...blank, what: w('event.payment', { method: isEvidenceWordKey(method) ? w(method) : x.method }), amount: money(x.amountMinor, x.currency), status: term(language, 'paymentStatus', 'received') });
    if (x.status === 'bounced' && x.bouncedDate) onDate(x.bouncedDate, { ...blank, what: w('event.bounced', { date: x.date, reason: x.bounceReason ?? '' }), amount: money(-x.amountMinor, x.currency), status: term(language, 'paymentStatus', 'bounced') });
  }
  for (const d of book.disputes) {
    onDate(d.openedDate, { ...blank, what: w('event.disputeOpened', { number: d.invoiceNumber, reason: d.reason }), status: term(language, 'disputeStatus', 'open') });
    if (d.resolvedDate) onDate(d.resolvedDate, { ...blank, what: w('event.disputeResolved', { number: d.invoiceNumber, status: term(language, 'disputeStatus', d.status), resolution: d.resolution ?? '' }), status: term(language, 'disputeStatus', d.status) });
  }
  for (const x of book.plans) {
    onDate(x.createdDate, { ...blank, what: w('event.plan', { count: x.installments.length }), amount: money(x.totalMinor, x.currency), status: term(language, 'state', 'active') });
    if (x.closedDate) onDate(x.closedDate, { ...blank, what: w('event.planClosed', { status: term(language, 'state', x.status) }), status: term(language, 'state', x.status) });
  }
  for (const x of book.promises) {
    onDate(x.madeDate, { ...blank, what: w('event.promise', { date: x.promisedDate }), amount: money(x.amountMinor, x.currency), status: term(language, 'promiseStatus', 'open') });
    if (x.resolvedDate) onDate(x.resolvedDate, { ...blank, what: w('event.promiseClosed', { status: term(language, 'promiseStatus', x.status) }), status: term(language, 'promiseStatus', x.status) });
  }
  for (const c of book.communications) {
    atInstant(c.at, { what: w('event.communication', { subject: c.subject }), amount: '', channel: term(language, 'channel', c.channel), status: term(language, 'state', c.status), hash: hashPrefix(c.contentSha256) });
  }
  for (const a of book.panelActions) {
    atInstant(a.finishedAt && a.finishedAt.slice(0, 10) <= book.through ? a.finishedAt : a.createdAt, { ...blank, what: w('event.panel', { kind: term(language, 'actionKind', a.kind), account: a.account }), channel: w('channel.panel'), status: term(language, 'actionState', a.state) });
  }
  for (const r of book.rungs) {
    const date = r.doneOn && r.doneOn <= book.through ? r.doneOn : r.scheduledOn;
    onDate(date, { ...blank, what: `${w('event.ladder', { step: term(language, 'step', r.stepKey) })} (${r.invoiceNumber})`, status: term(language, 'state', r.state) });
  }
  return entries
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.order - b.order))
    .map(({ order: _order, ...entry }) => entry);
}
