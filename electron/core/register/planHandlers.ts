import type { planMethods } from '../../../shared/api/register.js';
import type { Plan } from '../../../shared/domain/plan.js';
import type { Context, HandlersOf } from '../context.js';
import { conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { PlanRecord } from './planRepository.js';

function requirePlan(ctx: Context, id: string): Plan {
  const plan = ctx.plans.get(id);
  if (!plan) throw notFound('Plan', id);
  return plan;
}

/** Rules that need the book: a unique current name, and a restriction plan that can stand in for this one. */
function checkPlan(ctx: Context, plan: PlanRecord): void {
  const sameName = plan.archived ? null : ctx.plans.getByName(plan.name);
  if (sameName && sameName.id !== plan.id) {
    throw invalidField({ field: 'name', code: 'duplicate', message: `There is already a plan named "${sameName.name}".` });
  }
  if (plan.restrictionPlanId) {
    const target = ctx.plans.get(plan.restrictionPlanId);
    if (!target) throw invalidField({ field: 'restrictionPlanId', code: 'unknown_reference', message: 'The restriction plan does not exist.' });
    if (target.id === plan.id) throw invalidField({ field: 'restrictionPlanId', code: 'not_allowed', message: 'A plan cannot be its own restriction plan.' });
    if (target.panelKind !== plan.panelKind) {
      throw invalidField({ field: 'restrictionPlanId', code: 'not_allowed', message: `The restriction plan must be on the same kind of panel (${plan.panelKind}).` });
    }
  }
}

export const planHandlers: HandlersOf<typeof planMethods> = {
  'plans.create'(input, ctx) {
    const record: PlanRecord = {
      id: newId('pl'),
      name: input.name,
      kind: input.kind,
      currency: input.currency,
      prices: input.prices as Plan['prices'],
      panelKind: input.panelKind,
      panelPackage: input.panelPackage ?? null,
      restrictionPlanId: input.restrictionPlanId ?? null,
      description: input.description ?? null,
      archived: false,
    };
    return ctx.transaction(() => {
      checkPlan(ctx, record);
      const plan = ctx.plans.insert(record, ctx.clock.now().toISOString());
      ctx.audit.append({ action: 'plan.created', entity: 'plan', entityId: plan.id, data: record });
      return plan;
    });
  },

  'plans.update'(input, ctx) {
    return ctx.transaction(() => {
      const current = requirePlan(ctx, input.id);
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        throw conflict(`The plan ${current.name} was changed elsewhere. Reload it and make your change again.`, { currentVersion: current.version });
      }
      const next: PlanRecord = {
        ...current,
        name: input.name ?? current.name,
        kind: input.kind ?? current.kind,
        prices: (input.prices as Plan['prices'] | undefined) ?? current.prices,
        panelKind: input.panelKind ?? current.panelKind,
        panelPackage: input.panelPackage === undefined ? current.panelPackage : input.panelPackage,
        restrictionPlanId: input.restrictionPlanId === undefined ? current.restrictionPlanId : input.restrictionPlanId,
        description: input.description === undefined ? current.description : input.description,
        archived: input.archived ?? current.archived,
      };
      checkPlan(ctx, next);
      const changes = Object.fromEntries(
        (Object.keys(next) as (keyof PlanRecord)[])
          .filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]))
          .map((key) => [key, { from: current[key], to: next[key] }]),
      );
      if (Object.keys(changes).length === 0) return current;
      const plan = ctx.plans.update(next, ctx.clock.now().toISOString());
      ctx.audit.append({ action: 'plan.updated', entity: 'plan', entityId: plan.id, data: changes });
      return plan;
    });
  },

  'plans.list'(input, ctx) {
    return { items: ctx.plans.list(input.includeArchived) };
  },
};
