// The exports.* methods: one dataset as CSV, the accountant package, cancel, and the account code
// mapping. A file goes into the folder the user chose; without one (browser mode's download) it is
// written to a scratch folder and answered as base64.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_JOB_LABEL, type exportsMethods } from '../../../shared/api/exports.js';
import { exportFileName } from '../../../shared/exports/columns.js';
import { billingHandlers } from '../billing/billingHandlers.js';
import type { Context, HandlersOf } from '../context.js';
import { conflict, invalidField } from '../errors.js';
import { accountCodes, resolvedAccounts, updateAccountCodes } from './accountCodes.js';
import { packageFileName, writePackage } from './accountantPackage.js';
import { exportFolder } from './exportFolder.js';
import { asExportJob, cancelExport, runExport } from './exportRunner.js';

/** The largest file answered as base64 (JSON carries a third more); larger ones need a folder. */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

function requirePeriod(from: string, to: string): void {
  if (to < from) throw invalidField({ field: 'to', code: 'date_order', message: 'The period must end on or after its first day.' });
}

/** The chosen folder, checked (see exportFolder.ts), or undefined for a download. */
const folderOf = (ctx: Context, folder: string | undefined) => (folder === undefined ? undefined : exportFolder(folder, ctx.dataDir));

/** Where the file is written, and how it is handed back once it is. */
function destination(folder: string | undefined, fileName: string) {
  if (folder !== undefined) {
    const path = join(folder, fileName);
    return { path, answer: (cancelled: boolean) => ({ path: cancelled ? null : path, base64: null }), cleanup: () => undefined };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'hostledger-export-'));
  const path = join(scratch, fileName);
  return {
    path,
    answer(cancelled: boolean) {
      if (cancelled) return { path: null, base64: null };
      const size = statSync(path).size;
      if (size > MAX_DOWNLOAD_BYTES) throw conflict(`The file is ${Math.ceil(size / 1024 / 1024)} MB, too large to download here: choose a folder to write it into.`, { bytes: size });
      return { path: null, base64: readFileSync(path).toString('base64') };
    },
    cleanup: () => rmSync(scratch, { recursive: true, force: true }),
  };
}

export const exportHandlers: HandlersOf<typeof exportsMethods> = {
  'exports.csv'(input, ctx) {
    requirePeriod(input.from, input.to);
    const fileName = exportFileName(input.dataset, input.from, input.to);
    const folder = folderOf(ctx, input.folder);
    return asExportJob(ctx, `${EXPORT_JOB_LABEL}${fileName}`, async (job) => {
      const target = destination(folder, fileName);
      try {
        const request = { dataset: input.dataset, from: input.from, to: input.to, options: input.options, path: target.path, accounts: resolvedAccounts(ctx.db) };
        const outcome = await runExport(ctx, request, { progress: job.progress, cancel: job.cancel });
        return { jobId: job.jobId, dataset: input.dataset, fileName, rows: outcome.rows, bytes: outcome.bytes, cancelled: outcome.cancelled, ...target.answer(outcome.cancelled) };
      } finally {
        target.cleanup();
      }
    });
  },

  'exports.package'(input, ctx) {
    requirePeriod(input.from, input.to);
    if (input.lockPeriod && input.to >= ctx.today()) {
      throw invalidField({ field: 'lockPeriod', code: 'not_allowed', message: 'Only a period that has ended can be locked: the package must end before today.' });
    }
    const { lockDate } = ctx.settings.get('billing');
    if (input.lockPeriod && lockDate !== null && input.to < lockDate) {
      throw invalidField({ field: 'lockPeriod', code: 'not_allowed', message: `The books are already locked up to ${lockDate}; a lock is never moved back.` });
    }
    const fileName = packageFileName(input.from, input.to);
    const folder = folderOf(ctx, input.folder);
    return asExportJob(ctx, `${EXPORT_JOB_LABEL}${fileName}`, async (job) => {
      const target = destination(folder, fileName);
      try {
        const outcome = await writePackage(ctx, job, input, target.path);
        let lockedUntil: string | null = null;
        if (input.lockPeriod && !outcome.cancelled) {
          await billingHandlers['books.lock']({ lockDate: input.to }, ctx);
          lockedUntil = ctx.settings.get('billing').lockDate;
        }
        if (!outcome.cancelled) {
          // What the accountant was given, and when: the package itself is not kept.
          ctx.transaction(() =>
            ctx.audit.append({ action: 'exports.package_written', entity: 'book', entityId: 'book', data: { from: input.from, to: input.to, fileName, bytes: outcome.bytes, invoicePdfs: outcome.invoicePdfs, files: outcome.files } }),
          );
        }
        return { jobId: job.jobId, fileName, files: outcome.files, invoicePdfs: outcome.invoicePdfs, bytes: outcome.bytes, cancelled: outcome.cancelled, lockedUntil, ...target.answer(outcome.cancelled) };
      } finally {
        target.cleanup();
      }
    });
  },

  'exports.cancel'(input, ctx) {
    return cancelExport(ctx, input.jobId);
  },

  'exports.accountCodes.get'(_input, ctx) {
    return { accounts: accountCodes(ctx.db) };
  },

  'exports.accountCodes.update'(input, ctx) {
    const accounts = input.codes.map((c) => c.account);
    if (new Set(accounts).size !== accounts.length) throw invalidField({ field: 'codes', code: 'duplicate', message: 'Each account may be mapped once.' });
    ctx.transaction(() => {
      const stored = updateAccountCodes(ctx.db, input.codes as Parameters<typeof updateAccountCodes>[1]);
      const used = Object.values(stored).map((s) => s!.code);
      const shared = used.find((code, index) => used.indexOf(code) !== index);
      if (shared !== undefined) throw invalidField({ field: 'codes', code: 'duplicate', message: `Two accounts cannot share the accountant's code ${shared}.` });
      ctx.audit.append({ action: 'exports.account_codes_changed', entity: 'settings', entityId: 'exports.accountCodes', data: { codes: input.codes } });
    });
    return { accounts: accountCodes(ctx.db) };
  },
};
