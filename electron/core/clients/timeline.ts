// A client's activity timeline: the audit entries about the client and about their contracts.
import type { TimelineEntry } from '../../../shared/domain/client.js';
import type { Db } from '../db/database.js';

interface TimelineRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data_json: string;
  subject: string | null;
}

export function createTimeline(db: Db) {
  const query = db.prepare<{ id: string; limit: number }, TimelineRow>(
    `SELECT a.seq, a.at, a.actor, a.action, a.entity, a.entity_id, a.data_json, k.label AS subject
     FROM audit_log a LEFT JOIN contracts k ON a.entity = 'contract' AND k.id = a.entity_id
     WHERE (a.entity = 'client' AND a.entity_id = @id)
        OR (a.entity = 'contract' AND a.entity_id IN (SELECT id FROM contracts WHERE client_id = @id))
     ORDER BY a.seq DESC LIMIT @limit`,
  );
  return (clientId: string, limit: number): TimelineEntry[] =>
    query.all({ id: clientId, limit }).map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      subject: row.subject,
      data: JSON.parse(row.data_json) as unknown,
    }));
}
