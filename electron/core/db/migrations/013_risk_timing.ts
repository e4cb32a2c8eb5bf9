import type { Migration } from './index.js';

/**
 * The score's 'lateness' factor changed (features.ts): it is now when a client usually pays, in days
 * after the due date — paid early counts, below zero — each invoice within ±20 days, instead of the
 * average days late. So:
 * - the index of invoices paid on time also holds the day each was settled, which today's summary
 *   now reads (clientSummaries.ts) without visiting the table; and the three indexes that summary
 *   scans keep the day numbers it computes with (julianday of the issue day; the days between the
 *   due and the settled day, or the due day's), so SQLite reads them instead of parsing two or
 *   three dates per invoice — the summary's expressions are written exactly as indexed;
 * - every stored score is marked stale (the next read or refresh rescores it);
 * - a fitted model is dropped: its lateness weight was fitted on the old scale. The default weights
 *   apply until the next recompute fits the book's history again; the history points stay.
 */
export const riskTimingMigration: Migration = {
  version: 13,
  name: 'risk: when a client usually pays, early counting; every stored score rescored',
  up(db) {
    db.exec(`
      DROP INDEX invoices_risk_on_time;
      DROP INDEX invoices_risk_late;
      DROP INDEX invoices_risk_unsettled;
      CREATE INDEX invoices_risk_on_time ON invoices(client_id, issue_date, due_date, settled_on, total_minor, disputed,
          julianday(issue_date), julianday(settled_on) - julianday(due_date))
        WHERE kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND settled_on <= due_date;
      CREATE INDEX invoices_risk_late ON invoices(client_id, issue_date, due_date, settled_on, total_minor, disputed,
          julianday(issue_date), julianday(settled_on) - julianday(due_date))
        WHERE kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND settled_on > due_date;
      CREATE INDEX invoices_risk_unsettled ON invoices(client_id, issue_date, due_date, total_minor, paid_minor,
          julianday(issue_date), julianday(due_date))
        WHERE kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND settled_on IS NULL;
      UPDATE risk_scores SET stale = 1;
      DELETE FROM risk_model;
    `);
  },
};
