// The dashboard and the reports: "how is my money?" in one call, and the lists behind it with a
// date range and filters — on screen, as PDF and as CSV. Amounts are never added across
// currencies: the dashboard is for one currency at a time, and report totals are per currency.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { AGING_BUCKETS } from './billing.js';
import { LANGUAGES } from '../domain/language.js';
import { STEP_KEY } from '../ladder/policy.js';
import { RISK_BANDS } from '../risk/model.js';
import { currencyCode, entityId, isoDate } from '../validation/fields.js';

/** Every report the Reports screen offers, in the order of its picker. */
export const REPORT_IDS = ['aging', 'outstanding', 'revenueByMonth', 'revenueByPlan', 'revenueByPanel', 'taxSummary', 'paymentsByMethod', 'restricted', 'renewals'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** Reports over a period (from–to); the others are as of one day. */
export const usesPeriod = (report: ReportId): boolean => !['aging', 'outstanding', 'restricted'].includes(report);
/** Reports that can be narrowed to one age bucket. */
export const usesBucket = (report: ReportId): boolean => report === 'aging' || report === 'outstanding';

/** How a column's values are written: words, money in the row's currency, a date, a count (summed), a number of days (not summed). */
export const COLUMN_KINDS = ['text', 'money', 'date', 'count', 'days'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

const cellValue = z.union([z.string(), z.number(), z.null()]);

export const reportInput = z.strictObject({
  report: z.enum(REPORT_IDS),
  /** The period (revenue, tax, payments, renewals); the last 12 months to today when left out. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The day the aging and the outstanding invoices are as of; today when left out. */
  asOf: isoDate.optional(),
  filters: z
    .strictObject({
      currency: currencyCode.optional(),
      clientId: entityId.optional(),
      /** Aging and outstanding invoices: only what is in this age bucket. */
      bucket: z.enum(AGING_BUCKETS).optional(),
      /** Outstanding invoices: only overdue ones whose last ladder rung is this step; `none` for those not on the ladder yet. */
      step: z.string().regex(STEP_KEY).optional(),
    })
    .default({}),
  /** The language of the words in the cells (statuses, methods, plan-less rows) and of the files. */
  language: z.enum(LANGUAGES).default('en'),
});

const reportOutput = z.object({
  report: z.enum(REPORT_IDS),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  columns: z.array(z.object({ key: z.string(), kind: z.enum(COLUMN_KINDS) })),
  rows: z.array(
    z.object({
      /** Money cells are in this currency (null for rows without money). */
      currency: z.string().nullable(),
      /** The client a row is about, so the screen can open their page. */
      clientId: z.string().nullable(),
      cells: z.record(z.string(), cellValue),
    }),
  ),
  /** Every currency the book's clients use, for the currency filter. */
  currencies: z.array(z.string()),
  /** The most rows listed; totals always cover every row. Null when every row is listed. */
  rowLimit: z.number().int().nullable(),
  /** Sums of the money and count columns, one row per currency. */
  totals: z.array(z.object({ currency: z.string().nullable(), cells: z.record(z.string(), cellValue) })),
});

const fileOutput = z.object({ fileName: z.string(), base64: z.string(), rows: z.number().int() });

const monthAmount = z.object({ month: z.string(), amountMinor: z.number().int() });

export const dashboardOutput = z.object({
  asOf: z.string(),
  currency: z.string().nullable(),
  /** Every currency the book uses, the most used first (by clients). */
  currencies: z.array(z.object({ currency: z.string(), clients: z.number().int() })),
  /** Monthly recurring revenue of live contracts, each price normalised to one month. */
  mrrMinor: z.number().int(),
  /** MRR at the end of each of the last 24 months (the current month last, as of the day). */
  mrrTrend: z.array(monthAmount),
  /** Payments received (bounced ones not counted) per month, the last 24 months. */
  cashByMonth: z.array(monthAmount),
  aging: z.object(Object.fromEntries(AGING_BUCKETS.map((b) => [b, z.number().int()])) as Record<(typeof AGING_BUCKETS)[number], z.ZodNumber>),
  /** Of what fell due in the last 90 days, the share paid or credited by the day, in percent. */
  collectionRatePct: z.number().nullable(),
  /** Days sales outstanding: receivables ÷ what was invoiced in the last 90 days × 90. */
  dsoDays: z.number().nullable(),
  riskBands: z.array(z.object({ band: z.enum([...RISK_BANDS, 'unscored']), clients: z.number().int() })),
  /** Overdue invoices by the last ladder rung done (or failed) on them; null = not on the ladder yet. */
  ladder: z.array(z.object({ stepKey: z.string().nullable(), invoices: z.number().int(), amountMinor: z.number().int() })),
  /** Invoices falling due in the next 30 days, each weighted by its client's chance of paying on time. */
  expected: z.object({
    dueMinor: z.number().int(),
    expectedMinor: z.number().int(),
    weeks: z.array(z.object({ from: z.string(), to: z.string(), dueMinor: z.number().int(), expectedMinor: z.number().int() })),
  }),
});

export const reportMethods = {
  'dashboard.data': defineMethod({
    summary: 'Every dashboard figure for one currency (the most used when none is named): MRR and its trend, cash per month, aging, collection rate, DSO, risk bands, arrears by ladder step, cash expected in 30 days.',
    input: z.strictObject({ asOf: isoDate.optional(), currency: currencyCode.optional() }),
    output: dashboardOutput,
  }),
  'reports.run': defineMethod({
    summary: 'One report (aging, outstanding invoices, revenue by month, plan or panel, tax by rate, payments by method, restricted accounts, renewals and term reviews) as rows and totals per currency.',
    input: reportInput,
    output: reportOutput,
  }),
  'reports.pdf': defineMethod({
    summary: 'A report as a PDF (A4 landscape, in the language asked for), base64.',
    input: reportInput,
    output: fileOutput,
  }),
  'reports.csv': defineMethod({
    summary: 'A report as CSV (UTF-8 with BOM, so Excel opens Chinese correctly; amounts in major units with a dot), base64.',
    input: reportInput,
    output: fileOutput,
  }),
};
