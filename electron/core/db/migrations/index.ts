// Every schema change, in order. A migration is never edited once released: add a new one.
// Each has its own test in test/unit/core/migrations.
import type { Db } from '../database.js';
import { booksMigration } from './001_books.js';
import { registerMigration } from './002_register.js';
import { billingMigration } from './003_billing.js';
import { riskMigration } from './004_risk.js';
import { documentsMigration } from './005_documents.js';
import { panelsMigration } from './006_panels.js';
import { ladderMigration } from './007_ladder.js';
import { statementsMigration } from './008_statements.js';
import { settledOnMigration } from './009_settled_on.js';
import { reportsMigration } from './010_reports.js';
import { riskReasonsMigration } from './011_risk_reasons.js';
import { riskMemoryMigration } from './012_risk_memory.js';
import { riskTimingMigration } from './013_risk_timing.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const migrations: readonly Migration[] = [
  booksMigration,
  registerMigration,
  billingMigration,
  riskMigration,
  documentsMigration,
  panelsMigration,
  ladderMigration,
  statementsMigration,
  settledOnMigration,
  reportsMigration,
  riskReasonsMigration,
  riskMemoryMigration,
  riskTimingMigration,
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;
