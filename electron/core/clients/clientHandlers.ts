import type { clientMethods } from '../../../shared/api/clients.js';
import type { Address, Client } from '../../../shared/domain/client.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import type { Context, HandlersOf } from '../context.js';
import { ApiError, conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { isValidCursor, type ClientRecord } from './clientRepository.js';

type ParsedAddress = NonNullable<ParsedInput<'clients.create'>['address']>;

function normalizeAddress(address: ParsedAddress | null | undefined): Address | null {
  if (!address) return null;
  const normalized = {
    lines: address.lines,
    city: address.city ?? null,
    region: address.region ?? null,
    postalCode: address.postalCode ?? null,
    country: address.country ?? null,
  };
  const empty = normalized.lines.length === 0 && !normalized.city && !normalized.region && !normalized.postalCode && !normalized.country;
  return empty ? null : normalized;
}

function requireTaxRate(ctx: Context, id: string): void {
  if (!ctx.taxRates.get(id)) throw invalidField({ field: 'taxRateId', code: 'unknown_reference', message: 'That tax rate does not exist.' });
}

function requireClient(ctx: Context, id: string): Client {
  const client = ctx.clients.get(id);
  if (!client) throw notFound('Client', id);
  return client;
}

const RECORD_FIELDS = [
  'name', 'company', 'contactName', 'email', 'billingEmail', 'phone', 'address',
  'country', 'taxId', 'language', 'currency', 'channels', 'notes', 'tags', 'taxRateId', 'taxExemptReason', 'prepay',
] as const satisfies readonly (keyof ClientRecord)[];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const clientHandlers: HandlersOf<typeof clientMethods> = {
  'clients.create'(input, ctx) {
    const record: ClientRecord = {
      id: newId('cl'),
      name: input.name,
      company: input.company ?? null,
      contactName: input.contactName ?? null,
      email: input.email ?? null,
      billingEmail: input.billingEmail ?? null,
      phone: input.phone ?? null,
      address: normalizeAddress(input.address),
      country: input.country ?? null,
      taxId: input.taxId ?? null,
      language: input.language,
      currency: input.currency,
      channels: input.channels,
      notes: input.notes || null,
      tags: input.tags,
      taxRateId: input.taxRateId ?? null,
      taxExemptReason: input.taxExemptReason ?? null,
      prepay: input.prepay,
    };
    const client = ctx.transaction(() => {
      if (record.taxRateId) requireTaxRate(ctx, record.taxRateId);
      const created = ctx.clients.insert(record, ctx.clock.now().toISOString());
      ctx.audit.append({ action: 'client.created', entity: 'client', entityId: created.id, data: record });
      return created;
    });
    ctx.events.emit('clients.changed', { id: client.id, change: 'created' });
    return client;
  },

  'clients.update'(input, ctx) {
    const result = ctx.transaction(() => {
      const current = requireClient(ctx, input.id);
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        throw conflict(`${current.name} was changed elsewhere since you opened it. Reload to see the latest details, then make your change again.`, {
          currentVersion: current.version,
        });
      }
      const next: ClientRecord = { ...current };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of RECORD_FIELDS) {
        const sent = input[field];
        if (sent === undefined) continue;
        const value = field === 'address' ? normalizeAddress(sent as ParsedAddress | null) : field === 'notes' ? sent || null : sent;
        if (!sameValue(value, current[field])) {
          changes[field] = { from: current[field], to: value };
          (next as Record<string, unknown>)[field] = value;
        }
      }
      if (Object.keys(changes).length === 0) return { client: current, changed: false };
      if ('taxRateId' in changes && next.taxRateId) requireTaxRate(ctx, next.taxRateId);
      if ('currency' in changes && ctx.clients.hasMoneyOrContracts(current.id)) {
        throw invalidField({ field: 'currency', code: 'not_allowed', message: `${current.name} already has contracts or invoices in ${current.currency}; the currency can no longer change.` });
      }
      const updated = ctx.clients.update(next, ctx.clock.now().toISOString());
      if ('name' in changes) ctx.contracts.refreshTermsOfClient(updated.id);
      ctx.audit.append({ action: 'client.updated', entity: 'client', entityId: updated.id, data: changes });
      return { client: updated, changed: true };
    });
    if (result.changed) ctx.events.emit('clients.changed', { id: result.client.id, change: 'updated' });
    return result.client;
  },

  'clients.get'(input, ctx) {
    return requireClient(ctx, input.id);
  },

  'clients.search'(input, ctx) {
    if (input.cursor !== undefined && !isValidCursor(input.cursor, input.order)) {
      throw new ApiError('invalid_input', 'The page cursor is not one HostLedger handed out.', {
        fields: [{ field: 'cursor', code: 'invalid', message: 'The page cursor is not one HostLedger handed out.' }],
      });
    }
    const { limit, cursor, ...filters } = input;
    // Scores are read as stored, in every order: finding which are stale costs a pass over the
    // whole book, too slow for a search per keystroke. Rows carry `current`; the list asks
    // risk.refresh (the daily run does too) and reloads.
    return ctx.clients.search(filters, limit, ctx.today(), cursor);
  },

  'clients.archive'(input, ctx) {
    const client = ctx.transaction(() => {
      const current = requireClient(ctx, input.id);
      if (current.status === 'archived') return current;
      const live = ctx.contracts.countLive(current.id);
      if (live > 0) {
        throw conflict(`${current.name} still has ${live} live contract${live === 1 ? '' : 's'}. End or cancel them before archiving the client.`, { liveContracts: live });
      }
      const archived = ctx.clients.setStatus(current.id, 'archived', ctx.clock.now().toISOString());
      ctx.audit.append({ action: 'client.archived', entity: 'client', entityId: current.id, data: { reason: input.reason ?? null } });
      return archived;
    });
    ctx.events.emit('clients.changed', { id: client.id, change: 'updated' });
    return client;
  },

  'clients.restore'(input, ctx) {
    const client = ctx.transaction(() => {
      const current = requireClient(ctx, input.id);
      if (current.status === 'active') return current;
      const restored = ctx.clients.setStatus(current.id, 'active', ctx.clock.now().toISOString());
      ctx.audit.append({ action: 'client.restored', entity: 'client', entityId: current.id, data: null });
      return restored;
    });
    ctx.events.emit('clients.changed', { id: client.id, change: 'updated' });
    return client;
  },

  'clients.timeline'(input, ctx) {
    requireClient(ctx, input.id);
    return { items: ctx.timeline(input.id, input.limit) };
  },
};
