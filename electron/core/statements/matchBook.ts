// Which open invoice an incoming statement amount pays. In order of trust: an invoice number in
// the reference; the client named in the counterparty (name, company or email) with an amount
// equal to one of their open invoices or to all they owe; the client alone (a partial payment,
// or more than they owe); the amount alone, which is never trusted without a person choosing.
// The book is read once per call and kept in memory; booking a line takes its amounts off, so the
// next line of the same call sees what is still open.
import type { MatchKind } from '../../../shared/api/statements.js';
import type { Db } from '../db/database.js';
import type { StatementLine } from './statementFile.js';

export interface OpenInvoice {
  id: string;
  clientId: string;
  number: string | null;
  openMinor: number;
  dueDate: string | null;
  currency: string;
}

interface MatchClient {
  id: string;
  name: string;
  currency: string;
  /** Lower-cased emails and squeezed names the counterparty is searched for. */
  emails: string[];
  names: string[];
  /** Oldest due first. */
  invoices: OpenInvoice[];
}

export interface Allocation {
  invoiceId: string;
  number: string | null;
  openMinor: number;
  amountMinor: number;
}

export interface Suggestion {
  kind: MatchKind;
  reason: 'invoice_number' | 'client_and_amount' | 'client' | 'amount' | 'clients' | 'none';
  clientId: string | null;
  clientName: string | null;
  allocations: Allocation[];
  creditMinor: number;
  candidates: { clientId: string; clientName: string; invoiceId: string; number: string | null; openMinor: number; dueDate: string | null }[];
}

const MAX_CANDIDATES = 20;

/** Lower case without spaces and punctuation: "Acme Web, Ltd." and "ACME WEB LTD" are the same name. */
const squeeze = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
const hasCjk = (text: string) => /\p{Script=Han}/u.test(text);

/** A name is looked for inside a counterparty only when it is long enough not to turn up by chance. */
function nameFound(name: string, counterparty: string): boolean {
  if (name === counterparty) return true;
  return name.length >= (hasCjk(name) ? 2 : 4) && counterparty.includes(name);
}

export type MatchBook = ReturnType<typeof loadMatchBook>;

export function loadMatchBook(db: Db) {
  const invoices = db
    .prepare<[], { id: string; client_id: string; number: string | null; open_minor: number; due_date: string | null; currency: string }>(
      `SELECT id, client_id, coalesce(number_text, external_number) AS number, open_minor, due_date, currency FROM invoices
       WHERE status = 'issued' AND kind = 'invoice' AND open_minor > 0 ORDER BY due_date, seq`,
    )
    .all();
  const clientRows = db
    .prepare<[], { id: string; name: string; company: string | null; email: string | null; billing_email: string | null; currency: string }>(
      `SELECT id, name, company, email, billing_email, currency FROM clients c
       WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = c.id AND i.status = 'issued' AND i.kind = 'invoice' AND i.open_minor > 0)`,
    )
    .all();
  const clients = new Map<string, MatchClient>(
    clientRows.map((c) => [
      c.id,
      {
        id: c.id,
        name: c.name,
        currency: c.currency,
        emails: [c.email, c.billing_email].filter((e): e is string => !!e).map((e) => e.toLowerCase()),
        names: [c.name, c.company].filter((n): n is string => !!n).map(squeeze).filter((n) => n.length > 0),
        invoices: [],
      },
    ]),
  );
  const byNumber = new Map<string, OpenInvoice>();
  const byId = new Map<string, OpenInvoice>();
  for (const row of invoices) {
    const invoice: OpenInvoice = { id: row.id, clientId: row.client_id, number: row.number, openMinor: row.open_minor, dueDate: row.due_date, currency: row.currency };
    clients.get(row.client_id)?.invoices.push(invoice);
    byId.set(row.id, invoice);
    if (row.number) byNumber.set(row.number.toUpperCase(), invoice);
  }

  const open = (list: OpenInvoice[]) => list.filter((invoice) => invoice.openMinor > 0);
  const candidate = (invoice: OpenInvoice) => ({
    clientId: invoice.clientId,
    clientName: clients.get(invoice.clientId)!.name,
    invoiceId: invoice.id,
    number: invoice.number,
    openMinor: invoice.openMinor,
    dueDate: invoice.dueDate,
  });

  /** Pays the invoices in order, each as far as the amount goes; what is left is credit. */
  function allocate(amount: number, list: OpenInvoice[]): { allocations: Allocation[]; creditMinor: number; kind: MatchKind } {
    let left = amount;
    const allocations: Allocation[] = [];
    for (const invoice of list) {
      if (left === 0) break;
      const paid = Math.min(left, invoice.openMinor);
      if (paid <= 0) continue;
      allocations.push({ invoiceId: invoice.id, number: invoice.number, openMinor: invoice.openMinor, amountMinor: paid });
      left -= paid;
    }
    const owed = list.reduce((sum, invoice) => sum + invoice.openMinor, 0);
    return { allocations, creditMinor: left, kind: amount === owed ? 'exact' : amount < owed ? 'partial' : 'overpaid' };
  }

  function identified(line: StatementLine): MatchClient[] {
    const counterparty = (line.counterparty ?? '').toLowerCase();
    const squeezed = squeeze(line.counterparty ?? '');
    if (!counterparty) return [];
    return [...clients.values()].filter(
      (c) => c.currency === line.currency && open(c.invoices).length > 0 && (c.emails.some((e) => counterparty.includes(e)) || c.names.some((n) => nameFound(n, squeezed))),
    );
  }

  const none = (kind: MatchKind, reason: Suggestion['reason']): Suggestion => ({ kind, reason, clientId: null, clientName: null, allocations: [], creditMinor: 0, candidates: [] });

  function forClient(client: MatchClient, amount: number): Suggestion {
    const list = open(client.invoices);
    const equal = list.filter((invoice) => invoice.openMinor === amount);
    if (equal.length > 1) return { ...none('ambiguous', 'client_and_amount'), candidates: equal.slice(0, MAX_CANDIDATES).map(candidate) };
    const base = { clientId: client.id, clientName: client.name, candidates: [] };
    if (equal.length === 1) return { ...base, ...allocate(amount, equal), reason: 'client_and_amount' };
    const paid = allocate(amount, list);
    return { ...base, ...paid, reason: paid.kind === 'exact' ? 'client_and_amount' : 'client' };
  }

  return {
    /** What the line most likely pays. Only open incoming lines are matched. */
    suggest(line: StatementLine): Suggestion {
      if (line.amountMinor <= 0) return none('unknown', 'none');
      const tokens = `${line.reference ?? ''} ${line.counterparty ?? ''}`.toUpperCase().match(/[A-Z0-9][A-Z0-9\-/_.]*[A-Z0-9]/g) ?? [];
      const numbered = [...new Set(tokens)]
        // A bare short number (an amount, a year) is not an invoice number.
        .filter((token) => /[A-Z]/.test(token) || token.length >= 5)
        .map((token) => byNumber.get(token))
        .filter((invoice): invoice is OpenInvoice => !!invoice && invoice.openMinor > 0 && invoice.currency === line.currency);
      const sameClient = numbered.filter((invoice) => invoice.clientId === numbered[0]?.clientId);
      if (sameClient.length > 0) {
        const client = clients.get(sameClient[0]!.clientId)!;
        return { clientId: client.id, clientName: client.name, candidates: [], ...allocate(line.amountMinor, sameClient), reason: 'invoice_number' };
      }
      const found = identified(line);
      if (found.length === 1) return forClient(found[0]!, line.amountMinor);
      if (found.length > 1) {
        const equal = found.flatMap((c) => open(c.invoices)).filter((invoice) => invoice.openMinor === line.amountMinor);
        if (equal.length === 1) return forClient(clients.get(equal[0]!.clientId)!, line.amountMinor);
        const list = equal.length > 0 ? equal : found.flatMap((c) => open(c.invoices));
        return { ...none('ambiguous', 'clients'), candidates: list.slice(0, MAX_CANDIDATES).map(candidate) };
      }
      const equal = [...clients.values()]
        .filter((c) => c.currency === line.currency)
        .flatMap((c) => open(c.invoices))
        .filter((invoice) => invoice.openMinor === line.amountMinor);
      if (equal.length > 0) return { ...none('ambiguous', 'amount'), candidates: equal.slice(0, MAX_CANDIDATES).map(candidate) };
      // Nothing fits: a person may still know whose money it is. Closest amounts first.
      const near = [...clients.values()]
        .filter((c) => c.currency === line.currency)
        .flatMap((c) => open(c.invoices))
        .sort((a, b) => Math.abs(a.openMinor - line.amountMinor) - Math.abs(b.openMinor - line.amountMinor));
      return { ...none('unknown', 'none'), candidates: near.slice(0, MAX_CANDIDATES).map(candidate) };
    },

    /** A person's choice: these invoices of one client, in this order. Null when one is not open or not the line's currency. */
    invoices(ids: readonly string[]): OpenInvoice[] | null {
      const list = ids.map((id) => byId.get(id));
      if (list.some((invoice) => !invoice || invoice.openMinor === 0)) return null;
      return list as OpenInvoice[];
    },

    clientInvoices: (clientId: string): OpenInvoice[] => open(clients.get(clientId)?.invoices ?? []),
    allocate,
    clientName: (clientId: string) => clients.get(clientId)?.name ?? null,

    /** After a line was booked: what it paid is no longer open for the next line. */
    booked(allocations: readonly Allocation[]): void {
      for (const allocation of allocations) {
        const invoice = byId.get(allocation.invoiceId);
        if (invoice) invoice.openMinor -= allocation.amountMinor;
      }
    },
  };
}
