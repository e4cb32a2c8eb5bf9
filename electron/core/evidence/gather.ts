// What the books hold about one client, read for an evidence bundle: contracts with their terms
// and status history, invoices with their lines, payments with what they paid, disputes, payment
// plans and promises, the communication log joined to the outgoing messages (the SMTP answer is
// the proof of sending), archived documents, panel actions, the arrears ladder's rungs and the
// audit rows about all of these. Everything is read in one SQL snapshot (a read transaction) and
// in a fixed order, so the same books give the same bundle. Nothing dated after `through` is read;
// instants count by their UTC date.
import type { Client } from '../../../shared/domain/client.js';
import type { Context } from '../context.js';

export interface ContractRecord {
  id: string;
  label: string;
  kind: string;
  planName: string | null;
  panelKind: string;
  panelAccount: string | null;
  priceMinor: number;
  currency: string;
  cycle: string;
  pricingModel: string;
  startDate: string;
  endDate: string | null;
  signedDate: string | null;
  termsVersion: string | null;
  termsText: string | null;
  status: string;
  endReason: string | null;
  history: Array<{ at: string; from: string | null; to: string; reason: string | null; actor: string }>;
}

export interface InvoiceRecord {
  id: string;
  kind: 'invoice' | 'proforma' | 'credit_note';
  status: 'issued' | 'void';
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  openMinor: number;
  source: string;
  disputed: boolean;
  creditedInvoiceId: string | null;
  reason: string | null;
  voidReason: string | null;
  issuedHash: string | null;
  updatedAt: string;
  lines: Array<{ position: number; kind: string; description: string; quantityMilli: number; unitPriceMinor: number; taxRateBp: number; netMinor: number; taxMinor: number; totalMinor: number }>;
}

export interface PaymentRecord {
  id: string;
  date: string;
  amountMinor: number;
  currency: string;
  method: string;
  reference: string | null;
  status: 'received' | 'bounced';
  bounceReason: string | null;
  bouncedDate: string | null;
  allocations: Array<{ invoiceId: string; invoiceNumber: string; amountMinor: number; date: string; reversedDate: string | null }>;
}

export interface DisputeRecord {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  openedDate: string;
  reason: string;
  status: string;
  resolvedDate: string | null;
  resolution: string | null;
  creditNoteNumber: string | null;
}

export interface PlanRecord {
  id: string;
  createdDate: string;
  totalMinor: number;
  feeMinor: number;
  currency: string;
  status: string;
  closedDate: string | null;
  installments: Array<{ dueDate: string; amountMinor: number }>;
}

export interface PromiseRecord {
  id: string;
  madeDate: string;
  promisedDate: string;
  amountMinor: number;
  currency: string;
  status: string;
  resolvedDate: string | null;
}

export interface CommunicationRecord {
  id: string;
  at: string;
  channel: string;
  status: string;
  recipient: string;
  kind: string;
  subject: string;
  documentId: string | null;
  contentSha256: string;
  detail: string | null;
  messageId: string | null;
  messageState: string | null;
  providerAnswer: string | null;
  sentAt: string | null;
  lastError: string | null;
}

export interface DocumentRecord {
  id: string;
  kind: string;
  title: string;
  invoiceId: string | null;
  language: string;
  templateVersion: number | null;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
}

export interface PanelActionRecord {
  id: string;
  contractLabel: string;
  account: string;
  kind: string;
  state: string;
  requestedBy: string;
  reason: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  dryRun: boolean;
  answer: string | null;
  errorMessage: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RungRecord {
  invoiceId: string;
  invoiceNumber: string;
  stepKey: string;
  state: string;
  scheduledOn: string;
  doneOn: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  catchUp: boolean;
  outcomes: string;
  lastError: string | null;
}

export interface AuditRecordRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  data: string;
  prevHash: string;
  hash: string;
}

export interface EvidenceBook {
  client: Client;
  through: string;
  /**
   * The state of the books the bundle shows: the last audit row through `through` (bundles' own
   * rows aside) — its number and instant. The bundle is dated by it, not by the clock, so the same
   * books give the same bundle whenever it is made.
   */
  asOf: { seq: number; at: string };
  /** The first day anything in the bundle is dated (the client's creation when nothing is). */
  from: string;
  contracts: ContractRecord[];
  invoices: InvoiceRecord[];
  payments: PaymentRecord[];
  disputes: DisputeRecord[];
  plans: PlanRecord[];
  promises: PromiseRecord[];
  communications: CommunicationRecord[];
  documents: DocumentRecord[];
  panelActions: PanelActionRecord[];
  rungs: RungRecord[];
  audit: AuditRecordRow[];
}

/** Rows dated by an instant count when its UTC date is on or before `through`. */
const ON_OR_BEFORE = (column: string) => `substr(${column}, 1, 10) <= @through`;

/** Reads everything about the client through a date, in one read transaction. */
export function gatherEvidence(ctx: Context, client: Client, through: string): EvidenceBook {
  const db = ctx.db;
  const p = { clientId: client.id, through };
  return db.transaction(() => {
    const contracts = db
      .prepare<typeof p, Omit<ContractRecord, 'history'>>(
        `SELECT c.id, c.label, c.kind, pl.name AS planName, c.panel_kind AS panelKind, c.panel_account AS panelAccount, c.price_minor AS priceMinor,
           c.currency, c.cycle, c.pricing_model AS pricingModel, c.start_date AS startDate, c.end_date AS endDate, c.signed_date AS signedDate,
           c.terms_version AS termsVersion, c.terms_text AS termsText, c.status, c.end_reason AS endReason
         FROM contracts c LEFT JOIN plans pl ON pl.id = c.plan_id
         WHERE c.client_id = @clientId AND c.start_date <= @through ORDER BY c.start_date, c.seq`,
      )
      .all(p);
    const history = db.prepare<{ contractId: string; through: string }, ContractRecord['history'][number]>(
      `SELECT at, from_status AS "from", to_status AS "to", reason, actor FROM contract_status_history
       WHERE contract_id = @contractId AND ${ON_OR_BEFORE('at')} ORDER BY seq`,
    );

    const invoices = db
      .prepare<typeof p, Omit<InvoiceRecord, 'lines' | 'disputed'> & { disputed: number }>(
        `SELECT id, kind, status, coalesce(number_text, external_number) AS number, issue_date AS issueDate, due_date AS dueDate, currency,
           net_minor AS netMinor, tax_minor AS taxMinor, total_minor AS totalMinor, open_minor AS openMinor, source, disputed,
           credited_invoice_id AS creditedInvoiceId, reason, void_reason AS voidReason, issued_hash AS issuedHash, updated_at AS updatedAt
         FROM invoices WHERE client_id = @clientId AND status <> 'draft' AND issue_date <= @through ORDER BY issue_date, seq`,
      )
      .all(p);
    const lines = db.prepare<[string], InvoiceRecord['lines'][number]>(
      `SELECT position, kind, description, quantity_milli AS quantityMilli, unit_price_minor AS unitPriceMinor, tax_rate_bp AS taxRateBp,
         net_minor AS netMinor, tax_minor AS taxMinor, total_minor AS totalMinor FROM invoice_lines WHERE invoice_id = ? ORDER BY position`,
    );

    const payments = db
      .prepare<typeof p, Omit<PaymentRecord, 'allocations'>>(
        `SELECT id, date, amount_minor AS amountMinor, currency, method, reference, status, bounce_reason AS bounceReason, bounced_date AS bouncedDate
         FROM payments WHERE client_id = @clientId AND date <= @through ORDER BY date, seq`,
      )
      .all(p);
    const allocations = db.prepare<{ paymentId: string; through: string }, PaymentRecord['allocations'][number]>(
      `SELECT a.invoice_id AS invoiceId, coalesce(i.number_text, i.external_number, '') AS invoiceNumber, a.amount_minor AS amountMinor, a.date,
         CASE WHEN a.reversed_date <= @through THEN a.reversed_date END AS reversedDate
       FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = @paymentId AND a.date <= @through ORDER BY a.seq`,
    );

    const disputes = db
      .prepare<typeof p, DisputeRecord>(
        `SELECT d.id, d.invoice_id AS invoiceId, coalesce(i.number_text, i.external_number, '') AS invoiceNumber, d.opened_date AS openedDate, d.reason,
           CASE WHEN d.resolved_date <= @through THEN d.status ELSE 'open' END AS status,
           CASE WHEN d.resolved_date <= @through THEN d.resolved_date END AS resolvedDate,
           CASE WHEN d.resolved_date <= @through THEN d.resolution END AS resolution,
           CASE WHEN d.resolved_date <= @through THEN cn.number_text END AS creditNoteNumber
         FROM disputes d JOIN invoices i ON i.id = d.invoice_id LEFT JOIN invoices cn ON cn.id = d.credit_note_id
         WHERE i.client_id = @clientId AND d.opened_date <= @through ORDER BY d.opened_date, d.seq`,
      )
      .all(p);

    const plans = db
      .prepare<typeof p, Omit<PlanRecord, 'installments'>>(
        `SELECT id, created_date AS createdDate, total_minor AS totalMinor, fee_minor AS feeMinor, currency,
           CASE WHEN closed_date <= @through OR status = 'active' THEN status ELSE 'active' END AS status,
           CASE WHEN closed_date <= @through THEN closed_date END AS closedDate
         FROM payment_plans WHERE client_id = @clientId AND created_date <= @through ORDER BY created_date, seq`,
      )
      .all(p);
    const installments = db.prepare<[string], PlanRecord['installments'][number]>(
      'SELECT due_date AS dueDate, amount_minor AS amountMinor FROM plan_installments WHERE plan_id = ? ORDER BY due_date, seq',
    );

    const promises = db
      .prepare<typeof p, PromiseRecord>(
        `SELECT id, made_date AS madeDate, promised_date AS promisedDate, amount_minor AS amountMinor, currency,
           CASE WHEN resolved_date <= @through OR status = 'open' THEN status ELSE 'open' END AS status,
           CASE WHEN resolved_date <= @through THEN resolved_date END AS resolvedDate
         FROM promises WHERE client_id = @clientId AND made_date <= @through ORDER BY made_date, seq`,
      )
      .all(p);

    const communications = db
      .prepare<typeof p, CommunicationRecord>(
        `SELECT c.id, c.at, c.channel, c.status, c.recipient, c.kind, c.subject, c.document_id AS documentId, c.content_sha256 AS contentSha256,
           c.detail, c.message_id AS messageId, m.state AS messageState, m.provider_answer AS providerAnswer, m.sent_at AS sentAt, m.last_error AS lastError
         FROM communications c LEFT JOIN outgoing_messages m ON m.id = c.message_id
         WHERE c.client_id = @clientId AND ${ON_OR_BEFORE('c.at')} ORDER BY c.at, c.seq`,
      )
      .all(p);

    // Earlier evidence bundles are not evidence of the dealings: leaving them out keeps the bundle
    // the same for the same books however often it is made.
    const documents = db
      .prepare<typeof p, DocumentRecord>(
        `SELECT id, kind, title, invoice_id AS invoiceId, language, template_version AS templateVersion, sha256, size_bytes AS sizeBytes, created_at AS createdAt
         FROM documents WHERE client_id = @clientId AND kind <> 'evidence_bundle' AND mime = 'application/pdf' AND ${ON_OR_BEFORE('created_at')} ORDER BY seq`,
      )
      .all(p);

    const panelActions = db
      .prepare<typeof p, Omit<PanelActionRecord, 'dryRun'> & { dryRun: number }>(
        `SELECT a.id, c.label AS contractLabel, a.account, a.kind, a.state, a.requested_by AS requestedBy, a.reason, a.approved_by AS approvedBy,
           a.approved_at AS approvedAt, a.dry_run AS dryRun, a.answer, a.error_message AS errorMessage, a.created_at AS createdAt,
           a.started_at AS startedAt, a.finished_at AS finishedAt
         FROM panel_actions a JOIN contracts c ON c.id = a.contract_id
         WHERE c.client_id = @clientId AND ${ON_OR_BEFORE('a.created_at')} ORDER BY a.seq`,
      )
      .all(p);

    const rungs = db
      .prepare<typeof p, Omit<RungRecord, 'catchUp'> & { catchUp: number }>(
        `SELECT r.invoice_id AS invoiceId, coalesce(i.number_text, i.external_number, '') AS invoiceNumber, r.step_key AS stepKey, r.state,
           r.scheduled_on AS scheduledOn, r.done_on AS doneOn, r.decided_by AS decidedBy, r.decided_at AS decidedAt, r.reason,
           r.catch_up AS catchUp, r.outcomes_json AS outcomes, r.last_error AS lastError
         FROM dunning_rungs r JOIN invoices i ON i.id = r.invoice_id
         WHERE r.client_id = @clientId AND r.scheduled_on <= @through ORDER BY r.scheduled_on, i.seq, r.step_key`,
      )
      .all(p);

    const ids = [
      client.id,
      ...contracts.map((c) => c.id),
      ...invoices.map((i) => i.id),
      ...payments.map((x) => x.id),
      ...disputes.map((d) => d.id),
      ...plans.map((x) => x.id),
      ...promises.map((x) => x.id),
      ...panelActions.map((a) => a.id),
    ];
    const audit = db
      .prepare<{ ids: string; through: string }, AuditRecordRow>(
        `SELECT seq, at, actor, action, entity, entity_id AS entityId, data_json AS data, prev_hash AS prevHash, hash FROM audit_log
         WHERE entity_id IN (SELECT value FROM json_each(@ids)) AND action <> 'evidence.bundled' AND ${ON_OR_BEFORE('at')} ORDER BY seq`,
      )
      .all({ ids: JSON.stringify(ids), through });

    const state = db
      .prepare<{ through: string }, { seq: number; at: string }>(`SELECT seq, at FROM audit_log WHERE action <> 'evidence.bundled' AND ${ON_OR_BEFORE('at')} ORDER BY seq DESC LIMIT 1`)
      .get({ through });

    const dated = [
      ...contracts.map((c) => c.startDate),
      ...invoices.map((i) => i.issueDate),
      ...payments.map((x) => x.date),
      ...communications.map((c) => c.at.slice(0, 10)),
      ...audit.map((a) => a.at.slice(0, 10)),
    ].filter((date) => date <= through);
    const from = dated.length > 0 ? dated.reduce((a, b) => (a < b ? a : b)) : client.createdAt.slice(0, 10);

    return {
      client,
      through,
      asOf: state ?? { seq: 0, at: `${through}T00:00:00.000Z` },
      from: from <= through ? from : through,
      contracts: contracts.map((c) => ({ ...c, history: history.all({ contractId: c.id, through }) })),
      invoices: invoices.map((i) => ({ ...i, disputed: i.disputed === 1, lines: lines.all(i.id) })),
      payments: payments.map((x) => ({
        ...x,
        status: x.status === 'bounced' && x.bouncedDate !== null && x.bouncedDate <= through ? ('bounced' as const) : ('received' as const),
        allocations: allocations.all({ paymentId: x.id, through }),
      })),
      disputes,
      plans: plans.map((x) => ({ ...x, installments: installments.all(x.id) })),
      promises,
      communications,
      documents,
      panelActions: panelActions.map((a) => ({ ...a, dryRun: a.dryRun === 1 })),
      rungs: rungs.map((r) => ({ ...r, catchUp: r.catchUp === 1 })),
      audit,
    };
  })();
}
