import { MAX_IMPORT_CSV_CHARS, type importsMethods } from '../../../../shared/api/imports.js';
import type { Output } from '../../../../shared/api/methods.js';
import type { Context, HandlersOf } from '../../context.js';
import type { Db } from '../../db/database.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import type { JobEnv } from './historyJobs.js';
import { toBatch, type BatchRow } from './historyUndo.js';
import { runImportJob } from './importRunner.js';

/** Files up to this size (about 1,000 rows) are read in the caller's thread; see importRunner.ts. */
const INLINE_CSV_CHARS = 64 * 1024;
const INLINE_UNDO_ROWS = 1000;

/** One import or undo at a time per book: two would race for the same external numbers. */
const running = new WeakMap<Db, string>();

async function exclusive<T>(ctx: Context, label: string, work: () => Promise<T>): Promise<T> {
  const current = running.get(ctx.db);
  if (current) throw conflict(`${current} is still running; wait until it has finished.`);
  running.set(ctx.db, label);
  try {
    return await work();
  } finally {
    running.delete(ctx.db);
  }
}

const envOf = (ctx: Context): JobEnv => ({ dbFile: ctx.db.name, nativeBinding: ctx.nativeBinding, at: ctx.clock.now().toISOString(), today: ctx.today(), actor: ctx.actor });

/** Tells every window how far a job is; the last event says finished, whether it worked or not. */
function progressOf(ctx: Context, jobId: string, label: string) {
  let done = 0;
  let total: number | null = null;
  return {
    update(nowDone: number, nowTotal: number) {
      done = nowDone;
      total = nowTotal;
      ctx.events.emit('job.progress', { jobId, label, done, total, finished: false });
    },
    finish: () => ctx.events.emit('job.progress', { jobId, label, done, total, finished: true }),
  };
}

function requireSize(csv: string): void {
  if (csv.length > MAX_IMPORT_CSV_CHARS) {
    throw invalidField({ field: 'csv', code: 'too_long', message: `A history file may have at most ${MAX_IMPORT_CSV_CHARS} characters; split it into several imports.`, params: { max: MAX_IMPORT_CSV_CHARS } });
  }
}

export const importHandlers: HandlersOf<typeof importsMethods> = {
  async 'imports.preview'(input, ctx) {
    requireSize(input.csv);
    const request = { kind: 'preview' as const, csv: input.csv, createMissingClients: input.createMissingClients };
    return (await runImportJob(request, envOf(ctx), { inWorker: input.csv.length > INLINE_CSV_CHARS, progress: () => undefined })) as Output<'imports.preview'>;
  },

  'imports.commit'(input, ctx) {
    requireSize(input.csv);
    const batchId = newId('ib');
    const label = `Importing ${input.fileName ?? 'history'}`;
    return exclusive(ctx, label, async () => {
      const progress = progressOf(ctx, batchId, label);
      const request = { kind: 'commit' as const, csv: input.csv, fileName: input.fileName ?? null, createMissingClients: input.createMissingClients, batchId };
      try {
        return (await runImportJob(request, envOf(ctx), { inWorker: input.csv.length > INLINE_CSV_CHARS, progress: progress.update })) as Output<'imports.commit'>;
      } finally {
        progress.finish();
      }
    });
  },

  'imports.undo'(input, ctx) {
    const rows = ctx.db.prepare<[string], number>('SELECT row_count FROM import_batches WHERE id = ?').pluck().get(input.batchId);
    if (rows === undefined) throw notFound('Import', input.batchId);
    const label = `Undoing import ${input.batchId}`;
    return exclusive(ctx, label, async () => {
      const progress = progressOf(ctx, input.batchId, label);
      try {
        return (await runImportJob({ kind: 'undo', batchId: input.batchId }, envOf(ctx), { inWorker: rows > INLINE_UNDO_ROWS, progress: progress.update })) as Output<'imports.undo'>;
      } finally {
        progress.finish();
      }
    });
  },

  'imports.list'(input, ctx) {
    const rows = ctx.db.prepare<[number], BatchRow>('SELECT * FROM import_batches ORDER BY seq DESC LIMIT ?').all(input.limit);
    return { items: rows.map(toBatch) };
  },
};
