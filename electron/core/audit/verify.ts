import type { Db } from '../db/database.js';
import { createAuditLog, type AuditVerification } from './auditLog.js';

/** Checks the audit chain of a book from its first row; used by tests and the health page. */
export function verifyAudit(db: Db): AuditVerification {
  return createAuditLog(db, { actor: () => 'verifier', now: () => new Date() }).verify();
}
