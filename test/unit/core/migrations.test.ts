import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database.js';
import { migrate, NewerDatabaseError, schemaVersion } from '../../../electron/core/db/migrate.js';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../../electron/core/db/migrations/index.js';
import { createBackend, memoryPreferences, memorySecretStore, silentLogger } from '../../../electron/core/index.js';
import { tempDir } from '../../fixtures/book.js';

const now = new Date('2026-11-26T09:00:00Z');
const open: Database.Database[] = [];
const fresh = (file: string) => {
  const db = openDatabase(file);
  open.push(db);
  return db;
};
afterEach(() => open.splice(0).forEach((db) => db.open && db.close()));

describe('the migrations array', () => {
  it('is numbered 1..n in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });
});

describe('migration 1 (books: settings, audit log, clients)', () => {
  it('creates the tables, the search index and the append-only audit triggers', () => {
    const db = fresh(':memory:');
    migrate(db, { dbFile: ':memory:', now, migrations: migrations.slice(0, 1) });
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table','trigger')").all().map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['settings', 'audit_log', 'clients', 'client_search', 'audit_log_no_update', 'audit_log_no_delete']));
    db.prepare("INSERT INTO audit_log VALUES (1, 'a', 'b', 'c', 'd', 'e', '{}', 'x', 'y')").run();
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'z'").run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('c', 'n', 'n', 'fr', 'USD', '[]', '[]', 't', 't')").run()).toThrow(/CHECK/);
  });
});

describe('migration 2 (register: plans, contracts)', () => {
  it('adds plans and contracts to a book that has clients, keeping them', () => {
    const file = join(tempDir(), 'hostledger.sqlite');
    const db = fresh(file);
    migrate(db, { dbFile: file, now, migrations: migrations.slice(0, 1) });
    db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
    migrate(db, { dbFile: file, now, migrations: migrations.slice(0, 2) });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    const insert = (id: string, account: string, status: string) =>
      db
        .prepare(
          `INSERT INTO contracts (id, client_id, kind, label, panel_kind, panel_account, price_minor, currency, cycle, pricing_model, start_date, next_due_date, auto_renew, status, created_at, updated_at)
           VALUES (?, 'cl_a', 'vps', 'x', 'proxmox', ?, 100, 'USD', 'monthly', 'fixed', '2026-01-01', '2026-02-01', 1, ?, 't', 't')`,
        )
        .run(id, account, status);
    insert('ct_1', 'vm-101', 'active');
    expect(() => insert('ct_2', 'VM-101', 'suspended')).toThrow(/UNIQUE/); // one live contract per panel account
    insert('ct_3', 'vm-101', 'cancelled');
    expect(() => insert('ct_4', 'vm-102', 'paused')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO contracts (id, client_id, kind, label, panel_kind, price_minor, currency, cycle, pricing_model, start_date, next_due_date, auto_renew, status, created_at, updated_at) VALUES ('ct_5', 'cl_nobody', 'vps', 'x', 'none', 1, 'USD', 'monthly', 'fixed', '2026-01-01', '2026-01-01', 1, 'active', 't', 't')").run()).toThrow(/FOREIGN KEY/);
  });
});

describe('migrate', () => {
  it('sets PRAGMAs for a bookkeeping database', () => {
    const db = fresh(join(tempDir(), 'book.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('brings a new book to the latest schema without a backup (there is nothing to lose)', () => {
    const file = join(tempDir(), 'hostledger.sqlite');
    const report = migrate(fresh(file), { dbFile: file, now });
    expect(report).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
  });

  it('backs up and verifies an existing book before migrating it', () => {
    const dir = tempDir();
    const file = join(dir, 'hostledger.sqlite');
    const db = fresh(file);
    migrate(db, { dbFile: file, now });
    db.prepare("INSERT INTO settings VALUES ('timeZone', '\"Asia/Shanghai\"')").run();
    const extra: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'test step', up: (d) => d.exec('CREATE TABLE later_step (x INTEGER) STRICT') };

    const report = migrate(db, { dbFile: file, now, migrations: [...migrations, extra] });

    expect(report.from).toBe(LATEST_SCHEMA_VERSION);
    expect(report.to).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(report.backupFile && existsSync(report.backupFile)).toBe(true);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    const copy = new Database(report.backupFile!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare('SELECT value_json FROM settings').pluck().get()).toBe('"Asia/Shanghai"');
    copy.close();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
  });

  it('rolls a failing step back entirely and leaves the version as it was', () => {
    const file = join(tempDir(), 'hostledger.sqlite');
    const db = fresh(file);
    migrate(db, { dbFile: file, now });
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('step failed');
      },
    };
    expect(() => migrate(db, { dbFile: file, now, migrations: [...migrations, broken] })).toThrow('step failed');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
  });

  it('refuses a book written by a newer HostLedger, with a clear message, and changes nothing', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'hostledger.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const opening = createBackend({ dataDir, prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger });
    await expect(opening).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(opening).rejects.toThrow(/newer version of HostLedger/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(after.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
    after.close();
  });
});
