// The append-only audit log: every write to the books leaves a row, and each row carries the hash
// of the one before it, so a row changed or removed afterwards breaks the chain where it happened.
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  data: unknown;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  at: string;
  actor: string;
}

const GENESIS = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data_json: string;
  prev_hash: string;
  hash: string;
}

function rowHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  // Fields joined with a separator that JSON-encoding keeps out of the values.
  const text = JSON.stringify([prevHash, row.seq, row.at, row.actor, row.action, row.entity, row.entity_id, row.data_json]);
  return createHash('sha256').update(text).digest('hex');
}

export interface AuditLog {
  /** Append inside the caller's transaction, so the change and its record commit together. */
  append(entry: AuditEntry): void;
  forEntity(entity: string, entityId: string, limit?: number): AuditRecord[];
  verify(): AuditVerification;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, when ok is false. */
  brokenAt?: number;
}

export function createAuditLog(db: Db, who: { actor: () => string; now: () => Date }): AuditLog {
  const last = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, data_json, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @data_json, @prev_hash, @hash)',
  );
  const byEntity = db.prepare<[string, string, number], AuditRow>(
    'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT ?',
  );

  return {
    append(entry) {
      if (!db.inTransaction) throw new Error('audit entries are written inside the transaction of the change they record');
      const previous = last.get();
      const row = {
        seq: (previous?.seq ?? 0) + 1,
        at: who.now().toISOString(),
        actor: who.actor(),
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        data_json: JSON.stringify(entry.data ?? null),
      };
      const prev_hash = previous?.hash ?? GENESIS;
      insert.run({ ...row, prev_hash, hash: rowHash(prev_hash, row) });
    },
    forEntity(entity, entityId, limit = 200) {
      return byEntity.all(entity, entityId, limit).map((row) => ({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        data: JSON.parse(row.data_json) as unknown,
      }));
    },
    verify() {
      let prevHash = GENESIS;
      let expectedSeq = 1;
      let checked = 0;
      for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
        if (row.seq !== expectedSeq || row.prev_hash !== prevHash || rowHash(prevHash, row) !== row.hash) {
          return { ok: false, checked, brokenAt: row.seq };
        }
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
      return { ok: true, checked };
    },
  };
}
