// Reads what the arrears ladder looks at (shared/ladder/state.ts) from the book as of a date:
// every issued invoice or proforma with something still open, the clients who owe them (band,
// tags, channels, manual-only flag, plans, promises, disputes), the rungs already recorded for
// those invoices, and the policies with their assignments. The desk, the run and the forecast all
// start here, so it reads a whole book in a few set-based queries (the open-invoice index, the
// rungs by invoice) and only looks up arrangements for the clients that have any.
import type { ClientArrangements } from '../../../shared/billing/ladderPause.js';
import type { Channel } from '../../../shared/domain/client.js';
import type { LadderClient, LadderInvoice, LadderState, RungRecord, RungState } from '../../../shared/ladder/state.js';
import type { DunningPolicy } from '../../../shared/ladder/policy.js';
import type { RiskBand } from '../../../shared/risk/model.js';
import { listDisputes } from '../billing/arrangements/disputes.js';
import { listPaymentPlans } from '../billing/arrangements/paymentPlans.js';
import { listPromises } from '../billing/arrangements/promisesToPay.js';
import type { Context } from '../context.js';
import { readAssignments, readPolicies } from './policyStore.js';

/** The open invoices as of the day, aliased `i` (the partial index invoices_open_ladder covers these rows and columns; the + keeps the planner off the issue-date index). */
const OPEN = `i.status = 'issued' AND i.open_minor > 0 AND i.kind IN ('invoice', 'proforma') AND +i.issue_date <= @asOf`;

interface InvoiceRow {
  id: string;
  number_text: string | null;
  external_number: string | null;
  client_id: string;
  kind: 'invoice' | 'proforma';
  source: string;
  currency: string;
  issue_date: string;
  due_date: string;
  total_minor: number;
  open_minor: number;
  /** The contract ids billed on it, comma-separated (ids hold no commas). */
  contracts: string | null;
}

interface ClientRow {
  id: string;
  name: string;
  band: RiskBand | null;
  manual_only: 0 | 1;
  tags_json: string;
  channels_json: string;
}

export interface LoadOptions {
  /** Only this client's invoices (the client page, the desk filtered to one client). */
  clientId?: string;
}

const NO_ARRANGEMENTS: ClientArrangements = { plans: [], promises: [], disputes: [] };

export function loadLadderState(ctx: Context, asOf: string, options: LoadOptions = {}): LadderState {
  const { db } = ctx;
  const open = options.clientId === undefined ? OPEN : `${OPEN} AND i.client_id = @clientId`;
  const params = { asOf, clientId: options.clientId ?? null };

  // Each open invoice with the contracts it bills (their panel accounts are what a restriction or
  // suspension touches), read through the covering indexes in one pass.
  const invoices: LadderInvoice[] = [];
  const invoiceRows = db
    .prepare<typeof params, InvoiceRow>(
      `SELECT i.id, i.number_text, i.external_number, i.client_id, i.kind, i.source, i.currency, i.issue_date, i.due_date, i.total_minor, i.open_minor,
         (SELECT group_concat(DISTINCT l.contract_id) FROM invoice_lines l WHERE l.invoice_id = i.id AND l.contract_id IS NOT NULL) AS contracts
       FROM invoices i WHERE ${open} ORDER BY i.due_date, i.id`,
    )
    .iterate(params);
  for (const row of invoiceRows) {
    invoices.push({
      id: row.id,
      number: row.number_text ?? row.external_number ?? row.id,
      clientId: row.client_id,
      kind: row.kind,
      isLateFee: row.source === 'late_fee',
      currency: row.currency,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      totalMinor: row.total_minor,
      openMinor: row.open_minor,
      contractIds: row.contracts === null ? [] : row.contracts.split(','),
    });
  }

  const clients = new Map<string, LadderClient>();
  const clientRows = db
    .prepare<typeof params, ClientRow>(
      `SELECT c.id, c.name, r.band, c.dunning_manual_only AS manual_only, c.tags_json, c.channels_json
       FROM clients c LEFT JOIN risk_scores r ON r.client_id = c.id
       WHERE c.id IN (SELECT DISTINCT i.client_id FROM invoices i WHERE ${open})`,
    )
    .iterate(params);
  for (const row of clientRows) {
    clients.set(row.id, {
      id: row.id,
      name: row.name,
      band: row.band,
      manualOnly: row.manual_only === 1,
      tags: JSON.parse(row.tags_json) as string[],
      channels: JSON.parse(row.channels_json) as Channel[],
      arrangements: NO_ARRANGEMENTS,
    });
  }

  // Plans, promises and disputes, read the way the client page reads them, for the few who have any.
  const withArrangements = db
    .prepare<[], string>(
      `SELECT client_id FROM payment_plans UNION SELECT client_id FROM promises
       UNION SELECT i.client_id FROM disputes d JOIN invoices i ON i.id = d.invoice_id`,
    )
    .pluck()
    .all();
  for (const clientId of withArrangements) {
    const client = clients.get(clientId);
    if (!client) continue;
    client.arrangements = {
      plans: listPaymentPlans(ctx, { clientId }, asOf),
      promises: listPromises(ctx, { clientId }, asOf),
      disputes: listDisputes(ctx, { clientId }),
    };
  }

  // One row per invoice, its rungs in one string (step keys, states and dates hold no spaces): a
  // book the ladder has run on for a while has several rungs per open invoice, and fewer rows
  // crossing into JavaScript is most of what reading them costs.
  const rungs = new Map<string, Map<string, RungRecord>>();
  const rungRows = db
    .prepare<typeof params, [string, string]>(
      `SELECT r.invoice_id, group_concat(r.step_key || ' ' || r.state || ' ' || coalesce(r.done_on, '-') || ' ' || coalesce(r.postponed_until, '-'), ' ')
       FROM invoices i JOIN dunning_rungs r ON r.invoice_id = i.id WHERE ${open} GROUP BY r.invoice_id`,
    )
    .raw(true)
    .iterate(params);
  for (const [invoiceId, text] of rungRows) {
    const parts = text.split(' ');
    const perInvoice = new Map<string, RungRecord>();
    for (let at = 0; at + 3 < parts.length; at += 4) {
      const [stepKey, state, doneOn, postponedUntil] = parts.slice(at, at + 4) as [string, RungState, string, string];
      perInvoice.set(stepKey, { stepKey, state, doneOn: doneOn === '-' ? null : doneOn, postponedUntil: postponedUntil === '-' ? null : postponedUntil });
    }
    rungs.set(invoiceId, perInvoice);
  }

  const stored = readPolicies(db);
  const policies = new Map<string, DunningPolicy>(stored.map((p) => [p.id, p.policy]));
  const restrictDaysEarlier: Partial<Record<RiskBand, number>> = {};
  for (const row of db.prepare<[], { band: RiskBand; days: number }>('SELECT band, restrict_days_earlier AS days FROM risk_band_treatments').iterate()) {
    restrictDaysEarlier[row.band] = row.days;
  }

  return {
    asOf,
    invoices,
    clients,
    rungs,
    policies: { policies, defaultPolicyId: stored.find((p) => p.isDefault)!.id, assignments: readAssignments(db), restrictDaysEarlier },
  };
}
