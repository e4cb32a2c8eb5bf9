// The reports behind the Reports screen, each one or two SQL aggregates: what a reseller reads
// about receivables, revenue, tax, payments and the accounts that need attention. Every row says
// its currency; words in cells (statuses, methods, "no plan") are written in the language asked.
// Revenue is net of tax and of credit notes, by the day an invoice or credit note was issued —
// the same amounts and dates the journal posts to revenue, credit notes and late fees.
import type { Output, ParsedInput } from '../../../shared/api/methods.js';
import { AGING_BUCKETS } from '../../../shared/api/billing.js';
import type { ColumnKind, ReportId } from '../../../shared/api/reports.js';
import { daysBetween } from '../../../shared/dates.js';
import type { Language } from '../../../shared/domain/language.js';
import { isMessageKey, translate, type MessageKey } from '../../../shared/i18n/index.js';
import { OPEN_AS_OF_SQL } from '../billing/accounts.js';
import type { Context } from '../context.js';

type Report = Output<'reports.run'>;
type Row = Report['rows'][number];
type Bucket = (typeof AGING_BUCKETS)[number];
type Filters = ParsedInput<'reports.run'>['filters'];

export interface ReportQuery {
  from: string;
  to: string;
  asOf: string;
  today: string;
  filters: Filters;
  language: Language;
}

export interface ReportBody {
  columns: { key: string; kind: ColumnKind }[];
  rows: Row[];
}

/** The age bucket of an invoice `days` past due (0 or less: not yet due). */
export function bucketOf(days: number): Bucket {
  if (days <= 0) return 'current';
  if (days <= 30) return 'days1to30';
  if (days <= 60) return 'days31to60';
  if (days <= 90) return 'days61to90';
  return 'over90';
}

const col = (key: string, kind: ColumnKind) => ({ key, kind });

/** `AND …` clauses and parameters for the currency and client filters, on the given table alias. */
function filterSql(filters: Filters, alias: string): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (filters.currency) {
    parts.push(`${alias}.currency = @currency`);
    params.currency = filters.currency;
  }
  if (filters.clientId) {
    parts.push(`${alias}.client_id = @clientId`);
    params.clientId = filters.clientId;
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

function aging(ctx: Context, q: ReportQuery): ReportBody {
  const report = ctx.accounts.aging(q.asOf, q.today, Number.MAX_SAFE_INTEGER);
  const rows = report.clients
    .filter((c) => (!q.filters.currency || c.currency === q.filters.currency) && (!q.filters.clientId || c.clientId === q.filters.clientId))
    .filter((c) => !q.filters.bucket || c.buckets[q.filters.bucket] > 0)
    .map((c) => ({ currency: c.currency, clientId: c.clientId, cells: { client: c.clientName, ...c.buckets, total: c.totalMinor } }));
  return { columns: [col('client', 'text'), ...AGING_BUCKETS.map((b) => col(b, 'money')), col('total', 'money')], rows };
}

/** The latest ladder rung that happened (done, or tried and failed) on invoice `i` by @asOf. */
export const LAST_RUNG_SQL = `(SELECT r.step_key FROM dunning_rungs r WHERE r.invoice_id = i.id AND r.state IN ('done', 'failed') AND coalesce(r.done_on, r.scheduled_on) <= @asOf
  ORDER BY coalesce(r.done_on, r.scheduled_on) DESC, r.scheduled_on DESC LIMIT 1)`;

/** A ladder step in words: the default ladder's steps by name, any other by its key. */
export function stepLabel(language: Language, step: string | null): string {
  if (step === null) return translate(language, 'dashboard.ladderNone');
  const key = `dashboard.step.${step}`;
  return isMessageKey(key) ? translate(language, key) : step;
}

function outstanding(ctx: Context, q: ReportQuery): ReportBody {
  const current = q.asOf >= q.today;
  const { sql, params } = filterSql(q.filters, 'i');
  const rows = ctx.db
    .prepare<Record<string, string>, { id: string; number: string; client_id: string; name: string; currency: string; issue_date: string; due_date: string; total: number; open: number; step: string | null }>(
      `SELECT * FROM (
         SELECT i.id, coalesce(i.number_text, i.external_number) AS number, i.client_id, c.name, i.currency, i.issue_date, i.due_date, i.total_minor AS total,
           ${current ? 'i.open_minor' : OPEN_AS_OF_SQL} AS open, CASE WHEN i.due_date < @asOf THEN ${LAST_RUNG_SQL} END AS step
         FROM invoices i JOIN clients c ON c.id = i.client_id
         WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.issue_date <= @asOf ${current ? 'AND i.open_minor > 0' : ''}${sql}
       ) WHERE open > 0 ORDER BY due_date, number`,
    )
    .all({ ...params, asOf: q.asOf });
  const wantedStep = q.filters.step;
  return {
    columns: [col('number', 'text'), col('client', 'text'), col('issueDate', 'date'), col('dueDate', 'date'), col('daysOverdue', 'days'), col('ladderStep', 'text'), col('invoiceTotal', 'money'), col('open', 'money')],
    rows: rows
      .map((r) => ({ r, days: Math.max(0, daysBetween(r.due_date, q.asOf)) }))
      .filter(({ days }) => !q.filters.bucket || bucketOf(days) === q.filters.bucket)
      .filter(({ r, days }) => !wantedStep || (days > 0 && (r.step ?? 'none') === wantedStep))
      .map(({ r, days }) => ({
        currency: r.currency,
        clientId: r.client_id,
        cells: { number: r.number, client: r.name, issueDate: r.issue_date, dueDate: r.due_date, daysOverdue: days, ladderStep: days > 0 ? stepLabel(q.language, r.step) : '', invoiceTotal: r.total, open: r.open },
      })),
  };
}

function revenueByMonth(ctx: Context, q: ReportQuery): ReportBody {
  const { sql, params } = filterSql(q.filters, 'i');
  const rows = ctx.db
    .prepare<Record<string, string>, { month: string; currency: string; invoiced: number; credited: number; tax: number; total: number }>(
      `SELECT substr(i.issue_date, 1, 7) AS month, i.currency,
         sum(CASE WHEN i.kind = 'invoice' THEN i.net_minor ELSE 0 END) AS invoiced,
         sum(CASE WHEN i.kind = 'credit_note' THEN i.net_minor ELSE 0 END) AS credited,
         sum(CASE WHEN i.kind = 'invoice' THEN i.tax_minor ELSE -i.tax_minor END) AS tax,
         sum(CASE WHEN i.kind = 'invoice' THEN i.total_minor ELSE -i.total_minor END) AS total
       FROM invoices i WHERE i.kind IN ('invoice', 'credit_note') AND i.status = 'issued' AND i.issue_date BETWEEN @from AND @to${sql}
       GROUP BY month, i.currency ORDER BY month, i.currency`,
    )
    .all({ ...params, from: q.from, to: q.to });
  return {
    columns: [col('month', 'text'), col('invoicedNet', 'money'), col('creditedNet', 'money'), col('net', 'money'), col('tax', 'money'), col('total', 'money')],
    rows: rows.map((r) => ({ currency: r.currency, clientId: null, cells: { month: r.month, invoicedNet: r.invoiced, creditedNet: 0 - r.credited, net: r.invoiced - r.credited, tax: r.tax, total: r.total } })),
  };
}

/** Revenue lines grouped by what they were for; credit notes (which name no contract) are a row of their own. */
function revenueBy(ctx: Context, q: ReportQuery, by: 'plan' | 'panel'): ReportBody {
  const { sql, params } = filterSql(q.filters, 'i');
  const t = (key: MessageKey) => translate(q.language, key);
  const group =
    by === 'plan'
      ? `CASE WHEN l.kind = 'late_fee' THEN 'late_fee' WHEN l.contract_id IS NULL THEN 'no_contract' WHEN ct.plan_id IS NULL THEN 'no_plan' ELSE 'plan' END`
      : `CASE WHEN l.kind = 'late_fee' THEN 'late_fee' WHEN l.contract_id IS NULL THEN 'no_contract' ELSE 'panel' END`;
  const name = by === 'plan' ? 'p.name' : 'ct.panel_kind';
  const rows = ctx.db
    .prepare<Record<string, string>, { grp: string; group_name: string | null; currency: string; lines: number; net: number }>(
      // The alias is not `name`: GROUP BY would take that for plans.name and split a panel's row by plan.
      `SELECT ${group} AS grp, CASE WHEN l.kind = 'late_fee' OR l.contract_id IS NULL THEN NULL ELSE ${name} END AS group_name, i.currency, count(*) AS lines, sum(l.net_minor) AS net
       FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
       LEFT JOIN contracts ct ON ct.id = l.contract_id LEFT JOIN plans p ON p.id = ct.plan_id
       WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.issue_date BETWEEN @from AND @to${sql}
       GROUP BY grp, group_name, i.currency ORDER BY i.currency, net DESC`,
    )
    .all({ ...params, from: q.from, to: q.to });
  const credits = ctx.db
    .prepare<Record<string, string>, { currency: string; lines: number; net: number }>(
      `SELECT i.currency, count(*) AS lines, sum(i.net_minor) AS net FROM invoices i
       WHERE i.kind = 'credit_note' AND i.status = 'issued' AND i.issue_date BETWEEN @from AND @to${sql} GROUP BY i.currency`,
    )
    .all({ ...params, from: q.from, to: q.to });
  const label = (grp: string, value: string | null): string => {
    if (grp === 'late_fee') return t('reports.group.lateFees');
    if (grp === 'no_contract') return t('reports.group.noContract');
    if (grp === 'no_plan') return t('reports.group.noPlan');
    if (by === 'panel' && value) return translate(q.language, `panel.${value}` as MessageKey);
    return value ?? '';
  };
  const key = by === 'plan' ? 'plan' : 'panel';
  return {
    columns: [col(key, 'text'), col('lines', 'count'), col('net', 'money')],
    rows: [
      ...rows.map((r) => ({ currency: r.currency, clientId: null, cells: { [key]: label(r.grp, r.group_name), lines: r.lines, net: r.net } })),
      ...credits.map((r) => ({ currency: r.currency, clientId: null, cells: { [key]: t('reports.group.creditNotes'), lines: r.lines, net: 0 - r.net } })),
    ],
  };
}

function taxSummary(ctx: Context, q: ReportQuery): ReportBody {
  const { sql, params } = filterSql(q.filters, 'i');
  const sign = `CASE WHEN i.kind = 'invoice' THEN 1 ELSE -1 END`;
  const rows = ctx.db
    .prepare<Record<string, string>, { rate: number; currency: string; net: number; tax: number; total: number }>(
      `SELECT l.tax_rate_bp AS rate, i.currency, sum(${sign} * l.net_minor) AS net, sum(${sign} * l.tax_minor) AS tax, sum(${sign} * l.total_minor) AS total
       FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
       WHERE i.kind IN ('invoice', 'credit_note') AND i.status = 'issued' AND i.issue_date BETWEEN @from AND @to${sql}
       GROUP BY i.currency, rate ORDER BY i.currency, rate`,
    )
    .all({ ...params, from: q.from, to: q.to });
  return {
    columns: [col('taxRate', 'text'), col('net', 'money'), col('tax', 'money'), col('total', 'money')],
    rows: rows.map((r) => ({ currency: r.currency, clientId: null, cells: { taxRate: `${(r.rate / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`, net: r.net, tax: r.tax, total: r.total } })),
  };
}

function paymentsByMethod(ctx: Context, q: ReportQuery): ReportBody {
  const { sql, params } = filterSql(q.filters, 'p');
  const rows = ctx.db
    .prepare<Record<string, string>, { method: string; currency: string; payments: number; received: number; bounced: number }>(
      `SELECT p.method, p.currency, count(*) AS payments, sum(p.amount_minor) AS received, sum(CASE WHEN p.status = 'bounced' THEN p.amount_minor ELSE 0 END) AS bounced
       FROM payments p WHERE p.date BETWEEN @from AND @to${sql} GROUP BY p.currency, p.method ORDER BY p.currency, received DESC`,
    )
    .all({ ...params, from: q.from, to: q.to });
  return {
    columns: [col('method', 'text'), col('payments', 'count'), col('received', 'money'), col('bounced', 'money'), col('net', 'money')],
    rows: rows.map((r) => ({
      currency: r.currency,
      clientId: null,
      cells: { method: translate(q.language, `paymentMethod.${r.method}` as MessageKey), payments: r.payments, received: r.received, bounced: 0 - r.bounced, net: r.received - r.bounced },
    })),
  };
}

function restricted(ctx: Context, q: ReportQuery): ReportBody {
  const { sql, params } = filterSql(q.filters, 'ct');
  const rows = ctx.db
    .prepare<Record<string, string>, { client_id: string; name: string; label: string; plan: string | null; panel_kind: string; status: string; currency: string; since: string | null; overdue: number }>(
      `SELECT ct.client_id, c.name, ct.label, p.name AS plan, ct.panel_kind, ct.status, ct.currency,
         (SELECT substr(max(h.at), 1, 10) FROM contract_status_history h WHERE h.contract_id = ct.id AND h.to_status = ct.status) AS since,
         (SELECT coalesce(sum(i.open_minor), 0) FROM invoices i WHERE i.client_id = ct.client_id AND i.kind = 'invoice' AND i.status = 'issued' AND i.open_minor > 0 AND i.due_date < @today) AS overdue
       FROM contracts ct JOIN clients c ON c.id = ct.client_id LEFT JOIN plans p ON p.id = ct.plan_id
       WHERE ct.status IN ('restricted', 'suspended')${sql} ORDER BY ct.status DESC, c.sort_name, ct.label`,
    )
    .all({ ...params, today: q.today });
  return {
    columns: [col('client', 'text'), col('contract', 'text'), col('plan', 'text'), col('panel', 'text'), col('status', 'text'), col('since', 'date'), col('clientOverdue', 'money')],
    rows: rows.map((r) => ({
      currency: r.currency,
      clientId: r.client_id,
      cells: {
        client: r.name,
        contract: r.label,
        plan: r.plan ?? translate(q.language, 'reports.group.noPlan'),
        panel: translate(q.language, `panel.${r.panel_kind}` as MessageKey),
        status: translate(q.language, `contractStatus.${r.status}` as MessageKey),
        since: r.since,
        clientOverdue: r.overdue,
      },
    })),
  };
}

function renewals(ctx: Context, q: ReportQuery): ReportBody {
  const { sql, params } = filterSql(q.filters, 'ct');
  const rows = ctx.db
    .prepare<Record<string, string>, { client_id: string; name: string; label: string; plan: string | null; cycle: string; currency: string; next_due_date: string; auto_renew: number; term_review_date: string | null; price: number }>(
      `SELECT ct.client_id, c.name, ct.label, p.name AS plan, ct.cycle, ct.currency, ct.next_due_date, ct.auto_renew, ct.term_review_date, ct.price_minor AS price
       FROM contracts ct JOIN clients c ON c.id = ct.client_id LEFT JOIN plans p ON p.id = ct.plan_id
       WHERE ct.status IN ('active', 'restricted', 'suspended')
         AND ((ct.auto_renew = 1 AND ct.next_due_date BETWEEN @from AND @to) OR ct.term_review_date BETWEEN @from AND @to)${sql}
       ORDER BY min(CASE WHEN ct.auto_renew = 1 AND ct.next_due_date BETWEEN @from AND @to THEN ct.next_due_date ELSE '9999' END,
                    CASE WHEN ct.term_review_date BETWEEN @from AND @to THEN ct.term_review_date ELSE '9999' END), c.sort_name`,
    )
    .all({ ...params, from: q.from, to: q.to });
  const within = (date: string | null) => date !== null && date >= q.from && date <= q.to;
  return {
    columns: [col('client', 'text'), col('contract', 'text'), col('plan', 'text'), col('cycle', 'text'), col('due', 'text'), col('nextDue', 'date'), col('termReview', 'date'), col('price', 'money')],
    rows: rows.map((r) => {
      const renews = r.auto_renew === 1 && within(r.next_due_date);
      const review = within(r.term_review_date);
      const due = [renews ? translate(q.language, 'reports.due.renewal') : null, review ? translate(q.language, 'reports.due.termReview') : null].filter(Boolean).join(', ');
      return {
        currency: r.currency,
        clientId: r.client_id,
        cells: {
          client: r.name,
          contract: r.label,
          plan: r.plan ?? translate(q.language, 'reports.group.noPlan'),
          cycle: translate(q.language, `cycle.${r.cycle}` as MessageKey),
          due,
          nextDue: r.next_due_date,
          termReview: r.term_review_date,
          price: r.price,
        },
      };
    }),
  };
}

export const REPORTS: Record<ReportId, (ctx: Context, q: ReportQuery) => ReportBody> = {
  aging,
  outstanding,
  revenueByMonth,
  revenueByPlan: (ctx, q) => revenueBy(ctx, q, 'plan'),
  revenueByPanel: (ctx, q) => revenueBy(ctx, q, 'panel'),
  taxSummary,
  paymentsByMethod,
  restricted,
  renewals,
};

/** Sums of the money and count columns, one line per currency, in the order the currencies first appear. */
export function totalsOf(body: ReportBody): Report['totals'] {
  const summed = body.columns.filter((c) => c.kind === 'money' || c.kind === 'count');
  const totals = new Map<string | null, Record<string, number>>();
  for (const row of body.rows) {
    const total = totals.get(row.currency) ?? Object.fromEntries(summed.map((c) => [c.key, 0]));
    for (const c of summed) total[c.key]! += typeof row.cells[c.key] === 'number' ? (row.cells[c.key] as number) : 0;
    totals.set(row.currency, total);
  }
  return [...totals].map(([currency, cells]) => ({ currency, cells }));
}
