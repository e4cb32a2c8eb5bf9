// The price list in SQLite.
import type { Db } from '../db/database.js';
import type { Plan } from '../../../shared/domain/plan.js';

interface PlanRow {
  id: string;
  name: string;
  kind: Plan['kind'];
  currency: string;
  prices_json: string;
  panel_kind: Plan['panelKind'];
  panel_package: string | null;
  restriction_plan_id: string | null;
  description: string | null;
  archived: 0 | 1;
  version: number;
  created_at: string;
  updated_at: string;
  contract_count: number;
}

export type PlanRecord = Omit<Plan, 'contractCount' | 'version' | 'createdAt' | 'updatedAt'>;

const toPlan = (row: PlanRow): Plan => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  currency: row.currency,
  prices: JSON.parse(row.prices_json) as Plan['prices'],
  panelKind: row.panel_kind,
  panelPackage: row.panel_package,
  restrictionPlanId: row.restriction_plan_id,
  description: row.description,
  archived: row.archived === 1,
  contractCount: row.contract_count,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toRow = (plan: PlanRecord) => ({
  id: plan.id,
  name: plan.name,
  kind: plan.kind,
  currency: plan.currency,
  prices_json: JSON.stringify(plan.prices),
  panel_kind: plan.panelKind,
  panel_package: plan.panelPackage,
  restriction_plan_id: plan.restrictionPlanId,
  description: plan.description,
  archived: plan.archived ? 1 : 0,
});

export type PlanRepository = ReturnType<typeof createPlanRepository>;

export function createPlanRepository(db: Db) {
  const SELECT = `SELECT p.*, (SELECT count(*) FROM contracts k WHERE k.plan_id = p.id AND k.status IN ('active', 'restricted', 'suspended')) AS contract_count FROM plans p`;
  const byId = db.prepare<[string], PlanRow>(`${SELECT} WHERE p.id = ?`);
  const byName = db.prepare<[string], PlanRow>(`${SELECT} WHERE lower(p.name) = lower(?) AND p.archived = 0`);
  const all = db.prepare<[number], PlanRow>(`${SELECT} WHERE p.archived = 0 OR ? = 1 ORDER BY lower(p.name), p.id`);
  const insert = db.prepare(
    `INSERT INTO plans (id, name, kind, currency, prices_json, panel_kind, panel_package, restriction_plan_id, description, archived, created_at, updated_at)
     VALUES (@id, @name, @kind, @currency, @prices_json, @panel_kind, @panel_package, @restriction_plan_id, @description, @archived, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE plans SET name = @name, kind = @kind, prices_json = @prices_json, panel_kind = @panel_kind, panel_package = @panel_package,
       restriction_plan_id = @restriction_plan_id, description = @description, archived = @archived, version = version + 1, updated_at = @at
     WHERE id = @id`,
  );
  return {
    get: (id: string): Plan | null => {
      const row = byId.get(id);
      return row ? toPlan(row) : null;
    },
    /** The current (not archived) plan with this name, ignoring case. */
    getByName: (name: string): Plan | null => {
      const row = byName.get(name);
      return row ? toPlan(row) : null;
    },
    list: (includeArchived: boolean): Plan[] => all.all(includeArchived ? 1 : 0).map(toPlan),
    insert(plan: PlanRecord, at: string): Plan {
      insert.run({ ...toRow(plan), at });
      return this.get(plan.id)!;
    },
    update(plan: PlanRecord, at: string): Plan {
      update.run({ ...toRow(plan), at });
      return this.get(plan.id)!;
    },
  };
}
