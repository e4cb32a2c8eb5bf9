import type { Output } from '../../../shared/api/methods.js';
import type { riskMethods } from '../../../shared/api/risk.js';
import { FACTOR_CODES } from '../../../shared/risk/features.js';
import { BAND_SCORES, DEFAULT_MODEL, RISK_BANDS, type RiskBand } from '../../../shared/risk/model.js';
import type { Context, HandlersOf } from '../context.js';
import { invalidField, notFound } from '../errors.js';
import { cancelRiskJob, runRiskJobFor, WORKER_THRESHOLD } from './riskJobs.js';
import { createRiskScores, currentModel, scoreClientOn } from './riskScores.js';

type ModelInfo = Output<'risk.recompute'>['model'];
type Treatment = Output<'risk.settings.get'>['bands'][number];

function requireClient(ctx: Context, clientId: string): void {
  if (!ctx.clients.get(clientId)) throw notFound('Client', clientId);
}

function modelInfo(ctx: Context): ModelInfo {
  const row = ctx.db
    .prepare<[], { source: ModelInfo['source']; trained_on: number; holdout_json: string | null; fitted_at: string }>('SELECT source, trained_on, holdout_json, fitted_at FROM risk_model WHERE id = 1')
    .get();
  if (!row) return { source: 'default', trainedOn: 0, holdout: null, fittedAt: null };
  return { source: row.source, trainedOn: row.trained_on, holdout: row.holdout_json === null ? null : (JSON.parse(row.holdout_json) as ModelInfo['holdout']), fittedAt: row.fitted_at };
}

function treatments(ctx: Context): Treatment[] {
  const rows = ctx.db.prepare<[], { band: RiskBand; restrict_days_earlier: number; renewals_as_proforma: number }>('SELECT * FROM risk_band_treatments').all();
  return RISK_BANDS.map((band) => rows.find((r) => r.band === band)!).map((r) => ({ band: r.band, restrictDaysEarlier: r.restrict_days_earlier, renewalsAsProforma: r.renewals_as_proforma === 1 }));
}

/** A page ends at "score|clientId"; the next starts after it. */
function parseCursor(cursor: string): { score: number; clientId: string } {
  const [score, clientId] = cursor.split('|');
  if (!/^\d{1,3}$/.test(score ?? '') || !clientId) throw invalidField({ field: 'cursor', code: 'invalid', message: 'Not a cursor this list gave out.' });
  return { score: Number(score), clientId };
}

export const riskHandlers: HandlersOf<typeof riskMethods> = {
  'risk.client'(input, ctx) {
    requireClient(ctx, input.clientId);
    const today = ctx.today();
    if (input.asOf === undefined || input.asOf === today) {
      // Today's stored score is brought up to date first, so the list and this page agree.
      ctx.transaction(() => createRiskScores(ctx.db).refreshStale(today, ctx.clock.now().toISOString(), { clientId: input.clientId }));
    }
    // The score with its reasons, from what the book knew on the day and the current model: for
    // today the stored score just refreshed (reasons are not stored: see migration 011).
    const asOf = input.asOf ?? today;
    const result = scoreClientOn(ctx.db, input.clientId, asOf, currentModel(ctx.db));
    return { clientId: input.clientId, asOf, score: result.score, band: result.band, factors: result.factors };
  },

  'risk.history'(input, ctx) {
    requireClient(ctx, input.clientId);
    ctx.transaction(() => createRiskScores(ctx.db).refreshStale(ctx.today(), ctx.clock.now().toISOString(), { clientId: input.clientId }));
    const points = ctx.db.prepare<[string], { date: string; score: number; band: RiskBand }>('SELECT date, score, band FROM risk_history WHERE client_id = ? ORDER BY date').all(input.clientId);
    return { points };
  },

  'risk.list'(input, ctx) {
    const after = input.cursor === undefined ? null : parseCursor(input.cursor);
    ctx.transaction(() => createRiskScores(ctx.db).refreshStale(ctx.today(), ctx.clock.now().toISOString(), { upTo: WORKER_THRESHOLD.staleClients }));
    const riskiest = input.order === 'riskiest';
    const beyond = riskiest ? '(r.score < @score OR (r.score = @score AND r.client_id < @clientId))' : '(r.score > @score OR (r.score = @score AND r.client_id > @clientId))';
    const where = [input.band ? 'r.score BETWEEN @bandFrom AND @bandTo' : null, after ? beyond : null].filter((w) => w !== null);
    const direction = riskiest ? 'DESC' : 'ASC';
    const rows = ctx.db
      .prepare<Record<string, string | number>, { clientId: string; clientName: string; score: number; band: RiskBand; scoredOn: string }>(
        `SELECT r.client_id AS clientId, c.name AS clientName, r.score, r.band, r.scored_on AS scoredOn
         FROM risk_scores r JOIN clients c ON c.id = r.client_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY r.score ${direction}, r.client_id ${direction} LIMIT @limit`,
      )
      .all({ limit: input.limit + 1, ...(input.band ? { bandFrom: BAND_SCORES[input.band].from, bandTo: BAND_SCORES[input.band].to } : {}), ...(after ?? {}) });
    const items = rows.slice(0, input.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > input.limit && last ? `${last.score}|${last.clientId}` : null };
  },

  async 'risk.recompute'(_input, ctx) {
    const { jobId, clients, cancelled } = await runRiskJobFor(ctx, { mode: 'recompute' });
    return { jobId, clients, cancelled, model: modelInfo(ctx) };
  },

  async 'risk.refresh'(_input, ctx) {
    return runRiskJobFor(ctx, { mode: 'refresh' });
  },

  'risk.cancel'(input, ctx) {
    return cancelRiskJob(ctx, input.jobId);
  },

  'risk.model'(_input, ctx) {
    const model = currentModel(ctx.db);
    return { ...modelInfo(ctx), weights: FACTOR_CODES.map((code, i) => ({ code, weight: model.weights[i], defaultWeight: DEFAULT_MODEL.weights[i] })) };
  },

  'risk.settings.get'(_input, ctx) {
    return { bands: treatments(ctx) };
  },

  'risk.settings.update'(input, ctx) {
    return ctx.transaction(() => {
      const update = ctx.db.prepare('UPDATE risk_band_treatments SET restrict_days_earlier = coalesce(?, restrict_days_earlier), renewals_as_proforma = coalesce(?, renewals_as_proforma) WHERE band = ?');
      for (const band of input.bands) update.run(band.restrictDaysEarlier ?? null, band.renewalsAsProforma === undefined ? null : Number(band.renewalsAsProforma), band.band);
      ctx.audit.append({ action: 'risk.settings_updated', entity: 'risk_band_treatments', entityId: 'bands', data: { bands: input.bands } });
      return { bands: treatments(ctx) };
    });
  },
};
