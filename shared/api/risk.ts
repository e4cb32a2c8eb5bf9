// The payment risk score: each client's chance, 0–100, of paying the next invoice late or not at
// all, its band, the factors behind it (codes and parameters the UI words in either language), its
// history, and what each band changes in how a client is treated.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { FACTOR_CODES } from '../risk/features.js';
import { RISK_BANDS } from '../risk/model.js';
import { entityId, isoDate } from '../validation/fields.js';

export const riskBand = z.enum(RISK_BANDS);

export const riskFactorSchema = z.object({
  code: z.enum(FACTOR_CODES),
  /** What the sentence needs, per code: late/of, days, count and lastDate, amountMinor… (shared/risk/features.ts). */
  params: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  /** Log-odds the factor adds (negative: takes away). */
  contribution: z.number(),
});

export const riskModelSchema = z.object({
  source: z.enum(['default', 'fitted']),
  /** Labelled invoices the fit learned from; 0 for the defaults. */
  trainedOn: z.number().int(),
  /** How the fit and the defaults ranked the newest fifth of the book's invoices, held out; null until there are enough. */
  holdout: z.object({ defaultAuc: z.number(), fittedAuc: z.number() }).nullable(),
  fittedAt: z.string().nullable(),
});

export const clientRiskSchema = z.object({
  clientId: z.string(),
  asOf: z.string(),
  score: z.number().int(),
  band: riskBand,
  factors: z.array(riskFactorSchema),
});

export const bandTreatmentSchema = z.object({
  band: riskBand,
  /** The arrears ladder restricts service this many days earlier than its own step says. */
  restrictDaysEarlier: z.number().int().min(0).max(90),
  /** Renewals are issued as proforma invoices, to be paid before the period starts. */
  renewalsAsProforma: z.boolean(),
});

export const riskMethods = {
  'risk.client': defineMethod({
    summary: "A client's payment risk: score 0–100, band and the factors behind it, today (kept up to date) or as of a past date (from what was known then).",
    input: z.strictObject({ clientId: entityId, asOf: isoDate.optional() }),
    output: clientRiskSchema,
  }),
  'risk.history': defineMethod({
    summary: "A client's score over time: one point per day it was computed, oldest first.",
    input: z.strictObject({ clientId: entityId }),
    output: z.object({ points: z.array(z.object({ date: z.string(), score: z.number().int(), band: riskBand })) }),
  }),
  'risk.list': defineMethod({
    summary: 'Clients by payment risk, riskiest first (or safest first); by band; paged.',
    input: z.strictObject({
      band: riskBand.optional(),
      order: z.enum(['riskiest', 'safest']).default('riskiest'),
      limit: z.number().int().min(1).max(500).default(50),
      cursor: z.string().max(1000).optional(),
    }),
    output: z.object({
      items: z.array(z.object({ clientId: z.string(), clientName: z.string(), score: z.number().int(), band: riskBand, scoredOn: z.string() })),
      /** Pass back as `cursor` for the next page; null when this was the last page. */
      nextCursor: z.string().nullable(),
    }),
  }),
  'risk.recompute': defineMethod({
    summary:
      "Refit the weights on the book's own history (kept only if they beat the defaults on its newest invoices) and rescore every client as of today, in a background thread for a big book. Reports job.progress; risk.cancel stops it and keeps nothing.",
    input: z.strictObject({}),
    output: z.object({ jobId: z.string(), clients: z.number().int(), cancelled: z.boolean(), model: riskModelSchema }),
  }),
  'risk.refresh': defineMethod({
    summary: 'Rescore every client whose score is stale (something changed, or it is from an earlier day) as of today, in a background thread when there are many; the daily run calls it. Reports job.progress.',
    input: z.strictObject({}),
    output: z.object({ jobId: z.string(), clients: z.number().int(), cancelled: z.boolean() }),
  }),
  'risk.cancel': defineMethod({
    summary: 'Stop the risk recompute or refresh in progress (the one with this job id, when given); nothing it would have written is kept.',
    input: z.strictObject({ jobId: z.string().trim().min(1).max(100).optional() }),
    output: z.object({ cancelled: z.boolean(), jobId: z.string().nullable() }),
  }),
  'risk.model': defineMethod({
    summary: 'The weights in use: the defaults or a fit on this book, and how the fit compared.',
    input: z.strictObject({}),
    output: riskModelSchema.extend({ weights: z.array(z.object({ code: z.enum(FACTOR_CODES), weight: z.number(), defaultWeight: z.number() })) }),
  }),
  'risk.settings.get': defineMethod({
    summary: 'What each risk band changes: restriction earlier by some days, renewals as proforma.',
    input: z.strictObject({}),
    output: z.object({ bands: z.array(bandTreatmentSchema) }),
  }),
  'risk.settings.update': defineMethod({
    summary: 'Change what one or more risk bands change in how a client is treated.',
    input: z.strictObject({ bands: z.array(z.strictObject({ band: riskBand, restrictDaysEarlier: z.number().int().min(0).max(90).optional(), renewalsAsProforma: z.boolean().optional() })).min(1).max(4) }),
    output: z.object({ bands: z.array(bandTreatmentSchema) }),
  }),
};
