// The evidence bundle (证据包): everything the book holds about one client — or one dispute of
// theirs — gathered for the reseller's lawyer: one PDF to read, and a ZIP holding that PDF, every
// archived document byte for byte, CSVs of the records and the audit chain's verification, each
// file listed with its SHA-256 in a manifest. The ZIP is the same bytes for the same book state.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { LANGUAGES } from '../domain/language.js';
import { entityId, isoDate } from '../validation/fields.js';

export const evidenceBundleInput = z.strictObject({
  clientId: entityId,
  /** One dispute of this client: the bundle is about that dispute (its invoice first), still with the whole history. */
  disputeId: entityId.optional(),
  /** The last day the bundle covers; today when left out. Nothing dated after it is included. */
  through: isoDate.optional(),
  /** The reseller's language (the PDF is for their lawyer, not for the client). */
  language: z.enum(LANGUAGES).default('en'),
});

export const evidenceCountsSchema = z.object({
  contracts: z.number().int(),
  invoices: z.number().int(),
  payments: z.number().int(),
  creditNotes: z.number().int(),
  communications: z.number().int(),
  documents: z.number().int(),
  panelActions: z.number().int(),
  ladderSteps: z.number().int(),
  auditRows: z.number().int(),
});
export type EvidenceCounts = z.infer<typeof evidenceCountsSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  /** Rows checked before the chain broke (all of them when ok). */
  checked: z.number().int(),
  /** The first row whose hash or link does not match; null when ok. */
  brokenAt: z.number().int().nullable(),
});

export const evidenceBundleSchema = z.object({
  /** The bundle's PDF as archived (kind evidence_bundle). */
  documentId: z.string(),
  pdfBase64: z.string(),
  zipBase64: z.string(),
  /** A file name for the ZIP, e.g. "Evidence Acme Web 2026-11-26.zip"; the PDF is the same name with .pdf. */
  fileName: z.string(),
  /** SHA-256 of the ZIP's bytes: printed nowhere inside it, recorded in the audit log (evidence.bundled). */
  sha256: z.string(),
  pdfSha256: z.string(),
  through: z.string(),
  counts: evidenceCountsSchema,
  audit: auditVerificationSchema,
});
export type EvidenceBundle = z.infer<typeof evidenceBundleSchema>;

export const evidenceMethods = {
  'evidence.bundle': defineMethod({
    summary:
      "Make the evidence bundle of a client (or of one of their disputes) through a date: a PDF (cover with every file's SHA-256 and the audit chain's verification, chronology, contract terms, invoices, payments, notices with proof of sending, panel actions, the dispute) archived as a document, and a deterministic ZIP with that PDF, the archived documents, CSVs and audit_verify.json.",
    input: evidenceBundleInput,
    output: evidenceBundleSchema,
  }),
};
