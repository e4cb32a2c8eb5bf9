// Usage of tiered and metered contracts, recorded per day and billed by the run once its period
// has ended; a record points at the invoice that billed it, so nothing is billed twice.
import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';

interface UsageRow {
  id: string;
  contract_id: string;
  usage_date: string;
  quantity_milli: number;
  note: string | null;
  invoice_id: string | null;
  invoice_number: string | null;
  created_at: string;
}

export interface UsageRecord {
  id: string;
  contractId: string;
  usageDate: string;
  quantityMilli: number;
  note: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  createdAt: string;
}

const toRecord = (row: UsageRow): UsageRecord => ({
  id: row.id,
  contractId: row.contract_id,
  usageDate: row.usage_date,
  quantityMilli: row.quantity_milli,
  note: row.note,
  invoiceId: row.invoice_id,
  invoiceNumber: row.invoice_number,
  createdAt: row.created_at,
});

const SELECT = 'SELECT u.*, i.number_text AS invoice_number FROM usage_records u LEFT JOIN invoices i ON i.id = u.invoice_id';

export function createUsageRecords(db: Db) {
  const insert = db.prepare('INSERT INTO usage_records (id, contract_id, usage_date, quantity_milli, note, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = db.prepare<[string], UsageRow>(`${SELECT} WHERE u.id = ?`);
  const ofContract = db.prepare<[string], UsageRow>(`${SELECT} WHERE u.contract_id = ? ORDER BY u.usage_date DESC, u.seq DESC`);
  const unbilledBefore = db.prepare<[string, string], { id: string; usage_date: string; quantity_milli: number }>(
    'SELECT id, usage_date, quantity_milli FROM usage_records WHERE contract_id = ? AND usage_date < ? AND invoice_id IS NULL ORDER BY usage_date, seq',
  );
  const markBilled = db.prepare('UPDATE usage_records SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL');
  // A usage contract's renewal on day D bills the usage before D: usage dated before its latest
  // renewal has been billed (or was settled as having none) and can no longer be added.
  const billedUpTo = db.prepare<[string], string | null>('SELECT max(period_start) FROM renewals WHERE contract_id = ?').pluck();

  return {
    record(input: { contractId: string; usageDate: string; quantityMilli: number; note: string | null }, at: string): UsageRecord {
      const id = newId('us');
      insert.run(id, input.contractId, input.usageDate, input.quantityMilli, input.note, at);
      return toRecord(byId.get(id)!);
    },
    list: (contractId: string): UsageRecord[] => ofContract.all(contractId).map(toRecord),
    unbilledBefore: (contractId: string, before: string) => unbilledBefore.all(contractId, before),
    markBilled(ids: readonly string[], invoiceId: string): void {
      for (const id of ids) markBilled.run(invoiceId, id);
    },
    /** The first day usage may still be recorded for; null when nothing of the contract was billed yet. */
    billedUpTo: (contractId: string): string | null => billedUpTo.get(contractId) ?? null,
  };
}

export type UsageRecords = ReturnType<typeof createUsageRecords>;
