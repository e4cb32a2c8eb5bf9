// The evidence bundle API (shared/api/evidence.ts).
import type { evidenceMethods } from '../../../shared/api/evidence.js';
import type { HandlersOf } from '../context.js';
import { makeEvidenceBundle } from './bundle.js';

export const evidenceHandlers: HandlersOf<typeof evidenceMethods> = {
  'evidence.bundle'(input, ctx) {
    return makeEvidenceBundle(ctx, input);
  },
};
