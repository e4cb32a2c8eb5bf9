// Making an evidence bundle: read the books about the client (one snapshot), verify the whole audit
// chain (off this thread, like the PDF's layout), write the CSVs and the archived documents' original bytes, lay out the PDF listing each
// file's SHA-256, put it all in a deterministic ZIP with a manifest, then — in one transaction —
// archive the PDF (kind evidence_bundle; the archive holds PDFs and CSVs only, so the ZIP itself is
// not kept) and record 'evidence.bundled' with the ZIP's SHA-256 in the audit log.
import type { EvidenceBundle, EvidenceCounts } from '../../../shared/api/evidence.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import { evidenceWord } from '../../../shared/evidence/wording.js';
import type { Context } from '../context.js';
import { createArchive, sha256 } from '../documents/archive.js';
import { letterhead } from '../documents/builders/common.js';
import { ApiError, invalidField } from '../errors.js';
import { newId } from '../ids.js';
import { PDF_PARTS, type ListedFile } from './bundlePdf.js';
import { renderBundlePdfOffThread, verifyAuditOffThread } from './evidenceThread.js';
import { csvFiles, type BundleFile } from './csvFiles.js';
import { gatherEvidence, type DisputeRecord, type EvidenceBook } from './gather.js';
import { zipFiles } from './zipFile.js';

const LABEL = 'evidence.bundle';

/** The ZIP's file name: "Evidence <client> <through>.zip", safe on every system. */
export function bundleFileName(clientName: string, through: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = clientName.normalize('NFC').replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 60).replace(/^[.\s-]+|[.\s-]+$/g, '');
  return `Evidence ${safe || 'client'} ${through}.zip`;
}

const listed = (file: BundleFile): ListedFile => ({ path: file.path, size: file.bytes.byteLength, sha256: sha256(file.bytes) });

/** documents/<nnn>_<issued on>_<kind>.pdf, numbered in the order they were archived: short enough to print whole on the cover. */
function documentFiles(ctx: Context, book: EvidenceBook): BundleFile[] {
  const archive = createArchive(ctx.db);
  const width = Math.max(3, String(book.documents.length).length);
  return book.documents.map((d, i) => ({ path: `documents/${String(i + 1).padStart(width, '0')}_${d.createdAt.slice(0, 10)}_${d.kind}.pdf`, bytes: archive.bytes(d.id) }));
}

function readme(book: EvidenceBook, language: ParsedInput<'evidence.bundle'>['language'], company: string): BundleFile {
  const w = (key: Parameters<typeof evidenceWord>[1], params: Record<string, string | number> = {}) => evidenceWord(language, key, params);
  const lines = [
    w('readme.title', { client: book.client.name }),
    '',
    w('readme.intro', { company, asOf: book.asOf.at, seq: book.asOf.seq, from: book.from, through: book.through }),
    '',
    w('readme.verify'),
    '',
    w('readme.files'),
    `  evidence.pdf             ${w('readme.pdf')}`,
    `  manifest.json            ${w('readme.manifest')}`,
    `  documents/*.pdf          ${w('readme.documents')}`,
    `  csv/invoices.csv         ${w('readme.invoices')}`,
    `  csv/invoice_lines.csv    ${w('readme.invoiceLines')}`,
    `  csv/payments.csv         ${w('readme.payments')}`,
    `  csv/communications.csv   ${w('readme.communications')}`,
    `  csv/panel_actions.csv    ${w('readme.panelActions')}`,
    `  csv/ladder.csv           ${w('readme.ladder')}`,
    `  csv/audit_log.csv        ${w('readme.audit')}`,
    `  audit_verify.json        ${w('readme.auditVerify')}`,
    '',
    w('readme.csv'),
    '',
  ];
  return { path: 'README.txt', bytes: Buffer.from(lines.join('\r\n'), 'utf8') };
}

function countsOf(book: EvidenceBook): EvidenceCounts {
  return {
    contracts: book.contracts.length,
    invoices: book.invoices.filter((i) => i.kind !== 'credit_note').length,
    payments: book.payments.length,
    creditNotes: book.invoices.filter((i) => i.kind === 'credit_note').length,
    communications: book.communications.length,
    documents: book.documents.length,
    panelActions: book.panelActions.length,
    ladderSteps: book.rungs.length,
    auditRows: book.audit.length,
  };
}

export async function makeEvidenceBundle(ctx: Context, input: ParsedInput<'evidence.bundle'>): Promise<EvidenceBundle> {
  const client = ctx.clients.get(input.clientId);
  if (!client) {
    throw new ApiError('not_found', `Client ${input.clientId} does not exist.`, {
      id: input.clientId,
      fields: [{ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' }],
    });
  }
  const today = ctx.today();
  const through = input.through ?? today;
  if (through > today) throw invalidField({ field: 'through', code: 'not_allowed', message: 'The bundle can cover the books up to today, not a later day.' });
  if (input.disputeId !== undefined) {
    const owner = ctx.db.prepare<[string], { clientId: string; openedDate: string }>('SELECT i.client_id AS clientId, d.opened_date AS openedDate FROM disputes d JOIN invoices i ON i.id = d.invoice_id WHERE d.id = ?').get(input.disputeId);
    if (!owner) throw invalidField({ field: 'disputeId', code: 'unknown_reference', message: 'That dispute does not exist.' });
    if (owner.clientId !== client.id) throw invalidField({ field: 'disputeId', code: 'not_allowed', message: 'That dispute is about another client’s invoice.' });
    if (owner.openedDate > through) throw invalidField({ field: 'through', code: 'date_order', message: `The dispute was opened on ${owner.openedDate}, after the last day the bundle covers.` });
  }
  const book = gatherEvidence(ctx, client, through);
  const dispute: DisputeRecord | null = book.disputes.find((d) => d.id === input.disputeId) ?? null;

  const jobId = newId('job');
  // Steps: the records read and the files written, each part of the PDF laid out, the ZIP.
  const total = PDF_PARTS + 2;
  const progress = (done: number, finished = false) => ctx.events.emit('job.progress', { jobId, label: LABEL, done, total, finished });
  progress(0);
  // The whole chain is checked; the count reported is of the rows that make up the books' state,
  // so bundles made later (each adds its own audit row) report the same.
  const chain = await verifyAuditOffThread(ctx);
  const verification = chain.ok ? { ...chain, checked: book.asOf.seq } : chain;
  const head = letterhead(ctx, 'preview');
  const counts = countsOf(book);

  const files: BundleFile[] = [
    readme(book, input.language, head.company.name),
    ...documentFiles(ctx, book),
    ...csvFiles(book),
    { path: 'audit_verify.json', bytes: Buffer.from(`${JSON.stringify({ ...verification, booksAsOf: book.asOf, scope: 'the whole audit log of the books' }, null, 2)}\n`, 'utf8') },
  ];
  progress(1);
  const pdf = await renderBundlePdfOffThread({ book, language: input.language, head, files: files.map(listed), audit: verification, counts, dispute }, (parts) =>
    progress(1 + parts),
  );
  const pdfFile: BundleFile = { path: 'evidence.pdf', bytes: Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength) };
  const all = [pdfFile, ...files];
  const manifest: BundleFile = {
    path: 'manifest.json',
    bytes: Buffer.from(`${JSON.stringify({ client: { id: client.id, name: client.name }, disputeId: dispute?.id ?? null, from: book.from, through, booksAsOf: book.asOf, files: all.map(listed) }, null, 2)}\n`, 'utf8'),
  };
  const zip = await zipFiles([pdfFile, manifest, ...files], through);
  const zipSha = sha256(zip);
  const pdfSha = sha256(pdfFile.bytes);
  const title = evidenceWord(input.language, 'title', { client: client.name });

  const document = ctx.transaction(() => {
    const archived = createArchive(ctx.db).add(
      {
        kind: 'evidence_bundle',
        clientId: client.id,
        invoiceId: dispute?.invoiceId ?? null,
        title,
        language: input.language,
        templateVersion: null,
        batchId: null,
        sourceKey: null,
        mime: 'application/pdf',
        bytes: pdf.bytes,
        pages: pdf.pages,
        warnings: [],
      },
      ctx.clock.now().toISOString(),
    );
    ctx.audit.append({
      action: 'evidence.bundled',
      entity: 'client',
      entityId: client.id,
      data: { documentId: archived.id, disputeId: dispute?.id ?? null, through, zipSha256: zipSha, pdfSha256: pdfSha, auditOk: verification.ok, counts },
    });
    return archived;
  });
  progress(total, true);
  return {
    documentId: document.id,
    pdfBase64: pdfFile.bytes.toString('base64'),
    zipBase64: zip.toString('base64'),
    fileName: bundleFileName(client.name, through),
    sha256: zipSha,
    pdfSha256: pdfSha,
    through,
    counts,
    audit: verification,
  };
}
