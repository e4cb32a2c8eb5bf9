// The outgoing messages (email, SMS): each written with its idempotency key and committed before
// it is sent (the intent), then marked sent or failed with what the server said. A key already
// sent is never sent again; a failed one — or one a crash left "sending" — is sent again.
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';

export interface OutgoingMessage {
  id: string;
  key: string;
  clientId: string;
  channel: 'email' | 'sms';
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  documentId: string | null;
  state: 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  providerAnswer: string | null;
  createdAt: string;
  sentAt: string | null;
}

const COLUMNS = `id, key, client_id AS clientId, channel, kind, recipient, subject, body, document_id AS documentId, state, attempts,
  last_error AS lastError, provider_answer AS providerAnswer, created_at AS createdAt, sent_at AS sentAt`;

export function createOutbox(db: Db) {
  const byKey = db.prepare<[string], OutgoingMessage>(`SELECT ${COLUMNS} FROM outgoing_messages WHERE key = ?`);
  const insert = db.prepare(
    `INSERT INTO outgoing_messages (id, key, client_id, channel, kind, recipient, subject, body, document_id, state, attempts, created_at)
     VALUES (@id, @key, @clientId, @channel, @kind, @recipient, @subject, @body, @documentId, 'sending', 1, @createdAt)`,
  );
  const sending = db.prepare("UPDATE outgoing_messages SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state != 'sent'");
  const sent = db.prepare("UPDATE outgoing_messages SET state = 'sent', provider_answer = ?, last_error = NULL, sent_at = ? WHERE id = ?");
  const failed = db.prepare("UPDATE outgoing_messages SET state = 'failed', last_error = ? WHERE id = ? AND state != 'sent'");
  const lastLogged = db
    .prepare<[string], string>("SELECT id FROM communications WHERE message_id = ? ORDER BY seq DESC LIMIT 1")
    .pluck();
  return {
    byKey: (key: string) => byKey.get(key) ?? null,
    /** Inside the caller's transaction. */
    add(message: Omit<OutgoingMessage, 'id' | 'state' | 'attempts' | 'lastError' | 'providerAnswer' | 'sentAt'>): OutgoingMessage {
      const id = newId('msg');
      insert.run({ id, ...message });
      return byKey.get(message.key)!;
    },
    retrying: (id: string) => void sending.run(id),
    markSent: (id: string, answer: string, at: string) => void sent.run(answer, at, id),
    markFailed: (id: string, reason: string) => void failed.run(reason, id),
    /** The log entry of the message's latest outcome. */
    lastCommunication: (id: string): string | null => lastLogged.get(id) ?? null,
  };
}
