import type { Migration } from './index.js';

/**
 * Covering indexes for the dashboard, so its figures stay SQL aggregates over index entries on a
 * book with a million invoices: invoices by currency and due date (collection rate), by currency
 * and issue date (DSO, revenue), and payments by currency and date (cash per month).
 */
export const reportsMigration: Migration = {
  version: 10,
  name: 'reports: covering indexes for the dashboard',
  up(db) {
    db.exec(`
      CREATE INDEX invoices_due_for_reports ON invoices(currency, due_date, total_minor, open_minor, issue_date) WHERE status = 'issued' AND kind = 'invoice';
      CREATE INDEX invoices_issued_for_reports ON invoices(currency, issue_date, total_minor) WHERE status = 'issued' AND kind = 'invoice';
      CREATE INDEX payments_for_reports ON payments(currency, status, date, amount_minor);
    `);
  },
};
