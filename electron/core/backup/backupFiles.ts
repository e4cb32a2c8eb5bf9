// Backups of the book: a consistent copy made with SQLite's online backup (the app keeps working
// while it copies), then opened read-only in a worker thread and checked with integrity_check,
// with what it holds written beside it in a small manifest. A backup that was never read back is
// not a backup. Each backup is two files: `<name>.sqlite` and `<name>.json`.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupReason } from '../../../shared/backup/retention.js';
import type { Db } from '../db/database.js';

/** What a backup holds, read from the copy itself. */
export interface BackupContents {
  schemaVersion: number;
  clients: number;
  invoices: number;
  payments: number;
  lastPaymentDate: string | null;
}

export interface BackupManifest {
  /** File name of the .sqlite copy, without folder. */
  file: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  sha256: string;
  /** integrity_check answered ok on the copy. */
  verified: boolean;
  problems: string[];
  contents: BackupContents | null;
}

export interface BackupProgress {
  (done: number, total: number): void;
}

const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

// Plain JavaScript on purpose: the worker needs no TypeScript loader, in tests or in the built app.
const VERIFY_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.sqlitePath);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  const problems = db.pragma('integrity_check').map((row) => row.integrity_check).filter((text) => text !== 'ok');
  const has = (table) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const count = (sql) => db.prepare(sql).pluck().get();
  const contents = problems.length === 0 && has('clients') && has('invoices') && has('payments')
    ? {
        schemaVersion: db.pragma('user_version', { simple: true }),
        clients: count('SELECT count(*) FROM clients'),
        invoices: count("SELECT count(*) FROM invoices WHERE status <> 'draft'"),
        payments: count('SELECT count(*) FROM payments'),
        lastPaymentDate: count('SELECT max(date) FROM payments') ?? null,
      }
    : null;
  if (problems.length === 0 && contents === null) problems.push('This file is an SQLite database, but not a HostLedger book.');
  parentPort.postMessage({ problems, contents });
} catch (error) {
  parentPort.postMessage({ problems: [String(error && error.message ? error.message : error)], contents: null });
} finally {
  if (db) db.close();
}
`;

/** Opens a copy read-only in a worker thread: integrity_check and what it holds. */
export function inspectCopy(file: string, nativeBinding?: string): Promise<{ problems: string[]; contents: BackupContents | null }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(VERIFY_WORKER, { eval: true, workerData: { file, sqlitePath, nativeBinding } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const stampOf = (iso: string) => iso.replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-');

/**
 * Copies the open book into `folder` and verifies the copy. The copy is written under a temporary
 * name and renamed only once verified, so a crash or a full disk never leaves a half backup that
 * looks like a good one.
 */
export async function makeBackup(
  db: Db,
  folder: string,
  options: { reason: BackupReason; now: Date; nativeBinding?: string; progress?: BackupProgress },
): Promise<BackupManifest> {
  mkdirSync(folder, { recursive: true });
  const createdAt = options.now.toISOString();
  let name = `hostledger-${stampOf(createdAt)}-${options.reason}`;
  for (let n = 2; existsSync(join(folder, `${name}.sqlite`)); n += 1) name = `hostledger-${stampOf(createdAt)}-${options.reason}-${n}`;
  const partial = join(folder, `${name}.sqlite.partial`);
  const file = join(folder, `${name}.sqlite`);
  let contents: BackupContents | null;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.progress?.(totalPages - remainingPages, totalPages);
        return 2000;
      },
    });
    const checked = await inspectCopy(partial, options.nativeBinding);
    if (checked.problems.length > 0) throw new Error(`The copy failed its check: ${checked.problems[0]}`);
    contents = checked.contents;
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const manifest: BackupManifest = {
    file: basename(file),
    createdAt,
    reason: options.reason,
    sizeBytes: statSync(file).size,
    sha256: await fileSha256(file),
    verified: true,
    problems: [],
    contents,
  };
  writeFileSync(join(folder, `${name}.json`), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The backups in a folder, newest first, from their manifests (files without one are skipped). */
export function listBackups(folder: string): BackupManifest[] {
  if (!existsSync(folder)) return [];
  const manifests: BackupManifest[] = [];
  for (const entry of readdirSync(folder)) {
    if (!entry.endsWith('.json') || !entry.startsWith('hostledger-')) continue;
    try {
      const manifest = JSON.parse(readFileSync(join(folder, entry), 'utf8')) as BackupManifest;
      if (existsSync(join(folder, manifest.file))) manifests.push(manifest);
    } catch {
      // A manifest that cannot be read is not listed; the .sqlite beside it is left alone.
    }
  }
  return manifests.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function deleteBackup(folder: string, manifest: BackupManifest): void {
  rmSync(join(folder, manifest.file), { force: true });
  rmSync(join(folder, manifest.file.replace(/\.sqlite$/, '.json')), { force: true });
}
