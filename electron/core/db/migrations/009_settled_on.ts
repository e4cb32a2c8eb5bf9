import type { Migration } from './index.js';

/**
 * What each invoice has been paid and the day it became paid, kept on the invoice itself, so the
 * risk score of every client as of today is one scan of an index instead of a search of the
 * allocations for each of millions of invoices (electron/core/risk/clientSummaries.ts).
 *
 * paid_minor: payments applied and not reversed, plus issued credit notes against it.
 * settled_on: the day of the last of those once they cover the total; NULL while anything is open.
 *
 * Triggers keep both: every path that changes what an invoice has been paid — payments, bounces,
 * credit notes, voids, the history import and its undo — writes allocations or credit notes, so the
 * database updates the invoice in the same transaction and no path can forget it. A past day's
 * score cannot read these (a later bounce reopens an invoice): it still rebuilds each invoice from
 * its allocations, and the indexes on their dates tell which case applies.
 */
const settle = (invoiceId: string) => `
  UPDATE invoices SET (paid_minor, settled_on) = (
    SELECT paid, CASE WHEN paid >= invoices.total_minor AND paid > 0 THEN nullif(max(coalesce(paid_on, ''), coalesce(credited_on, '')), '') END
    FROM (
      SELECT coalesce(a.amount, 0) + coalesce(c.amount, 0) AS paid, a.last AS paid_on, c.last AS credited_on
      FROM (SELECT sum(amount_minor) AS amount, max(date) AS last FROM allocations WHERE invoice_id = ${invoiceId} AND reversed_date IS NULL) a,
           (SELECT sum(cn.total_minor) AS amount, max(cn.issue_date) AS last FROM invoices cn
            WHERE cn.credited_invoice_id = ${invoiceId} AND cn.kind = 'credit_note' AND cn.status = 'issued') c
    )
  )
  WHERE id = ${invoiceId} AND kind = 'invoice'`;

export const settledOnMigration: Migration = {
  version: 9,
  name: 'settled on: what each invoice has been paid and when it became paid, kept by triggers',
  up(db) {
    db.exec(`
      ALTER TABLE invoices ADD COLUMN paid_minor INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE invoices ADD COLUMN settled_on TEXT;
      ${settle('invoices.id')};

      CREATE TRIGGER invoices_settled_allocation_insert AFTER INSERT ON allocations
        BEGIN ${settle('NEW.invoice_id')}; END;
      CREATE TRIGGER invoices_settled_allocation_update AFTER UPDATE OF invoice_id, amount_minor, date, reversed_date ON allocations
        BEGIN ${settle('NEW.invoice_id')}; ${settle('OLD.invoice_id')}; END;
      CREATE TRIGGER invoices_settled_allocation_delete AFTER DELETE ON allocations
        BEGIN ${settle('OLD.invoice_id')}; END;
      CREATE TRIGGER invoices_settled_credit_insert AFTER INSERT ON invoices WHEN NEW.credited_invoice_id IS NOT NULL
        BEGIN ${settle('NEW.credited_invoice_id')}; END;
      CREATE TRIGGER invoices_settled_credit_delete AFTER DELETE ON invoices WHEN OLD.credited_invoice_id IS NOT NULL
        BEGIN ${settle('OLD.credited_invoice_id')}; END;
      -- A credit note issued or voided, or an invoice whose own total or state changed (a draft issued).
      CREATE TRIGGER invoices_settled_update AFTER UPDATE OF kind, status, total_minor, issue_date, credited_invoice_id ON invoices
        BEGIN ${settle('NEW.id')}; ${settle('NEW.credited_invoice_id')}; ${settle('OLD.credited_invoice_id')}; END;

      -- The score of today reads these three, one row per invoice in client order, without the table:
      -- paid on time, paid late (usually the fewest, and the only ones with days late to add up), unpaid.
      CREATE INDEX invoices_risk_on_time ON invoices(client_id, issue_date, due_date, total_minor, disputed)
        WHERE kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND settled_on <= due_date;
      CREATE INDEX invoices_risk_late ON invoices(client_id, issue_date, due_date, settled_on, total_minor, disputed)
        WHERE kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND settled_on > due_date;
      CREATE INDEX invoices_risk_unsettled ON invoices(client_id, issue_date, due_date, total_minor, paid_minor)
        WHERE kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND settled_on IS NULL;
      -- The latest day anything was paid, reversed or credited: a score as of that day or later may read the two above.
      CREATE INDEX allocations_by_date ON allocations(date);
      CREATE INDEX allocations_by_reversed_date ON allocations(reversed_date) WHERE reversed_date IS NOT NULL;
      CREATE INDEX invoices_credit_notes_by_date ON invoices(issue_date) WHERE kind = 'credit_note' AND status = 'issued' AND credited_invoice_id IS NOT NULL;
    `);
  },
};
