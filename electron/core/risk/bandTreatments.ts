// What a client's payment-risk band changes in how they are treated (risk.settings.*), as the rest
// of the backend asks it. The band is the client's stored score's: the daily run refreshes scores
// before it bills, so renewals see today's band.
import type { Db } from '../db/database.js';

export interface BandTreatments {
  /** Whether the client's band issues their renewals as proformas. A client never scored: no. */
  renewalsAsProforma(clientId: string): boolean;
}

export function createBandTreatments(db: Db): BandTreatments {
  const asProforma = db.prepare<[string], number>('SELECT t.renewals_as_proforma FROM risk_scores r JOIN risk_band_treatments t ON t.band = r.band WHERE r.client_id = ?').pluck();
  return { renewalsAsProforma: (clientId) => asProforma.get(clientId) === 1 };
}
