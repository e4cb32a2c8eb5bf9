// dashboard.* and reports.*: the dashboard's figures and the reports, read-only over the book.
import type { Output, ParsedInput } from '../../../shared/api/methods.js';
import type { reportMethods } from '../../../shared/api/reports.js';
import { addDays } from '../../../shared/dates.js';
import { translate } from '../../../shared/i18n/index.js';
import type { Context, HandlersOf } from '../context.js';
import { invalidField, notFound } from '../errors.js';
import { bookCurrencies, dashboardData } from './dashboard.js';
import { lastTwelveMonths } from './months.js';
import { REPORTS, totalsOf } from './reportQueries.js';
import { reportCsv, reportFileName, reportPdf } from './reportFiles.js';

/** Rows a report lists on screen and in a PDF; the totals and the CSV cover every row. */
export const SCREEN_ROWS = 2000;
/** How far ahead the renewals report looks when no period is given. */
const RENEWALS_AHEAD_DAYS = 90;

type Input = ParsedInput<'reports.run'>;
type Report = Output<'reports.run'>;

function runReport(input: Input, ctx: Context, rowLimit: number | null): Report {
  const today = ctx.today();
  const fallback = input.report === 'renewals' ? { from: today, to: addDays(today, RENEWALS_AHEAD_DAYS) } : lastTwelveMonths(today);
  const from = input.from ?? (input.to && input.to < fallback.from ? input.to : fallback.from);
  const to = input.to ?? (input.from && input.from > fallback.to ? input.from : fallback.to);
  if (from > to) throw invalidField({ field: 'to', code: 'date_order', message: 'The end of the period is before its start.' });
  if (input.filters.clientId && !ctx.clients.get(input.filters.clientId)) throw notFound('Client', input.filters.clientId);
  const asOf = input.asOf ?? today;
  const body = REPORTS[input.report](ctx, { from, to, asOf, today, filters: input.filters, language: input.language });
  const limited = rowLimit !== null && body.rows.length > rowLimit;
  return {
    report: input.report,
    from,
    to,
    asOf,
    columns: body.columns,
    currencies: bookCurrencies(ctx.db).map((c) => c.currency),
    rows: limited ? body.rows.slice(0, rowLimit) : body.rows,
    rowLimit: limited ? rowLimit : null,
    totals: totalsOf(body),
  };
}

/** The filters in words, for the PDF's heading. */
function filterText(input: Input, ctx: Context): string {
  const parts: string[] = [];
  if (input.filters.currency) parts.push(input.filters.currency);
  if (input.filters.clientId) parts.push(ctx.clients.get(input.filters.clientId)?.name ?? '');
  if (input.filters.bucket) parts.push(translate(input.language, `agingBucket.${input.filters.bucket}`));
  return parts.join(', ');
}

export const reportHandlers: HandlersOf<typeof reportMethods> = {
  'dashboard.data'(input, ctx) {
    return dashboardData(ctx.db, input.asOf ?? ctx.today(), ctx.today(), input.currency);
  },

  'reports.run'(input, ctx) {
    return runReport(input, ctx, SCREEN_ROWS);
  },

  async 'reports.pdf'(input, ctx) {
    const report = runReport(input, ctx, SCREEN_ROWS);
    const { bytes } = await reportPdf(report, input.language, { filters: filterText(input, ctx), generatedOn: ctx.today() });
    return { fileName: reportFileName(input.language, report, 'pdf'), base64: bytes.toString('base64'), rows: report.rows.length };
  },

  'reports.csv'(input, ctx) {
    const report = runReport(input, ctx, null);
    return { fileName: reportFileName(input.language, report, 'csv'), base64: reportCsv(report, input.language).toString('base64'), rows: report.rows.length };
  },
};
