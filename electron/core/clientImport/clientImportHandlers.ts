// imports.clients.*: preview, commit and undo an import of clients and contracts. A commit goes
// through the clients.create and contracts.create handlers (their rules, their audit rows, their
// search terms) inside one transaction, so a row the book refuses at the last moment (a panel
// account already in use) leaves nothing behind. The batch names every row it created; undo
// deletes exactly those, and only while nothing else in the book has come to depend on them.
import type { clientImportMethods } from '../../../shared/api/clientImports.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import type { Context, HandlersOf } from '../context.js';
import { ApiError, conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { defaultCurrency } from '../billing/import/defaultCurrency.js';
import { clientHandlers } from '../clients/clientHandlers.js';
import { contractHandlers } from '../register/contractHandlers.js';
import { planClientImport, type ClientImportPlan } from './clientRows.js';

interface BatchRow {
  id: string;
  source: 'generic' | 'whmcs' | 'blesta';
  file_name: string | null;
  row_count: number;
  clients_created: number;
  contracts_created: number;
  status: 'imported' | 'undone';
  created_at: string;
  undone_at: string | null;
}

const toBatch = (row: BatchRow) => ({
  id: row.id,
  source: row.source,
  fileName: row.file_name,
  rowCount: row.row_count,
  clientsCreated: row.clients_created,
  contractsCreated: row.contracts_created,
  status: row.status,
  createdAt: row.created_at,
  undoneAt: row.undone_at,
});

type ImportInput = ParsedInput<'imports.clients.preview'>;

function plan(ctx: Context, input: ImportInput): ClientImportPlan {
  return planClientImport(ctx.db, { ...input, currency: input.currency ?? defaultCurrency(ctx.db) }, ctx.today());
}

/** A commit refused for its rows: every row error in details, as the history import does. */
function rowErrors(result: ClientImportPlan): ApiError {
  const first = result.errors[0]!;
  const where = first.column ? `row ${first.row}, ${first.column}` : `row ${first.row}`;
  const message = `${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} in the file, nothing was imported. The first: ${where}: ${first.message}`;
  return new ApiError('invalid_input', message, { fields: [{ field: 'csv', code: 'invalid', message }], errorCount: result.errors.length, rows: result.errors.slice(0, 500) });
}

/** What, outside the batch, has come to depend on its clients and contracts since. */
function dependents(ctx: Context, batchId: string): string | null {
  const checks: [string, string][] = [
    ['SELECT 1 FROM invoices WHERE client_id IN (SELECT entity_id FROM client_import_rows WHERE batch_id = @b AND entity = \'client\') LIMIT 1', 'has been invoiced'],
    ['SELECT 1 FROM payments WHERE client_id IN (SELECT entity_id FROM client_import_rows WHERE batch_id = @b AND entity = \'client\') LIMIT 1', 'has paid'],
    [
      `SELECT 1 FROM contracts WHERE client_id IN (SELECT entity_id FROM client_import_rows WHERE batch_id = @b AND entity = 'client')
       AND id NOT IN (SELECT entity_id FROM client_import_rows WHERE batch_id = @b AND entity = 'contract') LIMIT 1`,
      'has been given a contract since',
    ],
  ];
  for (const [sql, reason] of checks) if (ctx.db.prepare(sql).get({ b: batchId })) return reason;
  return null;
}

export const clientImportHandlers: HandlersOf<typeof clientImportMethods> = {
  'imports.clients.preview'(input, ctx) {
    const result = plan(ctx, input);
    return {
      columns: result.columns,
      mapping: result.mapping,
      rowCount: result.rowCount,
      clients: result.clients.length,
      contracts: result.clients.reduce((sum, c) => sum + c.contracts.length, 0),
      sample: result.clients.slice(0, 100).map((c) => ({
        row: c.row,
        name: c.input.name,
        email: c.input.email ?? null,
        currency: c.input.currency,
        contracts: c.contracts.map(({ input: k }) => ({ label: k.label, kind: k.kind ?? 'other', cycle: k.cycle, priceMinor: k.priceMinor ?? 0, nextDueDate: k.nextDueDate ?? k.startDate })),
      })),
      errorCount: result.errors.length,
      errors: result.errors.slice(0, 500),
    };
  },

  'imports.clients.commit'(input, ctx) {
    const result = plan(ctx, input);
    if (result.errors.length > 0) throw rowErrors(result);
    if (result.clients.length === 0) throw new ApiError('invalid_input', 'The file has no clients to import.', { fields: [{ field: 'csv', code: 'required', message: 'The file has no clients to import.' }] });
    const id = newId('ci');
    const at = ctx.clock.now().toISOString();
    ctx.transaction(() => {
      ctx.db
        .prepare(`INSERT INTO client_import_batches (id, source, file_name, row_count, clients_created, contracts_created, status, created_at) VALUES (?, ?, ?, ?, 0, 0, 'imported', ?)`)
        .run(id, input.source, input.fileName ?? null, result.rowCount, at);
      const remember = ctx.db.prepare('INSERT INTO client_import_rows (batch_id, entity, entity_id) VALUES (?, ?, ?)');
      let contracts = 0;
      for (const planned of result.clients) {
        const client = clientHandlers['clients.create'](planned.input, ctx) as { id: string };
        remember.run(id, 'client', client.id);
        for (const { row, input: contract } of planned.contracts) {
          try {
            const created = contractHandlers['contracts.create']({ ...contract, clientId: client.id }, ctx) as { id: string };
            remember.run(id, 'contract', created.id);
            contracts += 1;
          } catch (error) {
            if (error instanceof ApiError) throw new ApiError(error.code, `Row ${row}: ${error.message} Nothing was imported.`, error.details);
            throw error;
          }
        }
      }
      ctx.db.prepare('UPDATE client_import_batches SET clients_created = ?, contracts_created = ? WHERE id = ?').run(result.clients.length, contracts, id);
      ctx.audit.append({ action: 'clientImport.committed', entity: 'client_import', entityId: id, data: { source: input.source, fileName: input.fileName ?? null, clients: result.clients.length, contracts } });
    });
    return toBatch(ctx.db.prepare<[string], BatchRow>('SELECT * FROM client_import_batches WHERE id = ?').get(id)!);
  },

  'imports.clients.undo'(input, ctx) {
    const batch = ctx.db.prepare<[string], BatchRow>('SELECT * FROM client_import_batches WHERE id = ?').get(input.batchId);
    if (!batch) throw notFound('Client import', input.batchId);
    if (batch.status === 'undone') throw conflict(`That import was already undone on ${batch.undone_at}.`);
    const at = ctx.clock.now().toISOString();
    ctx.transaction(() => {
      const reason = dependents(ctx, batch.id);
      if (reason) throw conflict(`A client of this import ${reason}: the import can no longer be undone.`);
      const b = { b: batch.id };
      const run = (sql: string) => ctx.db.prepare(sql).run(b);
      const contractIds = "SELECT entity_id FROM client_import_rows WHERE batch_id = @b AND entity = 'contract'";
      const clientIds = "SELECT entity_id FROM client_import_rows WHERE batch_id = @b AND entity = 'client'";
      try {
        run(`DELETE FROM contract_search WHERE rowid IN (SELECT seq FROM contracts WHERE id IN (${contractIds}))`);
        run(`DELETE FROM contract_status_history WHERE contract_id IN (${contractIds})`);
        run(`DELETE FROM contracts WHERE id IN (${contractIds})`);
        run(`DELETE FROM client_search WHERE rowid IN (SELECT seq FROM clients WHERE id IN (${clientIds}))`);
        run(`DELETE FROM clients WHERE id IN (${clientIds})`);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw conflict('Something in the book now refers to a client or contract of this import (a document, a panel action, a note): it can no longer be undone.');
        }
        throw error;
      }
      run('DELETE FROM client_import_rows WHERE batch_id = @b');
      ctx.db.prepare(`UPDATE client_import_batches SET status = 'undone', undone_at = ? WHERE id = ?`).run(at, batch.id);
      ctx.audit.append({ action: 'clientImport.undone', entity: 'client_import', entityId: batch.id, data: { clients: batch.clients_created, contracts: batch.contracts_created } });
    });
    return toBatch({ ...batch, status: 'undone', undone_at: at });
  },

  'imports.clients.list'(input, ctx) {
    return { items: ctx.db.prepare<[number], BatchRow>('SELECT * FROM client_import_batches ORDER BY seq DESC LIMIT ?').all(input.limit).map(toBatch) };
  },
};
