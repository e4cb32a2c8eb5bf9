import type { Migration } from './index.js';

/**
 * Covering indexes for the dashboard, so its figures stay SQL aggregates over index entries on a
 * book with a million invoices: open invoices by currency and due date (aging, arrears by ladder
 * step, expected cash — with the id, to find each one's ladder rungs, and the client, for its
 * risk score), invoices by currency and due date (collection rate), by currency and issue date
 * (DSO), and payments by currency and date (cash per month).
 */
export const reportsMigration: Migration = {
  version: 10,
  name: 'reports: covering indexes for the dashboard',
  up(db) {
    db.exec(`
      CREATE INDEX invoices_open_for_reports ON invoices(currency, due_date, open_minor, issue_date, client_id, id, kind, status) WHERE status = 'issued' AND open_minor > 0 AND kind = 'invoice';
      CREATE INDEX invoices_due_for_reports ON invoices(currency, due_date, total_minor, open_minor, issue_date, kind, status) WHERE status = 'issued' AND kind = 'invoice';
      CREATE INDEX invoices_issued_for_reports ON invoices(currency, issue_date, total_minor) WHERE status = 'issued' AND kind = 'invoice';
      CREATE INDEX payments_for_reports ON payments(currency, status, date, amount_minor);
    `);
  },
};
