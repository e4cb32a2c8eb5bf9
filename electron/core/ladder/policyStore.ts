// The book's dunning policies (催缴策略) and where each applies: create and change them (each save
// checked against the policy schema and the version the editor read), pick the default, assign a
// policy to a contract, a client, a client group or a risk band, and set a client's "manual only"
// flag. Every change is audited with the policy as it now reads.
import { dunningPolicySchema, type AssignmentScope, type DunningPolicy } from '../../../shared/ladder/policy.js';
import type { PolicyView } from '../../../shared/api/dunning.js';
import { RISK_BANDS, type RiskBand } from '../../../shared/risk/model.js';
import type { Context } from '../context.js';
import type { Db } from '../db/database.js';
import { conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';

interface PolicyRow {
  id: string;
  name: string;
  is_default: 0 | 1;
  policy_json: string;
  version: number;
  created_at: string;
  updated_at: string;
}

interface AssignmentRow {
  scope: AssignmentScope;
  target: string;
  policy_id: string;
  target_name: string | null;
}

export interface StoredPolicy {
  id: string;
  isDefault: boolean;
  version: number;
  policy: DunningPolicy;
}

const parse = (row: PolicyRow): StoredPolicy => ({ id: row.id, isDefault: row.is_default === 1, version: row.version, policy: dunningPolicySchema.parse(JSON.parse(row.policy_json)) });

/** Every policy, the default first. */
export function readPolicies(db: Db): StoredPolicy[] {
  return db.prepare<[], PolicyRow>('SELECT * FROM dunning_policies ORDER BY is_default DESC, name, id').all().map(parse);
}

/** Per scope, target → policy id. */
export function readAssignments(db: Db): Record<AssignmentScope, Map<string, string>> {
  const out: Record<AssignmentScope, Map<string, string>> = { contract: new Map(), client: new Map(), group: new Map(), band: new Map() };
  for (const row of db.prepare<[], { scope: AssignmentScope; target: string; policy_id: string }>('SELECT scope, target, policy_id FROM dunning_assignments').iterate()) {
    out[row.scope].set(row.target, row.policy_id);
  }
  return out;
}

/** The assignments with what the reseller calls their target: the contract's label and client, the client's name. */
function assignmentViews(db: Db): Map<string, PolicyView['assignments']> {
  const rows = db
    .prepare<[], AssignmentRow>(
      `SELECT a.scope, a.target, a.policy_id,
         CASE a.scope
           WHEN 'contract' THEN (SELECT k.label || ' (' || c.name || ')' FROM contracts k JOIN clients c ON c.id = k.client_id WHERE k.id = a.target)
           WHEN 'client' THEN (SELECT name FROM clients WHERE id = a.target)
           ELSE a.target END AS target_name
       FROM dunning_assignments a ORDER BY a.scope, target_name, a.target`,
    )
    .all();
  const byPolicy = new Map<string, PolicyView['assignments']>();
  for (const row of rows) {
    const list = byPolicy.get(row.policy_id) ?? byPolicy.set(row.policy_id, []).get(row.policy_id)!;
    list.push({ scope: row.scope, target: row.target, targetName: row.target_name ?? row.target });
  }
  return byPolicy;
}

export function listPolicyViews(db: Db): PolicyView[] {
  const assignments = assignmentViews(db);
  return db
    .prepare<[], PolicyRow>('SELECT * FROM dunning_policies ORDER BY is_default DESC, name, id')
    .all()
    .map((row) => ({ ...parse(row), assignments: assignments.get(row.id) ?? [], updatedAt: row.updated_at }));
}

function policyView(db: Db, id: string): PolicyView {
  return listPolicyViews(db).find((p) => p.id === id)!;
}

function requirePolicy(db: Db, id: string): PolicyRow {
  const row = db.prepare<[string], PolicyRow>('SELECT * FROM dunning_policies WHERE id = ?').get(id);
  if (!row) throw notFound('Dunning policy', id);
  return row;
}

export interface PolicySave {
  id?: string;
  expectedVersion?: number;
  policy: DunningPolicy;
  makeDefault: boolean;
}

/** Creates a policy (no id) or changes one the editor read at `expectedVersion`; optionally makes it the default. */
export function savePolicy(ctx: Context, input: PolicySave): PolicyView {
  const { db } = ctx;
  const at = ctx.clock.now().toISOString();
  const nameTaken = db.prepare<[string, string], number>('SELECT count(*) FROM dunning_policies WHERE name = ? AND id <> ?').pluck().get(input.policy.name, input.id ?? '')!;
  return ctx.transaction(() => {
    let id = input.id;
    if (id === undefined) {
      if (input.expectedVersion !== undefined) throw invalidField({ field: 'expectedVersion', code: 'not_allowed', message: 'A new policy has no version yet: leave it out.' });
      if (nameTaken > 0) throw invalidField({ field: 'policy.name', code: 'duplicate', message: `A policy called ${input.policy.name} exists already.` });
      id = newId('dp');
      db.prepare('INSERT INTO dunning_policies (id, name, policy_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, input.policy.name, JSON.stringify(input.policy), at, at);
      ctx.audit.append({ action: 'dunningPolicy.created', entity: 'dunning_policy', entityId: id, data: { policy: input.policy } });
    } else {
      const row = requirePolicy(db, id);
      if (input.expectedVersion === undefined) throw invalidField({ field: 'expectedVersion', code: 'required', message: 'Send the version you read, so a change made meanwhile is not overwritten.' });
      if (row.version !== input.expectedVersion) {
        throw conflict(`${row.name} was changed meanwhile (version ${row.version}, you read ${input.expectedVersion}): reload it and make your change again.`, { version: row.version });
      }
      if (nameTaken > 0) throw invalidField({ field: 'policy.name', code: 'duplicate', message: `A policy called ${input.policy.name} exists already.` });
      db.prepare('UPDATE dunning_policies SET name = ?, policy_json = ?, version = version + 1, updated_at = ? WHERE id = ?').run(input.policy.name, JSON.stringify(input.policy), at, id);
      ctx.audit.append({ action: 'dunningPolicy.changed', entity: 'dunning_policy', entityId: id, data: { policy: input.policy, version: row.version + 1 } });
    }
    if (input.makeDefault && db.prepare<[string], number>('SELECT is_default FROM dunning_policies WHERE id = ?').pluck().get(id) !== 1) {
      db.prepare('UPDATE dunning_policies SET is_default = 0 WHERE is_default = 1').run();
      db.prepare('UPDATE dunning_policies SET is_default = 1, updated_at = ? WHERE id = ?').run(at, id);
      ctx.audit.append({ action: 'dunningPolicy.madeDefault', entity: 'dunning_policy', entityId: id, data: {} });
    }
    return policyView(db, id);
  });
}

/** Deletes a policy that is not the default; where it applied, the next policy in line applies. */
export function deletePolicy(ctx: Context, id: string): { deleted: boolean } {
  return ctx.transaction(() => {
    const row = requirePolicy(ctx.db, id);
    if (row.is_default === 1) throw conflict(`${row.name} is the default policy: make another policy the default before deleting it.`);
    const assignments = ctx.db.prepare<[string], { scope: string; target: string }>('SELECT scope, target FROM dunning_assignments WHERE policy_id = ?').all(id);
    ctx.db.prepare('DELETE FROM dunning_assignments WHERE policy_id = ?').run(id);
    ctx.db.prepare('DELETE FROM dunning_policies WHERE id = ?').run(id);
    ctx.audit.append({ action: 'dunningPolicy.deleted', entity: 'dunning_policy', entityId: id, data: { name: row.name, assignments } });
    return { deleted: true };
  });
}

/** The target must be something the book has: a contract or client that exists, a risk band; a group is any tag. */
function checkTarget(db: Db, scope: AssignmentScope, target: string): void {
  const unknown = (message: string) => invalidField({ field: 'target', code: 'unknown_reference', message });
  if (scope === 'contract' && !db.prepare<[string], number>('SELECT count(*) FROM contracts WHERE id = ?').pluck().get(target)) throw unknown('That contract does not exist.');
  if (scope === 'client' && !db.prepare<[string], number>('SELECT count(*) FROM clients WHERE id = ?').pluck().get(target)) throw unknown('That client does not exist.');
  if (scope === 'band' && !RISK_BANDS.includes(target as RiskBand)) throw unknown(`A risk band is one of ${RISK_BANDS.join(', ')}.`);
}

/** Makes a policy apply to a target (policyId null removes the assignment). */
export function assignPolicy(ctx: Context, input: { scope: AssignmentScope; target: string; policyId: string | null }): { policies: PolicyView[] } {
  ctx.transaction(() => {
    checkTarget(ctx.db, input.scope, input.target);
    if (input.policyId === null) {
      const removed = ctx.db.prepare('DELETE FROM dunning_assignments WHERE scope = ? AND target = ?').run(input.scope, input.target).changes;
      if (removed > 0) ctx.audit.append({ action: 'dunningPolicy.unassigned', entity: 'dunning_assignment', entityId: `${input.scope}:${input.target}`, data: {} });
      return;
    }
    if (!ctx.db.prepare<[string], number>('SELECT count(*) FROM dunning_policies WHERE id = ?').pluck().get(input.policyId)) {
      throw invalidField({ field: 'policyId', code: 'unknown_reference', message: 'That dunning policy does not exist.' });
    }
    ctx.db
      .prepare('INSERT INTO dunning_assignments (scope, target, policy_id) VALUES (?, ?, ?) ON CONFLICT (scope, target) DO UPDATE SET policy_id = excluded.policy_id')
      .run(input.scope, input.target, input.policyId);
    ctx.audit.append({ action: 'dunningPolicy.assigned', entity: 'dunning_assignment', entityId: `${input.scope}:${input.target}`, data: { policyId: input.policyId } });
  });
  return { policies: listPolicyViews(ctx.db) };
}

/** A client's "manual only" flag: every step waits on the desk. */
export function setManualOnly(ctx: Context, clientId: string, manualOnly: boolean): { clientId: string; manualOnly: boolean } {
  return ctx.transaction(() => {
    const current = ctx.db.prepare<[string], number>('SELECT dunning_manual_only FROM clients WHERE id = ?').pluck().get(clientId);
    if (current === undefined) throw notFound('Client', clientId);
    if ((current === 1) !== manualOnly) {
      ctx.db.prepare('UPDATE clients SET dunning_manual_only = ? WHERE id = ?').run(manualOnly ? 1 : 0, clientId);
      ctx.audit.append({ action: 'client.dunningManualOnly', entity: 'client', entityId: clientId, data: { manualOnly } });
    }
    return { clientId, manualOnly };
  });
}
