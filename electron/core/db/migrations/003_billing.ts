import type { Migration } from './index.js';

/**
 * Billing and the ledger: invoices with their lines, number series, tax rates, payments and their
 * allocations, refunds, the double-entry journal, and what the billing run, late fees, disputes,
 * payment plans, promises, usage and history imports keep. Issued invoices and the journal are
 * immutable: triggers refuse what the services would never do, as a second line of defence.
 */
export const billingMigration: Migration = {
  version: 3,
  name: 'billing: invoices, payments, journal, plans, promises, imports',
  up(db) {
    db.exec(`
      CREATE TABLE number_series (
        series TEXT PRIMARY KEY,
        format TEXT NOT NULL,
        next_number INTEGER NOT NULL CHECK (next_number >= 1)
      ) STRICT;
      INSERT INTO number_series (series, format, next_number) VALUES
        ('invoice', 'INV-{YYYY}-{NNNNN}', 1),
        ('credit_note', 'CN-{YYYY}-{NNNNN}', 1),
        ('proforma', 'PF-{YYYY}-{NNNNN}', 1);

      CREATE TABLE tax_rates (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
        country TEXT,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE clients ADD COLUMN tax_rate_id TEXT REFERENCES tax_rates(id);
      ALTER TABLE clients ADD COLUMN tax_exempt_reason TEXT;
      -- Clients who must pay before the service period starts get proforma invoices.
      ALTER TABLE clients ADD COLUMN prepay INTEGER NOT NULL DEFAULT 0 CHECK (prepay IN (0, 1));

      CREATE TABLE import_batches (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        file_name TEXT,
        row_count INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('imported', 'undone')),
        created_at TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;

      CREATE TABLE invoices (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        kind TEXT NOT NULL CHECK (kind IN ('invoice', 'proforma', 'credit_note')),
        status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'void')),
        series TEXT,
        number INTEGER,
        number_text TEXT,
        issue_date TEXT,
        due_date TEXT,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        tax_mode TEXT NOT NULL CHECK (tax_mode IN ('exclusive', 'inclusive')),
        net_minor INTEGER NOT NULL DEFAULT 0,
        tax_minor INTEGER NOT NULL DEFAULT 0,
        total_minor INTEGER NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
        -- What is still owed: total less allocated payments and credit notes (kept by the services,
        -- checked by the ledger check).
        open_minor INTEGER NOT NULL DEFAULT 0 CHECK (open_minor >= 0),
        source TEXT NOT NULL CHECK (source IN ('manual', 'renewal', 'late_fee', 'import', 'plan')),
        credited_invoice_id TEXT REFERENCES invoices(id),
        converted_invoice_id TEXT REFERENCES invoices(id),
        reason TEXT,
        approved_by TEXT,
        void_reason TEXT,
        disputed INTEGER NOT NULL DEFAULT 0 CHECK (disputed IN (0, 1)),
        external_number TEXT,
        import_batch_id TEXT REFERENCES import_batches(id),
        notes TEXT,
        -- SHA-256 of the invoice as issued: the ledger check proves no issued invoice changed.
        issued_hash TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status = 'draft' OR (issue_date IS NOT NULL AND due_date IS NOT NULL AND (number IS NOT NULL OR external_number IS NOT NULL))),
        UNIQUE (series, number)
      ) STRICT;
      CREATE INDEX invoices_by_client ON invoices(client_id, status, due_date);
      -- Open invoices, covering what the aging view and the arrears desk read, so neither visits
      -- the invoice rows of a book with a million invoices.
      CREATE INDEX invoices_open_aging ON invoices(due_date, client_id, currency, open_minor, issue_date, kind) WHERE status = 'issued' AND open_minor > 0;
      CREATE INDEX invoices_by_issue_date ON invoices(issue_date);
      CREATE INDEX invoices_by_credited ON invoices(credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;
      CREATE UNIQUE INDEX invoices_external_number ON invoices(client_id, external_number) WHERE external_number IS NOT NULL;
      CREATE INDEX invoices_by_import ON invoices(import_batch_id) WHERE import_batch_id IS NOT NULL;
      CREATE INDEX invoices_by_converted ON invoices(converted_invoice_id) WHERE converted_invoice_id IS NOT NULL;

      -- Once issued, the money and identity of an invoice never change.
      CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE OF client_id, kind, series, number, number_text, issue_date, due_date, currency, tax_mode, net_minor, tax_minor, total_minor, credited_invoice_id ON invoices
        WHEN OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed'); END;
      CREATE TRIGGER invoices_no_delete_issued BEFORE DELETE ON invoices
        WHEN OLD.status <> 'draft' AND OLD.import_batch_id IS NULL
        BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted'); END;

      CREATE TABLE invoice_lines (
        seq INTEGER PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('service', 'proration', 'usage', 'charge', 'late_fee', 'adjustment', 'plan_fee')),
        description TEXT NOT NULL,
        contract_id TEXT REFERENCES contracts(id),
        period_start TEXT,
        period_end TEXT,
        quantity_milli INTEGER NOT NULL,
        unit_price_minor INTEGER NOT NULL,
        tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
        net_minor INTEGER NOT NULL,
        tax_minor INTEGER NOT NULL,
        total_minor INTEGER NOT NULL,
        UNIQUE (invoice_id, position)
      ) STRICT;
      CREATE INDEX invoice_lines_by_contract ON invoice_lines(contract_id, period_start) WHERE contract_id IS NOT NULL;
      CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
        WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'lines of an issued invoice cannot be changed'); END;
      CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
        WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'lines of an issued invoice cannot be changed'); END;

      CREATE TABLE payments (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        date TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        method TEXT NOT NULL CHECK (method IN ('bank_transfer', 'card', 'paypal', 'alipay', 'wechat_pay', 'cash', 'other')),
        reference TEXT,
        note TEXT,
        status TEXT NOT NULL CHECK (status IN ('received', 'bounced')),
        bounce_reason TEXT,
        bounced_date TEXT,
        import_batch_id TEXT REFERENCES import_batches(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX payments_by_client ON payments(client_id, date);
      CREATE INDEX payments_by_date ON payments(date);
      CREATE INDEX payments_by_import ON payments(import_batch_id) WHERE import_batch_id IS NOT NULL;

      CREATE TABLE allocations (
        seq INTEGER PRIMARY KEY,
        payment_id TEXT NOT NULL REFERENCES payments(id),
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        date TEXT NOT NULL,
        reversed_date TEXT
      ) STRICT;
      CREATE INDEX allocations_by_payment ON allocations(payment_id);
      CREATE INDEX allocations_by_invoice ON allocations(invoice_id);

      CREATE TABLE refunds (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        payment_id TEXT NOT NULL REFERENCES payments(id),
        date TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        method TEXT NOT NULL,
        reference TEXT,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- The double-entry journal. Append-only: a correction is a new entry.
      CREATE TABLE journal_entries (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        ref_type TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        client_id TEXT REFERENCES clients(id),
        memo TEXT NOT NULL,
        import_batch_id TEXT REFERENCES import_batches(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX journal_entries_by_date ON journal_entries(date);
      CREATE INDEX journal_entries_by_ref ON journal_entries(ref_type, ref_id);
      CREATE INDEX journal_entries_by_client ON journal_entries(client_id, date);
      CREATE INDEX journal_entries_by_import ON journal_entries(import_batch_id) WHERE import_batch_id IS NOT NULL;
      CREATE TABLE journal_lines (
        seq INTEGER PRIMARY KEY,
        entry_id TEXT NOT NULL REFERENCES journal_entries(id),
        account TEXT NOT NULL,
        client_id TEXT REFERENCES clients(id),
        currency TEXT NOT NULL,
        debit_minor INTEGER NOT NULL CHECK (debit_minor >= 0),
        credit_minor INTEGER NOT NULL CHECK (credit_minor >= 0),
        CHECK ((debit_minor = 0) <> (credit_minor = 0))
      ) STRICT;
      CREATE INDEX journal_lines_by_entry ON journal_lines(entry_id);
      CREATE INDEX journal_lines_by_account_client ON journal_lines(account, client_id);
      -- Only an undone import may take its own entries back out.
      CREATE TRIGGER journal_entries_append_only BEFORE UPDATE ON journal_entries
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
      CREATE TRIGGER journal_lines_append_only BEFORE UPDATE ON journal_lines
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
      CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries
        WHEN OLD.import_batch_id IS NULL
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

      -- Period locks: what was locked, and a digest of the journal up to that date at that moment.
      CREATE TABLE period_locks (
        seq INTEGER PRIMARY KEY,
        lock_date TEXT NOT NULL,
        locked_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        journal_digest TEXT NOT NULL
      ) STRICT;

      -- The billing run: one renewal invoice line per contract and period, ever.
      CREATE TABLE renewals (
        contract_id TEXT NOT NULL REFERENCES contracts(id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        PRIMARY KEY (contract_id, period_start)
      ) STRICT;
      CREATE INDEX renewals_by_invoice ON renewals(invoice_id);
      CREATE TABLE billing_runs (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        run_date TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        invoices_issued INTEGER NOT NULL DEFAULT 0,
        late_fees INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled'))
      ) STRICT;

      CREATE TABLE usage_records (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        contract_id TEXT NOT NULL REFERENCES contracts(id),
        usage_date TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli >= 0),
        note TEXT,
        invoice_id TEXT REFERENCES invoices(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX usage_by_contract ON usage_records(contract_id, usage_date);
      CREATE INDEX usage_by_invoice ON usage_records(invoice_id) WHERE invoice_id IS NOT NULL;

      -- Late fees: the n-th fee charged on an overdue invoice, once each.
      CREATE TABLE late_fees (
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        n INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        fee_invoice_id TEXT NOT NULL REFERENCES invoices(id),
        PRIMARY KEY (invoice_id, n)
      ) STRICT;
      CREATE INDEX late_fees_by_fee_invoice ON late_fees(fee_invoice_id);

      CREATE TABLE disputes (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        opened_date TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
        resolved_date TEXT,
        resolution TEXT,
        credit_note_id TEXT REFERENCES invoices(id)
      ) STRICT;
      CREATE UNIQUE INDEX disputes_one_open ON disputes(invoice_id) WHERE status = 'open';
      CREATE INDEX disputes_by_invoice ON disputes(invoice_id);
      CREATE INDEX disputes_by_credit_note ON disputes(credit_note_id) WHERE credit_note_id IS NOT NULL;

      CREATE TABLE payment_plans (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        created_date TEXT NOT NULL,
        total_minor INTEGER NOT NULL CHECK (total_minor > 0),
        fee_minor INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
        currency TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'complete', 'broken', 'cancelled')),
        note TEXT,
        closed_date TEXT
      ) STRICT;
      CREATE TABLE plan_installments (
        seq INTEGER PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES payment_plans(id),
        due_date TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0)
      ) STRICT;
      CREATE TABLE plan_invoices (
        plan_id TEXT NOT NULL REFERENCES payment_plans(id),
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        PRIMARY KEY (plan_id, invoice_id)
      ) STRICT;
      CREATE INDEX plan_invoices_by_invoice ON plan_invoices(invoice_id);
      CREATE INDEX plan_installments_by_plan ON plan_installments(plan_id, due_date);
      CREATE INDEX payment_plans_by_client ON payment_plans(client_id, status);

      CREATE TABLE promises (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        made_date TEXT NOT NULL,
        promised_date TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'kept', 'broken', 'cancelled')),
        note TEXT,
        resolved_date TEXT
      ) STRICT;
      CREATE INDEX promises_by_client ON promises(client_id, status);
    `);
  },
};
