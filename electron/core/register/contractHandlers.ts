import type { contractMethods } from '../../../shared/api/register.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import type { Client } from '../../../shared/domain/client.js';
import { LIVE_STATUSES, type Contract } from '../../../shared/domain/contract.js';
import { addDays } from '../../../shared/dates.js';
import type { Context, HandlersOf } from '../context.js';
import { ApiError, conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { decodeContractCursor, recordOf, type ContractRecord } from './contractRepository.js';

function requireContract(ctx: Context, id: string): Contract {
  const contract = ctx.contracts.get(id);
  if (!contract) throw notFound('Contract', id);
  return contract;
}

function requireLive(contract: Contract): void {
  if (!LIVE_STATUSES.includes(contract.status)) {
    throw conflict(`The contract for ${contract.label} has ended (${contract.status}); ended contracts are kept as they were.`, { status: contract.status });
  }
}

function clientFor(ctx: Context, clientId: string): Client {
  const client = ctx.clients.get(clientId);
  if (!client) throw invalidField({ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' });
  if (client.status === 'archived') {
    throw invalidField({ field: 'clientId', code: 'not_allowed', message: `${client.name} is archived. Restore the client before giving them a contract.` });
  }
  return client;
}

function planFor(ctx: Context, planId: string | null | undefined) {
  if (!planId) return null;
  const plan = ctx.plans.get(planId);
  if (!plan) throw invalidField({ field: 'planId', code: 'unknown_reference', message: 'That plan does not exist.' });
  return plan;
}

/** The rules a contract must keep whenever it is written: dates in order, a price, one live contract per panel account. */
function checkContract(ctx: Context, contract: ContractRecord): void {
  if (contract.nextDueDate < contract.startDate) {
    throw invalidField({ field: 'nextDueDate', code: 'date_order', message: 'The next due date cannot be before the start date.' });
  }
  if (contract.endDate && contract.endDate < contract.startDate) {
    throw invalidField({ field: 'endDate', code: 'date_order', message: 'The end date cannot be before the start date.' });
  }
  if (contract.endDate && contract.status !== 'cancelled' && contract.nextDueDate > contract.endDate) {
    throw invalidField({ field: 'nextDueDate', code: 'date_order', message: 'The next due date falls after the contract ends.' });
  }
  if (contract.pricingModel !== 'fixed' && !contract.tiers?.length) {
    throw invalidField({ field: 'tiers', code: 'required', message: `A ${contract.pricingModel} price needs at least one price tier.` });
  }
  if (contract.panelAccount) {
    const holder = ctx.contracts.findLiveByPanelAccount(contract.panelKind, contract.panelAccount, contract.id);
    if (holder) {
      throw invalidField({
        field: 'panelAccount',
        code: 'in_use',
        message: `The panel account ${contract.panelAccount} already belongs to the live contract ${holder.label} of ${holder.clientName}.`,
      });
    }
  }
}

const today = (ctx: Context) => ctx.today();

type CreateInput = ParsedInput<'contracts.create'>;

function newContract(ctx: Context, input: CreateInput): { record: ContractRecord; names: { clientName: string; planName: string | null } } {
  const client = clientFor(ctx, input.clientId);
  const plan = planFor(ctx, input.planId);
  if (plan?.archived) throw invalidField({ field: 'planId', code: 'not_allowed', message: `The plan ${plan.name} is archived and takes no new contracts.` });
  const currency = input.currency ?? client.currency;
  if (currency !== client.currency) {
    throw invalidField({ field: 'currency', code: 'currency_mismatch', message: `${client.name} is billed in ${client.currency}; a contract must be in the same currency.` });
  }
  const kind = input.kind ?? plan?.kind;
  if (!kind) throw invalidField({ field: 'kind', code: 'required', message: 'Choose what kind of service this is, or a plan.' });
  const planPrice = plan && plan.currency === currency ? plan.prices[input.cycle] : undefined;
  const priceMinor = input.priceMinor ?? planPrice;
  if (priceMinor === undefined) {
    throw invalidField({ field: 'priceMinor', code: 'required', message: `Give a price: the plan has no ${input.cycle} price in ${currency}.` });
  }
  const record: ContractRecord = {
    id: newId('ct'),
    clientId: client.id,
    planId: plan?.id ?? null,
    kind,
    label: input.label,
    panelKind: input.panelKind ?? plan?.panelKind ?? 'none',
    panelAccount: input.panelAccount ?? null,
    priceMinor,
    currency,
    cycle: input.cycle,
    pricingModel: input.pricingModel,
    tiers: input.tiers ?? null,
    unitLabel: input.unitLabel ?? null,
    startDate: input.startDate,
    nextDueDate: input.nextDueDate ?? input.startDate,
    endDate: input.endDate ?? null,
    expiresOn: input.expiresOn ?? null,
    autoRenew: input.autoRenew,
    termsText: input.termsText || null,
    termsVersion: input.termsVersion ?? null,
    signedDate: input.signedDate ?? null,
    termReviewDate: input.termReviewDate ?? null,
    notes: input.notes || null,
    status: 'active',
    endReason: null,
  };
  return { record, names: { clientName: client.name, planName: plan?.name ?? null } };
}

/** The fields of an update, with `null` meaning "clear" and `undefined` meaning "leave as is". */
const UPDATABLE = [
  'planId', 'kind', 'label', 'panelKind', 'panelAccount', 'priceMinor', 'cycle', 'pricingModel', 'tiers', 'unitLabel',
  'nextDueDate', 'endDate', 'expiresOn', 'autoRenew', 'termsText', 'termsVersion', 'signedDate', 'termReviewDate', 'notes',
] as const satisfies readonly (keyof ContractRecord)[];

function changesBetween(before: ContractRecord, after: ContractRecord) {
  return Object.fromEntries(
    (Object.keys(after) as (keyof ContractRecord)[])
      .filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      .map((key) => [key, { from: before[key], to: after[key] }]),
  );
}

export const contractHandlers: HandlersOf<typeof contractMethods> = {
  'contracts.create'(input, ctx) {
    const contract = ctx.transaction(() => {
      const { record, names } = newContract(ctx, input);
      checkContract(ctx, record);
      const created = ctx.contracts.insert(record, names, ctx.clock.now().toISOString(), ctx.actor);
      ctx.clients.refreshTerms(record.clientId);
      ctx.audit.append({ action: 'contract.created', entity: 'contract', entityId: created.id, data: record });
      return created;
    });
    ctx.events.emit('contracts.changed', { id: contract.id, clientId: contract.clientId });
    return contract;
  },

  'contracts.update'(input, ctx) {
    const result = ctx.transaction(() => {
      const current = requireContract(ctx, input.id);
      requireLive(current);
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        throw conflict(`The contract for ${current.label} was changed elsewhere. Reload it and make your change again.`, { currentVersion: current.version });
      }
      if (input.planId) planFor(ctx, input.planId);
      const before = recordOf(current);
      const next: ContractRecord = { ...before };
      for (const field of UPDATABLE) {
        const sent = input[field];
        if (sent !== undefined) (next as Record<string, unknown>)[field] = field === 'termsText' || field === 'notes' ? sent || null : sent;
      }
      checkContract(ctx, next);
      const changes = changesBetween(before, next);
      if (Object.keys(changes).length === 0) return { contract: current, changed: false };
      const updated = ctx.contracts.update(next, current.status, ctx.clock.now().toISOString(), ctx.actor);
      if ('label' in changes) ctx.clients.refreshTerms(updated.clientId);
      ctx.audit.append({ action: 'contract.updated', entity: 'contract', entityId: updated.id, data: changes });
      return { contract: updated, changed: true };
    });
    if (result.changed) ctx.events.emit('contracts.changed', { id: result.contract.id, clientId: result.contract.clientId });
    return result.contract;
  },

  'contracts.end'(input, ctx) {
    const contract = ctx.transaction(() => {
      const current = requireContract(ctx, input.id);
      requireLive(current);
      const before = recordOf(current);
      const date = today(ctx);
      const next: ContractRecord =
        input.when === 'now'
          ? { ...before, status: 'cancelled', autoRenew: false, endDate: date < before.startDate ? before.startDate : date, endReason: input.reason }
          : {
              ...before,
              autoRenew: false,
              // The term ends when the period already billed runs out: the next due date.
              endDate: before.endDate && before.endDate < before.nextDueDate ? before.endDate : before.nextDueDate,
              endReason: input.reason,
            };
      const updated = ctx.contracts.update(next, current.status, ctx.clock.now().toISOString(), ctx.actor, input.reason);
      ctx.audit.append({ action: 'contract.ended', entity: 'contract', entityId: updated.id, data: { when: input.when, reason: input.reason, endDate: next.endDate } });
      return updated;
    });
    ctx.events.emit('contracts.changed', { id: contract.id, clientId: contract.clientId });
    return contract;
  },

  'contracts.get'(input, ctx) {
    const contract = requireContract(ctx, input.id);
    return { ...contract, statusHistory: ctx.contracts.statusHistory(contract.id) };
  },

  'contracts.listByClient'(input, ctx) {
    if (!ctx.clients.get(input.clientId)) throw notFound('Client', input.clientId);
    return { items: ctx.contracts.listByClient(input.clientId) };
  },

  'contracts.search'(input, ctx) {
    if (input.cursor !== undefined && !decodeContractCursor(input.cursor)) {
      throw new ApiError('invalid_input', 'The page cursor is not one HostLedger handed out.', {
        fields: [{ field: 'cursor', code: 'invalid', message: 'The page cursor is not one HostLedger handed out.' }],
      });
    }
    const { limit, cursor, dueWithinDays, termReviewDue, ...filters } = input;
    return ctx.contracts.search(
      {
        ...filters,
        dueBy: dueWithinDays === undefined ? undefined : addDays(today(ctx), dueWithinDays),
        reviewBy: termReviewDue ? today(ctx) : undefined,
      },
      limit,
      cursor,
    );
  },
};
