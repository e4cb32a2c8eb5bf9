import type { Migration } from './index.js';

/**
 * The payment risk score: each client's current score with the factors behind it, one history point
 * per client and day, the weights in use (the defaults or a fit on this book), and what each band
 * changes in how a client is treated. Scores are recomputed lazily: triggers on everything that
 * moves a score mark its client's score stale, in the same transaction as the change, so no handler
 * has to remember to; a score from an earlier day is stale too, because days past due grow, and a
 * client without a score row has never been scored. Marking only an existing row (never inserting
 * one) leaves a book that was never scored exactly as it was, so an import's undo restores it.
 */
export const riskMigration: Migration = {
  version: 4,
  name: 'risk: payment risk scores, their history, the model and per-band treatment',
  up(db) {
    db.exec(`
      CREATE TABLE risk_scores (
        client_id TEXT PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        band TEXT NOT NULL CHECK (band IN ('low', 'medium', 'high', 'critical')),
        -- [{code, params, contribution}], largest push towards risk first (shared/risk/model.ts).
        factors_json TEXT NOT NULL,
        -- The business day the score is as of, and the moment it was computed.
        scored_on TEXT NOT NULL,
        scored_at TEXT NOT NULL,
        -- Something that moves the score changed since (set by the triggers below).
        stale INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1))
      ) STRICT;
      CREATE INDEX risk_scores_by_score ON risk_scores(score, client_id);
      CREATE INDEX risk_scores_by_band ON risk_scores(band, score, client_id);

      -- One point per client and day: the last score computed that day.
      CREATE TABLE risk_history (
        client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
        band TEXT NOT NULL CHECK (band IN ('low', 'medium', 'high', 'critical')),
        PRIMARY KEY (client_id, date)
      ) STRICT;

      CREATE TRIGGER risk_stale_invoice_insert AFTER INSERT ON invoices
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = NEW.client_id AND stale = 0; END;
      CREATE TRIGGER risk_stale_invoice_update AFTER UPDATE OF status, open_minor, disputed ON invoices
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = NEW.client_id AND stale = 0; END;
      CREATE TRIGGER risk_stale_invoice_delete AFTER DELETE ON invoices
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = OLD.client_id AND stale = 0; END;
      CREATE TRIGGER risk_stale_allocation_insert AFTER INSERT ON allocations
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = (SELECT client_id FROM invoices WHERE id = NEW.invoice_id) AND stale = 0; END;
      CREATE TRIGGER risk_stale_payment_insert AFTER INSERT ON payments
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = NEW.client_id AND stale = 0; END;
      CREATE TRIGGER risk_stale_payment_update AFTER UPDATE OF status ON payments
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = NEW.client_id AND stale = 0; END;
      CREATE TRIGGER risk_stale_promise_insert AFTER INSERT ON promises
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = NEW.client_id AND stale = 0; END;
      CREATE TRIGGER risk_stale_promise_update AFTER UPDATE OF status ON promises
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = NEW.client_id AND stale = 0; END;
      CREATE TRIGGER risk_stale_plan_update AFTER UPDATE OF status ON payment_plans
        BEGIN UPDATE risk_scores SET stale = 1 WHERE client_id = NEW.client_id AND stale = 0; END;

      -- The weights in use; no row means the defaults of shared/risk/model.ts.
      CREATE TABLE risk_model (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        source TEXT NOT NULL CHECK (source IN ('default', 'fitted')),
        intercept REAL NOT NULL,
        weights_json TEXT NOT NULL,
        trained_on INTEGER NOT NULL,
        -- {defaultAuc, fittedAuc} on the newest fifth of the labelled invoices, held out; null if too few.
        holdout_json TEXT,
        fitted_at TEXT NOT NULL
      ) STRICT;

      -- What a band changes, read by the arrears ladder and renewal invoicing.
      CREATE TABLE risk_band_treatments (
        band TEXT PRIMARY KEY CHECK (band IN ('low', 'medium', 'high', 'critical')),
        -- Restriction this many days before the ladder's own day for it.
        restrict_days_earlier INTEGER NOT NULL CHECK (restrict_days_earlier BETWEEN 0 AND 90),
        -- Renewals issued as proforma invoices that must be paid first.
        renewals_as_proforma INTEGER NOT NULL CHECK (renewals_as_proforma IN (0, 1))
      ) STRICT;
      INSERT INTO risk_band_treatments VALUES ('low', 0, 0), ('medium', 0, 0), ('high', 7, 0), ('critical', 14, 1);
    `);
  },
};
