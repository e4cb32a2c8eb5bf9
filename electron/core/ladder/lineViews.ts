// The ladder's lines as the desk and the forecast show them: with the client's and the policy's
// names, what failed on a failed rung's last attempt, and what the approver must know before
// saying yes — a restriction with no panel account to restrict, a suspension where the panel
// cannot back up first (DESIGN §4), a message on a channel the client has no address for, or one
// that cannot go out before the book is set up (no company name, email or SMS not set up).
import type { DeliveryProblem } from '../../../shared/api/channels.js';
import type { LadderLineView } from '../../../shared/api/dunning.js';
import type { Channel } from '../../../shared/domain/client.js';
import { PANEL_CAPABILITIES, type ConnectablePanelKind } from '../../../shared/domain/panelCapabilities.js';
import type { LadderChannel } from '../../../shared/ladder/policy.js';
import type { LadderAction } from '../../../shared/ladder/policy.js';
import type { LadderLine, LadderState } from '../../../shared/ladder/state.js';
import { deliveryProblems } from '../channels/deliveryProblems.js';
import type { Context } from '../context.js';
import { rungStore } from './rungStore.js';

/** Worked out once per action and set of preferred channels: a big desk asks the same question tens of thousands of times. */
const channelsCache = new WeakMap<object, Map<string, LadderChannel[]>>();

/** The channels a send action uses for a client: 'always', or 'if_preferred' when the client's record lists the channel. */
export function sendChannels(action: Extract<LadderAction, { kind: 'send' }>, clientChannels: readonly Channel[]): LadderChannel[] {
  let byPreference = channelsCache.get(action);
  if (!byPreference) channelsCache.set(action, (byPreference = new Map()));
  const key = clientChannels.join(',');
  let channels = byPreference.get(key);
  if (!channels) {
    channels = (Object.entries(action.channels) as [LadderChannel, string][])
      .filter(([channel, mode]) => mode === 'always' || (mode === 'if_preferred' && (clientChannels as readonly string[]).includes(channel)))
      .map(([channel]) => channel);
    byPreference.set(key, channels);
  }
  return channels;
}

interface Contact {
  email: string | null;
  billing_email: string | null;
  phone: string | null;
  address_json: string | null;
}

interface ContractLink {
  id: string;
  panel_account: string | null;
  panel_kind: ConnectablePanelKind | null;
}

const idsJson = (ids: Iterable<string>) => JSON.stringify([...new Set(ids)]);

export function lineViews(ctx: Context, state: LadderState, lines: readonly LadderLine[]): LadderLineView[] {
  const db = ctx.db;
  const problems = deliveryProblems(ctx);
  const clientIds = lines.map((l) => l.clientId);
  const contacts = new Map(
    db
      .prepare<[string], Contact & { id: string }>('SELECT id, email, billing_email, phone, address_json FROM clients WHERE id IN (SELECT value FROM json_each(?))')
      .all(idsJson(clientIds))
      .map((c) => [c.id, c]),
  );
  const invoices = new Map(state.invoices.map((i) => [i.id, i]));
  const escalating = lines.filter((l) => l.actions.some((a) => a.kind === 'restrict' || a.kind === 'backup_suspend'));
  const links = new Map(
    db
      .prepare<[string], ContractLink>(
        `SELECT k.id, k.panel_account, p.kind AS panel_kind FROM contracts k LEFT JOIN panel_connections p ON p.id = k.panel_connection_id WHERE k.id IN (SELECT value FROM json_each(?))`,
      )
      .all(idsJson(escalating.flatMap((l) => invoices.get(l.invoiceId)?.contractIds ?? [])))
      .map((k) => [k.id, k]),
  );
  const rungs = rungStore(db);

  return lines.map((line) => {
    const client = state.clients.get(line.clientId);
    const contact = contacts.get(line.clientId);
    const warnings = new Set<string>();
    const blockedBy = new Set<DeliveryProblem>();
    for (const action of line.actions) {
      if (action.kind === 'send' && client && contact) {
        for (const channel of sendChannels(action, client.channels)) {
          const reachable = channel === 'email' ? Boolean(contact.email || contact.billing_email) : channel === 'letter' ? Boolean(contact.address_json) : Boolean(contact.phone);
          if (!reachable) warnings.add(channel === 'email' ? 'no_email_address' : channel === 'letter' ? 'no_postal_address' : 'no_phone');
          const problem = channel === 'call' ? null : problems[channel];
          if (reachable && problem) blockedBy.add(problem.code);
        }
      }
      if (action.kind === 'restrict' || action.kind === 'backup_suspend') {
        const linked = (invoices.get(line.invoiceId)?.contractIds ?? []).map((id) => links.get(id)).filter((k) => k?.panel_kind && k.panel_account);
        if (linked.length === 0) warnings.add('no_panel_link');
        if (action.kind === 'backup_suspend' && linked.some((k) => PANEL_CAPABILITIES[k!.panel_kind!].backup === null)) warnings.add('no_backup_possible');
      }
    }
    return {
      ...line,
      clientName: client?.name ?? line.clientId,
      policyName: state.policies.policies.get(line.policyId)?.name ?? line.policyId,
      pauseReasons: [...line.pauseReasons],
      warnings: [...warnings],
      blockedBy: [...blockedBy],
      failures: line.status === 'failed' ? rungs.failures(line) : [],
    };
  });
}
