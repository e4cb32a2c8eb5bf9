// SolusVM v1 through its admin API (PANELS.md "SolusVM v1").
//
// Account reference: the virtual server id, digits only, e.g. `205`. Credentials: the admin API
// `apiId` and `apiKey` (Configuration » API Access; the caller's IP must be allowed there), sent
// as the form fields `id` and `key` — declared secret fields. Option `virtualization` (openvz,
// xen, xen hvm, kvm; default kvm) is the node type `listnodes` is asked about when testing.
// Bandwidth is the monthly quota (`vserver-bandwidth`, whole GB — a quota in MB is rounded up),
// read back from `vserver-infoall`. Unsupported: changing the plan and throttling speed, because
// SolusVM v1 reports neither a server's plan nor its speed, so the change could not be confirmed
// nor later undone to what it was; and backup, which its API lacks. Suspension is the whole
// server (`vserver-suspend`); SolusVM takes no reason.
//
// Quirks handled: HTTP 200 even on errors, decided on `status`; we ask for `rdtype=json`, and an
// XML fragment without a root element (the default format, kept by some versions) is wrapped
// and parsed the same way. `vserver-status` says online | offline | disabled (= suspended).
import { PanelError, unsupported, type AdapterFactory, type BandwidthSetting, type PanelAccountState, type PanelAdapter } from '../adapter.js';
import { PANEL_CAPABILITIES } from '../../../../shared/domain/panelCapabilities.js';
import { parseXml } from '../wire/xml.js';
import { checkStatus, describeBandwidth, ensureState, isRecord, missingAccount, readBackSuspension, sameBandwidth, wholeNumber } from './idempotent.js';

const PANEL = 'SolusVM';
const SERVER_ID = /^\d{1,10}$/;
const VIRTUALIZATIONS = new Set(['openvz', 'xen', 'xen hvm', 'kvm']);
const MB = 1024 * 1024;
const MB_PER_GB = 1024;
const SECRET_FIELDS = ['id', 'key'] as const;

export const createSolusvmAdapter: AdapterFactory = ({ config, credentials, http }) => {
  /** One command; resolves to its fields when status is success. */
  async function call(action: string, params: Record<string, string>): Promise<{ fields: Record<string, unknown>; answer: string }> {
    const res = await http.request({
      method: 'POST',
      path: '/api/admin/command.php',
      form: { id: credentials.apiId ?? '', key: credentials.apiKey ?? '', action, rdtype: 'json', ...params },
      secretFields: SECRET_FIELDS,
    });
    checkStatus(PANEL, res, http.redact);
    const answer = http.redact(res.body.slice(0, 2000));
    const fields = parseAnswer(res.body);
    if (!fields || (fields.status !== 'success' && fields.status !== 'error')) throw new PanelError('malformed', `${PANEL} answered ${action} without a status.`, answer);
    if (fields.status === 'error') {
      const why = http.redact(String(fields.statusmsg ?? ''));
      if (/invalid (id|key|ip ?address)|not authori[sz]ed|access denied/i.test(why)) throw new PanelError('auth', `${PANEL} refused the API id and key: ${why}`, answer);
      if (/not found|does not exist|no such|invalid vserver/i.test(why)) throw new PanelError('not_found', `${PANEL}: ${why}`, answer);
      throw new PanelError('refused', `${PANEL} refused ${action}: ${why}`, answer);
    }
    return { fields, answer };
  }

  const checkAccount = (account: string) => (SERVER_ID.test(account) ? null : 'The virtual server id in SolusVM: digits only, e.g. 205.');
  function requireAccount(account: string) {
    const problem = checkAccount(account);
    if (problem) throw new PanelError('refused', problem);
  }

  /** The monthly quota from vserver-infoall's "total,used,free,percent" (bytes); 0 = none. */
  async function readQuota(account: string): Promise<BandwidthSetting | null> {
    const { fields } = await call('vserver-infoall', { vserverid: account, nographs: 'true', nostatus: 'true' });
    const total = typeof fields.bandwidth === 'string' ? Number(fields.bandwidth.split(',')[0]) : NaN;
    if (!Number.isFinite(total) || total < 0) return null;
    return { monthlyMb: total === 0 ? null : Math.round(total / MB), rateKBps: null };
  }

  async function getState(account: string): Promise<PanelAccountState> {
    requireAccount(account);
    let status: string;
    try {
      status = String((await call('vserver-status', { vserverid: account })).fields.statusmsg ?? '');
    } catch (error) {
      if (error instanceof PanelError && error.kind === 'not_found') return missingAccount(`No virtual server ${account} on SolusVM.`);
      throw error;
    }
    if (!['online', 'offline', 'disabled'].includes(status)) throw new PanelError('malformed', `${PANEL} reported an unknown server status.`, http.redact(status));
    const bandwidth = await readQuota(account);
    const suspended = status === 'disabled';
    return {
      exists: true,
      suspended,
      package: null,
      bandwidth,
      summary: http.redact(`${suspended ? 'suspended (disabled)' : status}, ${describeBandwidth(bandwidth)}`),
    };
  }

  async function setQuota(account: string, monthlyMb: number | null) {
    const mb = wholeNumber(PANEL, 'a monthly quota in MB', monthlyMb);
    const gb = mb === null ? 0 : Math.ceil(mb / MB_PER_GB);
    const target: BandwidthSetting = { monthlyMb: mb === null ? null : gb * MB_PER_GB, rateKBps: null };
    return ensureState({
      panel: PANEL,
      account,
      read: () => getState(account),
      done: (state) => state.bandwidth !== null && sameBandwidth(state.bandwidth, target),
      wanted: `limited to ${describeBandwidth(target)}`,
      act: async () => (await call('vserver-bandwidth', { vserverid: account, limit: String(gb), overlimit: '0' })).answer,
    });
  }

  const adapter: PanelAdapter = {
    kind: 'solusvm',
    capabilities: PANEL_CAPABILITIES.solusvm,
    checkAccount,
    async testConnection() {
      const type = config.options.virtualization || 'kvm';
      if (!VIRTUALIZATIONS.has(type)) throw new PanelError('refused', 'The virtualization type must be openvz, xen, xen hvm or kvm.');
      const { fields } = await call('listnodes', { type });
      return { answer: `SolusVM answered: ${type} nodes ${http.redact(String(fields.nodes ?? 'none'))}.` };
    },
    getState,
    ...readBackSuspension(PANEL, getState, {
      suspend: async (account) => (await call('vserver-suspend', { vserverid: account })).answer,
      unsuspend: async (account) => (await call('vserver-unsuspend', { vserverid: account })).answer,
      terminate: async (account) => (await call('vserver-terminate', { vserverid: account, deleteclient: 'false' })).answer,
    }),
    async limitBandwidth(account, limit) {
      if (limit.monthlyMb === null && limit.rateKBps !== null) {
        throw new PanelError('unsupported', 'SolusVM reports no network speed, so HostLedger limits its monthly quota only.');
      }
      const { outcome, before } = await setQuota(account, limit.monthlyMb);
      return { ...outcome, previous: before.bandwidth };
    },
    async restoreBandwidth(account, previous) {
      return (await setQuota(account, previous?.monthlyMb ?? null)).outcome;
    },
    changePackage: () => Promise.reject(unsupported(PANEL, 'report a server\'s plan, so a plan change could not be confirmed or undone')),
    startBackup: () => Promise.reject(unsupported(PANEL, 'back up a server')),
    backupStatus: () => Promise.reject(unsupported(PANEL, 'back up a server')),
  };
  return adapter;
};

/** JSON when asked for; otherwise SolusVM's XML fragment with no root element. */
function parseAnswer(body: string): Record<string, unknown> | null {
  const text = body.trim();
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  if (!text.startsWith('<')) return null;
  const root = parseXml(`<root>${text}</root>`)?.root;
  return isRecord(root) ? root : null;
}
