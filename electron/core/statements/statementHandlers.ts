// statements.*: preview and import a bank or wallet statement, review its lines with their
// suggested matches, book the accepted ones as payments through the ledger (the same path as
// payments.record), set the others aside. A line's identity (a hash of what the bank says about
// it) is UNIQUE, so a statement imported twice stores nothing new; its payment_id is UNIQUE and
// a line is booked only while open, so it is never booked twice.
import { createHash } from 'node:crypto';
import type { statementMethods, MatchKind, StatementFormat } from '../../../shared/api/statements.js';
import { MATCH_KINDS } from '../../../shared/api/statements.js';
import type { PaymentMethod } from '../../../shared/domain/invoice.js';
import type { HandlersOf } from '../context.js';
import { ApiError, conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { settleArrangements } from '../billing/arrangements/settle.js';
import { liftRestrictionsWhenCleared } from '../panels/queue/paymentRestores.js';
import { announceActions } from '../panels/queue/announce.js';
import { loadMatchBook, type Allocation, type MatchBook, type OpenInvoice } from './matchBook.js';
import { readStatement, type StatementLine } from './statementFile.js';

const METHOD_OF: Record<StatementFormat, PaymentMethod> = { generic: 'bank_transfer', alipay: 'alipay', wechat: 'wechat_pay', paypal: 'paypal' };

interface LineRow {
  id: string;
  statement_id: string;
  row: number;
  date: string;
  amount_minor: number;
  currency: string;
  reference: string | null;
  counterparty: string | null;
  status: 'open' | 'booked' | 'ignored' | 'outgoing';
  payment_id: string | null;
  format: StatementFormat;
  booked_to: string | null;
}

interface StatementRow {
  id: string;
  format: StatementFormat;
  file_name: string | null;
  line_count: number;
  new_lines: number;
  imported_at: string;
  open: number;
  booked: number;
}

const toLine = (row: LineRow): StatementLine => ({ row: row.row, date: row.date, amountMinor: row.amount_minor, currency: row.currency, reference: row.reference, counterparty: row.counterparty });

const toStatement = (row: StatementRow) => ({
  id: row.id,
  format: row.format,
  fileName: row.file_name,
  lineCount: row.line_count,
  newLines: row.new_lines,
  importedAt: row.imported_at,
  open: row.open,
  booked: row.booked,
});

const STATEMENT_SQL = `SELECT s.*,
  (SELECT count(*) FROM statement_lines l WHERE l.statement_id = s.id AND l.status = 'open') AS open,
  (SELECT count(*) FROM statement_lines l WHERE l.statement_id = s.id AND l.status = 'booked') AS booked
  FROM bank_statements s`;

const LINE_SQL = `SELECT l.*, s.format, c.name AS booked_to FROM statement_lines l JOIN bank_statements s ON s.id = l.statement_id
  LEFT JOIN payments p ON p.id = l.payment_id LEFT JOIN clients c ON c.id = p.client_id`;

/** What the bank says about a line, plus its place among identical lines of the same file. */
function identities(lines: readonly StatementLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const key = JSON.stringify([line.date, line.amountMinor, line.currency, line.reference, line.counterparty]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}#${n}`).digest('hex');
  });
}

/** The invoices a line pays and for whom: a person's choice, else the suggestion when it is sure enough. */
function planFor(book: MatchBook, line: LineRow, choice: { invoiceIds?: string[] | undefined; clientId?: string | undefined } | undefined, field: string): { clientId: string; allocations: Allocation[] } {
  const amount = line.amount_minor;
  if (choice?.invoiceIds) {
    const invoices = book.invoices(choice.invoiceIds);
    const clientId = invoices?.[0]?.clientId;
    if (!invoices || invoices.some((invoice: OpenInvoice) => invoice.clientId !== clientId || invoice.currency !== line.currency)) {
      throw invalidField({ field: `${field}.invoiceIds`, code: 'not_allowed', message: `Choose open invoices of one client in ${line.currency} for the line of row ${line.row}.` });
    }
    return { clientId: clientId!, allocations: book.allocate(amount, invoices).allocations };
  }
  if (choice?.clientId) {
    const invoices = book.clientInvoices(choice.clientId);
    if (invoices.length > 0 && invoices[0]!.currency !== line.currency) {
      throw invalidField({ field: `${field}.clientId`, code: 'currency_mismatch', message: `That client is not billed in ${line.currency}.` });
    }
    return { clientId: choice.clientId, allocations: book.allocate(amount, invoices).allocations };
  }
  const suggestion = book.suggest(toLine(line));
  if (!suggestion.clientId || suggestion.kind === 'ambiguous' || suggestion.kind === 'unknown') {
    throw invalidField({ field, code: 'required', message: `The line of row ${line.row} matches no invoice for sure: choose the invoice, or set the line aside.` });
  }
  return { clientId: suggestion.clientId, allocations: suggestion.allocations };
}

export const statementHandlers: HandlersOf<typeof statementMethods> = {
  'statements.preview'(input) {
    const read = readStatement(input);
    return { ...read, errorCount: read.errors.length, errors: read.errors.slice(0, 500) };
  },

  'statements.import'(input, ctx) {
    if (input.format === 'generic' && !input.mapping) throw invalidField({ field: 'mapping', code: 'required', message: 'Say which column is the date and which the amount.' });
    const read = readStatement(input);
    if (read.errors.length > 0) {
      const first = read.errors[0]!;
      const message = `Row ${first.row}: ${first.message} (${read.errors.length} problem${read.errors.length === 1 ? '' : 's'} in the file; nothing was imported).`;
      throw new ApiError('invalid_input', message, { fields: [{ field: input.text === undefined ? 'csvBase64' : 'text', code: 'invalid', message }], errorCount: read.errors.length, rows: read.errors.slice(0, 500) });
    }
    const ids = identities(read.lines);
    const id = newId('bs');
    const at = ctx.clock.now().toISOString();
    const result = ctx.transaction(() => {
      ctx.db.prepare('INSERT INTO bank_statements (id, format, file_name, line_count, new_lines, imported_at) VALUES (?, ?, ?, ?, 0, ?)').run(id, input.format, input.fileName ?? null, read.lines.length, at);
      const insert = ctx.db.prepare(
        `INSERT INTO statement_lines (id, statement_id, identity, row, date, amount_minor, currency, reference, counterparty, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (identity) DO NOTHING`,
      );
      const book = loadMatchBook(ctx.db);
      const matches = Object.fromEntries(MATCH_KINDS.map((kind) => [kind, 0])) as Record<MatchKind, number>;
      let added = 0;
      read.lines.forEach((line, i) => {
        const incoming = line.amountMinor > 0;
        const changes = insert.run(newId('sl'), id, ids[i]!, line.row, line.date, line.amountMinor, line.currency, line.reference, line.counterparty, incoming ? 'open' : 'outgoing').changes;
        added += changes;
        if (changes && incoming) matches[book.suggest(line).kind] += 1;
      });
      ctx.db.prepare('UPDATE bank_statements SET new_lines = ? WHERE id = ?').run(added, id);
      ctx.audit.append({ action: 'statement.imported', entity: 'bank_statement', entityId: id, data: { format: input.format, fileName: input.fileName ?? null, lines: read.lines.length, newLines: added } });
      return { added, matches };
    });
    const statement = ctx.db.prepare<[string], StatementRow>(`${STATEMENT_SQL} WHERE s.id = ?`).get(id)!;
    return { ...toStatement(statement), duplicates: read.lines.length - result.added, matches: result.matches };
  },

  'statements.list'(input, ctx) {
    return { items: ctx.db.prepare<[number], StatementRow>(`${STATEMENT_SQL} ORDER BY s.seq DESC LIMIT ?`).all(input.limit).map(toStatement) };
  },

  'statements.lines'(input, ctx) {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: input.limit, offset: input.offset };
    if (input.statementId) {
      where.push('l.statement_id = @statement');
      params.statement = input.statementId;
    }
    if (input.status !== 'all') {
      where.push('l.status = @status');
      params.status = input.status;
    }
    const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = ctx.db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM statement_lines l${filter}`).pluck().get(params)!;
    const rows = ctx.db.prepare<Record<string, unknown>, LineRow>(`${LINE_SQL}${filter} ORDER BY l.date, l.seq LIMIT @limit OFFSET @offset`).all(params);
    const book = loadMatchBook(ctx.db);
    const items = rows.map((row) => ({
      ...toLine(row),
      id: row.id,
      statementId: row.statement_id,
      status: row.status,
      paymentId: row.payment_id,
      bookedTo: row.booked_to,
      suggestion: row.status === 'open' ? book.suggest(toLine(row)) : null,
    }));
    return { items, total };
  },

  'statements.accept'(input, ctx) {
    const getLine = ctx.db.prepare<[string], LineRow>(`${LINE_SQL} WHERE l.id = ?`);
    const lines = input.lineIds.map((id, i) => {
      const line = getLine.get(id);
      if (!line) throw notFound('Statement line', id);
      if (line.status !== 'open') throw conflict(`The line of row ${line.row} is ${line.status} already; it is not booked again.`);
      if (input.lineIds.indexOf(id) !== i) throw invalidField({ field: `lineIds.${i}`, code: 'duplicate', message: 'Entries must not repeat.' });
      return line;
    });
    input.choices.forEach((choice, i) => {
      if (!input.lineIds.includes(choice.lineId)) throw invalidField({ field: `choices.${i}.lineId`, code: 'unknown_reference', message: 'A choice names a line that is not among the lines to accept.' });
    });
    const choices = new Map(input.choices.map((choice) => [choice.lineId, choice]));
    const at = ctx.clock.now().toISOString();
    const link = ctx.db.prepare(`UPDATE statement_lines SET status = 'booked', payment_id = ?, decided_at = ? WHERE id = ? AND status = 'open'`);
    const { booked, actionIds } = ctx.transaction(() => {
      const book = loadMatchBook(ctx.db);
      const done: { lineId: string; paymentId: string; clientId: string; amountMinor: number }[] = [];
      const actions: string[] = [];
      lines.forEach((line, i) => {
        const plan = planFor(book, line, choices.get(line.id), `lineIds.${i}`);
        const client = ctx.clients.get(plan.clientId);
        if (!client) throw notFound('Client', plan.clientId);
        if (client.currency !== line.currency) throw invalidField({ field: `lineIds.${i}`, code: 'currency_mismatch', message: `${client.name} is billed in ${client.currency}; the line is in ${line.currency}.` });
        const { result: paymentId, actionIds: restores } = liftRestrictionsWhenCleared(
          ctx,
          () => client.id,
          () => {
            const paymentId = ctx.ledger.recordPayment({
              clientId: client.id,
              date: line.date,
              amountMinor: line.amount_minor,
              method: METHOD_OF[line.format],
              reference: line.reference?.slice(0, 200) ?? null,
              note: `Statement line, row ${line.row}`,
              allocations: plan.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor })),
            });
            settleArrangements(ctx, ctx.today(), client.id);
            return paymentId;
          },
        );
        if (link.run(paymentId, at, line.id).changes !== 1) throw conflict(`The line of row ${line.row} was booked meanwhile.`);
        ctx.audit.append({ action: 'statement.line_booked', entity: 'statement_line', entityId: line.id, data: { paymentId, clientId: client.id, allocations: plan.allocations } });
        book.booked(plan.allocations);
        actions.push(...restores);
        done.push({ lineId: line.id, paymentId, clientId: client.id, amountMinor: line.amount_minor });
      });
      return { booked: done, actionIds: actions };
    });
    for (const clientId of new Set(booked.map((b) => b.clientId))) ctx.events.emit('accounts.changed', { clientId });
    announceActions(ctx, actionIds);
    return { booked };
  },

  'statements.ignore'(input, ctx) {
    return ctx.transaction(() => {
      const at = ctx.clock.now().toISOString();
      const update = ctx.db.prepare(`UPDATE statement_lines SET status = 'ignored', decided_at = ? WHERE id = ? AND status = 'open'`);
      let ignored = 0;
      for (const id of new Set(input.lineIds)) {
        const changes = update.run(at, id).changes;
        if (changes) ctx.audit.append({ action: 'statement.line_ignored', entity: 'statement_line', entityId: id, data: {} });
        ignored += changes;
      }
      return { ignored };
    });
  },
};
