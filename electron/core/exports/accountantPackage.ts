// The accountant package: one ZIP with every dataset's CSV for the period, the PDF of each invoice
// and credit note issued in it, and README.txt describing the columns. PDFs not archived yet are
// rendered and archived now (documents/issue.ts), so the accountant gets what the client got.
// Everything is written to a scratch folder first and zipped from the files (yazl reads them as
// streams), so a large period never sits in memory; the ZIP is renamed into place when complete.
import { createWriteStream, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import type { ExportOptions } from '../../../shared/api/exports.js';
import { EXPORT_DATASETS, exportFileName, packageReadme } from '../../../shared/exports/columns.js';
import type { Context } from '../context.js';
import { invoicePdf } from '../documents/issue.js';
import { resolvedAccounts } from './accountCodes.js';
import { partialPath } from './exportJob.js';
import { runExport, type ExportJob } from './exportRunner.js';

export const packageFileName = (from: string, to: string) => `accountant-package_${from}_${to}.zip`;

/** A file name made safe for any file system from an invoice number. */
const safeName = (text: string) => text.replace(/[^\p{L}\p{N}._-]+/gu, '_');

export interface PackageOutcome {
  files: { name: string; rows: number }[];
  invoicePdfs: number;
  bytes: number;
  cancelled: boolean;
}

export async function writePackage(ctx: Context, job: ExportJob, period: { from: string; to: string; options: ExportOptions }, path: string): Promise<PackageOutcome> {
  const { from, to, options } = period;
  const documents = ctx.db
    .prepare<{ from: string; to: string }, { id: string; number: string }>(
      `SELECT id, coalesce(number_text, external_number, id) AS number FROM invoices
       WHERE kind IN ('invoice', 'credit_note') AND status <> 'draft' AND issue_date BETWEEN @from AND @to ORDER BY issue_date, seq`,
    )
    .all({ from, to });
  const steps = documents.length + EXPORT_DATASETS.length + 1;
  let step = 0;
  const scratch = mkdtempSync(join(tmpdir(), 'hostledger-package-'));
  const cancelled = (): PackageOutcome => ({ files: [], invoicePdfs: 0, bytes: 0, cancelled: true });
  try {
    const zip = new yazl.ZipFile();
    mkdirSync(join(scratch, 'invoices'));
    for (const document of documents) {
      if (job.cancelled()) return cancelled();
      const pdf = await invoicePdf(ctx, document.id);
      const name = `invoices/${safeName(document.number)}.pdf`;
      writeFileSync(join(scratch, name), Buffer.from(pdf.pdfBase64, 'base64'));
      zip.addFile(join(scratch, name), name);
      job.progress((step += 1), steps);
    }
    const accounts = resolvedAccounts(ctx.db);
    const files: PackageOutcome['files'] = [];
    for (const dataset of EXPORT_DATASETS) {
      const name = exportFileName(dataset, from, to);
      const outcome = await runExport(ctx, { dataset, from, to, options, path: join(scratch, name), accounts }, { progress: () => undefined, cancel: job.cancel });
      if (outcome.cancelled || job.cancelled()) return cancelled();
      zip.addFile(join(scratch, name), name);
      files.push({ name, rows: outcome.rows });
      job.progress((step += 1), steps);
    }
    zip.addBuffer(Buffer.from(packageReadme(from, to, options), 'utf8'), 'README.txt');
    const temporary = partialPath(path);
    const out = createWriteStream(temporary);
    const written = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
      zip.outputStream.on('error', reject);
    });
    zip.outputStream.pipe(out);
    zip.end();
    try {
      await written;
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    if (job.cancelled()) {
      rmSync(temporary, { force: true });
      return cancelled();
    }
    renameSync(temporary, path);
    job.progress((step += 1), steps);
    return { files, invoicePdfs: documents.length, bytes: out.bytesWritten, cancelled: false };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
